/**
 * The last version of one part of a wiki's search index (see emit.ts), kept
 * in its cache folder with the fingerprint of the documents it was built from
 * (`SearchDocuments`, note sections by content key). A build whose part has
 * the same fingerprint copies these files instead of running Pagefind again,
 * which takes seconds on a big wiki; any change to the text, title, place or
 * tags of a note in the part, or to its index pages, builds that part again.
 * The files are written before the record that lists them, each checked by
 * size when read.
 */
import fs from 'node:fs'
import path from 'node:path'

/** Bumped when the record format changes. */
const FORMAT = 1
const RECORD = 'index.json'
const FILES = 'files'

interface SearchRecord {
  format: number
  fingerprint: string
  /** Path under the search folder → size in bytes. */
  files: Record<string, number>
}

/** The search index kept in `dir`. */
export class SearchCache {
  readonly #dir: string

  constructor(dir: string) {
    this.#dir = dir
  }

  /** The files of the index built from `fingerprint` (path under the search folder → file in the cache), when all are there. */
  get(fingerprint: string): Map<string, string> | undefined {
    let record: Partial<SearchRecord>
    try {
      record = JSON.parse(fs.readFileSync(path.join(this.#dir, RECORD), 'utf8')) as Partial<SearchRecord>
    } catch {
      return undefined
    }
    if (record.format !== FORMAT || record.fingerprint !== fingerprint || typeof record.files !== 'object' || !record.files) return undefined
    const files = new Map<string, string>()
    for (const [rel, size] of Object.entries(record.files)) {
      // Pagefind names files inside its folder; a record naming anything else was not written by this class.
      if (path.isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) return undefined
      const file = path.join(this.#dir, FILES, rel)
      try {
        if (fs.statSync(file).size !== size) return undefined
      } catch {
        return undefined
      }
      files.set(rel, file)
    }
    return files
  }

  /**
   * Keep `files` (path under the search folder → content) as the index of
   * `fingerprint`, in place of the last; returns where each is kept, as `get`.
   * A file once written is never changed in place: the output links to it
   * (`OutputPlan.links`).
   */
  async set(fingerprint: string, files: ReadonlyMap<string, Uint8Array>): Promise<Map<string, string>> {
    await fs.promises.rm(path.join(this.#dir, RECORD), { force: true })
    await fs.promises.rm(path.join(this.#dir, FILES), { recursive: true, force: true })
    const sizes: Record<string, number> = {}
    const kept = new Map<string, string>()
    for (const [rel, content] of files) {
      const file = path.join(this.#dir, FILES, rel)
      await fs.promises.mkdir(path.dirname(file), { recursive: true })
      await fs.promises.writeFile(file, content)
      sizes[rel] = content.byteLength
      kept.set(rel, file)
    }
    const record: SearchRecord = { format: FORMAT, fingerprint, files: sizes }
    await fs.promises.writeFile(path.join(this.#dir, RECORD), JSON.stringify(record))
    return kept
  }
}
