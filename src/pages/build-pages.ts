/**
 * SiteGraph → page models: one page per note, plus the 404, print and alias
 * redirect pages. Pure: the same graph gives the same pages.
 */
import path from 'node:path'
import { configPlace, editUrl, type Config } from '../config.ts'
import { neighbours, resolvePageTarget, type SiteGraph } from '../graph/site-graph.ts'
import { wikiTargets } from '../graph/wikilinks.ts'
import { climbsAboveRoot, folderIndex, hrefTo, isIndexNote, pathSlug, resolveSource, sitePathOf, slug as toSlug, slugOf, toSourcePath, type Slug, type SourcePath } from '../paths.ts'
import type { Diagnostic } from '../report.ts'
import { docusaurusUrl } from '../content/docusaurus-urls.ts'
import { categoryPages, hasGeneratedIndexes } from './category-pages.ts'
import { docusaurusNeighbour, docusaurusPageFacts } from './docusaurus-page.ts'
import { buildIndexPages, symbolTarget } from './index-pages.ts'
import { mkdocsRedirects } from './mkdocs-redirects.ts'
import { serialisedBody } from '../markdown/slotted-html.ts'
import { linkInlineSymbols } from './link-symbols.ts'
import { targetLookup } from './link-wikilinks.ts'
import { embeddedNotes, embedFiller } from './transclude.ts'
import type { Crumb, NotFoundPage, NotePage, Page, PageLink, PrintPage, RedirectPage } from './model.ts'
import type { TagPage, TagsPage } from './index-model.ts'
import { lazyBody } from './fingerprint.ts'
import { absoluteBodyHtml } from './not-found-body.ts'
import { noteExtras } from './note-extras.ts'
import { buildPrintPage, type PrintChapterInput } from './print.ts'
import type { Frontmatter, HeadingInfo } from '../markdown/data.ts'

export interface BuildPagesOptions {
  config: Config
  /** Last commit date per note, when the source is in git. */
  lastUpdated?: ReadonlyMap<SourcePath, string>
  display: (source: SourcePath) => string
}

/** The title shown for a note in navigation: its SUMMARY title when listed. */
export function navTitle(graph: SiteGraph, source: SourcePath): string {
  return graph.places.get(source)?.chapter.title ?? graph.notes.get(source)!.title
}

function link(graph: SiteGraph, source: SourcePath | undefined): PageLink | undefined {
  return source ? { title: navTitle(graph, source), slug: slugOf(source) } : undefined
}

/**
 * VitePress's frontmatter `prev` / `next` over the reading order's
 * neighbour: `false` for none, a string for its text, `{ text, link }` for
 * another page (`link` as VitePress writes it, `/guide/intro` or
 * `./intro.md`). A link to no page keeps the neighbour, with a problem to
 * report.
 */
export function ownNeighbour(graph: SiteGraph, source: SourcePath, key: 'prev' | 'next', auto: SourcePath | undefined): { link?: PageLink; problem?: string } {
  const value = graph.notes.get(source)!.frontmatter[key]
  const fallback = link(graph, auto)
  if (value === undefined || value === null || value === true) return { link: fallback }
  if (value === false) return {}
  if (typeof value === 'string' || typeof value === 'number') return { link: fallback && { ...fallback, title: String(value) } }
  if (typeof value !== 'object' || Array.isArray(value)) return { link: fallback, problem: `Frontmatter \`${key}\` should be false, a text or a mapping with \`text\` and \`link\`` }
  const { text, link: to } = value as { text?: unknown; link?: unknown }
  const title = typeof text === 'string' || typeof text === 'number' ? String(text) : undefined
  if (typeof to !== 'string') return { link: fallback && { ...fallback, ...(title !== undefined && { title }) } }
  // The fragment is everything after the first `#`, decoded: the href encodes it again (`#über` and `#%C3%BCber` are one id).
  const hash = to.indexOf('#')
  const rawPath = hash === -1 ? to : to.slice(0, hash)
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text)
    } catch {
      // A malformed escape is looked up as written.
      return text
    }
  }
  const decoded = decode(rawPath)
  const fragment = hash === -1 ? undefined : decode(to.slice(hash + 1))
  const target = resolveSource(source, decoded.replace(/\.html$/i, '').replace(/\/$/, '') || '.')
  const found = target !== undefined ? resolvePageTarget(graph, target) : decoded === '/' || decoded === '' ? resolvePageTarget(graph, 'index' as SourcePath) : undefined
  if (!found) return { link: fallback, problem: `Frontmatter \`${key}.link\` names no page: \`${to}\`` }
  return { link: { title: title ?? navTitle(graph, found), slug: slugOf(found), ...(fragment && { fragment }) } }
}

