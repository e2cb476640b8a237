/**
 * The print page: every note in reading order on one page. Each chapter is
 * its note's body as its worker serialised it for print (ids prefixed by the
 * chapter's anchor, links made to work from `print.html`), with each link to
 * another note pointed within the page when that note is a chapter.
 */
import type { SiteGraph } from '../graph/site-graph.ts'
import { fillPrintChapter, printHref } from '../markdown/print-body.ts'
import { deferredBody } from '../markdown/slotted-html.ts'
import { lazyBody } from './fingerprint.ts'
import { PRINT_PAGE, printAnchor, type Slug, type SourcePath } from '../paths.ts'
import type { WikiTarget } from '../graph/wikilinks.ts'
import { targetLookup } from './link-wikilinks.ts'
import type { PrintPage } from './model.ts'
import { embedFiller, type EmbeddedNote } from './transclude.ts'

export interface PrintChapterInput {
  title: string
  slug: Slug
  source: SourcePath
  /** The note's `CompiledNote.key`. */
  key: string
  hasH1: boolean
  /** Where the note's wikilinks point. */
  wikiLinks: WikiTarget[]
  /** The notes it shows through embeds. */
  embeds: EmbeddedNote[]
}

/** One chapter of the print page; `isChapter` tells which output paths are chapters too. */
function printChapter(chapter: PrintChapterInput, graph: SiteGraph, isChapter: (path: string) => boolean): PrintPage['chapters'][number] {
  const model = { title: chapter.title, slug: chapter.slug, anchor: printAnchor(chapter.slug), hasH1: chapter.hasH1, wikiLinks: chapter.wikiLinks, embeds: chapter.embeds }
  // Read when the page is rendered, and not kept: the model stays cheap to build and to fingerprint,
  // which the dev server does on every rebuild, and a rendered page does not hold every body at once.
  return lazyBody(model, chapter.key, () =>
    deferredBody(() => {
      const href = (path: string, fragment: string | undefined) => printHref(path, fragment, isChapter)
      const embed = chapter.embeds.length === 0 ? undefined : embedFiller(graph, chapter.source, { from: PRINT_PAGE, href, symbol: () => undefined })
      return fillPrintChapter(graph.bodies.print(chapter.key), isChapter, targetLookup(chapter.wikiLinks), embed)
    }),
  )
}

/** Build the print page model from chapters in reading order; bodies come from `bodies`. */
export function buildPrintPage(title: string, graph: SiteGraph, chapters: PrintChapterInput[]): PrintPage {
  const slugs = new Set<string>(chapters.map((c) => c.slug))
  const isChapter = (path: string) => slugs.has(path)
  return { kind: 'print', slug: PRINT_PAGE, title, chapters: chapters.map((chapter) => printChapter(chapter, graph, isChapter)) }
}

/**
 * The print page with some chapters replaced by new versions of the same
 * notes (same slugs, so the same set of chapters): the dev server's edit of
 * one note's prose, without building 2,000 chapters again.
 */
export function replaceChapters(page: PrintPage, graph: SiteGraph, replaced: ReadonlyMap<Slug, PrintChapterInput>): PrintPage {
  const slugs = new Set<string>(page.chapters.map((c) => c.slug))
  const isChapter = (path: string) => slugs.has(path)
  // Chapters are taken as they are, never spread: spreading would read each one's body.
  const chapters = page.chapters.map((chapter) => {
    const next = replaced.get(chapter.slug)
    return next ? printChapter(next, graph, isChapter) : chapter
  })
  return { ...page, chapters }
}
