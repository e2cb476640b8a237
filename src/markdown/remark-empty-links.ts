/**
 * Warn about a link with no target, `[Hygiene and Spans]()`: books write it
 * as a placeholder for a chapter not yet written, and the reader gets a link
 * back to the page they are on (mdBook's `href=""` too). `[top](#)` names a
 * place, the page's top, and is left alone. An image with no source,
 * `![diagram]()`, is a broken image. remark-lint's `no-empty-url` says the
 * same in its words, not slugwiki's: ten lines were not worth a dependency.
 */
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

export default function remarkEmptyLinks() {
  return (tree: Root, file: VFile) => {
    visit(tree, ['link', 'image'], (node) => {
      if (node.type !== 'link' && node.type !== 'image') return
      if (node.url.trim() !== '') return
      if (node.type === 'image') {
        file.message(`${node.alt ? `Image \`${node.alt}\`` : 'An image'} has no source (\`()\`): the reader sees a broken image`, node, 'slugwiki:empty-link')
        return
      }
      file.message(
        `Link \`${toString(node)}\` has no target (\`()\`): it leads back to this page; name the page, or leave the text unlinked until it is written`,
        node,
        'slugwiki:empty-link',
      )
    })
  }
}