function breadcrumbs(graph: SiteGraph, source: SourcePath): Crumb[] {
  const place = graph.places.get(source)
  if (place) {
    const crumbs: Crumb[] = place.part ? [{ title: place.part }] : []
    for (const a of place.ancestors) crumbs.push({ title: a.title, slug: a.source ? slugOf(a.source) : a.generatedIndex?.slug })
    return crumbs
  }
  // An unlisted note: its folders' section pages, when they exist.
  const crumbs: Crumb[] = []
  const dirs = path.posix.dirname(source).split('/').filter((d) => d !== '.')
  for (let i = 1; i <= dirs.length; i++) {
    const dir = dirs.slice(0, i).join('/')
    const index = folderIndex(dir, (c) => graph.notes.has(c))
    if (index === source) continue
    crumbs.push({ title: index ? navTitle(graph, index) : dirs[i - 1]!, slug: index ? slugOf(index) : undefined })
  }
  return crumbs
}

/** The page of one note. */
export function notePage(graph: SiteGraph, source: SourcePath, options: Pick<BuildPagesOptions, 'config' | 'lastUpdated'>, listing?: TagPage | TagsPage): NotePage {
  const { config } = options
  const titleOf = (s: SourcePath) => navTitle(graph, s)
  const note = graph.notes.get(source)!
  const { prev, next } = neighbours(graph, source)
  const slug = slugOf(source)
  // Inline code naming an indexed symbol links to its entry.
  const symbolLinks: PageLink[] = []
  const embeds = embeddedNotes(graph, source)
  // Embedded notes' inline code links from this page too.
  const inlineCode = embeds.length === 0 ? note.inlineCode : [...new Set([...note.inlineCode, ...embeds.flatMap((e) => graph.notes.get(e.source)!.inlineCode)])].sort()
  for (const name of inlineCode) {
    const target = symbolTarget(graph, name)
    if (target) symbolLinks.push({ title: name, ...target })
  }
  const targets = new Map(symbolLinks.map((l) => [l.title, hrefTo(slug, l.slug, l.fragment)]))
  const hrefOf = (name: string) => targets.get(name)
  const wikiLinks = wikiTargets(note)
  // Read when the page is rendered, and not kept: a page kept from the last build never reads its body.
  const body = () => {
    const embed = embedFiller(graph, source, { from: slug, href: (to, fragment) => hrefTo(slug, to as Slug, fragment), symbol: hrefOf })
    return serialisedBody(linkInlineSymbols(graph.bodies.page(note.key), hrefOf, { from: slug, targetOf: targetLookup(wikiLinks), embed }))
  }
  const model = {
    kind: 'note' as const,
    slug,
    source,
    title: note.titleFrom === 'file' ? navTitle(graph, source) : note.title,
    ...(graph.authoredOutline && navTitle(graph, source) !== note.title && { headTitle: navTitle(graph, source) }),
    description: note.frontmatter.description,
    hasH1: note.hasH1,
    toc: tocOf(note.frontmatter, note.headings, note.hasH1),
    cssClasses: [...(note.frontmatter.cssclasses ?? []), ...(typeof note.frontmatter.pageClass === 'string' ? [note.frontmatter.pageClass] : [])]
      .flatMap((c) => c.split(/\s+/))
      .filter(Boolean),
    breadcrumbs: breadcrumbs(graph, source),
    prev: pageNeighbour(graph, source, 'prev', prev, config).link,
    next: pageNeighbour(graph, source, 'next', next, config).link,
    tags: note.frontmatter.tags ?? [],
    // VitePress's `editLink: false` and `lastUpdated: false` leave them out of the page.
    editUrl: note.frontmatter.editLink === false ? undefined : editUrl(config, source),
    lastUpdated: note.frontmatter.lastUpdated === false ? undefined : options.lastUpdated?.get(source),
    isSection: isIndexNote(source),
    ...noteExtras(graph, source, titleOf),
    symbolLinks,
    wikiLinks,
    embeds,
    ...(listing && { listing }),
    ...(config.docusaurus && docusaurusPageFacts(graph, source, config.siteUrl)),
  }
  return lazyBody(model, note.key, body)
}

