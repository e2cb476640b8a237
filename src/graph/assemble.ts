/**
 * Graph stage for a whole site: drop unpublished drafts, read the outline
 * (SUMMARY.md or folders), build the SiteGraph and check its links.
 */
import fs from 'node:fs'
import path from 'node:path'
import ignore from 'ignore'
import { configPlace, isMdBook, type Config } from '../config.ts'
import { outsideLink } from '../repository-links.ts'
import type { SourceListing } from '../content/discover.ts'
import type { LineSegment } from '../content/include.ts'
import { frontmatterWeight, outlineFromFolders, sortedSectionWeights } from '../content/outline.ts'
import { CATEGORY_FILES, parseCategoryFile, type CategoryMeta } from '../content/docusaurus-category.ts'
import { docusaurusOutline } from '../content/docusaurus-outline.ts'
import { docusaurusUrl } from '../content/docusaurus-urls.ts'
import { justTheDocsOutline, usesJustTheDocsNav } from '../content/jekyll-outline.ts'
import { mkdocsFolderOutline, mkdocsNavOutline } from '../content/mkdocs-outline.ts'
import { literateFolders } from '../content/literate-nav.ts'
import { DecodeError, readText } from '../content/read.ts'
import { summaryKey, type SummaryMemo } from '../content/summary-memo.ts'
import { toctreeOutline } from '../content/toctree.ts'
import { flattenOutline, parseSummary, type OutlineItem, type SummaryResult } from '../content/summary.ts'
import type { TopicDef } from '../content/topics-file.ts'
import type { CompiledNote, NoteInput } from '../markdown/compile.ts'
import type { NoteBodies } from '../markdown/note-cache.ts'
import { pathSlug, slug as toSlug, toSourcePath, type SourcePath } from '../paths.ts'
import type { Diagnostics } from '../report.ts'
import { checkLinks } from './check-links.ts'
import { checkEmbeds } from './embeds.ts'
import { buildSiteGraph, type NotFoundNote, type SiteGraph } from './site-graph.ts'
import { FRONT_PAGE } from './wikilinks.ts'

export interface AssembleOptions {
  config: Config
  listing: SourceListing
  inputs: NoteInput[]
  /** Where the compiled notes' bodies are. */
  bodies: NoteBodies
  /** Notes other notes include; they are fragments, not pages, unless SUMMARY lists them. */
  included?: ReadonlySet<SourcePath>
  /** The topics file's topics. */
  topics?: readonly TopicDef[]
  diagnostics: Diagnostics
  display: (absolute: string) => string
  /**
   * Keeps the parsed SUMMARY.md between builds (in the dev server's memory,
   * or the build's cache folder), so an edit to a note does not parse it again (default: none).
   */
  summaryMemo?: SummaryMemo
  /** Mixed into the memo's key: the tool's fingerprint, when the memo outlives this process. */
  tool?: string
}

