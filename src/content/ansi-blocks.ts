/**
 * Where a note's ```` ```ansi ```` blocks hold the escapes their
 * highlighting consumes, so that the `unprintable` warning counts only the
 * control characters a page would show as control pictures.
 */
import type { Code } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

/** A fence's language as rehype-code reads it: `ansi`, `ANSI`, `ansi{2}`, `ansi:line-numbers`, mdBook's `ansi,ignore`. */
const ANSI_LANG = /^ansi(?:$|[,{:])/i

/**
 * The SGR sequences shiki's ANSI parser (ansi-sequence-parser's
 * `findSequence`) takes out of one line: from an ESC followed by `[` to the
 * next `m` of the line, whatever lies between. It is not exported, so its
 * rule is repeated here; test/ansi.test.ts checks the two agree.
 */
function* sequencesOf(line: string): Generator<[start: number, end: number]> {
  let at = 0
  for (;;) {
    const escape = line.indexOf('\x1b', at)
    if (escape === -1 || line[escape + 1] !== '[') return
    const close = line.indexOf('m', escape)
    if (close === -1) return
    yield [escape, close + 1]
    at = close + 1
  }
}

/**
 * The offsets in `text` of every character an `ansi` block consumes as part
 * of an escape sequence. Only a note holding `ansi` and an ESC is parsed
 * (with remark-parse: a fence inside a list or a quote is found too).
 */
export function consumedAnsiEscapes(text: string): Set<number> {
  const consumed = new Set<number>()
  if (!text.includes('\x1b') || !/ansi/i.test(text)) return consumed
  const tree = unified().use(remarkParse).parse(text)
  visit(tree, 'code', (node: Code) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (!node.lang || !ANSI_LANG.test(node.lang) || start === undefined || end === undefined) return
    // Line by line, as shiki parses the block's lines (a quote's `> ` before them holds no escape).
    let lineStart = start
    for (const line of text.slice(start, end).split('\n')) {
      for (const [a, b] of sequencesOf(line)) for (let i = a; i < b; i++) consumed.add(lineStart + i)
      lineStart += line.length + 1
    }
  })
  return consumed
}