/** The previous or next link of a page: VitePress's `prev`/`next` over the reading order, then Docusaurus's `pagination_*` in its site. */
function pageNeighbour(graph: SiteGraph, source: SourcePath, key: 'prev' | 'next', auto: SourcePath | undefined, config: Config): { link?: PageLink; problem?: string } {
  const own = ownNeighbour(graph, source, key, auto)
  if (!config.docusaurus) return own
  const docusaurus = docusaurusNeighbour(graph, source, key, own.link, auto)
  return { link: docusaurus.link, problem: [own.problem, docusaurus.problem].filter(Boolean).join('; ') || undefined }
}

/**
 * The headings of a note's "On this page": h2 and h3, or the levels of
 * VitePress's `outline` (`2`, `[2, 4]`, `deep` for h2 to h6), or of
 * Docusaurus's `toc_min_heading_level` and `toc_max_heading_level`. None with
 * Quartz's `enableToc: false`, VitePress's `outline: false` or `aside:
 * false`, Docusaurus's `hide_table_of_contents: true`, Material for MkDocs's
 * `hide: [toc]` (or `hide: toc`, which Material's template reads alike), or on VitePress's
 * `home` and `page` layouts, which have no aside. By default an H1 that does
 * not head the page is a section and listed too (an RFC's `# Motivation`).
 */
function tocOf(frontmatter: Frontmatter, headings: HeadingInfo[], hasH1: boolean): HeadingInfo[] {
  const { enableToc, outline, aside, layout, hide_table_of_contents: hideToc } = frontmatter
  const hide = frontmatter.hide
  const materialHidesToc = hide === 'toc' || (Array.isArray(hide) && hide.includes('toc'))
  if (enableToc === false || hideToc === true || materialHidesToc || outline === false || aside === false || layout === 'home' || layout === 'page') return []
  // The page's own H1 (its first heading, when it heads the page) is its title, not a section.
  const sections = hasH1 ? headings.slice(1) : headings
  let [from, to] = [sections.some((h) => h.depth === 1) ? 1 : 2, 3]
  if (typeof outline === 'number') [from, to] = [outline, outline]
  else if (outline === 'deep') [from, to] = [2, 6]
  else if (Array.isArray(outline) && outline.length === 2 && outline.every((n) => typeof n === 'number')) [from, to] = outline as [number, number]
  // Docusaurus's `toc_min_heading_level` / `toc_max_heading_level` (2 to 6).
  const level = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 2 && value <= 6 ? value : undefined)
  from = level(frontmatter.toc_min_heading_level) ?? from
  to = level(frontmatter.toc_max_heading_level) ?? to
  return sections.filter((h) => h.depth >= from && h.depth <= to)
}

/** The 404 page: the book's 404 note when it has one (its links made to work from any URL), else slugwiki's own. */
export function notFoundPage(graph: SiteGraph, config: Config): NotFoundPage {
  const found = graph.notFound
  if (!found) return { kind: 'not-found', slug: toSlug('404.html'), title: config.words['not-found-title'] }
  const { note, slug } = found
  const wikiLinks = wikiTargets(note)
  const embeds = embeddedNotes(graph, note.source)
  return {
    kind: 'not-found',
    slug,
    title: config.words['not-found-title'],
    description: note.frontmatter.description,
    // Symbol links are left out: the page is no place of the symbol index.
    note: lazyBody({ source: note.source, slug, wikiLinks, embeds }, note.key, () => {
      const embed = embedFiller(graph, note.source, { from: slug, href: (to, fragment) => hrefTo(slug, to as Slug, fragment), symbol: () => undefined })
      const html = linkInlineSymbols(graph.bodies.page(note.key), () => undefined, { from: slug, targetOf: targetLookup(wikiLinks), embed })
      return serialisedBody(absoluteBodyHtml(html, slug, { base: config.base, trusted: config.trusted }))
    }),
  }
}

