/**
 * Link inline code in prose that names an indexed code symbol
 * (`` `container_of` ``) to the symbol's entry. The note's compiled tree is
 * shared (the dev server keeps it between builds), so nothing is changed in
 * place: only the elements on the way to a new link are copied.
 */
import type { Element, ElementContent, Root } from 'hast'
import { toString } from 'hast-util-to-string'

/** Elements inside which inline code is not linked: links, code blocks, headings' anchors. */
const NO_LINKS = new Set(['a', 'pre', 'figure', 'svg', 'math'])

const NAME = /^([A-Za-z_][A-Za-z0-9_]*)(?:\(\))?$/

/**
 * Return `tree` with each `code` element whose text is a name `hrefOf` knows
 * wrapped in a link; `tree` itself when there is nothing to link.
 */
export function linkInlineSymbols(tree: Root, hrefOf: (name: string) => string | undefined): Root {
  const visit = <T extends Root | Element>(node: T): T => {
    let children: ElementContent[] | undefined
    node.children.forEach((child, i) => {
      if (child.type !== 'element') return
      let next: ElementContent = child
      if (child.tagName === 'code') {
        const name = NAME.exec(toString(child).trim())?.[1]
        const href = name === undefined ? undefined : hrefOf(name)
        if (href) next = { type: 'element', tagName: 'a', properties: { href, className: ['symbol-link'] }, children: [child] }
      } else if (!NO_LINKS.has(child.tagName)) next = visit(child)
      if (next === child) return
      children ??= [...(node.children as ElementContent[])]
      children[i] = next
    })
    return children ? ({ ...node, children } as T) : node
  }
  return visit(tree)
}
