/** The parts around a note's body: breadcrumbs, table of contents, previous/next, footer. */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { NotePage } from '../../../src/pages/model.ts'
import type { ThemeContext } from '../../../src/theme/types.ts'
import { icon } from './icons.ts'

function notePage(ctx: ThemeContext): NotePage | undefined {
  return ctx.page.kind === 'note' ? ctx.page : undefined
}

/** Where the page sits: part, then enclosing chapters. */
export function breadcrumbs(ctx: ThemeContext): Element | Element[] {
  const page = ctx.page.kind === 'note' || ctx.page.kind === 'category' ? ctx.page : undefined
  if (!page || page.breadcrumbs.length === 0) return []
  const crumbs: ElementContent[] = page.breadcrumbs.map((c) => h('li', c.slug ? h('a', { href: ctx.href(c.slug) }, c.title) : c.title))
  return h('nav.breadcrumbs', { ariaLabel: ctx.config.words.breadcrumbs }, [h('ol', crumbs)])
}

/**
 * The page's h2/h3 headings (and H1s that are sections). A `<details>`: open beside the text on wide
 * screens (the script opens it; CSS shows it where `::details-content` is
 * known), a folded "On this page" above the text on narrow ones.
 */
export function toc(ctx: ThemeContext): Element | Element[] {
  const page = notePage(ctx)
  if (!page || page.toc.length < 2) return []
  const title = ctx.config.words['on-this-page']
  return h('nav.page-toc', { ariaLabel: title }, [
    h('details.toc-details', [
      h('summary.page-toc-title', title),
      h(
        'ul',
        page.toc.map((heading) => h(`li.toc-h${heading.depth}`, [h('a', { href: `#${encodeURIComponent(heading.id)}` }, heading.text)])),
      ),
    ]),
  ])
}

/** Previous and next pages in reading order. */
export function pageNav(ctx: ThemeContext): Element | Element[] {
  const page = notePage(ctx)
  if (!page || (!page.prev && !page.next)) return []
  const words = ctx.config.words
  return h('nav.page-nav', { ariaLabel: words['previous-and-next'] }, [
    page.prev ? h('a.prev', { href: ctx.href(page.prev.slug, page.prev.fragment), rel: 'prev' }, [h('span.label', [h('span.arrow', { ariaHidden: 'true' }, '←'), ` ${words.previous}`]), h('span.title', page.prev.title)]) : h('span'),
    page.next ? h('a.next', { href: ctx.href(page.next.slug, page.next.fragment), rel: 'next' }, [h('span.label', [`${words.next} `, h('span.arrow', { ariaHidden: 'true' }, '→')]), h('span.title', page.next.title)]) : h('span'),
  ])
}

/** A date as the page's language writes it; the ISO date when Intl cannot. */
function formatDate(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))
  } catch {
    return iso
  }
}

/** "Edit this page" and "Last updated" (from git only, never the build time). */
export function noteFooter(ctx: ThemeContext): Element | Element[] {
  const page = notePage(ctx)
  if (!page || (!page.editUrl && !page.lastUpdated)) return []
  const parts: ElementContent[] = []
  if (page.editUrl) parts.push(h('a.edit-link', { href: page.editUrl }, [icon('edit'), ctx.config.words['edit-page']]))
  if (page.lastUpdated) {
    parts.push(h('span.last-updated', [`${ctx.config.words['last-updated']} `, h('time', { dateTime: page.lastUpdated }, formatDate(page.lastUpdated, ctx.config.language))]))
  }
  return h('footer.note-footer', parts)
}

/** The note's tags, each linked to its tag page when the wiki builds them. */
export function tags(ctx: ThemeContext): Element | Element[] {
  const page = notePage(ctx)
  if (!page || page.tags.length === 0) return []
  if (page.tagLinks.length) return h('ul.tags', { ariaLabel: ctx.config.words.tags }, page.tagLinks.map((t) => h('li.tag', [h('a', { href: ctx.href(t.slug), rel: 'tag' }, t.title)])))
  return h('ul.tags', { ariaLabel: ctx.config.words.tags }, page.tags.map((t) => h('li.tag', t)))
}