/** The print page of the site: every note in reading order. */
export function sitePrintPage(graph: SiteGraph, title: string): PrintPage {
  return buildPrintPage(title, graph, graph.all.map((source) => printChapterInput(graph, source)))
}

/** What the print page shows of the note at `source`. */
export function printChapterInput(graph: SiteGraph, source: SourcePath): PrintChapterInput {
  const note = graph.notes.get(source)!
  return { title: note.title, slug: slugOf(source), source, key: note.key, hasH1: note.hasH1, wikiLinks: wikiTargets(note), embeds: embeddedNotes(graph, source) }
}

/** Build every page of the site. */
export function buildPages(graph: SiteGraph, options: BuildPagesOptions): { pages: Page[]; diagnostics: Diagnostic[] } {
  const { config } = options
  const diagnostics: Diagnostic[] = []
  const pages: Page[] = []
  const titleOf = (s: SourcePath) => navTitle(graph, s)
  const indexPages = buildIndexPages(graph, titleOf, config.words)
  // Quartz's `tags/<tag>.md` (and `tags/index.md`) introduces its tag's page: the note keeps the page and lists the tag's notes beneath its text.
  const listings = new Map<SourcePath, TagPage | TagsPage>()
  for (const page of indexPages) if ((page.kind === 'tag' || page.kind === 'tags') && graph.bySlug.has(page.slug)) listings.set(graph.bySlug.get(page.slug)!, page)
  // A 404 note SUMMARY lists is a chapter whose page is the 404 page, as in mdBook (404.html is written last there).
  for (const source of graph.all) if (source !== graph.notFound?.note.source) pages.push(notePage(graph, source, options, listings.get(source)))
  // A note the author put at another generated page's path keeps it; the index page is left out.
  for (const page of indexPages) {
    if (graph.bySlug.has(page.slug)) {
      if (listings.get(graph.bySlug.get(page.slug)!) === page) continue
      const note = graph.bySlug.get(page.slug)!
      diagnostics.push({ file: options.display(note), severity: 'warning', message: `This note is at \`${page.slug}\`, where the ${page.kind} index page would go; the index page is left out`, rule: 'index-collision' })
      continue
    }
    pages.push(page)
  }

  // mdBook's `input-404 = ""` writes no 404 page.
  if (config.notFound) pages.push(notFoundPage(graph, config))
  // mdBook's `[output.html.print] enable = false`: no print page, and no link to it (the header's).
  if (config.print) pages.push(sitePrintPage(graph, config.title))

  // mdBook opens a book without README.md on its first chapter; so do we, by redirect. GitBook opens on `structure.readme`.
  // Docusaurus's docs home is the doc whose URL is `/` (`slug: /`).
  const docsHome = config.docusaurus ? graph.all.find((s) => docusaurusUrl({ source: s, frontmatter: graph.notes.get(s)!.frontmatter }, { starlight: config.starlight }) === '/') : undefined
  const first = gitbookReadme(graph, config, diagnostics) ?? docsHome ?? graph.all[0]
  if (first && !graph.bySlug.has(toSlug('index.html'))) {
    pages.push({ kind: 'redirect', slug: toSlug('index.html'), title: navTitle(graph, first), to: hrefTo(toSlug('index.html'), slugOf(first)) })
  }

  const taken = new Set<string>(pages.map((p) => p.slug))
  // A Docusaurus category's generated index: a page of the folder's items.
  if (config.docusaurus && hasGeneratedIndexes(graph)) {
    const categories = categoryPages(graph, titleOf, taken, (dir) => options.display(dir as SourcePath))
    pages.push(...categories.pages)
    diagnostics.push(...categories.diagnostics)
  }
  for (const source of graph.all) {
    const { frontmatter, frontmatterLines: lines } = graph.notes.get(source)!
    for (const key of ['prev', 'next'] as const) {
      const { problem } = ownNeighbour(graph, source, key, neighbours(graph, source)[key])
      const line = lines?.[key]
      if (problem) diagnostics.push({ file: options.display(source), ...(line !== undefined && { line, column: 1 }), severity: 'warning', message: problem, rule: 'frontmatter' })
      if (!config.docusaurus) continue
      const own = docusaurusNeighbour(graph, source, key, undefined, undefined).problem
      const at = lines?.[`pagination_${key}`]
      if (own) diagnostics.push({ file: options.display(source), ...(at !== undefined && { line: at, column: 1 }), severity: 'warning', message: own, rule: 'frontmatter' })
    }
    if (config.docusaurus) {
      docusaurusPageFacts(graph, source, config.siteUrl, (key, message) => {
        const at = lines?.[key]
        diagnostics.push({ file: options.display(source), ...(at !== undefined && { line: at, column: 1 }), severity: 'warning', message, rule: 'frontmatter' })
      })
    }
    const { aliases = [], permalink } = frontmatter
    // Obsidian Publish's and Quartz's `permalink` is one more URL of the note, as Quartz serves it.
    for (const alias of permalink ? [...aliases, permalink] : aliases) {
      const what = alias === permalink && !aliases.includes(alias) ? 'Permalink' : 'Alias'
      const line = lines?.[what === 'Permalink' ? 'permalink' : 'aliases']
      const warn = (message: string) => diagnostics.push({ file: options.display(source), ...(line !== undefined && { line, column: 1 }), severity: 'warning', message, rule: 'alias' })
      // `permalink: /` on the site's home page (Jekyll's and Quartz's `index.md`) names the page's own URL: nothing to redirect.
      if (alias.trim() === '/' && graph.slugs.get(source) === toSlug('index.html')) continue
      const redirect = aliasPage(alias, source, graph)
      if (!redirect) {
        warn(`${what} \`${alias}\` is not a path inside the site`)
        continue
      }
      if (taken.has(redirect.slug)) {
        warn(`${what} \`${alias}\` collides with \`${redirect.slug}\`, skipped`)
        continue
      }
      taken.add(redirect.slug)
      pages.push(redirect)
    }
  }
  if (config.docusaurus) pages.push(...docusaurusRedirects(graph, options, taken, diagnostics, graph.bySlug.has(toSlug('index.html')) ? undefined : first))
  // MkDocs's directory URLs (`a/b/` for `a/b.md`), where its readers' links and bookmarks lead.
  if (config.mkdocsSite?.directoryUrls) pages.push(...mkdocsRedirects(graph, taken, diagnostics, { titleOf: (source) => navTitle(graph, source), display: options.display }))
  pages.push(...gitbookRedirects(graph, config, taken, diagnostics))
  // mdBook's [output.html.redirect]: old path → URL, relative to the old page or absolute.
  const where = path.relative(process.cwd(), config.configFile ?? 'book.toml')
  const place = (from: string) => ({ file: where, ...configPlace(config, ['output', 'html', 'redirect', from]) })
  const added: Array<{ from: string; to: string; slug: string }> = []
  // `"/page.html#old" = "…"`: a reader arriving at that fragment goes on, from the page itself when the site
  // has it (a note's page) or from the redirect page of that path; mdBook does the same with a script.
  const fragments = new Map<string, Array<{ from: string; fragment: string; to: string }>>()
  for (const [from, to] of Object.entries(config.redirects).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const hashAt = from.indexOf('#')
    const clean = toSourcePath((hashAt === -1 ? from : from.slice(0, hashAt)).replace(/^\/+/, ''))
    if (hashAt !== -1 && clean && /\.html$/i.test(clean) && hashAt < from.length - 1) {
      fragments.set(clean, [...(fragments.get(clean) ?? []), { from, fragment: from.slice(hashAt), to }])
      continue
    }
    if (!clean || !/\.html$/i.test(clean) || taken.has(clean)) {
      diagnostics.push({ ...place(from), severity: 'warning', message: `Redirect from \`${from}\` is not a free .html path of the site, skipped`, rule: 'redirect' })
      continue
    }
    taken.add(clean)
    // Named as the book names the page it leads to (mdBook's says "Redirecting..."); another site's URL as written.
    const lands = redirectTarget(clean, to, config.base)
    const note = lands === undefined || climbsAboveRoot(to, toSlug(clean)) ? undefined : graph.bySlug.get(toSlug(lands))
    pages.push({ kind: 'redirect', slug: toSlug(clean), title: note ? navTitle(graph, note) : to, to })
    added.push({ from, to, slug: clean })
  }
  for (const [clean, entries] of fragments) {
    const page = pages.find((p) => p.slug === clean)
    const map: Record<string, string> = {}
    for (const { from, fragment, to } of entries) {
      // The page's script sends the reader there: only a place of the web, never a `javascript:` URL.
      if (/^[a-z][a-z0-9+.-]*:/i.test(to) && !/^https?:/i.test(to)) {
        diagnostics.push({ ...place(from), severity: 'warning', message: `Redirect from \`${from}\` leads to \`${to}\`, which is not a web address, skipped`, rule: 'redirect' })
        continue
      }
      map[fragment] = to
      added.push({ from, to, slug: clean })
    }
    if (page?.kind === 'note') page.fragmentRedirects = map
    else if (page?.kind === 'redirect' && added.some((a) => a.slug === clean && !a.from.includes('#'))) page.fragments = map
    else {
      // mdBook stops on it too: a page it no longer has needs a destination for every other fragment.
      const message = page
        ? `Redirects from \`${clean}#…\` are on a page that cannot send readers on, skipped`
        : `Redirects from \`${clean}#…\` name a page the site does not have, and no redirect of \`/${clean}\` itself says where its other readers go; skipped`
      for (const { from } of entries) diagnostics.push({ ...place(from), severity: 'warning', message, rule: 'redirect' })
      for (let i = added.length - 1; i >= 0; i--) if (added[i]!.slug === clean && added[i]!.from.includes('#')) added.splice(i, 1)
    }
  }
  // Checked once every page is known: a redirect may lead to another.
  for (const { from, to, slug } of added) {
    const target = redirectTarget(slug, to, config.base)
    // A relative target above the book's root is a sibling site's page (the Edition Guide's old pages lead to
    // `../../../rust-by-example/…`): the browser clamps it to this site's root under base `/`, but it is not ours to check.
    if (target !== undefined && !climbsAboveRoot(to, toSlug(slug)) && !taken.has(target) && !graph.assets.has(target as SourcePath)) {
      diagnostics.push({ ...place(from), severity: 'warning', message: `Redirect from \`${from}\` leads to \`${to}\`, which the site does not have`, rule: 'redirect' })
    }
  }
  return { pages, diagnostics }
}

