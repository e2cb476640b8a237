/** The main column: a note, or one of the generated pages (404, print, redirect, indexes). */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Page } from '../../../src/pages/model.ts'
import { slug } from '../../../src/paths.ts'
import type { ThemeContext } from '../../../src/theme/types.ts'
import { splitAt } from '../../../src/words/index.ts'

const as = (value: ReturnType<ThemeContext['templates'][string]>) => (Array.isArray(value) ? value : [value]) as ElementContent[]

/**
 * The template that renders the body of each kind of page. Typed by the page
 * kinds, so a new kind of page does not compile until it names its template
 * (registered in the theme's index.ts).
 */
export const BODY_TEMPLATES: Record<Page['kind'], string> = {
  note: 'note',
  'not-found': 'notFound',
  print: 'print',
  redirect: 'redirect',
  tag: 'tagPage',
  tags: 'tagsPage',
  topic: 'topicPage',
  topics: 'topicsPage',
  symbols: 'symbolsPage',
  category: 'categoryPage',
}

export function main(ctx: ThemeContext): Element {
  const name = BODY_TEMPLATES[ctx.page.kind]
  const template = ctx.templates[name]
  if (!template) throw new Error(`The theme has no \`${name}\` template for ${ctx.page.kind} pages`)
  return h('main.main', { id: 'content', tabIndex: -1 }, [...as(template(ctx)), ...(ctx.footer && ctx.page.kind !== 'redirect' ? [siteFooter(ctx.footer)] : [])])
}

/** What every page's foot says (an MkDocs site's `copyright`), beneath the page. */
function siteFooter(footer: ElementContent[]): Element {
  return h('footer.site-footer', footer)
}

export function note(ctx: ThemeContext): Element {
  const { page, templates } = ctx
  if (page.kind !== 'note') throw new Error('note template on a non-note page')
  return h('div.note-layout', [
    ...as(templates.toc!(ctx)),
    h('article.note', { className: page.cssClasses }, [
      ...as(templates.breadcrumbs!(ctx)),
      ...(page.hasH1 || page.hideTitle ? [] : [h('h1', page.title)]),
      ...as(templates.tags!(ctx)),
      h('div.note-body', page.body.children as ElementContent[]),
      ...as(templates.noteExtras!(ctx)),
      ...as(templates.noteFooter!(ctx)),
      ...as(templates.pageNav!(ctx)),
    ]),
  ])
}

export function notFound(ctx: ThemeContext): Element {
  const page = ctx.page
  // The book's own 404 note, as mdBook shows it: its body alone.
  if (page.kind === 'not-found' && page.note) return h('article.note.not-found', [h('div.note-body', page.note.body.children as ElementContent[])])
  const words = ctx.config.words
  const [before, after] = splitAt(words['not-found-text'], 'link') ?? [`${words['not-found-text']} `, '']
  return h('article.note.not-found', [
    h('p.error-code', '404'),
    h('h1', words['not-found-title']),
    h('p', [before, h('a', { href: ctx.href(slug('index.html')) }, words['not-found-link']), after]),
  ])
}

export function print(ctx: ThemeContext): Element {
  const page = ctx.page
  if (page.kind !== 'print') throw new Error('print template on a non-print page')
  return h(
    // mdBook's `[output.html.print] page-break = false`: chapters run on instead of each starting a sheet.
    ctx.config.printPageBreak ? 'div.print' : 'div.print.run-on',
    page.chapters.map((c) =>
      h('article.note.print-chapter', { id: c.anchor }, [...(c.hasH1 ? [] : [h('h1', c.title)]), ...(c.body.children as ElementContent[])]),
    ),
  )
}

export function redirect(ctx: ThemeContext): Element {
  const page = ctx.page
  if (page.kind !== 'redirect') throw new Error('redirect template on a non-redirect page')
  const [before, after] = splitAt(ctx.config.words['page-moved'], 'link') ?? [`${ctx.config.words['page-moved']} `, '']
  return h('article.note', [h('p', [before, h('a', { href: page.to }, page.title), after])])
}
