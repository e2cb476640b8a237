/**
 * Obsidian's task marks: a list item starting `[?]`, `[/]`, `[-]`, `[>]`
 * (any one character) is a task, as `[ ]` and `[x]` are. GFM's task list
 * construct (micromark-extension-gfm-task-list-item) reads only a space, `x`
 * and `X`, and has no option for more, so the mark is taken off the item's
 * text here, after parsing, where GFM would have found it. Every task item
 * then carries Obsidian's `data-task` (the mark; `""` unchecked, `x`
 * checked), on the `li` and its checkbox, which Obsidian's themes style;
 * any mark but a space is checked, as Obsidian shows it.
 */
import type { Root as HastRoot } from 'hast'
import type { ListItem, Root } from 'mdast'
import { visit } from 'unist-util-visit'

/** A custom mark opening an item's first paragraph: one character, then a space or the end. */
const MARK = /^\[([^\s\]\[xX\\])\](?:[ \t]+|$)/

/** Read `[?]`-style marks as tasks; mark every task item with its `data-task`. */
export default function remarkTaskMarks() {
  return (tree: Root) => {
    visit(tree, 'listItem', (item: ListItem) => {
      let mark: string | undefined
      if (item.checked === true) mark = 'x'
      else if (item.checked === false) mark = ''
      else {
        const first = item.children[0]
        const text = first?.type === 'paragraph' ? first.children[0] : undefined
        const found = text?.type === 'text' ? MARK.exec(text.value) : null
        if (!found || !text || text.type !== 'text') return
        mark = found[1]!
        text.value = text.value.slice(found[0].length)
        if (text.position) text.position.start = { ...text.position.start, column: text.position.start.column + found[0].length, offset: (text.position.start.offset ?? 0) + found[0].length }
        item.checked = true
      }
      item.data = { ...item.data, hProperties: { ...item.data?.hProperties, dataTask: mark } }
    })
  }
}

/** Give each task item's checkbox its item's `data-task`, as Obsidian writes both. */
export function rehypeTaskMarks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (li) => {
      if (li.tagName !== 'li' || typeof li.properties.dataTask !== 'string') return
      const first = li.children.find((child) => child.type === 'element')
      const box = first?.tagName === 'input' ? first : first?.tagName === 'p' ? first.children.find((child) => child.type === 'element' && child.tagName === 'input') : undefined
      if (box?.type === 'element') box.properties.dataTask = li.properties.dataTask
    })
  }
}
