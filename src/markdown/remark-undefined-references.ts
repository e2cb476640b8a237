/**
 * Warn about `` [`Config::profiler`] `` with nothing defining it: a reader
 * sees the brackets, not a link (Wasmtime's profiling chapters have two).
 * Only a bracketed inline code alone is taken for a reference (rustdoc's
 * intra-doc form, which books copy from doc comments and forget to define);
 * other bracketed text (`see [1]`, `[WIP]`, `a[i]`) is prose. micromark
 * leaves an unresolved reference as its text, so the three siblings `[`,
 * code, `]` are what is left of one; no markdown is parsed here.
 * remark-lint's `no-undefined-references` takes all bracketed text for a
 * reference, so kernel notes' `[WIP]` and `[ 0.000000]` would be warnings.
 */
import type { InlineCode, Parent, Root, Text } from 'mdast'
import type { Point } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

export default function remarkUndefinedReferences() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value)
    visit(tree, (node) => {
      // Inside a link's text, brackets are the author's words: a link holds no other.
      if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') return
      const children = (node as Parent).children
      for (let i = 1; i + 1 < children.length; i++) {
        const code = children[i]!
        if (code.type !== 'inlineCode') continue
        const before = children[i - 1]!
        const after = children[i + 1]!
        if (before.type !== 'text' || after.type !== 'text') continue
        if (!opens(before, source) || !closes(after)) continue
        const label = `[\`${(code as InlineCode).value}\`]`
        // The place is the `[`, one column before the code.
        const start = code.position?.start
        const place: Point | undefined = start ? { line: start.line, column: start.column - 1 } : undefined
        file.message(`\`${label}\` reads as a reference link, but nothing defines \`${label}\`: it is shown as written, brackets and all`, place, 'slugwiki:undefined-reference')
      }
    })
  }
}

/** The text ends in a `[` written as such: not escaped (`\[`), not a wikilink's `[[`. */
function opens(text: Text, source: string): boolean {
  if (!text.value.endsWith('[') || text.value.endsWith('[[')) return false
  const end = text.position?.end.offset
  return end === undefined || (source[end - 1] === '[' && source[end - 2] !== '\\')
}

/** The text starts with the `]` that closes it, followed by nothing that makes a link of it (`(`, `[`, `:`) or a wikilink's `]]`. */
function closes(text: Text): boolean {
  return text.value.startsWith(']') && !/^\](?:[([:\]])/.test(text.value)
}