/** Build the site graph from compiled notes. */
export function assembleGraph(compiled: CompiledNote[], options: AssembleOptions): SiteGraph {
  const { config, listing, diagnostics, display } = options
  const displaySource = (source: SourcePath) => display(path.join(config.src, source))
  const noteSet = new Set(listing.notes)

  // Drafts (and Obsidian Publish's `publish: false`) stay out of a published build unless asked for.
  // Each note left out of the build, with why, as a link to it says.
  const skipped = new Map<SourcePath, string>()
  for (const note of compiled) if ((note.frontmatter.draft === true || note.frontmatter.publish === false) && !config.drafts) skipped.set(note.source, 'a draft')
  // Zola's section that only groups its pages (`render = false` in its `_index.md`) has no page of its own;
  // a page bundle's `index.md` beside it is the folder's page then, as blog_os lays out its posts.
  for (const note of compiled) if (note.frontmatter.render === false && path.posix.basename(note.source) === '_index.md') skipped.set(note.source, 'a section with `render = false`')

  const summaryFile = path.join(config.src, config.summary)
  // An MkDocs site's SUMMARY.md is its nav only with mkdocs-literate-nav, which reads it so.
  const hasSummary = (!config.mkdocs || config.mkdocsSite?.literateNav !== undefined) && fs.existsSync(summaryFile)
  // GitBook without the summary `.gitbook.yaml` names: the folders give the order, as GitBook infers it then.
  const summaryPlace = config.gitbookYaml?.summaryPlace
  if (!hasSummary && summaryPlace && config.gitbookYaml) {
    diagnostics.warn(display(config.gitbookYaml.file), `\`structure.summary\`: \`${config.summary}\` is not in the source folder; the folders give the order`, 'gitbook-yaml', summaryPlace)
  }
  let outline: OutlineItem[] | undefined
  if (hasSummary) {
    let text: string | undefined
    try {
      text = readText(summaryFile)
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error
      // The build fails; the folders still give an outline so every other problem is reported too.
      diagnostics.error(display(summaryFile), error.message, 'encoding', { line: error.line, column: error.column })
    }
    if (text !== undefined) {
      const summaryText = text
      const siteOptions = { exists: (s: SourcePath) => noteSet.has(s) && !skipped.has(s), groups: config.gitbook, sections: config.mkdocsSite?.literateNav !== undefined, docsify: config.docsify, missingIsError: !config.createMissing }
      const literate = config.mkdocsSite?.literateNav
      // mkdocs-literate-nav's links to folders, read from their own nav files (which are the nav, not pages).
      const navFiles = literate === undefined ? [] : listing.notes.filter((s) => s !== config.summary && path.posix.basename(s) === path.posix.basename(literate))
      // Each nested nav file read once, for the memo's key and the parse alike.
      const navReads = new Map<SourcePath, NavRead>()
      const readNav = (s: SourcePath): NavRead => navReads.get(s) ?? navReads.set(s, readNavFile(path.join(config.src, s))).get(s)!
      const parse = (): SummaryResult => {
        if (literate === undefined) return parseSummary(summaryText, { ...siteOptions, file: display(summaryFile), path: config.summary })
        const titles = new Map(compiled.map((n) => [n.source, n.title]))
        const folders = literateFolders({
          navFile: path.posix.basename(literate),
          notes: listing.notes.filter((s) => !skipped.has(s)),
          titleOf: (s) => titles.get(s) ?? s,
          read: (s) => {
            const { text, error } = readNav(s)
            if (error) diagnostics.error(display(path.join(config.src, s)), error.message, 'encoding', { line: error.line, column: error.column })
            return text
          },
          parse: (text, more) => parseSummary(text, { ...siteOptions, file: display(path.join(config.src, more.path ?? '')), ...more }),
          sectionIndexes: config.mkdocsSite?.sectionIndexes ?? false,
        })
        const result = parseSummary(summaryText, { ...siteOptions, file: display(summaryFile), path: config.summary, folder: folders.folder })
        return { items: result.items, diagnostics: [...result.diagnostics, ...folders.diagnostics], navFiles: folders.navFiles, titled: folders.titled() }
      }
      let summary: SummaryResult
      if (options.summaryMemo) {
        // The parse depends on the text (and the folders' nav files), on which notes exist to be linked, and on how diagnostics name the file.
        const nested = navFiles.map((s) => `${s}\0${readNav(s).text ?? ''}`)
        const key = summaryKey([options.tool ?? '', String(config.gitbook), String(literate !== undefined), String(config.docsify), String(config.createMissing), config.summary, display(summaryFile), summaryText, ...nested, listing.notes.filter((s) => !skipped.has(s)).join('\n')])
        const kept = options.summaryMemo.get(key)
        summary = kept ?? parse()
        // A folder read from its files holds its notes' titles, which the key does not: it is parsed again next time.
        if (!kept && !summary.titled) options.summaryMemo.set(key, summary)
      } else summary = parse()
      for (const d of summary.diagnostics) diagnostics.add(d)
      for (const nav of summary.navFiles ?? []) skipped.set(nav, 'a nav file')
      outline = withGitbookIntroduction(summary.items, config.bookJson !== undefined, noteSet, skipped)
      if (config.docsify) outline = withDocsifyHome(outline, compiled, skipped)
    }
  }
  // Include-only fragments (mdBook books keep listings as .md files) are not pages of their own.
  const listed = new Set(outline ? flattenOutline(outline).flatMap((c) => (c.source ? [c.source] : [])) : [])
  for (const source of options.included ?? []) if (!listed.has(source)) skipped.set(source, 'only included into other notes')
  // A book with `src = "."` (Rust Design Patterns) has the repository's README.md among its notes: mdBook leaves
  // it out unless SUMMARY lists it, and opens on the first chapter. Built, it would take `index.html` from that chapter.
  if (isMdBook(config) && hasSummary && listed.size > 0) {
    for (const home of ['README.md', 'index.md'] as SourcePath[]) {
      if (!noteSet.has(home) || listed.has(home) || skipped.has(home)) continue
      skipped.set(home, `not listed in ${config.summary}, which mdBook leaves out`)
      diagnostics.warn(displaySource(home), `Not listed in ${config.summary}; not published, as mdBook leaves it out: the site opens on the first chapter`, 'unlisted')
    }
  }
  const notFound = notFoundNote(compiled, skipped, options)
  // mdBook renders the 404 note as 404.html only; it is a chapter too when SUMMARY lists it.
  const published = compiled.filter((note) => !skipped.has(note.source) && (note !== notFound?.note || listed.has(note.source)))
  // Where the outline that leaves a note out is written, when one is: its notes are built all the same, with a warning.
  let outlineFile: { name: string; quiet?: (source: SourcePath) => boolean } | undefined = outline !== undefined ? { name: config.summary } : undefined
  const mkdocs = config.mkdocs ? config.mkdocsSite : undefined
  if (!outline && mkdocs) {
    const titles = new Map(published.map((n) => [n.source, n.title]))
    const titleOf = (s: SourcePath) => titles.get(s) ?? s
    if (mkdocs.nav) {
      const nav = mkdocsNavOutline(mkdocs.nav, (s) => titles.has(s), { file: display(mkdocs.file), titleOf, sectionIndexes: mkdocs.sectionIndexes })
      for (const d of nav.diagnostics) diagnostics.add(d)
      outline = nav.items
      // `not_in_nav`'s patterns (gitignore syntax, as MkDocs reads them with pathspec) silence the warning.
      const quiet = ignore().add(mkdocs.notInNav)
      outlineFile = { name: `\`nav\` of ${path.basename(mkdocs.file)}`, quiet: (source) => quiet.ignores(source) }
    } else outline = mkdocsFolderOutline(published.map((n) => n.source), titleOf, mkdocs.sectionIndexes)
  }
  if (!outline && config.myst) {
    // A Sphinx site's navigation is its toctrees, from the root document down.
    const titles = new Map(published.map((n) => [n.source, n.title]))
    const toc = toctreeOutline({
      notes: published.map((n) => n.source),
      read: (s) => readNavFile(path.join(config.src, s)).text,
      titleOf: (s) => titles.get(s) ?? s,
      display: displaySource,
    })
    if (toc) {
      for (const d of toc.diagnostics) diagnostics.add(d)
      outline = toc.items
      outlineFile = { name: 'any `toctree`' }
    }
  }
  if (!outline && config.jekyll) {
    // A just-the-docs site's sidebar is its pages' `parent` and `nav_order`, not its folders.
    const nav = published.map((n) => ({ source: n.source, title: n.title, frontmatter: n.frontmatter, lines: n.frontmatterLines }))
    if (usesJustTheDocsNav(nav)) {
      const jtd = justTheDocsOutline(nav, { caseInsensitive: config.jekyll.navSortCaseInsensitive, display: displaySource })
      for (const d of jtd.diagnostics) diagnostics.add(d)
      outline = jtd.items
    }
  }
  if (!outline) {
    const titles = new Map(published.map((n) => [n.source, n.title]))
    // Hugo's (and Zola's, Just the Docs') `weight`, or a Hugo menu entry's, orders the folders' entries.
    const weights = new Map(published.flatMap((n) => {
      const weight = frontmatterWeight(n.frontmatter)
      return weight === undefined ? [] : [[n.source, weight] as const]
    }))
    // A Zola section's `sort_by = "date"` or `"title"` orders its pages instead.
    for (const [source, weight] of sortedSectionWeights(published)) weights.set(source, weight)
    // A GitHub wiki starts at its Home page.
    // GitBook's `structure.readme` is its first page.
    const start = config.githubWiki ? ('Home.md' as SourcePath) : config.gitbookYaml?.readme?.source
    outline = config.docusaurus
      ? docusaurusOutline(published.map((n) => ({ source: n.source, title: n.title, frontmatter: n.frontmatter })), docusaurusCategories(published.map((n) => n.source), options), { starlight: config.starlight })
      : outlineFromFolders(published.map((n) => n.source), (s) => titles.get(s) ?? s, start, (s) => weights.get(s))
  }

  const urls = config.docusaurus ? docusaurusUrls(published, config.starlight) : undefined
  // Docusaurus's `unlisted: true`: built, reachable by its URL only.
  const hidden = config.docusaurus ? published.filter((n) => n.frontmatter.unlisted === true).map((n) => n.source) : undefined
  const graph = buildSiteGraph({ notes: published, bodies: options.bodies, outline, assets: listing.assets, topics: options.topics, indices: config.indices, notFound, unpublished: [...skipped.keys()], urls, hidden, authoredOutline: outlineFile !== undefined, outside: (link) => outsideLink(config.repositoryLinks, config.src, link.url, link.target, link.outside === 'image') })
  // Titles drive the URLs of tag pages: two different tags on one page would mislabel notes.
  for (const tag of graph.indices.tags.list) {
    for (const clash of tag.clashes) {
      diagnostics.error(
        displaySource(clash.source),
        `Tags \`${clash.name}\` and \`${tag.name}\` (${displaySource(tag.notes[0]!)}) both publish to \`${tag.slug}\`; rename one`,
        'tag-collision',
      )
    }
  }
  const topicsFile = display(path.join(config.src, config.topicsFile))
  for (const topic of graph.topics) {
    if (topic.home && !graph.notes.has(topic.home)) diagnostics.warn(topicsFile, `Topic \`${topic.title}\`: home note \`${topic.home}\` is not a published note`, 'topics', { line: topic.line })
  }
  if (outlineFile) {
    for (const source of graph.all) {
      if (!graph.places.has(source) && !outlineFile.quiet?.(source)) diagnostics.warn(displaySource(source), `Not listed in ${outlineFile.name}; built but not in the navigation`, 'unlisted')
    }
  }
  const segments = new Map<SourcePath, LineSegment[]>(options.inputs.map((i) => [i.source, i.segments]))
  // The paths of [output.html.redirect] (without a `#fragment`) are pages of the site as well.
  const redirects = new Set(Object.keys(config.redirects).flatMap((from) => (from.includes('#') ? [] : [from.replace(/^\/+/, '')])))
  // GitBook's `.gitbook.yaml` redirects too: `help` is served as `help.html`.
  for (const { from } of config.gitbookYaml?.redirects ?? []) {
    const page = pathSlug(from)
    if (page) redirects.add(page)
  }
  // With no note there, the front page is a redirect to the first page (pages/build-pages.ts).
  if (graph.all.length > 0 && !graph.bySlug.has(toSlug(FRONT_PAGE))) redirects.add(FRONT_PAGE)
  for (const d of checkLinks(graph, { display: displaySource, segments: (s) => segments.get(s) ?? [], skipped, redirects })) diagnostics.add(d)
  for (const d of checkEmbeds(graph, { display: displaySource, segments: (s) => segments.get(s) ?? [] })) diagnostics.add(d)
  return graph
}

