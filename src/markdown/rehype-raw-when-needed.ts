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
    let found = false
    walk(tree, (node) => {
      if (node.type === 'raw') found = true
      return !found
    })
    file.data.rawHtml = found
    return found ? (raw(tree, { file }) as Root) : tree
  }
}
