/**
 * Warn about a link with no target, `[Hygiene and Spans]()`: books write it
 * as a placeholder for a chapter not yet written, and the reader gets a link
 * back to the page they are on (mdBook's `href=""` too). `[top](#)` names a
 * place, the page's top, and is left alone.
 */
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

export default function remarkEmptyLinks() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'link', (node) => {
      if (node.url.trim() !== '') return
      file.message(
        `Link \`${toString(node)}\` has no target (\`()\`): it leads back to this page; name the page, or leave the text unlinked until it is written`,
        node,
        'slugwiki:empty-link',
      )
    })
  }
}
