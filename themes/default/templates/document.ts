/** The HTML document around every page. */
import type { Element, Root } from 'hast'
import { h } from 'hastscript'
import type { ThemeContext } from '../../../src/theme/types.ts'

/**
 * Applied before first paint so a dark page never flashes light: the stored
 * choice, else the system's preference.
 */
const NO_FLASH = `(function(){var d=document.documentElement;try{var c=localStorage.getItem('slugwiki-scheme');d.dataset.scheme=c||'system';if(c!=='light'&&c!=='dark')c=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';d.dataset.theme=c}catch(e){d.dataset.theme='light'}})()`

export function document(ctx: ThemeContext): Root {
  const { page, config } = ctx
  const title = page.kind === 'note' && page.slug === 'index.html' ? config.title : `${page.title} · ${config.title}`
  const head: Element[] = [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', title),
  ]
  const description = page.description ?? config.description
  if (description) head.push(h('meta', { name: 'description', content: description }))
  head.push(h('meta', { name: 'color-scheme', content: 'light dark' }))
  head.push(h('script', NO_FLASH))
  for (const href of ctx.styles) head.push(h('link', { rel: 'stylesheet', href }))
  for (const src of ctx.scripts) head.push(h('script', { src, defer: true }))
  if (page.kind === 'redirect') {
    head.push(h('meta', { httpEquiv: 'refresh', content: `0; url=${ctx.href(page.target)}` }))
    head.push(h('link', { rel: 'canonical', href: ctx.href(page.target) }))
  }
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: config.language }, [
        h('head', head),
        h('body', { className: [`page-${page.kind}`] }, [
          h('a.skip-link', { href: '#content' }, 'Skip to content'),
          ctx.templates.header!(ctx) as Element,
          h('div.layout', [ctx.templates.sidebar!(ctx) as Element, ctx.templates.main!(ctx) as Element]),
        ]),
      ]),
    ],
  }
}
