/**
 * mkdocs-macros's Jinja (`{{ linux_version("5.8") }}`, `{% if … %}`), in an
 * MkDocs site whose `plugins` lists `macros`: slugwiki runs no Jinja (its
 * macros are the project's Python; content/mkdocs-macros.ts has replaced the
 * plain variables already), so what is left is shown as
 * written, and one warning a page, at the first, says so and counts them,
 * rather than leaving the reader to find `{{ … }}` on the page. Code keeps
 * its text and is not counted, as mkdocs-macros's authors fence examples so.
 */
import type { Root, Text } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { warnFirstMatch, type TextMatch } from './text-match.ts'

/** A Jinja expression or statement, on one line or several. */
const JINJA = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g

/** Warn once a note of the mkdocs-macros Jinja it shows as text. */
export default function remarkMkdocsMacros() {
  return (tree: Root, file: VFile) => {
    let first: TextMatch | undefined
    let count = 0
    visit(tree, 'text', (node: Text) => {
      if (!node.value.includes('{')) return
      for (const match of node.value.matchAll(JINJA)) {
        count += 1
        first ??= { code: match[0], node, index: match.index }
      }
    })
    if (!first) return
    warnFirstMatch(file, first, count, (shown, more) => `mkdocs-macros's \`${shown}\`${more} is not run: slugwiki runs no Jinja, so it is shown as written`, 'slugwiki:mkdocs-macros')
  }
}
