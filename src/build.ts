/**
 * One run of the whole pipeline: load → markdown → graph → pages/theme →
 * output. `compileSite` stops before writing, so the dev server can serve the
 * same result from memory.
 */
import path from 'node:path'
import { resolveConfig, type CliOptions, type Config } from './config.ts'
import { loadSources } from './content/load.ts'
import { fileSummaryMemo } from './content/summary-memo.ts'
import { assembleGraph } from './graph/assemble.ts'
import type { SiteGraph } from './graph/site-graph.ts'
import { DiskNoteCache } from './markdown/disk-cache.ts'
import { toolFingerprint } from './markdown/fingerprint.ts'
import { CacheEntryError, type NoteCache } from './markdown/note-cache.ts'
import { compileAll, poolOptions, threadsFor } from './markdown/compile-all.ts'
import { createNotePool, type NotePool } from './markdown/pool.ts'
import type { TopicDef } from './content/topics-file.ts'
import { WRITING, withHeldHeaps } from './markdown/heap-growth.ts'
import { checkOutputFolder, mergePlan, writeAtomically, type OutputPlan, type WriteStats } from './output.ts'
import type { Page } from './pages/model.ts'
import type { SourcePath } from './paths.ts'
import { Diagnostics, sortDiagnostics, type Diagnostic } from './report.ts'
import { renderSite } from './render-site.ts'
import { emitSearch } from './search/emit.ts'

export interface BuildHooks {
  /** Called as notes compile. */
  onProgress?: (done: number, total: number) => void
  /**
   * Compiled notes kept between builds. Default: a `DiskNoteCache` under
   * `config.cacheDir` (none under `--no-cache`). A long-lived caller may pass
   * one it keeps (`memoryNoteCache()`), so a rebuild compiles only changed notes.
   */
  cache?: NoteCache
  /** A worker pool kept across builds (made with `createNotePool(poolOptions(config, threads, topics))`); default: one per build. */
  pool?: NotePool
}

export interface SiteResult {
  config: Config
  graph: SiteGraph
  pages: Page[]
  /** Every file of the site; pages are rendered (or kept from the last output) as they are written. */
  plan: OutputPlan
  /** Record the pages written for the next build (with the persistent cache), once the output is in place. */
  recordPages?: () => Promise<void>
  diagnostics: Diagnostic[]
  /** False when any error was reported: the site must not be published. */
  ok: boolean
  /** Notes compiled by this build; the others came from the cache. */
  compiledNotes: number
}

export interface BuildResult extends SiteResult {
  /** Whether the output folder was written. */
  written: boolean
  /** Files written anew and files kept from the previous output, when written. */
  output?: WriteStats
  seconds: number
}

/** A site whose search index is still being built (in Pagefind's process) while its pages are written. */
interface PlannedSite extends Omit<SiteResult, 'diagnostics' | 'ok'> {
  /** Errors known before the index is done: nothing is written when there are any. */
  failedEarly: boolean
  /** The index's files, once built, and every diagnostic of the build. */
  finish(): Promise<{ search: OutputPlan; diagnostics: Diagnostic[] }>
}

