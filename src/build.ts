/**
 * One run of the whole pipeline: load → markdown → graph → pages → theme →
 * output. `compileSite` stops before writing, so the dev server can serve the
 * same result from memory.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { resolveConfig, type CliOptions, type Config } from './config.ts'
import { discover } from './content/discover.ts'
import { expandIncludes, type LineSegment } from './content/include.ts'
import { gitDates } from './content/git-dates.ts'
import { outlineFromFolders } from './content/outline.ts'
import { DecodeError, readText } from './content/read.ts'
import { parseSummary, type OutlineItem } from './content/summary.ts'
import { checkLinks } from './graph/check-links.ts'
import { buildSiteGraph, type SiteGraph } from './graph/site-graph.ts'
import { compileNote, type CompiledNote } from './markdown/compile.ts'
import { createCodeHighlighter } from './markdown/highlighter.ts'
import { createProcessor } from './markdown/processor.ts'
import { checkOutputFolder, writeAtomically, type OutputPlan } from './output.ts'
import { buildPages } from './pages/build-pages.ts'
import type { Page } from './pages/model.ts'
import { absoluteHref, slugOf, type SourcePath } from './paths.ts'
import { Diagnostics, sortDiagnostics, type Diagnostic } from './report.ts'
import { BUILTIN_THEMES, loadTheme } from './theme/load.ts'
import { ASSET_DIR, renderPage } from './theme/render.ts'

export interface BuildHooks {
  /** Called as notes compile. */
  onProgress?: (done: number, total: number) => void
}

export interface SiteResult {
  config: Config
  graph: SiteGraph
  pages: Page[]
  plan: OutputPlan
  diagnostics: Diagnostic[]
  /** False when any error was reported: the site must not be published. */
  ok: boolean
}

export interface BuildResult extends SiteResult {
  /** Whether the output folder was written. */
  written: boolean
  seconds: number
}

const require = createRequire(import.meta.url)

