/**
 * Search stage: index every published note's heading sections with Pagefind
 * and return the static files the reader's browser loads on first search.
 *
 * Pagefind was chosen by measurement (scripts/compare-search-engines.ts): its
 * index is split into chunks by word and fragments by page, so the first
 * search downloads only what the query needs, where MiniSearch, FlexSearch and
 * Orama must ship their whole index. It also stems, splits compound
 * identifiers into parts and weights headings, code and prose.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import { packageRoot, type Config } from '../config.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import { slugOf, type SourcePath } from '../paths.ts'
import { indexDocument } from './document.ts'
import type { IndexedPart, IndexJob } from './index-job.ts'
import { indexPageDocuments, type IndexPageDocument } from './index-pages.ts'

/** Output folder of the index and the search scripts, under the asset folder. */
export const SEARCH_DIR = 'search'

/** The shared query/ranking module, copied unchanged to `<asset dir>/search/core.js`. */
export const CORE_SCRIPT = path.join(packageRoot(), 'src/search/client/core.js')

/** Pagefind's own search UIs and playground: slugwiki has its own, so they are not published. */
const UNUSED = /^(pagefind-(ui|modular-ui|component-ui|highlight)\.|playground\/)/


export class SearchIndexError extends Error {}

function crumbOf(graph: SiteGraph, source: SourcePath): { crumb: string; section?: string } {
  const place = graph.places.get(source)
  if (!place) return { crumb: '' }
  const trail = place.ancestors.map((a) => a.title)
  return { crumb: trail.join(' › '), section: trail[0] ?? place.chapter.title }
}

/** One note's entry in the index: everything but its sections, which are read by `key` when the index is built. */
export interface NoteSearchDocument {
  source: SourcePath
  url: string
  key: string
  title: string
  hasH1: boolean
  crumb: string
  section?: string
  tags: string[]
}

/** What the index of a site is built from, note sections by key: the same documents give the same index. */
export interface SearchDocuments {
  notes: NoteSearchDocument[]
  pages: IndexPageDocument[]
}

/** The documents of every published note and index page of `graph`. */
export function searchDocuments(graph: SiteGraph): SearchDocuments {
  // A hidden note (Docusaurus's `unlisted`) is found by its URL only; so is one whose frontmatter says `pagefind: false`
  // (Starlight's key, named after the search engine both use).
  const notes = graph.all.filter((source) => !graph.hidden.has(source) && graph.notes.get(source)!.frontmatter.pagefind !== false).map((source): NoteSearchDocument => {
    const note = graph.notes.get(source)!
    const { crumb, section } = crumbOf(graph, source)
    const tags = Array.isArray(note.frontmatter.tags) ? note.frontmatter.tags.map(String) : []
    return { source, url: `/${slugOf(source)}`, key: note.key, title: note.title, hasH1: note.hasH1, crumb, section, tags }
  })
  // The generated index pages (topics, tags, symbols) are found too.
  return { notes, pages: indexPageDocuments(graph) }
}

/** The HTML Pagefind reads for each document, note sections read by key from the bodies. */
function documentContents(graph: SiteGraph, documents: SearchDocuments, config: Config): Array<{ url: string; content: string }> {
  const notes = documents.notes.map(({ url, key, source: _source, ...doc }) => ({
    url,
    content: indexDocument({ ...doc, sections: graph.bodies.sections(key), language: config.language }),
  }))
  return [...notes, ...documents.pages.map(({ url, doc }) => ({ url, content: indexDocument({ ...doc, language: config.language }) }))]
}

/** The search thread's module, beside this one in the sources and in the launcher's bundle (plain JS: see there why). */
const SEARCH_WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'search-worker.mjs')

/** A thread for index jobs (see search-worker.mjs), started for one build's parts and stopped after. */
function indexThread(): { run(job: IndexJob): Promise<IndexedPart | undefined>; close(): Promise<void> } {
  const pool = new Piscina<IndexJob | { close: true }, IndexedPart | undefined>({ filename: SEARCH_WORKER, minThreads: 1, maxThreads: 1 })
  return {
    run: (job) => pool.run(job),
    async close() {
      try {
        await pool.run({ close: true })
      } finally {
        await pool.destroy()
      }
    },
  }
}

/** Pagefind's runtime (its script, worker and WebAssembly): only the first part's is loaded; the others are merged into it. */
const RUNTIME = /^(pagefind\.js|pagefind-worker\.js|wasm\.[^/]*)$/

/**
 * Split the documents into parts of about `pagesPerShard` pages, by a hash of
 * each page's URL, so that a page stays in its part while others come and go
 * and an edit changes one part. The number of parts is a power of two: it
 * changes (and every part with it) only when the wiki doubles or halves.
 */
export function shardDocuments(documents: SearchDocuments, pagesPerShard: number): SearchDocuments[] {
  const total = documents.notes.length + documents.pages.length
  let count = 1
  while (count * pagesPerShard < total && count < 1024) count *= 2
  const shards = Array.from({ length: count }, (): SearchDocuments => ({ notes: [], pages: [] }))
  const shardOf = (url: string) => (count === 1 ? 0 : createHash('sha1').update(url).digest().readUInt32BE(0) % count)
  for (const note of documents.notes) shards[shardOf(note.url)]!.notes.push(note)
  for (const page of documents.pages) shards[shardOf(page.url)]!.pages.push(page)
  return shards
}

/** One part to build: its documents, and whether it is the part the browser loads first (which carries Pagefind's runtime). */
export interface SearchPart {
  documents: SearchDocuments
  primary: boolean
}

/**
 * Build parts of the search index, on a thread of their own, in the order
 * given; one part's documents at a time are made and handed over, so a big
 * wiki's are never all in memory at once. Each part comes back as its files,
 * by path under its folder. Once `wider` resolves (the caller has nothing
 * left to do but wait), the parts not yet started are shared with a second
 * thread and Pagefind process: while pages render, one thread leaves the
 * other core to them.
 */
export async function buildSearchParts(graph: SiteGraph, config: Config, parts: SearchPart[], wider?: Promise<void>): Promise<Array<Map<string, Uint8Array>>> {
  if (parts.length === 0) return []
  const language = config.language.split(/[-_]/)[0] || 'en'
  const out: Array<Map<string, Uint8Array>> = []
  let next = 0
  let failed = false
  const buildOn = async (thread: ReturnType<typeof indexThread>) => {
    try {
      while (next < parts.length && !failed) {
        const i = next++
        const part = parts[i]!
        const built = await thread.run({ language, documents: documentContents(graph, part.documents, config) })
        if (!built || built.errors.length) throw new SearchIndexError(built ? built.errors.join('; ') : 'The search index thread returned nothing')
        const files = new Map<string, Uint8Array>()
        for (const file of [...built.files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
          if (!UNUSED.test(file.path) && (part.primary || !RUNTIME.test(file.path))) files.set(file.path, file.content)
        }
        out[i] = files
      }
    } catch (error) {
      failed = true
      throw error
    } finally {
      await thread.close()
    }
  }
  let second: Promise<void> | undefined
  void wider?.then(() => {
    // Started only while parts are left; a later call finds none and starts nothing.
    if (next < parts.length && !failed) {
      second = buildOn(indexThread())
      // Handled from the start: it may fail while the first thread still runs; it is awaited below.
      second.catch(() => undefined)
    }
  })
  const first = buildOn(indexThread())
  try {
    await first
  } finally {
    // Every part is built or being built by the second thread: its error, or its end, is awaited too.
    await second?.catch(() => undefined)
  }
  await second
  return out
}
