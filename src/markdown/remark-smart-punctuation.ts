/**
 * mdBook's `smart-punctuation` (pulldown-cmark's): remark-smartypants with
 * `--` an en dash and `---` an em dash, and a backslash-escaped quote, dash
 * or dot left as written (`\"` is a straight quote, as the author asked).
 * After parsing, an escape is gone from the text; so the parser writes each
 * escaped `"`, `'`, `-` or `.` as a noncharacter smartypants passes by, and
 * the characters are put back after it. Noncharacters never come out of a
 * character reference (micromark decodes them to U+FFFD), and one written
 * raw in a note is already reported and shown as U+FFFD.
 */
import type { Root } from 'mdast'
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown'
import remarkSmartypants from 'remark-smartypants'
import type { Processor } from 'unified'
import { visit } from 'unist-util-visit'

const KEPT = new Map([
  ['"', '\uFDD0'],
  ["'", '\uFDD1'],
  ['-', '\uFDD2'],
  ['.', '\uFDD3'],
])
const BACK = new Map([...KEPT].map(([char, mark]) => [mark, char]))
const MARKS = /[\uFDD0-\uFDD3]/g
const HAS_MARK = /[\uFDD0-\uFDD3]/
/** Every field an escape can land in: text, link and image URLs, titles, alt texts, reference labels, code info. */
const FIELDS = ['value', 'url', 'title', 'alt', 'label', 'identifier', 'lang', 'meta'] as const

/** mdast-util-from-markdown's handling of an escaped character's value, with the marks. */
function escapedValue(this: CompileContext, token: Token): undefined {
  const tail = this.stack.pop() as { value: string; position?: { end: unknown } }
  const char = this.sliceSerialize(token)
  tail.value += KEPT.get(char) ?? char
  if (tail.position) tail.position.end = { line: token.end.line, column: token.end.column, offset: token.end.offset }
}

const restore = (value: string) => value.replace(MARKS, (mark) => BACK.get(mark)!)

export default function remarkSmartPunctuation(this: Processor) {
  const data = this.data() as { fromMarkdownExtensions?: Array<Extension | Extension[]> }
  ;(data.fromMarkdownExtensions ??= []).push({ exit: { characterEscapeValue: escapedValue } })
  // The plugin is only a function of its options: called directly, its transformer runs before ours.
  const smarten = remarkSmartypants.call(this, { dashes: 'oldschool' }) as unknown as (tree: Root) => void
  return (tree: Root) => {
    smarten(tree)
    visit(tree, (node) => {
      const fields = node as unknown as Partial<Record<(typeof FIELDS)[number], unknown>>
      for (const name of FIELDS) {
        const field = fields[name]
        if (typeof field === 'string' && HAS_MARK.test(field)) fields[name] = restore(field)
      }
    })
  }
}
