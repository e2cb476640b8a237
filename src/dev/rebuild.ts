/**
 * Rebuild stage of the dev server: the whole site held in memory, brought up
 * to date by each batch of file changes. Only changed notes are parsed again
 * (by content hash); the site graph and page models are rebuilt, and only
 * pages whose model changed are rendered again, when asked for.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { ConfigError, configPlace, resolveConfig, type CliOptions, type Config } from '../config.ts'
import { CONFIG_NAMES as DOCUSAURUS_CONFIG_NAMES, SIDEBAR_NAMES as DOCUSAURUS_SIDEBAR_NAMES } from '../config-docusaurus.ts'
import { CONFIG_NAMES as ASTRO_CONFIG_NAMES, siteOfDocs } from '../config-starlight.ts'
import type { SourceListing } from '../content/discover.ts'
import { discoverSources, includedNotes, loadTopics } from '../content/load.ts'
import { memorySummaryMemo } from '../content/summary-memo.ts'
import type { TopicDef } from '../content/topics-file.ts'
import { gitDates } from '../content/git-dates.ts'
import { assembleGraph } from '../graph/assemble.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import type { CodeStylesheet } from '../markdown/code-colors.ts'
import { poolOptions } from '../markdown/compile-all.ts'
import { DiskNoteCache } from '../markdown/disk-cache.ts'
import { toolFingerprint } from '../markdown/fingerprint.ts'
import { createNotePool, type NotePool } from '../markdown/pool.ts'
import { slugOf, type Slug, type SourcePath } from '../paths.ts'
import type { OutputPlan } from '../output.ts'
import { additionalFile, loadCodeStylesheet, planSite, sharedPageInputs, themeDirs, type SitePlan } from '../render-site.ts'
import { CORE_SCRIPT, SEARCH_DIR } from '../search/build-index.ts'
import { emitSearch } from '../search/emit.ts'
import { mermaidRoots } from '../mermaid/assets.ts'
import { ASSET_DIR } from '../theme/render.ts'
import { Diagnostics, sortDiagnostics, type Diagnostic } from '../report.ts'
import { loadTheme, ThemeError, type LoadedTheme } from '../theme/load.ts'
import { createNoteStore, type NoteStore } from './notes.ts'
import { classifyChanges, sourceOf } from './classify.ts'
import { createPageTable, type PageTable } from './pages.ts'
import { canPatch, patchSite } from './patch.ts'
import type { Change } from './watcher.ts'

const require = createRequire(import.meta.url)

export interface DevSiteOptions {
  cli: CliOptions
  /** Asset names (under `_slugwiki/`) of scripts added to every page: the reload client. */
  extraScripts: string[]
  /** Told after each note an update compiles (or finds in a cache), with how many it has (`NoteStoreOptions.onProgress`). */
  onProgress?: (done: number, total: number) => void
}

/** What one rebuild changed. */
export interface RebuildResult {
  /** What triggered it, as the terminal names files (source-relative for notes). */
  labels: string[]
  /** Output keys (`kernel/rcu.html`, `images/a.png`) whose content changed, added or removed. */
  changed: ReadonlySet<string>
  /** Every page changed: the outline, the templates or the config did. */
  everything: boolean
  /** A theme stylesheet changed: browsers swap stylesheets without reloading. */
  styles: boolean
  /** Pages whose HTML changed. */
  pages: number
  /** Notes parsed again. */
  parsed: number
  /** Only note bodies changed, so the last graph was patched instead of rebuilt. */
  patched: boolean
  diagnostics: Diagnostic[]
  ms: number
}

/** A file the server may send: text held in memory, or a file on disk that must stay inside `roots`. */
export type Served = { kind: 'content'; body: string | Uint8Array } | { kind: 'file'; file: string; roots: string[] }

