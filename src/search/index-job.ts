/** What the search thread (search-worker.ts) is given and gives back. */

/** Parts of the index to build, each a list of documents (`content` is the HTML Pagefind reads). */
export interface IndexJob {
  /** Pagefind's `forceLanguage`. */
  language: string
  parts: Array<Array<{ url: string; content: string }>>
}

/** One part's files, or why it could not be built. */
export interface IndexedPart {
  errors: string[]
  files: Array<{ path: string; content: Uint8Array }>
}
