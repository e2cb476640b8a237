/**
 * Record the note's headings (after rehype-slug gave them GitHub-style ids) on
 * `file.data.headings`, renaming any element id that could shadow a script global.
 */
import type { Element, Root } from 'hast'
import { headingRank } from 'hast-util-heading-rank'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { HeadingInfo } from './data.ts'

/**
 * Ids a browser would expose as `window.<id>` or that name Object.prototype
 * members; a heading must not be able to take their place.
 */
const RESERVED_IDS = new Set([
  '__proto__', 'constructor', 'prototype', 'hasownproperty', 'isprototypeof', 'tostring', 'valueof',
  'location', 'document', 'window', 'top', 'self', 'parent', 'opener', 'frames', 'globalthis',
])

/** An id that cannot clobber a global: reserved names get a `h-` prefix. */
export function safeId(id: string): string {
  return RESERVED_IDS.has(id.toLowerCase()) ? `h-${id}` : id
}

/** The footnotes' visually hidden "Footnotes" label is not a section of the note. */
export function isHiddenHeading(node: Element): boolean {
  const classes = node.properties.className
  return Array.isArray(classes) && classes.includes('sr-only')
}

export default function rehypeHeadings() {
  return (tree: Root, file: VFile) => {
    const headings: HeadingInfo[] = []
    visit(tree, 'element', (node) => {
      const raw = node.properties.id
      if (typeof raw === 'string' && raw !== safeId(raw)) node.properties.id = safeId(raw)
      const depth = headingRank(node)
      if (!depth || isHiddenHeading(node)) return
      const id = typeof node.properties.id === 'string' ? node.properties.id : ''
      headings.push({ depth, id, text: toString(node).trim(), line: node.position?.start.line })
    })
    file.data.headings = headings
  }
}
