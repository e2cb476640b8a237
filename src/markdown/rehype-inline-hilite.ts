/**
 * PyMdown's InlineHilite (`pymdownx.inlinehilite`, in an MkDocs site that
 * lists it): inline code opening with a language, `` `#!c int x;` `` or
 * `` `:::c int x;` ``, is that code highlighted in that language, its marker
 * not shown (isovalent/ebpf-docs gives every helper's C signature so). A
 * language the highlighter does not know is plain code, its marker dropped
 * all the same, as PyMdown shows it.
 */
import type { Element, ElementContent, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { visitParents } from 'unist-util-visit-parents'
import type { CodeHighlighter } from './highlighter.ts'

export interface RehypeInlineHiliteOptions {
  highlighter: CodeHighlighter
}

/** PyMdown's marker: `#!` (its shebang) or `:::`, a language, then white space before the code. */
const MARKER = /^(?:#!|:::)([\w#.+-]+)\s+([\s\S]*)$/

/** Highlight inline code that names its language, as InlineHilite does. */
export default function rehypeInlineHilite(options: RehypeInlineHiliteOptions) {
  const { highlighter } = options
  return async (tree: Root) => {
    const jobs: Promise<void>[] = []
    visitParents(tree, 'element', (node: Element, ancestors) => {
      if (node.tagName !== 'code' || ancestors.some((a) => a.type === 'element' && a.tagName === 'pre')) return
      const marked = MARKER.exec(toString(node))
      if (!marked) return
      const [, name, code] = marked as unknown as [string, string, string]
      node.children = [{ type: 'text', value: code }]
      const lang = highlighter.resolve(name)
      if (!lang || lang === 'text') return
      jobs.push(
        highlighter.highlight(code, lang).then(({ tree: highlighted }) => {
          // One line of inline code: the tokens of the block's first line.
          let tokens: ElementContent[] | undefined
          visitParents(highlighted, 'element', (el: Element) => {
            if (tokens || el.tagName !== 'span' || !(Array.isArray(el.properties.className) ? el.properties.className.map(String) : String(el.properties.class ?? '').split(' ')).includes('line')) return
            tokens = el.children
            return false
          })
          if (!tokens) return
          node.children = tokens
          // `class`, as shiki writes its `pre`'s: the code stylesheet colours tokens under `.shiki`.
          node.properties = { class: `shiki language-${name}` }
        }),
      )
    })
    await Promise.all(jobs)
  }
}
