/**
 * mdBook's MathJax delimiters, `\\( … \\)` inline and `\\[ … \\]` display,
 * as math nodes for rehype-katex. After markdown unescaping they appear in text
 * as `\( … \)` and `\[ … \]`. remark-math handles `$` and `$$`.
 */
import type { Element, Text as HastText } from 'hast'
import type { PhrasingContent, Root, Text } from 'mdast'
import type { InlineMath, Math } from 'mdast-util-math'
import { visit } from 'unist-util-visit'

export interface Options {
  /**
   * Resolve markdown's backslash escapes in `$…$` and `$$…$$`, as an mdBook's
   * MathJax reads them (default false).
   */
  escapes?: boolean
}

/** CommonMark's backslash escape: a backslash before ASCII punctuation. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g

const DELIMITED = /\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g

export default function remarkMdbookMath(options: Options = {}) {
  return (tree: Root) => {
    // mdBook leaves math to MathJax in the page, so the TeX it sees is the text after markdown: books
    // write `\\\\` for a row break and `\\{` for a brace. Before the nodes below are made, which are unescaped already.
    if (options.escapes) visit(tree, ['math', 'inlineMath'], (node) => unescape(node as Math | InlineMath))
    // remark-math makes a `$$` block's `<code>` without a place, and rehype-katex reports its errors at that element.
    visit(tree, 'math', (node: Math) => {
      const code = node.data?.hChildren?.[0]
      if (code?.type === 'element' && !code.position && node.position) code.position = structuredClone(node.position)
    })
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

/** Resolve backslash escapes in a math node's TeX and in the text remark-math put in its hast. */
function unescape(node: Math | InlineMath): void {
  let value = node.value.replace(ESCAPE, '$1')
  if (value === node.value) return
  // `\\` closing the last line is `\` and a line break to MathJax, a control space; KaTeX needs the space written.
  if (/(?:^|[^\\])(?:\\\\)*\\$/.test(value)) value += ' '
  node.value = value
  const first = node.data?.hChildren?.[0]
  const text = first?.type === 'element' ? (first as Element).children[0] : first
  if (text?.type === 'text') (text as HastText).value = value
}
