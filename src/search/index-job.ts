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
