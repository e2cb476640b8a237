/**
 * Python-Markdown's abbreviations (`abbr`, in an MkDocs site that lists it):
 * a paragraph of lines `*[HTML]: Hyper Text Markup Language` defines them and
 * is not shown; every whole-word `HTML` in the note's text (headings, lists,
 * tables, link text; not code) becomes `<abbr title="Hyper Text Markup
 * Language">HTML</abbr>`. A later definition of a term wins; an empty one
 * (`*[HTML]: ""` or nothing) takes it back, as Python-Markdown reads them.
 *
 * remark-abbr, the remark plugin for this syntax, was written for remark's
 * old tokenizer (remark 12 and before) and does not run on micromark; the
 * definitions are plain text to CommonMark, so they are read from the
 * paragraphs' source lines here.
 */
import type { Paragraph, Parent, PhrasingContent, Root, Text } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import { pointAt } from './text-match.ts'
import type { VFile } from 'vfile'

/** One definition line (Python-Markdown's `AbbrBlockprocessor.RE`, a line at a time). */
const DEFINITION = /^[ \t]*\*\[([^\]\\]*?)\][ \t]?:[ \t]*(.*?)[ \t]*$/

/** Where abbreviations are never looked for. */
const SKIPPED = new Set(['inlineCode', 'code', 'html', 'math', 'inlineMath', 'abbr'])

/** Read abbreviation definitions and mark the terms they define. */
export default function remarkAbbr() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value)
    if (!source.includes('*[')) return
    const titles = new Map<string, string>()
    // Definitions first, wherever they are (MkDocs sites append them to every page).
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined || index === undefined || !parent) return
      const lines = source.slice(start, end).split('\n')
      const read = lines.map((line) => DEFINITION.exec(line))
      if (read.some((m) => m === null)) return
      for (const m of read) {
        const term = m![1]!
        const title = m![2]!.replace(/^(["'])(.*)\1$/, '$2')
        if (title === '') titles.delete(term)
        else titles.set(term, title)
      }
      parent.children.splice(index, 1)
      return [SKIP, index]
    })
    if (titles.size === 0) return
    const terms = [...titles.keys()].sort((a, b) => b.length - a.length)
    const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    // Python's `\b` around the term: no word character touching it.
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${terms.map(escape).join('|')})(?![\\p{L}\\p{N}_])`, 'gu')
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (SKIPPED.has(node.type)) return SKIP
      if (node.type !== 'text' || index === undefined || !parent) return
      const text = (node as Text).value
      const parts: PhrasingContent[] = []
      // Each piece keeps its place in the note, so a later warning inside it (an icon, a link) names its line and column.
      const piece = (from: number, to: number): Text => {
        const start = pointAt(node as Text, from)
        const end = pointAt(node as Text, to)
        return { type: 'text', value: text.slice(from, to), ...(start && end && { position: { start, end } }) }
      }
      let last = 0
      for (const match of text.matchAll(pattern)) {
        if (match.index! > last) parts.push(piece(last, match.index!))
        const term = piece(match.index!, match.index! + match[0].length)
        parts.push({ type: 'abbr', data: { hName: 'abbr', hProperties: { title: titles.get(match[0])! } }, children: [term], ...(term.position && { position: term.position }) } as unknown as PhrasingContent)
        last = match.index! + match[0].length
      }
      if (parts.length === 0) return
      if (last < text.length) parts.push(piece(last, text.length))
      parent.children.splice(index, 1, ...(parts as never[]))
      return [SKIP, index + parts.length]
    })
  }
}
