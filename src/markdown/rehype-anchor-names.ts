/**
 * An author's `<a name="x">` anchor becomes `<a id="x">`. Browsers scroll to
 * either, and books written for mdBook (which publishes HTML as written) link
 * to such anchors; but sanitising prefixes `name` (`user-content-x`, as
 * GitHub does, for `<img name>` can clobber `document` properties), which
 * left every `#x` link to them leading nowhere. An id is what the link
 * checker and the print page know; a reserved one is renamed later as any
 * author's id is (rehype-headings.ts). `<a name>` itself clobbers nothing.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { walk } from './walk.ts'

export default function rehypeAnchorNames() {
  return (tree: Root, file: VFile): void => {
    // Only the author's raw HTML has `name` attributes: markdown never makes one.
    if (!file.data.rawHtml) return
    walk(tree, (node) => {
      if (node.type !== 'element' || node.tagName !== 'a') return
      const name = node.properties.name
      if (typeof name !== 'string' || name === '' || node.properties.id !== undefined) return
      node.properties.id = name
      delete node.properties.name
    })
  }
}
