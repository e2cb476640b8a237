/**
 * Pages and theme stages for a whole site: page models → HTML, plus the
 * assets, sitemap and output plan. `planSite` stops before rendering, so the
 * dev server can render pages one at a time, when they are asked for.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { findCollisions, type Claim } from './collisions.ts'
import { escapeText } from './escape-text.ts'
import { FEED_FILE, siteFeed, type FeedLink } from './feed.ts'
import { configPlace, type Config } from './config.ts'
import type { SourceListing } from './content/discover.ts'
import { gitDates } from './content/git-dates.ts'
import type { SiteGraph } from './graph/site-graph.ts'
import type { CompiledNote } from './markdown/compile.ts'
import type { CodeStylesheet } from './markdown/code-colors.ts'
import { folderFingerprint } from './markdown/fingerprint.ts'
import type { OutputPlan, PageOutput } from './output.ts'
import { PageCache } from './page-cache.ts'
import { buildPages, redirectTarget } from './pages/build-pages.ts'
import { fingerprint } from './pages/fingerprint.ts'
import { indexPageLinks } from './pages/index-pages.ts'
import type { Page } from './pages/model.ts'
import { absoluteHref, slugOf, toSourcePath, type SourcePath } from './paths.ts'
import type { Diagnostics } from './report.ts'
import { readMdbookTheme } from './mdbook-theme.ts'
import { mkdocsSiteParts } from './mkdocs-site-parts.ts'
import { addMermaidAssets, MERMAID_LOADER } from './mermaid/assets.ts'
import { BUILTIN_THEMES, loadTheme, type LoadedTheme } from './theme/load.ts'
import { NAV_ASSET, navScript } from './theme/nav.ts'
import { ASSET_DIR, renderPageOutput, type RenderOptions } from './theme/render.ts'

const require = createRequire(import.meta.url)

export interface RenderSiteOptions {
  config: Config
  listing: SourceListing
  diagnostics: Diagnostics
  display: (absolute: string) => string
}

export interface PlanSiteOptions extends RenderSiteOptions {
  theme: LoadedTheme
  /** Last commit date per note. */
  lastUpdated: ReadonlyMap<SourcePath, string>
  /** The colours of highlighted code (`loadCodeStylesheet`), for a site with code. */
  codeStyles?: CodeStylesheet
}

/** Every page model and every non-page file of the site, with what each page needs to render. */
export interface SitePlan {
  pages: Page[]
  /** The site's files other than pages: sitemap, feed, copied assets. */
  plan: OutputPlan
  /** The render options of one page. */
  renderOptions(page: Page): RenderOptions
  /**
   * The fingerprint of one page's model and extra stylesheets and scripts,
   * its note bodies by content key: with the same `sharedPageInputs`, theme
   * and config, the same fingerprint renders the same HTML.
   */
  fingerprint(page: Page): string
}

/**
 * What every page shows besides its own model: the outline in the sidebar,
 * which of its notes are published (linked), the index pages that exist. A
 * theme's templates read nothing else of the graph (see `ThemeContext.graph`).
 */
export function sharedPageInputs(graph: SiteGraph): unknown {
  return [graph.outline, graph.order, indexPageLinks(graph)]
}

/** The config as pages see it: without the settings that only steer the build. */
function pageConfig(config: Config): Partial<Config> {
  // Where book.toml writes its keys places diagnostics only: moving a line changes no page.
  const { threads: _threads, quiet: _quiet, strict: _strict, cacheDir: _cacheDir, out: _out, configPlaces: _configPlaces, ...rest } = config
  return rest
}

/** The folders the theme search looks in, the wiki's own first. */
export function themeDirs(config: Config): string[] {
  return [path.join(config.root, 'themes'), BUILTIN_THEMES]
}

/** Build every page model and list the site's other files, without rendering a page. */
/** Where an `additional-css`/`additional-js` entry is on disk (relative to the book folder), or undefined when it names no file there. */
export function additionalFile(config: Config, rel: string): string | undefined {
  const clean = toSourcePath(rel)
  return clean ? path.join(config.root, clean) : undefined
}