/** The Docusaurus (or Starlight) URL of each doc. */
function docusaurusUrls(notes: CompiledNote[], starlight: boolean): Map<SourcePath, string> {
  return new Map(notes.map((note) => [note.source, docusaurusUrl(note, { starlight })]))
}

/**
 * The category files (`_category_.json`, `.yml`, `.yaml`: the first found) of
 * the folders holding `notes`, read once; their problems are reported.
 */
function docusaurusCategories(notes: SourcePath[], options: AssembleOptions): (dir: string) => CategoryMeta | undefined {
  const { config, diagnostics, display } = options
  const dirs = new Set<string>()
  for (const note of notes) {
    const parts = note.split('/')
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'))
  }
  const found = new Map<string, CategoryMeta>()
  for (const dir of dirs) {
    for (const name of CATEGORY_FILES) {
      const file = path.join(config.src, dir, name)
      if (!fs.existsSync(file)) continue
      let text: string
      try {
        text = readText(file)
      } catch (error) {
        if (!(error instanceof DecodeError)) throw error
        diagnostics.warn(display(file), error.message, 'encoding', { line: error.line, column: error.column })
        break
      }
      const parsed = parseCategoryFile(text, display(file), name.endsWith('.json'))
      for (const d of parsed.diagnostics) diagnostics.add(d)
      found.set(dir, parsed.meta)
      break
    }
  }
  return (dir) => found.get(dir)
}