/** Run every stage but the search index's end; it goes on in the background (see `PlannedSite`). */
async function planSiteBuild(config: Config, hooks: BuildHooks): Promise<PlannedSite> {
  const cwd = process.cwd()
  const display = (absolute: string) => path.relative(cwd, absolute) || absolute
  const displaySource = (source: SourcePath) => display(path.join(config.src, source))
  const diagnostics = new Diagnostics()

  const disk = hooks.cache ? undefined : defaultCache(config)
  const cache = hooks.cache ?? disk
  // Threads take a while to start (a third of a second each): they start as soon as the notes are
  // listed, when their dates or the lack of a cache say some will need compiling.
  let started: NotePool | undefined
  const onListed = (notes: readonly SourcePath[], topics: readonly TopicDef[]) => {
    if (hooks.pool || (cache && !(cache instanceof DiskNoteCache))) return
    const guess = cache ? cache.modifiedSince(config.src, notes) : notes.length
    if (guess > 0) started = createNotePool(poolOptions(config, threadsFor(guess, config.threads), topics))
  }
  let loaded: ReturnType<typeof loadSources>
  try {
    loaded = loadSources({ config, diagnostics, display, onListed })
  } catch (error) {
    await started?.close()
    throw error
  }
  const { listing, inputs, included, topics } = loaded
  // The pages and the search index are kept beside a persistent note cache, and only there.
  const tool = disk || hooks.cache instanceof DiskNoteCache ? toolFingerprint() : undefined
  const folder = hooks.cache instanceof DiskNoteCache ? hooks.cache.dir : disk?.dir
  const compiled = await compileAll(inputs, { config, displaySource, topics, onProgress: hooks.onProgress, cache, pool: hooks.pool, started, threads: config.threads, tool })
  for (const note of compiled.notes) for (const d of note.diagnostics) diagnostics.add(d)
  const persistent = folder !== undefined && tool !== undefined ? { folder, tool } : undefined
  const summaryMemo = persistent && fileSummaryMemo(path.join(persistent.folder, 'summary.json'))
  const graph = assembleGraph(compiled.notes, { config, listing, inputs, bodies: compiled.bodies, included, topics, diagnostics, display, summaryMemo, tool })
  // Pagefind runs in its own process: the index is built while the pages are planned and written,
  // and on a second process too once `finish` is called, when only the index is left.
  const index: OutputPlan = { files: new Map(), copies: new Map() }
  let widen = () => {}
  const wider = new Promise<void>((resolve) => (widen = resolve))
  const search = emitSearch(graph, index, { config, diagnostics, display, wider, cache: persistent && { dir: path.join(persistent.folder, 'search'), tool: persistent.tool } })
  // Awaited by `finish`; a failure of the pages first must not leave it unhandled.
  search.catch(() => undefined)
  const { pages, plan, recordPages } = await renderSite(graph, {
    config,
    listing,
    diagnostics,
    display,
    pageCache: persistent && { file: path.join(persistent.folder, 'pages.json'), tool: persistent.tool },
  })
  return {
    config,
    graph,
    pages,
    plan,
    recordPages,
    compiledNotes: compiled.compiled,
    // The search stage reports only warnings: whether the build has errors is known now.
    failedEarly: diagnostics.list.some((d) => d.severity === 'error'),
    async finish() {
      widen()
      await search
      return { search: index, diagnostics: sortDiagnostics(diagnostics.list) }
    },
  }
}

/** Run every stage and return the site in memory. */
export async function compileSite(config: Config, hooks: BuildHooks = {}): Promise<SiteResult> {
  const { failedEarly: _, finish, ...site } = await planSiteBuild(config, hooks)
  const { search, diagnostics } = await finish()
  mergePlan(site.plan, search)
  return { ...site, diagnostics, ok: !diagnostics.some((d) => d.severity === 'error') }
}

/** The persistent cache of a config, unless `--no-cache`. */
function defaultCache(config: Config): DiskNoteCache | undefined {
  return config.cacheDir ? DiskNoteCache.forWiki(config.cacheDir, config.src) : undefined
}

/** Build the site and, when it has no errors (and no warnings under `--strict`), write it. */
export async function build(options: CliOptions, hooks: BuildHooks = {}): Promise<BuildResult> {
  const started = performance.now()
  const config = resolveConfig(options)
  checkOutputFolder(config.out, config.src, config.root)
  let compiledNotes = 0
  // A cached note body that cannot be read back (damaged on disk after its entry was checked) is
  // found only when a page reads it: its entry is dropped and the build runs again, compiling it.
  for (const forgotten = new Set<string>(); ; ) {
    try {
      const { failedEarly, finish, ...site } = await planSiteBuild(config, hooks)
      compiledNotes += site.compiledNotes
      let diagnostics: Diagnostic[] = []
      let failed = failedEarly
      // The pages are written while Pagefind indexes; its files come last, and the output is
      // put in place only if the whole build passed (a search warning fails a --strict build).
      const late = async (): Promise<OutputPlan | undefined> => {
        const done = await finish()
        diagnostics = done.diagnostics
        mergePlan(site.plan, done.search)
        failed ||= diagnostics.some((d) => d.severity === 'error') || (config.strict && diagnostics.length > 0)
        return failed ? undefined : done.search
      }
      const output = failed ? (await late(), undefined) : await withHeldHeaps(WRITING, () => writeAtomically(config.out, site.plan, late))
      failed ||= !output
      if (output) await site.recordPages?.()
      return { ...site, diagnostics, compiledNotes, ok: !failed, written: !failed, output, seconds: (performance.now() - started) / 1000 }
    } catch (error) {
      if (!(error instanceof CacheEntryError) || forgotten.has(error.key)) throw error
      forgotten.add(error.key)
      const cache = hooks.cache ?? defaultCache(config)
      cache?.forget?.(error.key)
    }
  }
}