export function planSite(graph: SiteGraph, options: PlanSiteOptions): SitePlan {
  const { config, listing, diagnostics, display, theme } = options
  const displaySource = (source: SourcePath) => display(path.join(config.src, source))
  const { pages, diagnostics: pageDiagnostics } = buildPages(graph, { config, display: displaySource, lastUpdated: options.lastUpdated })
  for (const d of pageDiagnostics) diagnostics.add(d)

  const shown = notesShown(graph)
  const hasMath = shown.some((n) => n.hasMath)
  const hasDiagrams = shown.some((n) => n.hasDiagrams)
  const code = shown.some((n) => n.hasCode) ? options.codeStyles : undefined
  const plan: OutputPlan = { files: new Map(), copies: new Map() }
  for (const asset of listing.assets) plan.copies.set(asset, listing.files?.get(asset) ?? path.join(config.src, asset))
  for (const [rel, file] of theme.assets) plan.copies.set(`${ASSET_DIR}/${rel}`, file)
  if (hasMath) addKatexAssets(plan)
  if (hasDiagrams) addMermaidAssets(plan, ASSET_DIR)
  // One stylesheet for every page's code colours, instead of both schemes' colours inline on every token.
  if (code) plan.files.set(`${ASSET_DIR}/${code.name}`, code.css)
  // mdBook's additional-css/js, relative to the book folder, copied under _slugwiki/additional/.
  const additional = (files: string[], key: 'additional-css' | 'additional-js') =>
    files.flatMap((rel) => {
      const clean = toSourcePath(rel)
      const file = additionalFile(config, rel)
      if (!clean || !file || !fs.existsSync(file)) {
        diagnostics.warn(display(config.configFile ?? config.root), `additional file \`${rel}\` not found in the book folder`, 'additional-asset', configPlace(config, ['output', 'html', key]))
        return []
      }
      plan.copies.set(`${ASSET_DIR}/additional/${clean}`, file)
      return [`additional/${clean}`]
    })
  // `.gitbook.yaml`'s keys of the wrong type, read as unset.
  for (const d of config.gitbookYaml?.diagnostics ?? []) diagnostics.add(d)
  for (const d of config.bookJson?.diagnostics ?? []) diagnostics.add(d)
  for (const d of config.docusaurusSite?.diagnostics ?? []) diagnostics.add(d)
  for (const d of config.mkdocsSite?.diagnostics ?? []) diagnostics.add(d)
  const extraCss = additional(config.additionalCss, 'additional-css')
  const extraJs = additional(config.additionalJs, 'additional-js')
  // mdBook's theme folder: its favicons go where mdBook puts them, the root, unless the book's own
  // files have one there (mdBook copies those last, so theirs is the one served).
  const mdbookTheme = readMdbookTheme(config.mdbookTheme.dir, config.mdbookTheme.named)
  if (mdbookTheme.missing) diagnostics.warn(display(config.configFile ?? config.root), `The theme folder \`${display(config.mdbookTheme.dir)}\` of \`[output.html] theme\` does not exist`, 'mdbook-theme', configPlace(config, ['output', 'html', 'theme']))
  for (const { file, message } of mdbookTheme.ignored) diagnostics.warn(display(file), message, 'mdbook-theme')
  const assetSet = new Set<string>(listing.assets)
  for (const icon of mdbookTheme.favicons) if (!assetSet.has(icon.name)) plan.copies.set(icon.name, icon.file)
  // Material for MkDocs's `theme.logo`, `theme.favicon` (files of `docs_dir`, published as they are) and `copyright`.
  const mkdocs = mkdocsSiteParts(config, assetSet, diagnostics, display)
  const own = [...mdbookTheme.favicons.map(({ name, rel }) => ({ name, rel })), ...(mkdocs.favicon ? [{ name: mkdocs.favicon, rel: 'icon' }] : [])]
  const atRoot = ROOT_FAVICONS.filter(({ name }) => assetSet.has(name))
  const favicons = own.length > 0 ? own : atRoot.length > 0 ? atRoot : themeFavicon(theme)
  // The whole outline once, for the sidebar script; pages carry only their own branch.
  plan.files.set(`${ASSET_DIR}/${NAV_ASSET}`, navScript(graph, config.sectionLabels))
  plan.files.set('sitemap.xml', sitemap(config, pages))
  // Quartz's feed, where its readers subscribed; a file of the book's own there wins, as it would be served.
  const feedXml = assetSet.has(FEED_FILE) ? undefined : siteFeed(graph, pages, { config, lastUpdated: options.lastUpdated, diagnostics, display })
  if (feedXml !== undefined) plan.files.set(FEED_FILE, feedXml)
  const feeds: FeedLink[] = feedXml === undefined ? [] : [{ name: FEED_FILE, type: 'application/rss+xml', title: config.title }]
  // A branch GitHub Pages serves goes through Jekyll, which drops every `_` folder, `_slugwiki/` with the
  // site's styles and scripts among them; mdBook writes the same file. A file of the book's own wins.
  if (!assetSet.has('.nojekyll')) plan.files.set('.nojekyll', "This file makes sure that GitHub Pages doesn't process the site with Jekyll.\n")
  // mdBook's `cname`: the custom domain GitHub Pages reads from `CNAME` (a `src/CNAME` wins, as mdBook copies it last).
  if (config.cname && !assetSet.has('CNAME')) plan.files.set('CNAME', `${config.cname}\n`)

  reportCollisions(pages, plan, { config, listing, diagnostics, display })
  const renderOptions = (page: Page): RenderOptions => {
    const note = page.kind === 'note' ? graph.notes.get(page.source) : page.kind === 'not-found' ? graph.notFound?.note : undefined
    // A note page shows its embedded notes' bodies too: their math, code and diagrams need loading as its own.
    const embeds = page.kind === 'note' ? page.embeds : page.kind === 'not-found' ? (page.note?.embeds ?? []) : []
    const shows = note ? [note, ...embeds.map((e) => graph.notes.get(e.source)).filter((n) => n !== undefined)] : []
    const needsKatex = page.kind === 'print' ? hasMath : shows.some((n) => n.hasMath)
    const needsCode = code !== undefined && (page.kind === 'print' || shows.some((n) => n.hasCode))
    const needsMermaid = page.kind === 'print' ? hasDiagrams : shows.some((n) => n.hasDiagrams)
    const extraStyles = [...(needsCode ? [code.name] : []), ...(needsKatex ? ['katex/katex.min.css'] : []), ...extraCss]
    const extraScripts = [...(needsMermaid ? [MERMAID_LOADER] : []), ...extraJs]
    return { config, graph, theme, extraStyles, extraScripts, favicons, feeds, logo: mkdocs.logo, footer: mkdocs.copyright }
  }
  return { pages, plan, renderOptions, fingerprint: pageFingerprints(renderOptions) }
}

