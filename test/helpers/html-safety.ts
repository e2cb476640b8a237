/**
 * Scan a finished HTML page, parsed as a browser parses it, for anything that
 * could run or restyle the page and did not come from slugwiki itself: a
 * script, frame or plugin element, an event handler, a URL with a scheme
 * other than http(s)/mailto/irc(s)/xmpp, or an inline `style` outside the
 * output of our highlighting and math plugins.
 */
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { visitParents } from 'unist-util-visit-parents'
import { FRAGMENT_KEEPER } from '../../themes/default/templates/document.ts'

const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'srcSet', 'poster', 'data', 'cite', 'background', 'longDesc', 'ping', 'manifest', 'codeBase', 'useMap']
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'irc', 'ircs', 'xmpp'])
const NEVER = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'style', 'portal', 'fencedframe'])
/** Where our plugins put inline styles: KaTeX output and shiki's code figures. */
const STYLED_REGIONS = ['katex', 'katex-display', 'katex-error', 'shiki']

/** How a browser reads the scheme: ASCII whitespace and controls anywhere are ignored. */
function schemeOf(url: string): string | undefined {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase()
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1]
}

function classes(node: Element): string[] {
  const value = node.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

export interface ScanOptions {
  /** Inline scripts the theme itself writes (their exact text), besides a redirect page's, which is always the same. */
  themeScripts?: ReadonlySet<string>
}

/** Every problem found in a page (its HTML, or the tree a parser made of it), as readable strings; empty when the page is safe. */
export function findUnsafe(page: string | Root, options: ScanOptions = {}): string[] {
  const tree: Root = typeof page === 'string' ? fromHtml(page) : page
  const problems: string[] = []
  visitParents(tree, 'element', (node, ancestors) => {
    const where = `<${node.tagName}>`
    if (NEVER.has(node.tagName)) problems.push(`${where} element`)
    if (node.tagName === 'script') {
      const type = String(node.properties.type ?? '').toLowerCase()
      const src = node.properties.src
      const executable = type === '' || type === 'module' || /javascript|ecmascript/.test(type)
      if (executable) {
        if (typeof src === 'string') {
          if (!/^(\.\.\/)*_slugwiki\//.test(src) && !src.includes('/_slugwiki/')) problems.push(`${where} with foreign src ${src}`)
        } else if (!options.themeScripts?.has(toString(node)) && toString(node) !== FRAGMENT_KEEPER) problems.push(`${where} inline: ${toString(node).slice(0, 80)}`)
      }
    }
    if (node.tagName === 'meta' && String(node.properties.httpEquiv ?? '').toLowerCase() === 'refresh') {
      const url = /url=(.*)$/i.exec(String(node.properties.content ?? ''))?.[1] ?? ''
      const scheme = schemeOf(url)
      if (scheme && !SAFE_SCHEMES.has(scheme)) problems.push(`${where} refresh to ${url}`)
    }
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key)) problems.push(`${where} event handler ${key}`)
      if (URL_PROPERTIES.includes(key) && value !== undefined && value !== null) {
        for (const url of Array.isArray(value) ? value.map(String) : [String(value)]) {
          const scheme = schemeOf(url)
          if (scheme && !SAFE_SCHEMES.has(scheme)) problems.push(`${where} ${key}=${url}`)
        }
      }
    }
    if (node.properties.style !== undefined) {
      const chain = [...ancestors, node].filter((a): a is Element => a.type === 'element')
      if (!chain.some((a) => classes(a).some((c) => STYLED_REGIONS.includes(c)))) problems.push(`${where} style="${String(node.properties.style)}" outside our plugins' output`)
    }
  })
  return problems
}

/** The inline scripts of a page known to be clean, to recognise the theme's own. */
export function inlineScripts(html: string): Set<string> {
  const scripts = new Set<string>()
  visitParents(fromHtml(html), 'element', (node) => {
    if (node.tagName === 'script' && node.properties.src === undefined) scripts.add(toString(node))
  })
  return scripts
}
