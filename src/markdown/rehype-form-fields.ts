/**
 * Remove the author's form fields before sanitising, except checkboxes.
 * GitHub's schema keeps `<input>` only as a task list's disabled checkbox and
 * forces every one it keeps to be that, so a book's `<input type="number">`
 * (an mdBook page with a calculator) would show as a box to tick. A field
 * without its page script does nothing anyway: the label beside it stays.
 * Part of pass 1 (rehype-sanitize-note.ts), which reports what it removed.
 */
import type { Element, Root } from 'hast'
import { SKIP, visit } from 'unist-util-visit'

/** Remove every `<input>` but checkboxes from a tree of raw HTML. */
export function removeFormFields(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'input' || !parent || index === undefined) return
    const type = String(node.properties.type ?? 'text').toLowerCase()
    if (type === 'checkbox') return
    parent.children.splice(index, 1)
    return [SKIP, index]
  })
}
