/** The HTML document around every page. */
import type { Element, Root } from 'hast'
import { h } from 'hastscript'
import type { ThemeContext } from '../../../src/theme/types.ts'
import { clientWords } from '../../../src/words/index.ts'

/**
 * Run in `<head>` before any stylesheet, so the first paint already has the
 * right scheme: the stored choice, else the system's preference (or the
 * book's scheme for it, `data-when-light`/`data-when-dark`). Kept inline
 * (a few hundred bytes) because an external script would be too late.
 */
export const NO_FLASH = `(function(){var d=document.documentElement,c;try{c=localStorage.getItem('slugwiki-scheme')}catch(e){}if(c!=='light'&&c!=='dark')c='system';d.dataset.scheme=c;d.dataset.theme=c==='system'?(matchMedia('(prefers-color-scheme: dark)').matches?d.dataset.whenDark||'dark':d.dataset.whenLight||'light'):c})()`

/** The link previews' assets (see `popovers.js`), listed in the theme's index.ts. */
const POPOVER_ASSETS = ['popovers.css', 'popovers.js']

/**
 * Whether the page previews its links (`[slugwiki] popovers`). Not on the
 * print page, whose links lead within itself, nor on a redirect.
 */
function hasPopovers(ctx: ThemeContext): boolean {
  return ctx.config.popovers && ctx.page.kind !== 'print' && ctx.page.kind !== 'redirect'
}

/**
 * mdBook's fragment redirects (`"/page.html#old" = "new.html#x"`): a reader
 * arriving at one of these fragments is sent on at once, before the page is
 * shown (and before a redirect page's refresh), as mdBook's page script does.
 * The map is JSON in the script, every `<` escaped so nothing in it ends the
 * element; the hash is tried as the browser gives it and decoded.
 */
function fragmentRedirects(map: Record<string, string>, keep?: string): Element {
  const json = JSON.stringify(map).replace(/</g, '\\u003c')
  if (keep === undefined) return h('script', `(function(m){var h=location.hash,t=m[h];try{t=t||m[decodeURIComponent(h)]}catch(e){}if(t)location.replace(new URL(t,location.href).href)})(${json})`)
  // A fragment the map does not name is kept, as `FRAGMENT_KEEPER` keeps it.
  const to = JSON.stringify(keep).replace(/</g, '\\u003c')
  return h('script', `(function(m,k){var h=location.hash,t=m[h];try{t=t||m[decodeURIComponent(h)]}catch(e){}if(t)location.replace(new URL(t,location.href).href);else if(h)location.replace(new URL(k,location.href).href.replace(/#.*$/,'')+h)})(${json},${to})`)
}

/**
 * The script of a redirect page that keeps the reader's `#fragment`
 * (`old.html#locking` → `new.html#locking`), which the refresh drops: it
 * sends the reader to the page's canonical link, just above it, with the
 * fragment. One text on every redirect page, so no URL is ever written into
 * a script.
 */
export const FRAGMENT_KEEPER =
  "(function(){var l=document.querySelector('link[rel=canonical]');if(location.hash&&l)location.replace(l.href.replace(/#.*$/,'')+location.hash)})()"

/** The `<head>` children of a page. */
export function head(ctx: ThemeContext): Element[] {
  const { page, config } = ctx
  const home = page.kind === 'note' && page.slug === 'index.html'
  const items: Element[] = [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', home ? config.title : `${(page.kind === 'note' && page.headTitle) || page.title} · ${config.title}`),
  ]
  const description = page.description ?? config.description
  if (description) items.push(h('meta', { name: 'description', content: description }))
  if (page.kind === 'note' && page.keywords?.length) items.push(h('meta', { name: 'keywords', content: page.keywords.join(', ') }))
  if (page.kind === 'note' && page.image) items.push(h('meta', { property: 'og:image', content: page.image }))
  // Docusaurus's `unlisted`: as it does, kept out of search engines.
  if (page.kind === 'note' && page.noindex) items.push(h('meta', { name: 'robots', content: 'noindex, nofollow' }))
  items.push(h('meta', { name: 'color-scheme', content: 'light dark' }))
  for (const { rel, href } of ctx.favicons) items.push(h('link', { rel, href }))
  for (const { type, title, href } of ctx.feeds ?? []) items.push(h('link', { rel: 'alternate', type, title, href }))
  items.push(h('script', NO_FLASH))
  if (page.kind === 'note' && page.fragmentRedirects) items.push(fragmentRedirects(page.fragmentRedirects))
  // The scripts' words, when the wiki's are not the English ones they know (see words.js).
  const words = clientWords(config.words, config.language)
  if (words) items.push(h('script#slugwiki-words', { type: 'application/json' }, JSON.stringify(words).replace(/</g, '\\u003c')))
  // Without previews their script and stylesheet are left out, not loaded to do nothing.
  const skipped = new Set(hasPopovers(ctx) ? [] : POPOVER_ASSETS.map(ctx.asset))
  for (const href of ctx.styles) if (!skipped.has(href)) items.push(h('link', { rel: 'stylesheet', href }))
  for (const src of ctx.scripts) if (!skipped.has(src)) items.push(h('script', { src, defer: true }))
  if (page.kind === 'redirect') {
    // A target without a fragment of its own takes the reader's (a refresh alone drops it); one that names a heading keeps it.
    const keeps = !page.to.includes('#')
    items.push(h('link', { rel: 'canonical', href: page.to }))
    if (page.fragments) items.push(fragmentRedirects(page.fragments, keeps ? page.to : undefined))
    else if (keeps) items.push(h('script', FRAGMENT_KEEPER))
    items.push(h('meta', { httpEquiv: 'refresh', content: `0; url=${page.to}` }))
  }
  return items
}

export function document(ctx: ThemeContext): Root {
  const { page, config, templates } = ctx
  // A redirect page shows for the moment its refresh takes: no sidebar, which would double the size of
  // a site that keeps every old URL (an MkDocs site's directory URLs: one redirect per page).
  const columns: Element[] = page.kind === 'print' || page.kind === 'redirect' ? [] : [templates.sidebar!(ctx) as Element, h('div.backdrop', { hidden: true })]
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      // mdBook's default-theme/preferred-dark-theme, only where they differ from the system's scheme.
      h('html', { lang: config.language, dir: config.textDirection === 'rtl' ? 'rtl' : undefined, dataWhenLight: config.schemes.light === 'light' ? undefined : config.schemes.light, dataWhenDark: config.schemes.dark === 'dark' ? undefined : config.schemes.dark }, [
        h('head', templates.head!(ctx) as Element[]),
        h('body', { className: [`page-${page.kind}`] }, [
          h('a.skip-link', { href: '#content' }, config.words['skip-to-content']),
          templates.header!(ctx) as Element,
          h('div.layout', [...columns, templates.main!(ctx) as Element]),
        ]),
      ]),
    ],
  }
}
