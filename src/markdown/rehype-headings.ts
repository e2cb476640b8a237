/**
 * Record the note's headings (after rehype-slug gave them GitHub-style ids) on
 * `file.data.headings`, renaming any element id that could shadow a script global.
 */
import type { Element, Root, RootContent } from 'hast'
import { headingRank } from 'hast-util-heading-rank'
import { toString } from 'hast-util-to-string'
import { visitParents } from 'unist-util-visit-parents'
import type { VFile } from 'vfile'
import type { HeadingInfo } from './data.ts'

/**
 * Ids that name Object.prototype members (scripts key objects by id: a
 * search index, a TOC map) or the globals scripts reach for first. Named
 * access cannot replace a global the browser defines, but a script that
 * looks up `window[id]` or `map[id]` must never meet the page's element.
 * `top` is left alone: `#top` means "the top of the page" to every browser.
 */
const RESERVED_IDS = new Set([
  '__proto__', 'constructor', 'prototype', 'hasownproperty', 'isprototypeof', 'propertyisenumerable', 'tostring',
  'tolocalestring', 'valueof', '__definegetter__', '__definesetter__', '__lookupgetter__', '__lookupsetter__',
  'location', 'document', 'window', 'self', 'parent', 'opener', 'frames', 'globalthis', 'name', 'origin',
])

/** An id that cannot clobber a global: reserved names, and names our own scripts use (`slugwiki…`), get a `h-` prefix. */
export function safeId(id: string): string {
  const lower = id.toLowerCase()
  return RESERVED_IDS.has(lower) || lower.startsWith('slugwiki') ? `h-${id}` : id
}

/** The footnotes' visually hidden "Footnotes" label is not a section of the note. */
export function isHiddenHeading(node: Element): boolean {
  const classes = node.properties.className
  return Array.isArray(classes) && classes.includes('sr-only')
}

/** Headings that get a `#` anchor link: not the hidden footnotes label, and not one inside a link (links cannot nest). */
export function takesAnchor(node: Element): boolean {
  return !isHiddenHeading(node) && !(node.data as { insideLink?: boolean } | undefined)?.insideLink
}

export default function rehypeHeadings() {
  return (tree: Root, file: VFile) => {
    const headings: HeadingInfo[] = []
    visitParents(tree, 'element', (node, ancestors) => {
      if (headingRank(node) && ancestors.some((a) => a.type === 'element' && a.tagName === 'a')) {
        node.data = { ...node.data, insideLink: true } as Element['data']
      }
      const raw = node.properties.id
      if (typeof raw === 'string' && raw !== safeId(raw)) node.properties.id = safeId(raw)
      // An anchor of the heading's own id inside it (`# <a name="intro"></a>Intro`, rehype-anchor-names.ts) would be a second element of that id.
      const heading = ancestors.findLast((a): a is Element => a.type === 'element' && headingRank(a) !== undefined)
      if (heading && node.properties.id !== undefined && node.properties.id === heading.properties.id) delete node.properties.id
      const depth = headingRank(node)
      if (!depth || isHiddenHeading(node)) return
      const id = typeof node.properties.id === 'string' ? node.properties.id : ''
      headings.push({ depth, id, text: toString(node).trim(), line: node.position?.start.line })
    })
    file.data.headings = headings
    file.data.textBeforeHeadings = textBeforeFirstHeading(tree)
  }
}

/**
 * Whether a top-level block with text comes before the first heading. Comments,
 * whitespace and blocks without text (a logo, a row of badges, a rule) do not
 * count: a README's badges above its `# Name` leave the name its title.
 */
export function textBeforeFirstHeading(tree: Root): boolean {
  for (const child of tree.children) {
    if (containsHeading(child)) return false
    if (child.type === 'text' && child.value.trim() !== '') return true
    // Raw HTML rehype-raw did not parse: its text, without comments and tags.
    if (child.type === 'raw' && child.value.replace(/<!--[\s\S]*?-->|<[^>]*>/g, '').trim() !== '') return true
    if (child.type === 'element' && toString(child).trim() !== '') return true
  }
  return false
}

function containsHeading(node: RootContent): boolean {
  if (node.type !== 'element') return false
  if (headingRank(node) && !isHiddenHeading(node)) return true
  return node.children.some(containsHeading)
}
