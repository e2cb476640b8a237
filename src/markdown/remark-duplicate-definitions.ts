/**
 * Warn about a link reference defined twice with different URLs. Links use
 * the first definition (CommonMark, and so mdBook's pulldown-cmark, say so),
 * so the second is silently dead: Wasmtime's WASI chapter defines
 * `[`wasmtime-wasi`]` for crates.io and again for docs.rs, and both of its
 * links go to crates.io. A repeat of the same URL is harmless and not
 * reported. The labels are the ones micromark normalised (`identifier`:
 * case-folded, whitespace collapsed), so no label is parsed here.
 * remark-lint's `no-duplicate-definitions` reports every repeat, the same
 * URL's too, which real books have by the dozen and which harm nothing.
 */
import type { Definition, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

export default function remarkDuplicateDefinitions() {
  return (tree: Root, file: VFile) => {
    const first = new Map<string, Definition>()
    visit(tree, 'definition', (node) => {
      const earlier = first.get(node.identifier)
      if (!earlier) {
        first.set(node.identifier, node)
        return
      }
      if (earlier.url === node.url) return
      const where = earlier.position ? `line ${earlier.position.start.line} has the first, ` : ''
      file.message(
        `A second definition of \`[${node.label ?? node.identifier}]\` (${where}${earlier.url}): links use the first, as in mdBook and CommonMark, not ${node.url}`,
        node,
        'slugwiki:duplicate-definition',
      )
    })
  }
}