/**
 * The note of the 404 page: `404.md` when the book has it, or the one
 * `[output.html] input-404` names (an error when it has none, as mdBook
 * stops there). A draft left out of the build is not shown either.
 */
function notFoundNote(compiled: CompiledNote[], skipped: ReadonlyMap<SourcePath, string>, options: AssembleOptions): NotFoundNote | undefined {
  const { config, diagnostics, display } = options
  if (!config.notFound) return undefined
  const { input, explicit } = config.notFound
  const source = toSourcePath(input)
  const note = source && !skipped.has(source) ? compiled.find((n) => n.source === source) : undefined
  if (!note) {
    if (explicit) diagnostics.error(display(config.configFile ?? config.root), `\`input-404\` names \`${input}\`, which is not a note of the book`, 'not-found', configPlace(config, ['output', 'html', 'input-404']))
    return undefined
  }
  // mdBook's name for the output: the input's with `.html` for `.md` (a README stays README.html).
  return { note, slug: toSlug(note.source.replace(/\.md$/i, '.html')) }
}

/**
 * GitBook 3 makes the book's README.md its first page, "Introduction", when
 * SUMMARY.md does not list it (its `parseSummary` unshifts it): a legacy
 * GitBook book (`book.json`) gets the same, so its README.md is in the
 * sidebar and no "unlisted" warning. Listed anywhere, it stays where it is.
 */
