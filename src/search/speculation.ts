/**
 * Parts of the search index begun before the site's graph exists. After an
 * edit, the part holding the edited page is indexed again: a few hundred
 * documents, a second or two of Pagefind's time, which began only once the
 * notes were compiled and the graph assembled, and ended last of the build.
 * The documents of each part are kept beside it in the cache; as soon as the
 * notes about to be compiled are known, the part of each one's page is begun
 * from its last documents up to the first of those pages. Pagefind's files
 * depend on the order documents come in, and every part gets them by URL
 * (`documentContents`), so those before the first changed page come first
 * in this build too. Once the graph gives the part's documents, the begun
 * part is finished with the others, but only when the ones it was given are
 * exactly its first ones: Pagefind cannot take a document back, so any other
 * difference (a title or a tag changed, a page gone) drops it and the part is
 * built from the start. A part is the same files either way, which
 * test/cache.test.ts checks against builds without the cache.
 */
import fs from 'node:fs'
import path from 'node:path'
import { indexThread, shardOf, type PartDocuments } from './build-index.ts'
import type { IndexedPart } from './index-job.ts'

/** A part's documents as its last build gave them to Pagefind, kept in its cache folder. */
export interface KeptDocuments {
  /** How many parts the index had (a page's part depends on it). */
  count: number
  language: string
  documents: PartDocuments
}

const DOCUMENTS = 'documents.json'

/** More notes than this about to compile is no edit being previewed: nothing is begun. */
const MAX_CHANGED = 16
/** At most this many parts are begun: each takes Pagefind a second or more. */
const MAX_PARTS = 2

/** The folder of one part in the search cache. */
export function partFolder(dir: string, bucket: number): string {
  return path.join(dir, `part-${bucket}`)
}

/** Keep `kept` as the documents of the part in `folder`, for the next build to begin from (when it can be written). */
export function keepDocuments(folder: string, kept: KeptDocuments): void {
  const tmp = path.join(folder, `${DOCUMENTS}.${process.pid}`)
  try {
    fs.mkdirSync(folder, { recursive: true })
    fs.writeFileSync(tmp, JSON.stringify(kept))
    fs.renameSync(tmp, path.join(folder, DOCUMENTS))
  } catch {
    // Only a later build's head start is lost; the index itself does not depend on this file.
    fs.rmSync(tmp, { force: true })
  }
}

function readKept(folder: string): KeptDocuments | undefined {
  try {
    const kept = JSON.parse(fs.readFileSync(path.join(folder, DOCUMENTS), 'utf8')) as Partial<KeptDocuments>
    if (typeof kept.count !== 'number' || typeof kept.language !== 'string' || !Array.isArray(kept.documents)) return undefined
    if (!kept.documents.every((d) => typeof d?.url === 'string' && typeof d.content === 'string')) return undefined
    return kept as KeptDocuments
  } catch {
    // None yet, or damaged: nothing is begun.
    return undefined
  }
}

interface Begun {
  count: number
  /** The documents given to Pagefind, in order. */
  given: PartDocuments
}

/** Parts begun ahead on a thread of their own (see the top of this file), for one build. */
export class SearchSpeculation {
  readonly #dir: string
  readonly #language: string
  readonly #begun = new Map<number, Begun>()
  #thread: ReturnType<typeof indexThread> | undefined

  /** `dir` is the search index's cache folder; `language` Pagefind's (`searchLanguage`). */
  constructor(dir: string, language: string) {
    this.#dir = dir
    this.#language = language
  }

  /** Begin the parts of the pages at `urls`, which are about to change, from their last documents before the first of those pages. */
  begin(urls: readonly string[]): void {
    if (urls.length === 0 || urls.length > MAX_CHANGED || this.#begun.size > 0) return
    let count: number | undefined
    try {
      const any = fs.readdirSync(this.#dir).find((name) => /^part-\d+$/.test(name) && fs.existsSync(path.join(this.#dir, name, DOCUMENTS)))
      count = any === undefined ? undefined : readKept(path.join(this.#dir, any))?.count
    } catch {
      return
    }
    if (count === undefined) return
    const buckets = [...new Set(urls.map((url) => shardOf(url, count)))]
    if (buckets.length > MAX_PARTS) return
    for (const bucket of buckets) {
      const kept = readKept(partFolder(this.#dir, bucket))
      if (!kept || kept.count !== count || kept.language !== this.#language) continue
      // In URL order (as documentContents gives them): those before the first that changes, or is new, here.
      const first = urls.filter((url) => shardOf(url, count) === bucket).reduce((a, b) => (b < a ? b : a))
      const end = kept.documents.findIndex((d) => d.url >= first)
      const documents = end === -1 ? kept.documents : kept.documents.slice(0, end)
      if (documents.length === 0) continue
      this.#begun.set(bucket, { count, given: documents })
      this.#thread ??= indexThread()
      // A part that could not begin says so when it is finished, and is then built from the start.
      this.#thread.run({ begin: String(bucket), language: kept.language, documents }).catch(() => undefined)
    }
  }

  /**
   * The files of part `bucket` of `count` with `documents` (in URL order),
   * when it was begun from exactly their first ones; undefined (build it from
   * the start) when it was not begun, was begun from others, or failed.
   */
  async finish(bucket: number, count: number, documents: PartDocuments): Promise<IndexedPart | undefined> {
    const begun = this.#begun.get(bucket)
    if (!begun || !this.#thread) return undefined
    this.#begun.delete(bucket)
    const { given } = begun
    const same = given.length <= documents.length && given.every((d, i) => d.url === documents[i]!.url && d.content === documents[i]!.content)
    const rest = documents.slice(given.length)
    if (begun.count !== count || !same) {
      await this.#thread.run({ drop: String(bucket) }).catch(() => undefined)
      return undefined
    }
    const built = await this.#thread.run({ finish: String(bucket), documents: rest }).catch(() => undefined)
    return built && built.errors.length === 0 ? built : undefined
  }

  /** Drop what was begun and not finished, and stop the thread. */
  async close(): Promise<void> {
    const thread = this.#thread
    this.#thread = undefined
    if (!thread) return
    for (const bucket of this.#begun.keys()) await thread.run({ drop: String(bucket) }).catch(() => undefined)
    this.#begun.clear()
    // Nothing of the build depends on this thread's end.
    await thread.close().catch(() => undefined)
  }
}
