/**
 * Obsidian's highlights: `==text==` is `<mark>text</mark>`. The syntax is
 * parsed by micromark-extension-highlight-mark (a micromark construct with
 * strikethrough's flanking rules, so `a == b`, `==` in code and an escaped
 * `\==` stay text); its mdast node `highlight` becomes a `mark` element here.
 */
import type { Root } from 'mdast'
import { highlightMarkFromMarkdown, highlightMarkToMarkdown } from 'mdast-util-highlight-mark'
import { highlightMark } from 'micromark-extension-highlight-mark'
import type { Processor } from 'unified'
import { visit } from 'unist-util-visit'

interface ProcessorData {
  micromarkExtensions?: unknown[]
  fromMarkdownExtensions?: unknown[]
  toMarkdownExtensions?: unknown[]
}

export default function remarkHighlights(this: Processor) {
  const data = this.data() as ProcessorData
  ;(data.micromarkExtensions ??= []).push(highlightMark())
  ;(data.fromMarkdownExtensions ??= []).push(highlightMarkFromMarkdown)
  ;(data.toMarkdownExtensions ??= []).push(highlightMarkToMarkdown)
  return (tree: Root) => {
    visit(tree, 'highlight', (node: { data?: { hName?: string } }) => {
      node.data = { ...node.data, hName: 'mark' }
    })
  }
}
