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
import { fileURLToPath } from 'node:url'
import { createIndex, type PagefindIndex } from 'pagefind'
import type { Config } from '../config.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import { slugOf, type SourcePath } from '../paths.ts'
import { indexDocument } from './document.ts'
import { indexPageDocuments } from './index-pages.ts'
import { collectSections } from './sections.ts'

/** Output folder of the index and the search scripts, under the asset folder. */
export const SEARCH_DIR = 'search'

/** The shared query/ranking module, copied unchanged to `<asset dir>/search/core.js`. */
export const CORE_SCRIPT = fileURLToPath(new URL('./client/core.js', import.meta.url))

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

async function addNotes(index: PagefindIndex, graph: SiteGraph, config: Config): Promise<void> {
  const jobs = graph.all.map((source) => async () => {
    const note = graph.notes.get(source)!
    const { crumb, section } = crumbOf(graph, source)
    const tags = Array.isArray(note.frontmatter.tags) ? note.frontmatter.tags.map(String) : []
    const content = indexDocument({ title: note.title, hasH1: note.hasH1, sections: collectSections(note.tree), language: config.language, crumb, section, tags })
    const { errors } = await index.addHTMLFile({ url: `/${slugOf(source)}`, content })
    if (errors.length) throw new SearchIndexError(`Pagefind could not index ${source}: ${errors.join('; ')}`)
  })
  // The generated index pages (topics, tags, symbols) are found too.
  for (const { url, doc } of indexPageDocuments(graph)) {
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

/** Build the search index of the site's published notes. */
export async function buildSearchIndex(graph: SiteGraph, config: Config): Promise<SearchIndex> {
  const created = await createIndex({ forceLanguage: config.language.split(/[-_]/)[0] || 'en' })
  if (!created.index) throw new SearchIndexError(`Pagefind could not start: ${created.errors.join('; ')}`)
  const index = created.index
  try {
    await addNotes(index, graph, config)
    const { files, errors } = await index.getFiles()
    if (errors.length) throw new SearchIndexError(`Pagefind could not write the index: ${errors.join('; ')}`)
    const out = new Map<string, Uint8Array>()
    for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      if (!UNUSED.test(file.path)) out.set(file.path, file.content)
    }
    return { files: out, notes: graph.all.length }
  } finally {
    await index.deleteIndex()
  }
}