/**
 * A favicon among the site's own files at its root (Starlight's and VitePress's
 * `public/favicon.svg`, a book's `src/favicon.png`), linked as mdBook links
 * its theme's: a browser asks for `/favicon.ico` alone, and only at the host's
 * root, not under a base path.
 */
const ROOT_FAVICONS = [
  { name: 'favicon.svg', rel: 'icon' },
  { name: 'favicon.png', rel: 'shortcut icon' },
  { name: 'favicon.ico', rel: 'icon' },
]

/**
 * The theme's icon for a site without one of its own, as mdBook's and Quartz's
 * default themes have one: without it every page load asks for a missing
 * `/favicon.ico` and the tab shows a blank icon.
 */
function themeFavicon(theme: LoadedTheme): Array<{ name: string; rel: string }> {
  return theme.assets.has('favicon.svg') ? [{ name: `${ASSET_DIR}/favicon.svg`, rel: 'icon' }] : []
}

/** Every note the site shows: the 404 page's too, which is no page of its own unless SUMMARY lists it. */
function notesShown(graph: SiteGraph): CompiledNote[] {
  return [...graph.notes.values(), ...(graph.notFound && !graph.notes.has(graph.notFound.note.source) ? [graph.notFound.note] : [])]
}

/** The code stylesheet of a config's shiki themes (loaded only when asked: it is not needed without code). */
export async function loadCodeStylesheet(config: Config): Promise<CodeStylesheet> {
  const { codeStylesheet } = await import('./markdown/code-colors.ts')
  return codeStylesheet(config.lightTheme, config.darkTheme)
}

/** `SitePlan.fingerprint` for pages rendered with `renderOptions`. */
export function pageFingerprints(renderOptions: (page: Page) => RenderOptions): (page: Page) => string {
  return (page) => {
    const { extraStyles, extraScripts, favicons, feeds, logo, footer } = renderOptions(page)
    // The logo and footer only when a site has them: every other site's pages keep their fingerprints.
    return fingerprint([page, extraStyles, extraScripts, favicons, feeds, ...(logo || footer ? [logo, footer] : [])])
  }
}

/** Where a build records its pages for the next one (`PageCache`). */
export interface PageCacheOptions {
  /** The record's file. */
  file: string
  /** The tool's fingerprint (`toolFingerprint()`). */
  tool: string
}

export interface RenderedSite {
  pages: Page[]
  /** Pages to render as they are written, or to keep from the last output. */
  plan: OutputPlan
  /** Record the pages for the next build, once the output is written. */
  recordPages?: () => Promise<void>
}