function withGitbookIntroduction(items: OutlineItem[], legacyGitbook: boolean, notes: ReadonlySet<SourcePath>, skipped: ReadonlyMap<SourcePath, string>): OutlineItem[] {
  const readme = 'README.md' as SourcePath
  if (!legacyGitbook || !notes.has(readme) || skipped.has(readme)) return items
  if (flattenOutline(items).some((c) => c.source === readme)) return items
  return [{ kind: 'chapter', title: 'Introduction', source: readme, children: [] }, ...items]
}

/**
 * docsify opens every site on its README.md, whether `_sidebar.md` lists it
 * or not: one it leaves out is the first page here too (titled as the note
 * is), so the site's `index.html` is its home and it is no "unlisted" note.
 */
function withDocsifyHome(items: OutlineItem[], compiled: CompiledNote[], skipped: ReadonlyMap<SourcePath, string>): OutlineItem[] {
  const readme = compiled.find((note) => note.source === 'README.md')
  if (!readme || skipped.has(readme.source)) return items
  if (flattenOutline(items).some((c) => c.source === readme.source)) return items
  return [{ kind: 'chapter', title: readme.title, source: readme.source, children: [] }, ...items]
}

/** A folder's nav file: its text, or why it cannot be decoded (an error when it is parsed). */
interface NavRead {
  text?: string
  error?: DecodeError
}

function readNavFile(file: string): NavRead {
  try {
    return { text: readText(file) }
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error
    return { error }
  }
}
