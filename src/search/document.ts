/**
 * The document Pagefind indexes for one note: built from the note's section
 * records (not its rendered page, whose sidebar would be indexed on every
 * page), with heading ids for deep links, code weighted below prose, and the
 * title, breadcrumb, section and tags as Pagefind metadata and filters.
 */
import type { Element } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { spaceWords } from './client/core.js'
import type { SearchSection } from './sections.ts'

/**
 * Pagefind's weight for code (prose is 1, headings 2 to 7): code is found, but
 * a note that explains an identifier in prose ranks above one that only uses it.
 */
export const CODE_WEIGHT = 0.4

export interface IndexDocument {
  title: string
  /** Whether the note's body starts with its own h1 (otherwise the title is added as one). */
  hasH1: boolean
  sections: SearchSection[]
  language: string
  /** Breadcrumb text shown with each hit, e.g. `Kernel › Memory`. */
  crumb: string
  /** Top-level section of the outline, for filtering. */
  section?: string
  tags: string[]
}

/** Render one note's index document as HTML for Pagefind. */
export function indexDocument(doc: IndexDocument): string {
  const head: Element[] = [h('meta', { dataPagefindMeta: 'title[content]', content: doc.title })]
  if (doc.crumb) head.push(h('meta', { dataPagefindMeta: 'crumb[content]', content: doc.crumb }))
  if (doc.section) head.push(h('meta', { dataPagefindFilter: 'section[content]', content: doc.section }))
  for (const tag of doc.tags) head.push(h('meta', { dataPagefindFilter: 'tag[content]', content: tag }))

  const body: Element[] = []
  if (!doc.hasH1) body.push(h('h1', spaceWords(doc.title)))
  for (const section of doc.sections) {
    if (section.depth > 0) body.push(h(`h${section.depth}`, { id: section.id || undefined }, spaceWords(section.heading)))
    if (section.prose) body.push(h('p', spaceWords(section.prose)))
    if (section.code) body.push(h('pre', { dataPagefindWeight: String(CODE_WEIGHT) }, spaceWords(section.code)))
  }
  return toHtml(h('html', { lang: doc.language }, [h('head', head), h('body', body)]))
}