/** The site as the dev server holds it. */
export interface DevSite {
  readonly config: Config
  /** Files and folders to watch. */
  watchPaths(): string[]
  /** Files outside the watched paths, watched by name (their folders one level deep): those notes include (listings beside an mdBook's `src/`) and the config files, absolute. */
  outsideFiles(): string[]
  /** Folders never to watch. */
  ignorePaths(): string[]
  /** Apply a batch of changes (none: the first build). Never throws for content problems. */
  update(changes: Change[]): Promise<RebuildResult>
  /** A file changed and a batch holding it will follow: start on what it needs (compiling it, for a note). */
  prefetch(change: Change): void
  has(key: string): boolean
  /** The content of an output file; rejects with what a template throws. */
  serve(key: string): Promise<Served | undefined>
  /** Errors to show on the page at `key`: its note's own, and the site-wide ones. */
  errorsFor(key: string | undefined): Diagnostic[]
  /** The output key of the 404 page (`404.html`, or as mdBook's `input-404` names it), if the site has one. */
  notFoundKey(): string | undefined
  /** Record (or clear, with undefined) a site-wide error from outside the build, such as a failed rebuild. */
  setFault(fault: Diagnostic | undefined): void
  /** Resolves once the compile threads are warm after a start from the persistent cache (`NoteStore.warmedUp`). */
  warmedUp(): Promise<void>
  /** Stop the worker pool. */
  close(): Promise<void>
}

/** Run `step`; a thrown error becomes a diagnostic on `file` instead of escaping. */
async function attempt(step: () => Promise<void>, file: string): Promise<Diagnostic | undefined> {
  try {
    await step()
    return undefined
  } catch (error) {
    if (error instanceof ConfigError) return error.diagnostic
    const message = error instanceof Error ? error.message : String(error)
    return { file: path.relative(process.cwd(), file) || file, severity: 'error', message, rule: error instanceof ThemeError ? 'theme' : 'reload' }
  }
}


