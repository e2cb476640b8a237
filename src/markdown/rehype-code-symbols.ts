/**
 * Record on `file.data.codeSymbols` the identifiers each highlighted code
 * block defines, calls and names (from the grammar's scopes), and on
 * `file.data.inlineCode` the identifiers written as inline code in prose, so
 * the graph stage can index symbols and link `container_of` to its entry.
 * Runs after rehype-code, which gave every block its `code-N` id.
 */
import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { extractSymbols, hasSymbolGrammar } from './code-symbols.ts'
import type { CodeSymbolInfo } from './data.ts'
import type { CodeHighlighter } from './highlighter.ts'

export interface RehypeCodeSymbolsOptions {
  highlighter: CodeHighlighter
}

/** Inline code that is one identifier, optionally called: `synchronize_rcu`, `synchronize_rcu()`. */
const INLINE_IDENTIFIER = /^([A-Za-z_][A-Za-z0-9_]*)(?:\(\))?$/

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className
  return Array.isArray(classes) && classes.includes(name)
}

export default function rehypeCodeSymbols(options: RehypeCodeSymbolsOptions) {
  const { highlighter } = options
  return async (tree: Root, file: VFile) => {
    const blocks: Array<{ id: string; lang: string; pre: Element; line?: number }> = []
    const inline = new Set<string>()
    visit(tree, 'element', (node) => {
      if (node.tagName === 'figure' && hasClass(node, 'code')) {
        const lang = String(node.properties.dataLang ?? '')
        const pre = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'pre')
        if (pre && typeof node.properties.id === 'string' && hasSymbolGrammar(lang)) {
          blocks.push({ id: node.properties.id, lang, pre, line: node.position?.start.line })
        }
        return SKIP
      }
      if (node.tagName === 'code') {
        const m = INLINE_IDENTIFIER.exec(toString(node).trim())
        if (m) inline.add(m[1]!)
        return SKIP
      }
      return undefined
    })

    const symbols: CodeSymbolInfo[] = []
    for (const block of blocks) {
      // A `pre` reused from the note's previous version carries its symbols; a new one has the
      // scopes of rehype-code's pass. Only a block from an older cache needs a grammar pass here.
      const { pre } = block
      const found =
        pre.data?.codeSymbols ?? extractSymbols(block.lang, file.data.codeScopes?.get(block.id) ?? (await highlighter.scopes(toString(pre), block.lang)))
      // A cast: hast-util-from-parse5 declares `data.position` required, though it sets it only when verbose.
      pre.data = { ...pre.data, codeSymbols: found } as NonNullable<Element['data']>
      for (const s of found) {
        // The fence is the block's first line; its code starts on the next.
        symbols.push({ name: s.name, kind: s.kind, role: s.role, block: block.id, line: block.line === undefined ? undefined : block.line + 1 + s.line })
      }
    }
    file.data.codeSymbols = symbols
    file.data.inlineCode = [...inline].sort()
  }
}
