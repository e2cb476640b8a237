/** A masthead: the wiki's title centred in small capitals, its authors beneath, controls at the sides. */
import type { Element } from 'hast'
import { h } from 'hastscript'
import type { ThemeContext } from '../../../src/theme/types.ts'
import { icon } from '../../default/templates/icons.ts'
import { headerActions, searchSlot, siteTitle } from '../../default/templates/header.ts'

export function header(ctx: ThemeContext): Element {
  const { config } = ctx
  return h('header.site-header.masthead', [
    h('button.nav-toggle.icon-button', { type: 'button', ariaControls: 'sidebar', ariaExpanded: 'false', ariaLabel: config.words['show-navigation'] }, [icon('menu')]),
    h('div.masthead-title', [
      siteTitle(ctx),
      ...(config.authors.length ? [h('span.masthead-authors', config.authors.join(', '))] : []),
    ]),
    // The default theme's search box and buttons (scheme, print page, repository), at the masthead's side.
    h('div.masthead-side', [searchSlot(ctx), headerActions(ctx)]),
  ])
}
