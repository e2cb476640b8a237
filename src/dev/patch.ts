/**
 * The dev server's fast path. Most saves change a note's prose and nothing
 * the rest of the site reads of it: its title, headings, ids, links,
 * frontmatter, code block list and the facts the indexes take from it stay
 * the same. Then the site graph, every other page and every diagnostic but
 * the note's own are still right, and the rebuild only swaps the note's
 * facts (a new body key) into the last graph and its page (and the print page) into the last
 * plan: work proportional to the edit, not to the wiki. The feed, whose
 * summaries (a first paragraph) and full content are prose, is made again.
 */
import type { Config } from '../config.ts'
import { FEED_FILE, siteFeed } from '../feed.ts'
import { Diagnostics } from '../report.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import type { CompiledNote } from '../markdown/compile.ts'
import { notFoundPage, notePage, printChapterInput } from '../pages/build-pages.ts'
import { replaceChapters, type PrintChapterInput } from '../pages/print.ts'
import { slugOf, type Slug, type SourcePath } from '../paths.ts'
import type { Page } from '../pages/model.ts'
import type { EmbeddedNote } from '../pages/transclude.ts'
import { pageFingerprints, type SitePlan } from '../render-site.ts'
import type { NoteChange } from './notes.ts'

/** Fields of a compiled note that only its own page shows (its body, by key), or that do not reach any page. */
const OWN = new Set(['key', 'diagnostics', 'failed'])

/**
 * Everything of a note besides its body key and diagnostics, positions included
 * (a warning about a link names its line), code blocks without their content
 * key (a block's text shows only on the note's own page).
 */
export function graphFacts(note: CompiledNote | undefined): string {
  return JSON.stringify(note ?? null, (key, value: unknown) => {
    if (OWN.has(key)) return undefined
    if (key === 'codeBlocks' && Array.isArray(value)) return value.map(({ key: _content, ...rest }: { key?: string }) => rest)
    return value
  })
}

/** Whether these note changes can be patched in: each note was there before and is still, and only its body changed. */
export function canPatch(changes: NoteChange[]): boolean {
  return changes.every((c) => c.before !== undefined && c.after !== undefined && !c.includes && (c.before === c.after || graphFacts(c.before) === graphFacts(c.after)))
}

export interface Patched {
  graph: SiteGraph
  plan: SitePlan
  /** Pages whose HTML changed. */
  slugs: Slug[]
}

export interface PatchOptions {
  config: Config
  lastUpdated: ReadonlyMap<SourcePath, string>
}

/** The last graph and plan with the changed notes swapped in. */
export function patchSite(graph: SiteGraph, plan: SitePlan, changes: NoteChange[], { config, lastUpdated }: PatchOptions): Patched {
  const swapped = changes.filter((c) => c.before !== c.after && graph.notes.has(c.source))
  // The 404 page's note is no page of its own unless SUMMARY lists it, so it may be in no other list of the graph.
  const notFound = changes.find((c) => c.before !== c.after && c.source === graph.notFound?.note.source)
  if (swapped.length === 0 && !notFound) return { graph, plan, slugs: [] }
  const notes = new Map(graph.notes)
  for (const c of swapped) notes.set(c.source, c.after!)
  const next: SiteGraph = { ...graph, notes, notFound: notFound && graph.notFound ? { ...graph.notFound, note: notFound.after! } : graph.notFound }
  const sources = new Map<Slug, SourcePath>(swapped.map((c) => [slugOf(c.source), c.source]))
  const slugs = new Set<Slug>()
  // A page embedding a changed note (`![[Note]]`) shows its new body: it is made again as the note's own page is.
  const edited = new Set<SourcePath>([...swapped.map((c) => c.source), ...(notFound ? [notFound.source] : [])])
  const embeds = (list: readonly EmbeddedNote[]) => list.some((e) => edited.has(e.source))
  const hosts = new Map<Slug, SourcePath>()
  for (const page of plan.pages) if (page.kind === 'note' && !sources.has(page.slug) && embeds(page.embeds)) hosts.set(page.slug, page.source)
  for (const page of plan.pages) if (page.kind === 'print') for (const c of page.chapters) if (!sources.has(c.slug) && embeds(c.embeds)) hosts.set(c.slug, graph.bySlug.get(c.slug)!)
  const chapters = new Map<Slug, PrintChapterInput>([...sources, ...hosts].map(([slug, source]) => [slug, printChapterInput(next, source)]))
  const pages = plan.pages.map((page) => {
    if (page.kind === 'note' && (sources.has(page.slug) || hosts.has(page.slug))) {
      slugs.add(page.slug)
      // A prose edit changes no tag: a tag note's listing (Quartz's `tags/<tag>.md`) stays as it was.
      return notePage(next, sources.get(page.slug) ?? hosts.get(page.slug)!, { config, lastUpdated }, page.listing)
    }
    if (page.kind === 'not-found' && (notFound || embeds(page.note?.embeds ?? []))) {
      slugs.add(page.slug)
      return notFoundPage(next, config)
    }
    if (page.kind === 'print') {
      slugs.add(page.slug)
      return replaceChapters(page, next, chapters)
    }
    return page
  })
  const renderOptions = (page: Page) => ({ ...plan.renderOptions(page), graph: next })
  // The notes' dates are unchanged (frontmatter is no prose), so are the full build's warnings about them.
  const feed = plan.plan.files.has(FEED_FILE) ? siteFeed(next, pages, { config, lastUpdated, diagnostics: new Diagnostics(), display: (file) => file }) : undefined
  const files = feed === undefined ? plan.plan : { ...plan.plan, files: new Map(plan.plan.files).set(FEED_FILE, feed) }
  return { graph: next, plan: { pages, plan: files, renderOptions, fingerprint: pageFingerprints(renderOptions) }, slugs: [...slugs] }
}
