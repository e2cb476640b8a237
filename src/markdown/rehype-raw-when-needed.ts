/**
 * Parse raw HTML in a note into real elements (rehype-raw's work), but only
 * when the note has any: re-parsing every tree through parse5 costs more than
 * the rest of the pipeline on notes without HTML.
 */
import type { Root } from 'hast'
import { raw } from 'hast-util-raw'
import { visit, EXIT } from 'unist-util-visit'
import type { VFile } from 'vfile'

export default function rehypeRawWhenNeeded() {
  return (tree: Root, file: VFile): Root => {
    let found = false
    visit(tree, 'raw', () => {
      found = true
      return EXIT
    })
    file.data.rawHtml = found
    return found ? (raw(tree, { file }) as Root) : tree
  }
}
