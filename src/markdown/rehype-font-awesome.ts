/**
 * Font Awesome icons in a note's raw HTML (`<i class="fa fa-github"></i>`,
 * as mdBook books write them, whose theme loads Font Awesome's font): the
 * site loads no icon font, so such an element would be an empty box, and a
 * link holding only it an invisible stop for the keyboard. An icon octicons
 * (already the alert icons' package) draws the same thing becomes that
 * inline SVG, named for screen readers when it is all a link says; any
 * other is dropped, and a link it leaves empty shows the icon's name.
 */
import octicons, { type OcticonNode } from '@primer/octicons'
import type { Element, ElementContent, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { s, h } from 'hastscript'
import { SKIP, visitParents } from 'unist-util-visit-parents'
import type { VFile } from 'vfile'

/** Font Awesome's names (4, 5 and 6) of the icons octicons draws alike. */
export const OCTICON_OF: Record<string, string> = {
  github: 'mark-github', 'github-alt': 'mark-github', 'github-square': 'mark-github', 'square-github': 'mark-github',
  warning: 'alert', 'exclamation-triangle': 'alert', 'triangle-exclamation': 'alert',
  info: 'info', 'info-circle': 'info', 'circle-info': 'info',
  check: 'check', 'check-circle': 'check-circle', 'circle-check': 'check-circle',
  times: 'x', close: 'x', remove: 'x', xmark: 'x',
  link: 'link', 'external-link': 'link-external', 'external-link-alt': 'link-external', 'arrow-up-right-from-square': 'link-external',
  book: 'book', code: 'code', terminal: 'terminal', bug: 'bug', lock: 'lock', rocket: 'rocket', rss: 'rss', tag: 'tag', bell: 'bell',
  'lightbulb-o': 'light-bulb', lightbulb: 'light-bulb', star: 'star', heart: 'heart',
  search: 'search', 'magnifying-glass': 'search', download: 'download', copy: 'copy', clipboard: 'copy',
  question: 'question', 'question-circle': 'question', 'circle-question': 'question',
  gear: 'gear', cog: 'gear', home: 'home', house: 'home', pencil: 'pencil', edit: 'pencil', pen: 'pencil', trash: 'trash',
  file: 'file', 'file-o': 'file', folder: 'file-directory', comment: 'comment', clock: 'clock', 'clock-o': 'clock',
  'arrow-right': 'arrow-right', 'arrow-left': 'arrow-left', envelope: 'mail', user: 'person', users: 'people',
}

/** Font Awesome's style classes: one of them marks an element as its icon. */
const STYLE_CLASSES = new Set(['fa', 'fas', 'far', 'fab', 'fal', 'fad', 'fa-solid', 'fa-regular', 'fa-brands', 'fa-light', 'fa-thin', 'fa-duotone'])

/** Classes that are Font Awesome's modifiers, not icon names. */
const MODIFIER = /^fa-(?:solid|regular|brands|light|thin|duotone|fw|lg|xs|sm|[1-9]?\dx|spin|pulse|border|inverse|flip-\w+|rotate-\d+|pull-\w+|stack(?:-\dx)?|li|ul)$/

/** The icon name of a Font Awesome element (`github` for `fa fa-github`), or undefined. */
function iconName(node: Element): string | undefined {
  const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : []
  if (!classes.some((c) => STYLE_CLASSES.has(c))) return undefined
  return classes.find((c) => c.startsWith('fa-') && !MODIFIER.test(c))?.slice(3)
}

/** An octicon as inline SVG of the text's size. */
function octicon(name: string): Element | undefined {
  const ast = octicons[name]?.heights['16']?.ast
  if (!ast) return undefined
  const toHast = (node: OcticonNode): Element => s(node.name, node.name === 'path' ? { d: node.attributes.d } : {}, node.children.map(toHast))
  return s('svg.fa-icon', { viewBox: ast.attributes.viewBox, width: 16, height: 16, fill: 'currentColor', ariaHidden: 'true' }, ast.children.map(toHast))
}

/** Whether a link says nothing but its icons. */
function wordless(link: Element): boolean {
  return toString(link).trim() === '' && !link.children.some((child) => child.type === 'element' && child.tagName === 'img')
}

/** Replace Font Awesome icons with octicons, or drop them, as the module says. */
export default function rehypeFontAwesome() {
  return (tree: Root, file: VFile) => {
    // Only an author's raw HTML writes these elements: a note without any is not walked.
    if (!file.data.rawHtml) return
    visitParents(tree, 'element', (node, ancestors) => {
      if (node.tagName !== 'i' && node.tagName !== 'span') return
      const name = iconName(node)
      if (name === undefined || toString(node).trim() !== '') return
      const parent = ancestors.at(-1) as Root | Element
      const link = ancestors.findLast((a): a is Element => a.type === 'element' && a.tagName === 'a')
      const alone = link !== undefined && wordless(link)
      const svg = octicon(OCTICON_OF[name] ?? '')
      const label = name.replaceAll('-', ' ')
      let replacement: ElementContent[]
      if (svg) replacement = [{ ...node, children: [svg, ...(alone ? [h('span.sr-only', label)] : [])] }]
      else replacement = alone ? [{ type: 'text', value: label }] : []
      const index = parent.children.indexOf(node)
      parent.children.splice(index, 1, ...(replacement as Root['children']))
      return [SKIP, index + replacement.length]
    })
  }
}
