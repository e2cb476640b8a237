/**
 * Obsidian's block ids: a paragraph or list item ending in ` ^rcu-rule`, or
 * a line `^rcu-rule` alone after a table, quote, list or code block, names
 * that block for `[[Note#^rcu-rule]]` and `![[Note#^rcu-rule]]`. The marker
 * is dropped from the text and the block gets the id `rcu-rule` (what
 * `headingId` makes of `^rcu-rule`, so a link's fragment finds it); the ids
 * are listed on `file.data.blockIds` for embeds to cut the block out.
 */
import type { Node, Paragraph, Parent, Root, Text } from 'mdast'
import type { VFile } from 'vfile'
import { SKIP, visit } from 'unist-util-visit'
import { headingId } from './remark-wikilinks.ts'

/** Obsidian's id after a caret: letters, digits and dashes, at the end of the block's text. */
const MARKER = /(^|\s)\^([A-Za-z0-9-]+)[ \t]*$/

/** Give `node` the id `id` (as its element's `id` attribute). */
function setId(node: Node, id: string): void {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> }
  data.hProperties = { ...data.hProperties, id }
}

/** Read block ids, drop their markers, and give the blocks those ids. */
export default function remarkBlockIds() {
  return (tree: Root, file: VFile) => {
    // A marker needs a caret in the text.
    if (!String(file.value).includes('^')) return
    const ids: string[] = []
    visit(tree, 'paragraph', (node: Paragraph, index, parent: Parent | undefined) => {
      const last = node.children.at(-1)
      if (last?.type !== 'text' || index === undefined || !parent) return
      const match = MARKER.exec(last.value)
      if (!match) return
      const id = headingId(`^${match[2]!}`)
      if (id === '') return
      const rest = last.value.slice(0, match.index).replace(/\s+$/, '')
      const alone = rest.trim() === '' && node.children.length === 1
      if (alone) {
        // `^id` on its own line names the block before it (a table, a quote, a list), as in Obsidian.
        const previous = parent.children[index - 1]
        if (!previous || previous.type === 'heading') return
        setId(previous, id)
        ids.push(id)
        parent.children.splice(index, 1)
        return [SKIP, index]
      }
      ;(last as Text).value = rest
      if (rest === '') node.children.pop()
      // A list item's first line names the item.
      setId(parent.type === 'listItem' && parent.children[0] === node ? parent : node, id)
      ids.push(id)
      return SKIP
    })
    if (ids.length > 0) file.data.blockIds = ids
  }
}
