/**
 * Add the search index and its shared script to the site's output plan. A
 * failure to index is a warning: the site is still published, without search.
 */
import path from 'node:path'
import type { Config } from '../config.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import { mergePlan, type OutputPlan } from '../output.ts'
import { fingerprint } from '../pages/fingerprint.ts'
import type { Diagnostics } from '../report.ts'
import { ASSET_DIR } from '../theme/render.ts'
import { buildSearchParts, CORE_SCRIPT, SEARCH_DIR, searchDocuments, shardDocuments } from './build-index.ts'
import { SearchCache } from './cache.ts'
import { CacheEntryError } from '../markdown/note-cache.ts'

export interface EmitSearchOptions {
  config: Config
  diagnostics: Diagnostics
  display: (absolute: string) => string
  /**
   * Resolves when the caller only waits for the index: the parts left are
   * then built two at a time (default: one at a time throughout).
   */
  wider?: Promise<void>
  /** Keep the index in `dir` and reuse it while its documents are unchanged (default: build it every time). */
  cache?: {
    dir: string
    /** The tool's fingerprint (`toolFingerprint()`), so another Pagefind or slugwiki builds afresh. */
    tool: string
  }
}

/** Lists the parts of the index the browser merges into the first (`{ "merge": ["1/", …] }`), under the search folder. */
export const SHARDS_FILE = 'shards.json'

/**
 * Build the index of `graph` into `plan` under `_slugwiki/search/`, in parts
 * of `search-shard-pages` pages; each part whose documents are those of the
 * last build is copied from the cache instead. Returns whether it was built.
 */
export async function emitSearch(graph: SiteGraph, plan: OutputPlan, options: EmitSearchOptions): Promise<boolean> {
  const { config, diagnostics, display } = options
  if (!config.search) return false
  const prefix = `${ASSET_DIR}/${SEARCH_DIR}/`
  // Filled here and added to `plan` only once every part is there: a failed index adds no file.
  const index: OutputPlan = { files: new Map(), copies: new Map(), links: new Map() }
  try {
    // A part no page hashed to is left out (Pagefind cannot load an index without pages); the first
    // part with pages is the one the browser loads, at the top of the folder, as an unsplit index is.
    const parts = shardDocuments(searchDocuments(graph), config.searchShardPages)
      .map((documents, bucket) => ({ documents, bucket }))
      .filter(({ documents }, i) => i === 0 || documents.notes.length + documents.pages.length > 0)
    if (parts.length > 1 && parts[0]!.documents.notes.length + parts[0]!.documents.pages.length === 0) parts.shift()
    const dirOf = (i: number) => (i === 0 ? '' : `${parts[i]!.bucket}/`)
    const stale: Array<{ i: number; print?: string; cache?: SearchCache }> = []
    for (const [i, { documents, bucket }] of parts.entries()) {
      const cache = options.cache && new SearchCache(path.join(options.cache.dir, `part-${bucket}`))
      const print = options.cache && fingerprint([options.cache.tool, config.language, bucket, i === 0, documents])
      const kept = print ? cache?.get(print) : undefined
      if (kept) for (const [rel, file] of kept) index.links!.set(`${prefix}${dirOf(i)}${rel}`, file)
      else stale.push({ i, print, cache })
    }
    const built = await buildSearchParts(
      graph,
      config,
      stale.map(({ i }) => ({ documents: parts[i]!.documents, primary: i === 0 })),
      options.wider,
    )
    for (const [n, { i, print, cache }] of stale.entries()) {
      const part = built[n]!
      // Kept in the cache, a part is linked from there, as the builds after this one will link it.
      const stored = cache && print ? await cache.set(print, part) : undefined
      if (stored) for (const [rel, file] of stored) index.links!.set(`${prefix}${dirOf(i)}${rel}`, file)
      else for (const [rel, content] of part) index.files.set(`${prefix}${dirOf(i)}${rel}`, content)
    }
    index.files.set(`${prefix}${SHARDS_FILE}`, `${JSON.stringify({ merge: parts.slice(1).map((_, i) => dirOf(i + 1)) })}\n`)
    index.copies.set(`${prefix}core.js`, CORE_SCRIPT)
    mergePlan(plan, index)
    return true
  } catch (error) {
    // A note body the cache could not read back is the build's to handle (it runs again without it).
    if (error instanceof CacheEntryError) throw error
    const where = display(config.configFile ?? config.src)
    diagnostics.warn(where, `Search index not built, the site has no search: ${error instanceof Error ? error.message : String(error)}`, 'search')
    return false
  }
}
