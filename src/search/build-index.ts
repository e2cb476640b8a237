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
import { createIndex, type PagefindIndex } from 'pagefind'
import { packageRoot, type Config } from '../config.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import { slugOf, type SourcePath } from '../paths.ts'
import { indexDocument } from './document.ts'
import { indexPageDocuments, type IndexPageDocument } from './index-pages.ts'

/** Output folder of the index and the search scripts, under the asset folder. */
export const SEARCH_DIR = 'search'

/** The shared query/ranking module, copied unchanged to `<asset dir>/search/core.js`. */
export const CORE_SCRIPT = path.join(packageRoot(), 'src/search/client/core.js')

/** Pagefind's own search UIs and playground: slugwiki has its own, so they are not published. */
const UNUSED = /^(pagefind-(ui|modular-ui|component-ui|highlight)\.|playground\/)/

export interface SearchIndex {
  /** Path under the search folder → content. */
  files: Map<string, Uint8Array>
  /** Notes indexed. */
  notes: number
}

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
  const notes = graph.all.map((source): NoteSearchDocument => {
    const note = graph.notes.get(source)!
    const { crumb, section } = crumbOf(graph, source)
    const tags = Array.isArray(note.frontmatter.tags) ? note.frontmatter.tags.map(String) : []
    return { source, url: `/${slugOf(source)}`, key: note.key, title: note.title, hasH1: note.hasH1, crumb, section, tags }
  })
  // The generated index pages (topics, tags, symbols) are found too.
  return { notes, pages: indexPageDocuments(graph) }
}

async function addDocuments(index: PagefindIndex, graph: SiteGraph, documents: SearchDocuments, config: Config): Promise<void> {
  const jobs = documents.notes.map(({ source, url, key, ...doc }) => async () => {
    const content = indexDocument({ ...doc, sections: graph.bodies.sections(key), language: config.language })
    const { errors } = await index.addHTMLFile({ url, content })
    if (errors.length) throw new SearchIndexError(`Pagefind could not index ${source}: ${errors.join('; ')}`)
  })
  for (const { url, doc } of documents.pages) {
    jobs.push(async () => {
      const { errors } = await index.addHTMLFile({ url, content: indexDocument({ ...doc, language: config.language }) })
      if (errors.length) throw new SearchIndexError(`Pagefind could not index ${url}: ${errors.join('; ')}`)
    })
  }
  // A few requests in flight keep Pagefind busy; its output does not depend on the order they finish.
  let next = 0
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!()
  }
  await Promise.all(Array.from({ length: Math.min(16, jobs.length) }, worker))
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

/** Build the search index of the site's published notes (or of one part of them: `primary` false leaves out Pagefind's runtime). */
export async function buildSearchIndex(
  graph: SiteGraph,
  config: Config,
  documents: SearchDocuments = searchDocuments(graph),
  { primary = true }: { primary?: boolean } = {},
): Promise<SearchIndex> {
  const created = await createIndex({ forceLanguage: config.language.split(/[-_]/)[0] || 'en' })
  if (!created.index) throw new SearchIndexError(`Pagefind could not start: ${created.errors.join('; ')}`)
  const index = created.index
  try {
    await addDocuments(index, graph, documents, config)
    const { files, errors } = await index.getFiles()
    if (errors.length) throw new SearchIndexError(`Pagefind could not write the index: ${errors.join('; ')}`)
    const out = new Map<string, Uint8Array>()
    for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      if (!UNUSED.test(file.path) && (primary || !RUNTIME.test(file.path))) out.set(file.path, file.content)
    }
    return { files: out, notes: documents.notes.length }
  } finally {
    await index.deleteIndex()
  }
}