/**
 * The site path a redirect from `slug` to `to` lands on, when `to` names a
 * place in this site: resolved as the browser resolves it from the old
 * page's URL under the site's base (`site-url`). Undefined for another
 * site's URL, a bare fragment, or a path outside the base.
 */
export function redirectTarget(slug: string, to: string, base: string): string | undefined {
  return to.startsWith('#') ? undefined : sitePathOf(to, slug as Slug, base)?.path
}

function aliasPage(alias: string, source: SourcePath, graph: SiteGraph): RedirectPage | undefined {
  const s = pathSlug(alias)
  if (!s) return undefined
  return { kind: 'redirect', slug: s, title: navTitle(graph, source), to: hrefTo(s, slugOf(source)) }
}

/**
 * A Docusaurus site's URLs (`02-extras/01-zeta.md` at `/extras/zeta`, a
 * frontmatter `slug` or `id`): each that is not the doc's own page becomes
 * a redirect to it, as an alias does. A URL another page has is a warning
 * at the doc's `slug` (or `id`), except the docs home's `/` when the site
 * opens on it (`opening`); `taken` gains the pages made.
 */
function docusaurusRedirects(graph: SiteGraph, options: BuildPagesOptions, taken: Set<string>, diagnostics: Diagnostic[], opening: SourcePath | undefined): RedirectPage[] {
  const pages: RedirectPage[] = []
  for (const source of graph.all) {
    const { frontmatter, frontmatterLines: lines } = graph.notes.get(source)!
    const key = typeof frontmatter.slug === 'string' ? 'slug' : typeof frontmatter.id === 'string' ? 'id' : undefined
    const line = key && lines?.[key]
    const warn = (message: string) => diagnostics.push({ file: options.display(source), ...(line !== undefined && { line, column: 1 }), severity: 'warning', message, rule: 'docusaurus' })
    for (const bad of ['slug', 'id'] as const) {
      const value = frontmatter[bad]
      if (value !== undefined && value !== null && typeof value !== 'string') {
        const at = lines?.[bad]
        diagnostics.push({ file: options.display(source), ...(at !== undefined && { line: at, column: 1 }), severity: 'warning', message: `Frontmatter \`${bad}\` should be a string; ignored`, rule: 'frontmatter' })
      }
    }
    const url = docusaurusUrl({ source, frontmatter }, { starlight: options.config.starlight })
    const s = url === '/' ? toSlug('index.html') : pathSlug(url)
    if (s === slugOf(source)) continue
    if (!s) {
      warn(`Docusaurus URL \`${url}\` is not a path inside the site; no page there`)
      continue
    }
    if (taken.has(s)) {
      // The site's opening redirect leads to the docs home (`slug: /`) already.
      if (!(url === '/' && source === opening)) warn(`Docusaurus URL \`${url}\` is \`${s}\`, another page's; no redirect there`)
      continue
    }
    // A file of `static/` (or beside the docs) published there is the site's, as Docusaurus serves it.
    const file = toSourcePath(s)
    if (file && graph.assets.has(file)) {
      warn(`Docusaurus URL \`${url}\` is \`${s}\`, a file of the site; no redirect there`)
      continue
    }
    taken.add(s)
    pages.push({ kind: 'redirect', slug: s, title: navTitle(graph, source), to: hrefTo(s, slugOf(source)) })
  }
  return pages
}

