/** Header and sidebar. */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { OutlineItem } from '../../../src/content/summary.ts'
import { slug, slugOf } from '../../../src/paths.ts'
import type { ThemeContext } from '../../../src/theme/types.ts'

export function header(ctx: ThemeContext): Element {
  return h('header.site-header', [
    h('button.nav-toggle', { type: 'button', ariaControls: 'sidebar', ariaExpanded: 'false', ariaLabel: 'Toggle navigation' }, '☰'),
    h('a.site-title', { href: ctx.href(slug('index.html')) }, ctx.config.title),
    h('div.search-slot', { id: 'search' }),
    h('button.scheme-toggle', { type: 'button', ariaLabel: 'Colour scheme: system', title: 'Colour scheme' }, '◐'),
  ])
}

function number(n: number[] | undefined): ElementContent[] {
  return n ? [h('span.chapter-number', `${n.join('.')}.`), { type: 'text', value: ' ' }] : []
}

/** The outline as nested lists, the current page marked. */
export function outlineList(ctx: ThemeContext, items: OutlineItem[] = ctx.graph.outline): Element {
  const current = ctx.page.slug
  const li: Element[] = []
  for (const item of items) {
    if (item.kind === 'part') li.push(h('li.part-title', item.title))
    else if (item.kind === 'separator') li.push(h('li.separator', { role: 'separator' }))
    else {
      const label = [...number(item.number), { type: 'text' as const, value: item.title }]
      const entry = item.source
        ? h('a', { href: ctx.href(slugOf(item.source)), ariaCurrent: slugOf(item.source) === current ? 'page' : undefined }, label)
        : h('span.draft', { title: 'Not written yet' }, label)
      li.push(h('li.chapter', [entry, ...(item.children.length ? [outlineList(ctx, item.children)] : [])]))
    }
  }
  return h('ol.outline', li)
}

export function sidebar(ctx: ThemeContext): Element {
  return h('nav.sidebar', { id: 'sidebar', ariaLabel: 'Chapters' }, [ctx.templates.outlineList!(ctx) as Element])
}