/** Read, expand and compile every note, then build the pages and the output plan. */
export async function compileSite(config: Config, hooks: BuildHooks = {}): Promise<SiteResult> {
  const cwd = process.cwd()
  const display = (absolute: string) => path.relative(cwd, absolute) || absolute
  const displaySource = (source: SourcePath) => display(path.join(config.src, source))
  const diagnostics = new Diagnostics()

  const listing = discover({
    src: config.src,
    exclude: [config.out],
    configFiles: [config.topicsFile],
    diagnostics,
    display,
  })
  const noteSet = new Set(listing.notes)

  // Load: read and expand every note.
  const texts = new Map<SourcePath, string>()
  const readSource = (source: SourcePath): string | undefined => {
    if (texts.has(source)) return texts.get(source)
    const file = path.join(config.src, source)
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return undefined
    const text = readText(file)
    texts.set(source, text)
    return text
  }
  const inputs: Array<{ source: SourcePath; text: string; segments: LineSegment[]; includeTitle?: string }> = []
  for (const source of listing.notes) {
    const file = path.join(config.src, source)
    const size = fs.statSync(file).size
    if (size > config.maxNoteBytes) {
      diagnostics.error(displaySource(source), `Note is ${size} bytes, over the ${config.maxNoteBytes}-byte limit (max-note-bytes)`, 'note-size')
      continue
    }
    let text: string
    try {
      text = readSource(source)!
    } catch (error) {
      if (error instanceof DecodeError) {
        diagnostics.error(displaySource(source), error.message, 'encoding')
        continue
      }
      throw error
    }
    const expansion = expandIncludes(text, { source, read: (s) => {
      try {
        return readSource(s)
      } catch {
        return undefined
      }
    }, display: displaySource })
    for (const d of expansion.diagnostics) diagnostics.add(d)
    inputs.push({ source, text: expansion.text, segments: expansion.segments, includeTitle: expansion.title })
  }

  // Markdown: compile every note.
  const highlighter = await createCodeHighlighter({ lightTheme: config.lightTheme, darkTheme: config.darkTheme })
  const processor = createProcessor({ math: config.math, trusted: config.trusted, highlighter })
  const compiled: CompiledNote[] = []
  const segmentsOf = new Map<SourcePath, LineSegment[]>()
  let done = 0
  for (const input of inputs) {
    const note = await compileNote(processor, input, displaySource)
    for (const d of note.diagnostics) diagnostics.add(d)
    segmentsOf.set(input.source, input.segments)
    hooks.onProgress?.(++done, inputs.length)
    compiled.push(note)
  }

  // Drafts stay out of a published build unless asked for.
  const skipped = new Set<SourcePath>()
  const published = compiled.filter((note) => {
    const draft = note.frontmatter.draft === true && !config.drafts
    if (draft) skipped.add(note.source)
    return !draft
  })

  // Graph: outline from SUMMARY.md or the folders.
  const summaryFile = path.join(config.src, 'SUMMARY.md')
  let outline: OutlineItem[]
  const titles = new Map(published.map((n) => [n.source, n.title]))
  if (fs.existsSync(summaryFile)) {
    const summary = parseSummary(readText(summaryFile), {
      file: display(summaryFile),
      exists: (s) => noteSet.has(s) && !skipped.has(s),
    })
    for (const d of summary.diagnostics) diagnostics.add(d)
    outline = summary.items
  } else {
    outline = outlineFromFolders(published.map((n) => n.source), (s) => titles.get(s) ?? s)
  }
  const graph = buildSiteGraph({ notes: published, outline, assets: listing.assets })
  if (fs.existsSync(summaryFile)) {
    for (const source of graph.all) {
      if (!graph.places.has(source)) diagnostics.warn(displaySource(source), 'Not listed in SUMMARY.md; built but not in the navigation', 'unlisted')
    }
  }
  for (const d of checkLinks(graph, { display: displaySource, segments: (s) => segmentsOf.get(s) ?? [], skipped })) diagnostics.add(d)

  // Pages and theme.
  const { pages, diagnostics: pageDiagnostics } = buildPages(graph, { config, display: displaySource, lastUpdated: gitDates(config.src) })
  for (const d of pageDiagnostics) diagnostics.add(d)
  const theme = await loadTheme(config.theme, [path.join(config.root, 'themes'), BUILTIN_THEMES])
  const hasMath = published.some((n) => n.hasMath)
  const plan: OutputPlan = { files: new Map(), copies: new Map() }
  for (const page of pages) {
    const extraStyles = hasMath && (page.kind === 'print' || (page.kind === 'note' && graph.notes.get(page.source)?.hasMath)) ? ['katex/katex.min.css'] : []
    plan.files.set(page.slug, renderPage(page, { config, graph, theme, extraStyles }))
  }
  for (const asset of listing.assets) plan.copies.set(asset, path.join(config.src, asset))
  for (const [rel, file] of theme.assets) plan.copies.set(`${ASSET_DIR}/${rel}`, file)
  if (hasMath) addKatexAssets(plan)
  plan.files.set('sitemap.xml', sitemap(config, graph))

  // A page and an asset must not claim the same output file.
  for (const slug of plan.files.keys()) {
    if (plan.copies.has(slug)) diagnostics.error(display(path.join(config.src, slug)), `\`${slug}\` is both a page and a file of the source folder`, 'output-collision')
  }
  const sorted = sortDiagnostics(diagnostics.list)
  return { config, graph, pages, plan, diagnostics: sorted, ok: !sorted.some((d) => d.severity === 'error') }
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

/** sitemap.xml of every note page, with absolute paths under the base (a site URL is not known). */
function sitemap(config: Config, graph: SiteGraph): string {
  const urls = graph.all.map((source) => `  <url><loc>${escapeXml(absoluteHref(config.base, slugOf(source)))}</loc></url>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}

/** Build the site and, when it has no errors (and no warnings under `--strict`), write it. */
export async function build(options: CliOptions, hooks: BuildHooks = {}): Promise<BuildResult> {
  const started = performance.now()
  const config = resolveConfig(options)
  checkOutputFolder(config.out, config.src, config.root)
  const site = await compileSite(config, hooks)
  const failed = !site.ok || (config.strict && site.diagnostics.length > 0)
  if (!failed) await writeAtomically(config.out, site.plan)
  return { ...site, ok: !failed, written: !failed, seconds: (performance.now() - started) / 1000 }
}

