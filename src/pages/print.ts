/**
 * The print page: every note in reading order on one page. Each chapter is
 * its note's body as its worker serialised it for print (ids prefixed by the
 * chapter's anchor, links made to work from `print.html`), with each link to
 * another note pointed within the page when that note is a chapter.
 */
import { fillPrintChapter } from '../markdown/print-body.ts'
import type { NoteBodies } from '../markdown/note-cache.ts'
import { deferredBody } from '../markdown/slotted-html.ts'
import { lazyBody } from './fingerprint.ts'
import { PRINT_PAGE, printAnchor, type Slug } from '../paths.ts'
import type { WikiTarget } from '../graph/wikilinks.ts'
import { targetLookup } from './link-wikilinks.ts'
import type { PrintPage } from './model.ts'

export interface PrintChapterInput {
  title: string
  slug: Slug
  /** The note's `CompiledNote.key`. */
  key: string
  hasH1: boolean
  /** Where the note's wikilinks point. */
  wikiLinks: WikiTarget[]
}

/** One chapter of the print page; `isChapter` tells which output paths are chapters too. */
function printChapter(chapter: PrintChapterInput, bodies: NoteBodies, isChapter: (path: string) => boolean): PrintPage['chapters'][number] {
  const model = { title: chapter.title, slug: chapter.slug, anchor: printAnchor(chapter.slug), hasH1: chapter.hasH1, wikiLinks: chapter.wikiLinks }
  // Read when the page is rendered, and not kept: the model stays cheap to build and to fingerprint,
  // which the dev server does on every rebuild, and a rendered page does not hold every body at once.
  return lazyBody(model, chapter.key, () => deferredBody(() => fillPrintChapter(bodies.print(chapter.key), isChapter, targetLookup(chapter.wikiLinks))))
}

/** Build the print page model from chapters in reading order; bodies come from `bodies`. */
export function buildPrintPage(title: string, bodies: NoteBodies, chapters: PrintChapterInput[]): PrintPage {
  const slugs = new Set<string>(chapters.map((c) => c.slug))
  const isChapter = (path: string) => slugs.has(path)
  return { kind: 'print', slug: PRINT_PAGE, title, chapters: chapters.map((chapter) => printChapter(chapter, bodies, isChapter)) }
}

/**
 * The print page with some chapters replaced by new versions of the same
 * notes (same slugs, so the same set of chapters): the dev server's edit of
 * one note's prose, without building 2,000 chapters again.
 */
export function replaceChapters(page: PrintPage, bodies: NoteBodies, replaced: ReadonlyMap<Slug, PrintChapterInput>): PrintPage {
  const slugs = new Set<string>(page.chapters.map((c) => c.slug))
  const isChapter = (path: string) => slugs.has(path)
  // Chapters are taken as they are, never spread: spreading would read each one's body.
  const chapters = page.chapters.map((chapter) => {
    const next = replaced.get(chapter.slug)
    return next ? printChapter(next, bodies, isChapter) : chapter
  })
  return { ...page, chapters }
}
