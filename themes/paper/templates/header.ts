/** A masthead: the wiki's title centred in small capitals, its authors beneath, controls at the sides. */
import type { Element } from 'hast'
import { h } from 'hastscript'
import type { ThemeContext } from '../../../src/theme/types.ts'
import { icon } from '../../default/templates/icons.ts'
import { schemeSwitch, siteTitle } from '../../default/templates/header.ts'

export function header(ctx: ThemeContext): Element {
  const { config } = ctx
  return h('header.site-header.masthead', [
    h('button.nav-toggle.icon-button', { type: 'button', ariaControls: 'sidebar', ariaExpanded: 'false', ariaLabel: config.words['show-navigation'] }, [icon('menu')]),
    h('div.masthead-title', [
      siteTitle(ctx),
      ...(config.authors.length ? [h('span.masthead-authors', config.authors.join(', '))] : []),
    ]),
    h('div.masthead-side', [h('div.search-slot', { id: 'search' }), h('div.header-actions', [schemeSwitch(config.words)])]),
  ])
}
