/**
 * Pages and theme stages for a whole site: page models → HTML, plus the
 * assets, sitemap and output plan.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import type { Config } from './config.ts'
import type { SourceListing } from './content/discover.ts'
import { gitDates } from './content/git-dates.ts'
import type { SiteGraph } from './graph/site-graph.ts'
import type { OutputPlan } from './output.ts'
import { buildPages } from './pages/build-pages.ts'
import type { Page } from './pages/model.ts'
import { absoluteHref, slugOf, type SourcePath } from './paths.ts'
import type { Diagnostics } from './report.ts'
import { BUILTIN_THEMES, loadTheme } from './theme/load.ts'
import { NAV_ASSET, navScript } from './theme/nav.ts'
import { ASSET_DIR, renderPage } from './theme/render.ts'

const require = createRequire(import.meta.url)

export interface RenderSiteOptions {
  config: Config
  listing: SourceListing
  diagnostics: Diagnostics
  display: (absolute: string) => string
}

/** Render every page and list every file of the site. */
export async function renderSite(graph: SiteGraph, options: RenderSiteOptions): Promise<{ pages: Page[]; plan: OutputPlan }> {
  const { config, listing, diagnostics, display } = options
  const displaySource = (source: SourcePath) => display(path.join(config.src, source))
  const { pages, diagnostics: pageDiagnostics } = buildPages(graph, { config, display: displaySource, lastUpdated: gitDates(config.src) })
  for (const d of pageDiagnostics) diagnostics.add(d)

  const theme = await loadTheme(config.theme, [path.join(config.root, 'themes'), BUILTIN_THEMES])
  const hasMath = [...graph.notes.values()].some((n) => n.hasMath)
  const plan: OutputPlan = { files: new Map(), copies: new Map() }
  for (const page of pages) {
    const needsKatex = page.kind === 'print' ? hasMath : page.kind === 'note' && graph.notes.get(page.source)?.hasMath === true
    plan.files.set(page.slug, renderPage(page, { config, graph, theme, extraStyles: needsKatex ? ['katex/katex.min.css'] : [] }))
  }
  for (const asset of listing.assets) plan.copies.set(asset, path.join(config.src, asset))
  for (const [rel, file] of theme.assets) plan.copies.set(`${ASSET_DIR}/${rel}`, file)
  if (hasMath) addKatexAssets(plan)
  // The whole outline once, for the sidebar script; pages carry only their own branch.
  plan.files.set(`${ASSET_DIR}/${NAV_ASSET}`, navScript(graph))
  plan.files.set('sitemap.xml', sitemap(config, graph))

  // A page and a copied file must not claim the same output path.
  for (const slug of plan.files.keys()) {
    if (plan.copies.has(slug)) diagnostics.error(display(path.join(config.src, slug)), `\`${slug}\` is both a page and a file of the source folder`, 'output-collision')
  }
  return { pages, plan }
}

function addKatexAssets(plan: OutputPlan): void {
  const dist = path.dirname(require.resolve('katex/dist/katex.min.css'))
  plan.copies.set(`${ASSET_DIR}/katex/katex.min.css`, path.join(dist, 'katex.min.css'))
  for (const font of fs.readdirSync(path.join(dist, 'fonts')).sort()) {
    if (font.endsWith('.woff2')) plan.copies.set(`${ASSET_DIR}/katex/fonts/${font}`, path.join(dist, 'fonts', font))
  }
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** sitemap.xml of every note page, as paths under the base (the site's origin is not configured). */
function sitemap(config: Config, graph: SiteGraph): string {
  const urls = graph.all.map((source) => `  <url><loc>${escapeXml(absoluteHref(config.base, slugOf(source)))}</loc></url>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}