/** A diagnostic at a place of `.gitbook.yaml`. */
function gitbookProblem(file: string, place: { line: number; column: number } | undefined, message: string): Diagnostic {
  return { file: path.relative(process.cwd(), file) || file, ...place, severity: 'warning', message, rule: 'gitbook-yaml' }
}

/**
 * The note GitBook's `structure.readme` names, the page the site opens on
 * (`index.html` sends the reader there); undefined when `.gitbook.yaml` names
 * none, or one that is no published note, or the top folder's README.md (or
 * index.md) already is `index.html` (each a warning).
 */
function gitbookReadme(graph: SiteGraph, config: Config, diagnostics: Diagnostic[]): SourcePath | undefined {
  const gitbook = config.gitbookYaml
  const readme = gitbook?.readme
  if (!gitbook || !readme) return undefined
  if (!graph.notes.has(readme.source)) {
    diagnostics.push(gitbookProblem(gitbook.file, readme.place, `\`structure.readme\`: \`${readme.source}\` is not a published note; the site opens on its first page`))
    return undefined
  }
  const index = graph.bySlug.get(toSlug('index.html'))
  if (index !== undefined && index !== readme.source) {
    diagnostics.push(gitbookProblem(gitbook.file, readme.place, `\`structure.readme\`: \`${index}\` is the site's index.html, so the site opens there, not on \`${readme.source}\``))
    return undefined
  }
  return readme.source
}

