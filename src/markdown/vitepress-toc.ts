/**
 * VitePress's `[[toc]]` (@mdit-vue/plugin-toc, with VitePress's defaults): a
 * paragraph of only `[[toc]]` becomes `div.table-of-contents` (VitePress
 * writes a `nav`, which the sanitiser's schema does not have), a nested list
 * of links to every h2 and h3 of the note, wherever it is written and as
 * often. It is read as that before wikilinks are, so it is no link to a note
 * named "toc"; `[[toc]]` in a sentence stays a wikilink, as VitePress leaves
 * it text.
 *
 * Two steps, as in mdbook-toc.ts: a placeholder where the marker is, filled
 * once headings have their ids.
 */
import type { Element, Root as HastRoot } from 'hast'
import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { headingText, nest } from './mdbook-toc.ts'

const CLASS = 'table-of-contents'
const MARKER = /^\[\[toc\]\]$/i

/** Put a placeholder at each paragraph that is only `[[toc]]`. */
export function remarkVitepressToc() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value)
    if (!/\[\[toc\]\]/i.test(text)) return
    visit(tree, 'paragraph', (node, index, parent) => {
      if (!parent || index === undefined) return
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined || !MARKER.test(text.slice(start, end).trim())) return
      parent.children[index] = { type: 'paragraph', children: [], position: node.position, data: { hName: 'div', hProperties: { className: [CLASS] } } }
    })
  }
}

/** Fill each placeholder with the note's h2 and h3, nested. */
export function rehypeVitepressTocFill() {
  return (tree: HastRoot) => {
    const places: Element[] = []
    const headings: Array<{ level: number; id: string; children: Element['children'] }> = []
    visit(tree, 'element', (node) => {
      if (node.tagName === 'div' && Array.isArray(node.properties.className) && node.properties.className.includes(CLASS)) places.push(node)
      const level = /^h([23])$/.exec(node.tagName)?.[1]
      if (level !== undefined && typeof node.properties.id === 'string') headings.push({ level: Number(level), id: node.properties.id, children: headingText(node) })
    })
    for (const place of places) place.children = headings.length > 0 ? [{ type: 'element', tagName: 'ul', properties: {}, children: structuredClone(nest(headings)) }] : []
  }
}
