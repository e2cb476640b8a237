/**
 * Add the search index and its shared script to the site's output plan. A
 * failure to index is a warning: the site is still published, without search.
 */
import type { Config } from '../config.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import type { OutputPlan } from '../output.ts'
import { fingerprint } from '../pages/fingerprint.ts'
import type { Diagnostics } from '../report.ts'
import { ASSET_DIR } from '../theme/render.ts'
import { buildSearchIndex, CORE_SCRIPT, SEARCH_DIR, searchDocuments } from './build-index.ts'
import { SearchCache } from './cache.ts'
import { CacheEntryError } from '../markdown/note-cache.ts'

export interface EmitSearchOptions {
  config: Config
  diagnostics: Diagnostics
  display: (absolute: string) => string
  /** Keep the index in `dir` and reuse it while its documents are unchanged (default: build it every time). */
  cache?: {
    dir: string
    /** The tool's fingerprint (`toolFingerprint()`), so another Pagefind or slugwiki builds afresh. */
    tool: string
  }
}

/** Build the index of `graph` into `plan` under `_slugwiki/search/`; returns whether it was built. */
export async function emitSearch(graph: SiteGraph, plan: OutputPlan, options: EmitSearchOptions): Promise<boolean> {
  const { config, diagnostics, display } = options
  if (!config.search) return false
  try {
    const documents = searchDocuments(graph)
    const cache = options.cache && new SearchCache(options.cache.dir)
    const print = options.cache && fingerprint([options.cache.tool, config.language, documents])
    const kept = print ? cache?.get(print) : undefined
    if (kept) {
      for (const [rel, file] of kept) plan.copies.set(`${ASSET_DIR}/${SEARCH_DIR}/${rel}`, file)
    } else {
      const index = await buildSearchIndex(graph, config, documents)
      for (const [rel, content] of index.files) plan.files.set(`${ASSET_DIR}/${SEARCH_DIR}/${rel}`, content)
      if (cache && print) await cache.set(print, index.files)
    }
    plan.copies.set(`${ASSET_DIR}/${SEARCH_DIR}/core.js`, CORE_SCRIPT)
    return true
  } catch (error) {
    // A note body the cache could not read back is the build's to handle (it runs again without it).
    if (error instanceof CacheEntryError) throw error
    const where = display(config.configFile ?? config.src)
    diagnostics.warn(where, `Search index not built, the site has no search: ${error instanceof Error ? error.message : String(error)}`, 'search')
    return false
  }
}
