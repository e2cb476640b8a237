/** What the search thread (search-worker.mjs) is given and gives back. */

/** One part of the index to build: its documents (`content` is the HTML Pagefind reads). */
export interface IndexJob {
  /** Pagefind's `forceLanguage`. */
  language: string
  documents: Array<{ url: string; content: string }>
}

/** One part's files, or why it could not be built. */
export interface IndexedPart {
  errors: string[]
  files: Array<{ path: string; content: Uint8Array }>
}

/**
 * A part built in two steps on one thread (speculation.ts): `begin` adds the
 * documents known early and keeps the index open under a name; `finish`
 * adds the others and gives the files; `drop` discards it.
 */
export type SessionJob =
  | { begin: string; language: string; documents: IndexJob['documents'] }
  | { finish: string; documents: IndexJob['documents'] }
  | { drop: string }
