/**
 * mdBook's MathJax delimiters, `\\( … \\)` inline and `\\[ … \\]` display,
 * as math nodes for rehype-katex. After markdown unescaping they appear in text
 * as `\( … \)` and `\[ … \]`. remark-math handles `$` and `$$`.
 */
import type { PhrasingContent, Root, Text } from 'mdast'
import type { InlineMath } from 'mdast-util-math'
import { visit } from 'unist-util-visit'

const DELIMITED = /\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g

export default function remarkMdbookMath() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('\\')) return
      const parts: PhrasingContent[] = []
      let last = 0
      for (const match of node.value.matchAll(DELIMITED)) {
        const at = match.index ?? 0
        if (at > last) parts.push({ type: 'text', value: node.value.slice(last, at) })
        const display = match[2] !== undefined
        const value = (match[1] ?? match[2] ?? '').trim()
        // Inline math nodes render display-style when marked so (rehype-katex reads `math-display`).
        const math: InlineMath = {
          type: 'inlineMath',
          value,
          data: {
            hName: 'code',
            hProperties: { className: ['language-math', display ? 'math-display' : 'math-inline'] },
            hChildren: [{ type: 'text', value }],
          },
        }
        parts.push(math)
        last = at + match[0].length
      }
      if (parts.length === 0) return
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) })
      parent.children.splice(index, 1, ...(parts as typeof parent.children))
      return index + parts.length
    })
  }
}
