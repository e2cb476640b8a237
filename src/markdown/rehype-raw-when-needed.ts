/**
 * Parse raw HTML in a note into real elements (rehype-raw's work), but only
 * when the note has any: re-parsing every tree through parse5 costs more than
 * the rest of the pipeline on notes without HTML.
 */
import type { Root } from 'hast'
import { raw } from 'hast-util-raw'
import type { VFile } from 'vfile'
import { walk } from './walk.ts'

export default function rehypeRawWhenNeeded() {
  return (tree: Root, file: VFile): Root => {
    // Where the author's HTML is, by source offset: the elements parsed from it start there, markdown's never do.
    const spans: Array<[number, number]> = []
    walk(tree, (node) => {
      if (node.type !== 'raw') return
      const start = node.position?.start?.offset
      const end = node.position?.end?.offset
      if (start !== undefined && end !== undefined) spans.push([start, end])
      else spans.push([-1, -1])
    })
    file.data.rawHtml = spans.length > 0
    if (spans.length === 0) return tree
    file.data.rawHtmlSpans = spans.filter(([start]) => start >= 0)
    return reparse(tree, file)
  }
}

/**
 * Parse the tree through parse5 (hast-util-raw), keeping what parse5 would
 * drop: it keeps attributes, not `data`, so a fence's meta (`{2}`, `[label]`,
 * `title=`) rides through as one.
 */
export function reparse(tree: Root, file: VFile): Root {
  walk(tree, (node) => {
    if (node.type !== 'element' || node.tagName !== 'code') return
    const meta = (node.data as { meta?: unknown } | undefined)?.meta
    if (typeof meta === 'string') node.properties[META] = meta
  })
  const out = raw(tree, { file }) as Root
  walk(out, (node) => {
    if (node.type !== 'element' || node.tagName !== 'code') return
    const meta = node.properties[META]
    if (typeof meta !== 'string') return
    delete node.properties[META]
    node.data = { ...node.data, meta } as typeof node.data
  })
  return out
}

/** The property a fence's meta is kept in while the tree goes through parse5. */
const META = 'dataSlugwikiFenceMeta'