/**
 * Plan every page and list every file of the site. Pages are rendered as
 * they are written; with `pageCache`, a page whose fingerprint is the one
 * recorded by the last build into the same folder is kept from it instead.
 */
export async function renderSite(graph: SiteGraph, options: RenderSiteOptions & { pageCache?: PageCacheOptions }): Promise<RenderedSite> {
  const { config } = options
  const theme = await loadTheme(config.theme, themeDirs(config))
  const codeStyles = notesShown(graph).some((n) => n.hasCode) ? await loadCodeStylesheet(config) : undefined
  const site = planSite(graph, { ...options, theme, lastUpdated: gitDates(config.src), codeStyles })
  const rendered = new Map<string, () => PageOutput>()
  const kept = new Map<string, { from: string; render: () => PageOutput }>()
  site.plan.rendered = rendered
  site.plan.kept = kept
  // A theme's templates shape every page; its assets are only copied (pages name them, from the theme's index.ts).
  const shared = options.pageCache && fingerprint([options.pageCache.tool, folderFingerprint(theme.folders, ['assets']), pageConfig(config), sharedPageInputs(graph)])
  const cache = options.pageCache && shared ? new PageCache(options.pageCache.file, config.out, shared) : undefined
  const fingerprints = new Map<string, string>()
  for (const page of site.pages) {
    const render = () => renderPageOutput(page, site.renderOptions(page))
    const print = cache && site.fingerprint(page)
    const from = print && cache.kept(page.slug, print)
    if (print) fingerprints.set(page.slug, print)
    if (from) kept.set(page.slug, { from, render })
    else rendered.set(page.slug, render)
  }
  return { pages: site.pages, plan: site.plan, recordPages: cache && (() => cache.record(fingerprints)) }
}

/** Every output path with its owner; two owners on one URL are an error naming both. */
function reportCollisions(pages: Page[], plan: OutputPlan, { config, listing, diagnostics, display }: RenderSiteOptions): void {
  const sourceFile = (source: string) => display(path.join(config.src, source))
  const assets = new Set<string>(listing.assets)
  const claims: Claim[] = [
    ...pages.map((page): Claim =>
      page.kind === 'note'
        ? { path: page.slug, owner: `\`${sourceFile(page.source)}\``, file: sourceFile(page.source) }
        : page.kind === 'redirect'
          ? { path: page.slug, owner: `a redirect to \`${page.to}\``, redirectsTo: redirectTarget(page.slug, page.to, '/') }
          : { path: page.slug, owner: `the generated \`${page.slug}\`` },
    ),
    ...[...plan.files.keys()].map((rel): Claim => ({ path: rel, owner: `the generated \`${rel}\`` })),
    ...[...plan.copies.keys()].map((rel): Claim => (assets.has(rel) ? { path: rel, owner: `\`${sourceFile(rel)}\``, file: sourceFile(rel) } : { path: rel, owner: `slugwiki's \`${rel}\`` })),
  ]
  for (const group of findCollisions(claims)) {
    const where = group.find((c) => c.file)?.file ?? display(config.src)
    const paths = [...new Set(group.map((c) => `\`${c.path}\``))].join(' and ')
    diagnostics.error(
      where,
      `${group.map((c) => c.owner).join(' and ')} both publish to ${paths}: one URL on case-insensitive file systems and clean-URL hosts; rename one`,
      'output-collision',
    )
  }
}

function addKatexAssets(plan: OutputPlan): void {
  const dist = path.dirname(require.resolve('katex/dist/katex.min.css'))
  plan.copies.set(`${ASSET_DIR}/katex/katex.min.css`, path.join(dist, 'katex.min.css'))
  for (const font of fs.readdirSync(path.join(dist, 'fonts')).sort()) {
    if (font.endsWith('.woff2')) plan.copies.set(`${ASSET_DIR}/katex/fonts/${font}`, path.join(dist, 'fonts', font))
  }
}

/** Pages a reader can land on: notes and generated indexes, not the 404, print or redirect pages. */
const LISTED: ReadonlySet<Page['kind']> = new Set(['note', 'tag', 'tags', 'topic', 'topics', 'symbols', 'category'])

/** sitemap.xml of every note and index page, as paths under the base (the site's origin is not configured). */
function sitemap(config: Config, pages: Page[]): string {
  const urls = pages.filter((p) => LISTED.has(p.kind) && !(p.kind === 'note' && p.noindex)).map((p) => `  <url><loc>${escapeText(absoluteHref(config.base, p.slug))}</loc></url>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}