/** Create the site; call `update([])` once to build it. Throws `ConfigError` when the config is broken at start. */
export async function createDevSite(options: DevSiteOptions): Promise<DevSite> {
  const cwd = process.cwd()
  const display = (absolute: string) => path.relative(cwd, absolute) || absolute

  let config = resolveConfig(options.cli)
  let theme: LoadedTheme
  let codeStyles: CodeStylesheet
  let themeVersion = 0
  let notes: NoteStore
  let lastUpdated: ReadonlyMap<SourcePath, string>
  let listing: SourceListing = { notes: [], assets: [] }
  let listingDiagnostics: Diagnostic[] = []
  let topics: TopicDef[] = []
  let topicsDiagnostics: Diagnostic[] = []
  let graph: SiteGraph | undefined
  let plan: SitePlan | undefined
  let pages: PageTable = createPageTable(options.extraScripts)
  let diagnostics: Diagnostic[] = []
  let siteErrors: Diagnostic[] = []
  let fault: Diagnostic | undefined
  let configFault: Diagnostic | undefined
  let themeFault: Diagnostic | undefined
  let built = false
  let pool: NotePool | undefined
  // The search index covers the whole wiki and only the search box reads it: built when first asked for after a change.
  let search: Promise<OutputPlan> | undefined
  const searchPrefix = `${ASSET_DIR}/${SEARCH_DIR}/`
  let summaryMemo = memorySummaryMemo()

  const displaySource = (source: SourcePath) => display(path.join(config.src, source))
  // The topics file counts as configuration: its topics are linked in every note's prose; so does
  // .mdbookignore, which decides what is a note, .gitbook.yaml, which says where the notes are, and book.json.
  const configFiles = () =>
    [
      config.configFile,
      path.join(config.root, 'book.toml'),
      // Beside the notes, or beside `.gitbook.yaml` when its `root` puts them in a folder beneath.
      path.join(config.root, 'slugwiki.toml'),
      path.join(config.src, config.topicsFile),
      path.join(config.src, '.mdbookignore'),
      // A GitBook repository's: its `root` may put the notes in a folder beneath it.
      config.gitbookYaml?.file ?? path.join(config.root, '.gitbook.yaml'),
      // A legacy GitBook's book.json, beside the notes: its title and language (in an mdBook, a file like any other).
      config.configFile?.endsWith('book.toml') ? undefined : path.join(config.src, 'book.json'),
      // A Docusaurus site's config, which makes it one, and its sidebars file, which is named in a warning;
      // looked for beside the notes too, where one added would make them a site's folder.
      ...[...new Set([config.root, config.src])].flatMap((dir) => [...DOCUSAURUS_CONFIG_NAMES, ...DOCUSAURUS_SIDEBAR_NAMES].map((name) => path.join(dir, name))),
      // A Starlight site's Astro config (its title, its `sidebar` named in a warning; one added or removed makes the
      // folder a Starlight site or no longer one), at the site's folder, three above its docs when they are its
      // `src/content/docs` (any other wiki's folder three up is no site of its: never watched).
      ...[...new Set([config.root, siteOfDocs(config.src) ?? config.root])].flatMap((dir) => ASTRO_CONFIG_NAMES.map((name) => path.join(dir, name))),
      // docsify's shell, which makes the folder a docsify site (and says how its links read), and, until
      // the folder is one, its sidebar, which beside README.md makes it one; once it is, the sidebar is
      // read as SUMMARY.md is, with the notes.
      path.join(config.src, 'index.html'),
      config.docsify ? undefined : path.join(config.src, '_sidebar.md'),
      // A Jekyll site's `_config.yml`: its title, what it leaves out, its callouts; one added makes the folder a Jekyll site.
      path.join(config.src, '_config.yml'),
      // mkdocs-macros's `include_yaml` files: their variables are replaced in every page's text.
      ...(config.mkdocsMarkdown?.macroFiles ?? []),
    ].filter((f): f is string => !!f)
  const themeFolders = () => [...theme.folders, themeDirs(config)[0]!]
  // Folders whose files configure the site as a whole: mdBook's theme folder (favicons, ignored
  // templates), and an MkDocs site's `custom_icons` folders, whose icons every page's processor lists.
  const configFolders = () => [config.mdbookTheme.dir, ...(config.mkdocsMarkdown?.customIcons ?? [])]

  /** Read the config, theme and processor from scratch; keeps the old ones when the new config is broken. */
  const reset = async () => {
    const next = built ? resolveConfig(options.cli) : config
    // The first load may use the module cache; later ones must not, or edited templates would not show.
    const nextTheme = await loadTheme(next.theme, themeDirs(next), built ? ++themeVersion : 0)
    const nextCodeStyles = await loadCodeStylesheet(next)
    config = next
    theme = nextTheme
    codeStyles = nextCodeStyles
    const found = new Diagnostics()
    topics = loadTopics({ config, diagnostics: found, display })
    topicsDiagnostics = found.list
    // The topics are linked in every note's prose: the pool's workers are made with them.
    const previousPool = pool
    pool = createNotePool(poolOptions(config, config.threads, topics))
    // The last store's writes end before the next store reads and writes the same folder, and its
    // warm-up before its pool closes.
    if (built) await notes.close()
    const disk = config.cacheDir ? { cache: DiskNoteCache.forWiki(config.cacheDir, config.src), tool: toolFingerprint() } : undefined
    notes = createNoteStore({ config, pool, displaySource, disk, onProgress: options.onProgress })
    await previousPool?.close()
    lastUpdated = gitDates(config.src)
    pages = createPageTable(options.extraScripts)
    summaryMemo = memorySummaryMemo()
  }

  /** The book's `additional-css` and `additional-js` files, absolute. */
  const additionalFiles = () => {
    const files = (list: string[]) => list.map((rel) => additionalFile(config, rel)).filter((file) => file !== undefined)
    return { css: files(config.additionalCss), js: files(config.additionalJs) }
  }

  const update = async (changes: Change[]): Promise<RebuildResult> => {
    const started = performance.now()
    // The first build has no changes, and no theme yet to ask for its folders.
    const c = classifyChanges(changes, { config, configFiles: configFiles(), themeFolders: built ? themeFolders() : [], configFolders: configFolders(), additional: additionalFiles() })
    let everything = !built
    if (!built) await reset()
    else if (c.config) {
      // A broken config or theme keeps the last good one serving, with the error shown, until a save fixes it.
      configFault = await attempt(reset, configFiles()[0]!)
      everything = !configFault
    } else if (c.templates || c.themeAssets) {
      themeFault = await attempt(async () => {
        theme = await loadTheme(config.theme, themeDirs(config), ++themeVersion)
      }, theme.folders[0]!)
      everything = !themeFault && c.templates
    }

    const collected = new Diagnostics()
    if (everything || c.structure) {
      // Discovery runs only when files appeared or vanished; its warnings are kept for the rebuilds between.
      const found = new Diagnostics()
      listing = discoverSources({ config, diagnostics: found, display })
      listingDiagnostics = found.list
    }
    const parsed = await notes.update(listing.notes, c.sources, c.outside)
    const changed = new Set<string>()
    let nextGraph: SiteGraph
    let nextPlan: SitePlan
    const onlyNotes = !c.config && !c.templates && !c.themeAssets && !c.structure && c.published.size === 0 && [...c.sources].every((s) => parsed.some((p) => p.source === s))
    const patchable = !!graph && !!plan && !everything && onlyNotes && canPatch(parsed)
    if (patchable && graph && plan) {
      // Only prose changed: the graph, the other pages and the other diagnostics still hold.
      const patched = patchSite(graph, plan, parsed, { config, lastUpdated })
      nextGraph = patched.graph
      nextPlan = patched.plan
      pages.patch({ plan: nextPlan }, patched.slugs)
      for (const slug of patched.slugs) changed.add(slug)
      const gone = new Set<Diagnostic>([...parsed.flatMap((p) => p.diagnosticsBefore), configFault, themeFault].filter((d): d is Diagnostic => !!d))
      for (const d of [...diagnostics.filter((d) => !gone.has(d)), ...parsed.flatMap((p) => p.diagnosticsAfter)]) collected.add(d)
    } else {
      for (const d of [...listingDiagnostics, ...topicsDiagnostics, ...notes.diagnostics()]) collected.add(d)
      // mdBook reports an extra watch folder it cannot watch and goes on without it.
      config.extraWatchDirs.forEach((dir, i) => {
        if (!fs.existsSync(dir)) collected.warn(display(config.configFile ?? config.root), `\`[build] extra-watch-dirs\`: \`${display(dir)}\` does not exist and is not watched`, 'config', configPlace(config, ['build', 'extra-watch-dirs', i]))
      })
      const included = includedNotes(notes.dependencies())
      nextGraph = assembleGraph(notes.shown(), { config, listing, inputs: notes.inputs(), bodies: notes.bodies, included, topics, diagnostics: collected, display, summaryMemo })
      nextPlan = planSite(nextGraph, { config, listing, diagnostics: collected, display, theme, lastUpdated, codeStyles })
      // Every page's sidebar shows the outline and ends with the Index part, which lists only the index pages that exist.
      const shared = [sharedPageInputs(nextGraph), themeVersion]
      const paged = pages.update({ plan: nextPlan, shared })
      everything ||= paged.everything
      for (const slug of paged.changed) changed.add(slug)
      for (const key of changedFiles(plan, nextPlan, c.sources, c.published, config)) changed.add(key)
      // A changed image or listing changes no HTML, but the pages showing it should reload.
      // A file of VitePress's public/ folder (or Docusaurus's static/) is linked by its path in the site (`public/logo.svg` as `logo.svg`).
      const assets = new Set<string>(c.sources)
      for (const [at, file] of listing.files ?? []) if (c.published.has(file) || c.sources.has(path.relative(config.src, file).split(path.sep).join('/') as SourcePath)) assets.add(at)
      for (const note of nextGraph.notes.values()) {
        if (note.links.some((link) => link.kind === 'asset' && assets.has(link.target))) changed.add(slugOf(note.source))
      }
    }
    graph = nextGraph
    plan = nextPlan
    built = true
    search = undefined

    // A broken config or theme is reported with the rest until it is fixed.
    for (const d of [configFault, themeFault]) if (d) collected.add(d)
    diagnostics = sortDiagnostics(collected.list)
    const fromNotes = new Set(notes.diagnostics())
    siteErrors = diagnostics.filter((d) => d.severity === 'error' && !fromNotes.has(d))
    return {
      labels: c.labels,
      changed,
      // Every page loads the book's `additional-js`: an edit of one reloads them all.
      everything: everything || c.scripts,
      styles: c.styles,
      pages: [...changed].filter((key) => pages.has(key)).length,
      parsed: parsed.length,
      patched: patchable,
      diagnostics,
      ms: performance.now() - started,
    }
  }

  return {
    get config() {
      return config
    },
    // Before the first build there is no theme yet to ask for its folders: they are added after it.
    watchPaths: () => [config.src, ...[...configFiles(), ...(built ? themeFolders() : []), ...configFolders(), ...config.extraWatchDirs, ...(config.staticDir ? [config.staticDir] : [])].filter((f) => fs.existsSync(f))],
    // Config files outside the notes' folder are watched by name too: one made while serving (a
    // slugwiki.toml beside `.gitbook.yaml`) is no watched path, which are those that existed at start.
    // So are `additional-css`/`additional-js` files (`theme/custom.css` beside book.toml), which no note includes.
    outsideFiles: () => [...notes.outsideFiles(), ...configFiles(), ...additionalFiles().css, ...additionalFiles().js],
    ignorePaths: () => [config.out],
    update,
    prefetch(change) {
      if (!built || (change.kind !== 'change' && change.kind !== 'add')) return
      const source = sourceOf(config, change.file)
      if (source) notes.prefetch(source)
    },
    has: (key) => pages.has(key) || !!plan?.plan.files.has(key) || !!plan?.plan.copies.has(key) || (config.search && key.startsWith(searchPrefix)),
    async serve(key) {
      const html = pages.html(key)
      if (html !== undefined) return { kind: 'content', body: html }
      let files = plan?.plan
      if (key.startsWith(searchPrefix) && graph && config.search) {
        const current = graph
        search ??= (async () => {
          const index: OutputPlan = { files: new Map(), copies: new Map() }
          // A failure is a warning in the build; here it only means no search until the next change.
          await emitSearch(current, index, { config, diagnostics: new Diagnostics(), display })
          return index
        })()
        files = await search
      }
      const body = files?.files.get(key)
      if (body !== undefined) return { kind: 'content', body }
      const file = files?.copies.get(key)
      if (file === undefined) return undefined
      // The book's additional-css/js may lie anywhere in the book's folder: each listed file, and no other, may be read there.
      const additional = additionalFiles()
      return { kind: 'file', file, roots: [config.src, ...(config.staticDir ? [config.staticDir] : []), ...theme.folders, config.mdbookTheme.dir, ...additional.css, ...additional.js, path.dirname(require.resolve('katex/dist/katex.min.css')), path.dirname(CORE_SCRIPT), ...mermaidRoots()] }
    },
    notFoundKey: () => plan?.pages.find((p) => p.kind === 'not-found')?.slug,
    errorsFor(key) {
      const source = key && graph ? graph.bySlug.get(key as Slug) : undefined
      const own = source ? notes.errors(source) : []
      return [...own, ...siteErrors, ...(fault ? [fault] : [])]
    },
    setFault(next) {
      fault = next
    },
    warmedUp: () => (built ? notes.warmedUp() : Promise.resolve()),
    close: async () => {
      // A note store made by the first update: what it compiled is on disk before the process ends.
      if (built) await notes.close()
      await pool?.close()
    },
  }
}

/** Non-page output files whose content changed: generated files compared by value, copies by source file. */
function changedFiles(before: SitePlan | undefined, after: SitePlan, sources: ReadonlySet<SourcePath>, published: ReadonlySet<string>, config: Config): string[] {
  const out: string[] = []
  const touched = new Set([...[...sources].map((s) => path.join(config.src, s)), ...published])
  for (const [key, body] of after.plan.files) if (before?.plan.files.get(key) !== body) out.push(key)
  for (const [key, file] of after.plan.copies) if (before?.plan.copies.get(key) !== file || touched.has(file)) out.push(key)
  for (const key of before?.plan.files.keys() ?? []) if (!after.plan.files.has(key)) out.push(key)
  for (const key of before?.plan.copies.keys() ?? []) if (!after.plan.copies.has(key)) out.push(key)
  return out
}
