/** The site header: drawer toggle, wiki title, search slot, scheme switch, print and repository links. */
import type { Element } from 'hast'
import { h } from 'hastscript'
import { slug } from '../../../src/paths.ts'
import type { ThemeContext } from '../../../src/theme/types.ts'
import { icon } from './icons.ts'

/** The three-way colour scheme switch; the script cycles system → light → dark. */
export function schemeSwitch(): Element {
  return h('button.scheme-toggle.icon-button', { type: 'button', ariaLabel: 'Colour scheme: system', title: 'Colour scheme: system' }, [
    h('span.when-system', [icon('system')]),
    h('span.when-light', [icon('sun')]),
    h('span.when-dark', [icon('moon')]),
  ])
}

export function header(ctx: ThemeContext): Element {
  const actions: Element[] = [schemeSwitch()]
  if (ctx.page.kind !== 'print' && ctx.config.print) {
    actions.push(h('a.icon-button', { href: ctx.href(slug('print.html')), title: 'Print this wiki', ariaLabel: 'Print this wiki' }, [icon('print')]))
  }
  if (ctx.config.repositoryUrl) {
    actions.push(h('a.icon-button', { href: ctx.config.repositoryUrl, title: 'Source repository', ariaLabel: 'Source repository' }, [icon('repo')]))
  }
  return h('header.site-header', [
    h('button.nav-toggle.icon-button', { type: 'button', ariaControls: 'sidebar', ariaExpanded: 'false', ariaLabel: 'Show navigation' }, [icon('menu')]),
    h('a.site-title', { href: ctx.href(slug('index.html')) }, ctx.config.title),
    // Filled by search.js, which loads the index from `data-index` on first use.
    h('div.search-slot', { id: 'search', dataIndex: ctx.config.search ? ctx.asset('search/') : undefined }),
    h('div.header-actions', actions),
  ])
}
