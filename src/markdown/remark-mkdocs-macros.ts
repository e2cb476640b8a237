/**
 * mkdocs-macros's Jinja (`{{ linux_version("5.8") }}`, `{% if … %}`), in an
 * MkDocs site whose `plugins` lists `macros`: slugwiki runs no Jinja (its
 * variables and macros are the project's Python), so the text is shown as
 * written, and one warning a page, at the first, says so and counts them,
 * rather than leaving the reader to find `{{ … }}` on the page. Code keeps
 * its text and is not counted, as mkdocs-macros's authors fence examples so.
 */
import type { Root, Text } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

/** A Jinja expression or statement, on one line or several. */
const JINJA = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g

/** Warn once a note of the mkdocs-macros Jinja it shows as text. */
export default function remarkMkdocsMacros() {
  return (tree: Root, file: VFile) => {
    let first: { code: string; node: Text; index: number } | undefined
    let count = 0
    visit(tree, 'text', (node: Text) => {
      if (!node.value.includes('{')) return
      for (const match of node.value.matchAll(JINJA)) {
        count += 1
        first ??= { code: match[0], node, index: match.index }
      }
    })
    if (!first) return
    const start = first.node.position?.start
    const before = first.node.value.slice(0, first.index).split('\n')
    const place = start && { line: start.line + before.length - 1, column: before.length > 1 ? before.at(-1)!.length + 1 : start.column + first.index }
    const shown = first.code.length > 60 ? `${first.code.slice(0, 57)}…` : first.code
    const more = count > 1 ? ` (and ${count - 1} more on this page)` : ''
    file.message(`mkdocs-macros's \`${shown}\`${more} is not run: slugwiki runs no Jinja, so it is shown as written`, place ? { start: place, end: place } : undefined, 'slugwiki:mkdocs-macros')
  }
}