/**
 * GitBook's `redirects`: each old URL path of the site (`help`, served as
 * `help.html`) becomes a page that sends the reader to the note it names
 * (relative to `root`, `#fragment` kept). A path the site already has, or a
 * note it does not, is a warning at its place in `.gitbook.yaml`; `taken`
 * gains the pages made.
 */
function gitbookRedirects(graph: SiteGraph, config: Config, taken: Set<string>, diagnostics: Diagnostic[]): RedirectPage[] {
  const gitbook = config.gitbookYaml
  if (!gitbook) return []
  const pages: RedirectPage[] = []
  for (const { from, to, fromPlace, toPlace } of gitbook.redirects) {
    const s = pathSlug(from)
    const free = s !== undefined && !taken.has(s)
    if (!free) diagnostics.push(gitbookProblem(gitbook.file, fromPlace, `Redirect from \`${from}\` is not a free path of the site${s ? ` (\`${s}\` is a page already)` : ''}; skipped`))
    const hashAt = to.indexOf('#')
    const target = toSourcePath((hashAt === -1 ? to : to.slice(0, hashAt)).replace(/^\/+/, ''))
    const note = target !== undefined && graph.notes.has(target)
    if (!note) diagnostics.push(gitbookProblem(gitbook.file, toPlace, `Redirect from \`${from}\` leads to \`${to}\`, which is not a published note; skipped`))
    if (!free || !note) continue
    taken.add(s)
    const fragment = hashAt === -1 || hashAt === to.length - 1 ? undefined : to.slice(hashAt + 1)
    pages.push({ kind: 'redirect', slug: s, title: navTitle(graph, target), to: hrefTo(s, slugOf(target), fragment) })
  }
  return pages
}
