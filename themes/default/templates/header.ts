/** The site header: drawer toggle, wiki title, search slot, scheme switch, print and repository links. */
import type { Element } from 'hast'
import { h } from 'hastscript'
import { slug } from '../../../src/paths.ts'
import type { ThemeContext } from '../../../src/theme/types.ts'
import type { RepositoryHost } from '../../../src/config.ts'
import { fill, type Words } from '../../../src/words/index.ts'
import { icon, repositoryIcon } from './icons.ts'

/** How the repository link names its host. */
const HOST_NAMES: Record<RepositoryHost, string | undefined> = { github: 'GitHub', gitlab: 'GitLab', codeberg: 'Codeberg', bitbucket: 'Bitbucket', gitea: 'Gitea', other: undefined }

/** The three-way colour scheme switch; the script cycles system → light → dark. */
export function schemeSwitch(words: Words): Element {
  const label = fill(words['colour-scheme'], { scheme: words['scheme-system'] })
  return h('button.scheme-toggle.icon-button', { type: 'button', ariaLabel: label, title: label }, [
    h('span.when-system', [icon('system')]),
    h('span.when-light', [icon('sun')]),
    h('span.when-dark', [icon('moon')]),
  ])
}

/** The site's title, linked to its home; the site's logo before it, when it has one (Material for MkDocs's `theme.logo`). */
export function siteTitle(ctx: ThemeContext): Element {
  // The logo is decoration beside the title, which names the link.
  return h('a.site-title', { href: ctx.href(slug('index.html')) }, [...(ctx.logo ? [h('img.site-logo', { src: ctx.logo, alt: '' })] : []), ctx.config.title])
}

/** The search box's slot, filled by search.js, which loads the index from `data-index` on first use; `data-limit` caps the results it lists. */
export function searchSlot(ctx: ThemeContext): Element {
  return h('div.search-slot', { id: 'search', dataIndex: ctx.config.search ? ctx.asset('search/') : undefined, dataLimit: ctx.config.search ? ctx.config.searchLimit : undefined })
}

/** The header's buttons: the scheme switch, the print page and the repository. */
export function headerActions(ctx: ThemeContext): Element {
  const words = ctx.config.words
  const actions: Element[] = [schemeSwitch(words)]
  if (ctx.page.kind !== 'print' && ctx.config.print) {
    actions.push(h('a.icon-button', { href: ctx.href(slug('print.html')), title: words['print-wiki'], ariaLabel: words['print-wiki'] }, [icon('print')]))
  }
  if (ctx.config.repositoryUrl) {
    const host = HOST_NAMES[ctx.config.repositoryHost]
    const label = host ? fill(words['source-repository-on'], { host }) : words['source-repository']
    actions.push(h('a.icon-button', { href: ctx.config.repositoryUrl, title: label, ariaLabel: label, dataHost: ctx.config.repositoryHost }, [repositoryIcon(ctx.config.repositoryHost)]))
  }
  return h('div.header-actions', actions)
}

export function header(ctx: ThemeContext): Element {
  return h('header.site-header', [
    h('button.nav-toggle.icon-button', { type: 'button', ariaControls: 'sidebar', ariaExpanded: 'false', ariaLabel: ctx.config.words['show-navigation'] }, [icon('menu')]),
    siteTitle(ctx),
    searchSlot(ctx),
    headerActions(ctx),
  ])
}
