/** The main column: note body, table of contents, prev/next, special pages. */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { slug } from '../../../src/paths.ts'
import type { ThemeContext } from '../../../src/theme/types.ts'

export function main(ctx: ThemeContext): Element {
  const { page } = ctx
  const body =
    page.kind === 'note'
      ? ctx.templates.note!(ctx)
      : page.kind === 'not-found'
        ? ctx.templates.notFound!(ctx)
        : page.kind === 'print'
          ? ctx.templates.print!(ctx)
          : ctx.templates.redirect!(ctx)
  return h('main.main', { id: 'content', tabIndex: -1 }, [body as Element])
}

export function toc(ctx: ThemeContext): Element | Element[] {
  const page = ctx.page
  if (page.kind !== 'note' || page.toc.length < 2) return []
  return h('nav.page-toc', { ariaLabel: 'On this page' }, [
    h('p.page-toc-title', 'On this page'),
    h(
      'ul',
      page.toc.map((heading) => h(`li.toc-h${heading.depth}`, [h('a', { href: `#${encodeURIComponent(heading.id)}` }, heading.text)])),
    ),
  ])
}

export function pageNav(ctx: ThemeContext): Element | Element[] {
  const page = ctx.page
  if (page.kind !== 'note' || (!page.prev && !page.next)) return []
  return h('nav.page-nav', { ariaLabel: 'Previous and next' }, [
    page.prev ? h('a.prev', { href: ctx.href(page.prev.slug), rel: 'prev' }, [h('span.label', 'Previous'), h('span.title', page.prev.title)]) : h('span'),
    page.next ? h('a.next', { href: ctx.href(page.next.slug), rel: 'next' }, [h('span.label', 'Next'), h('span.title', page.next.title)]) : h('span'),
  ])
}

export function note(ctx: ThemeContext): Element {
  const page = ctx.page
  if (page.kind !== 'note') throw new Error('note template on a non-note page')
  const crumbs: ElementContent[] = page.breadcrumbs.map((c) => h('li', c.slug ? h('a', { href: ctx.href(c.slug) }, c.title) : c.title))
  const meta: ElementContent[] = []
  if (page.tags.length) meta.push(h('ul.tags', { ariaLabel: 'Tags' }, page.tags.map((t) => h('li.tag', t))))
  const footer: ElementContent[] = []
  if (page.editUrl) footer.push(h('a.edit-link', { href: page.editUrl }, 'Edit this page'))
  if (page.lastUpdated) footer.push(h('span.last-updated', ['Last updated ', h('time', { dateTime: page.lastUpdated }, page.lastUpdated)]))
  return h('div.note-layout', [
    h('article.note', [
      crumbs.length ? h('nav.breadcrumbs', { ariaLabel: 'Breadcrumbs' }, [h('ol', crumbs)]) : h('span'),
      ...(page.hasH1 ? [] : [h('h1', page.title)]),
      ...meta,
      h('div.note-body', page.body.children as ElementContent[]),
      footer.length ? h('footer.note-footer', footer) : h('span'),
      ctx.templates.pageNav!(ctx) as Element,
    ]),
    ctx.templates.toc!(ctx) as Element,
  ])
}

export function notFound(ctx: ThemeContext): Element {
  return h('article.note', [
    h('h1', 'Page not found'),
    h('p', ['This page does not exist. ', h('a', { href: ctx.href(slug('index.html')) }, 'Go to the start'), '.']),
  ])
}

export function print(ctx: ThemeContext): Element {
  const page = ctx.page
  if (page.kind !== 'print') throw new Error('print template on a non-print page')
  return h(
    'div.print',
    page.chapters.map((c) =>
      h('article.note.print-chapter', { id: c.anchor }, [...(c.hasH1 ? [] : [h('h1', c.title)]), ...(c.body.children as ElementContent[])]),
    ),
  )
}

export function redirect(ctx: ThemeContext): Element {
  const page = ctx.page
  if (page.kind !== 'redirect') throw new Error('redirect template on a non-redirect page')
  return h('article.note', [h('p', ['This page moved to ', h('a', { href: ctx.href(page.target) }, page.title), '.'])])
}
