/**
 * pandoc's citations (`[@Mytkowicz]`, `[@Akinshin2019, Chapter 4]`, with
 * pandoc-citeproc and a bibliography) and pandoc-crossref's references
 * (`[@sec:profiling]`, `Figure @fig:Counting`, `{@tbl:perf_count}`), as
 * dendibakh's perf-book writes them on every page: slugwiki reads no
 * bibliography and numbers no labels, so they are shown as written, as
 * GitHub shows them, and one warning a page, at the first, says so and
 * counts them rather than leaving the reader to find them. (The labels
 * themselves, `{#sec:profiling}` on a heading, `{#fig:x}` on an image,
 * `{#lst:x .cpp}` on a fence, are read as ids; see those plugins.) Code
 * keeps its text and is not counted; a link's text is the author's.
 */
import type { Root, Text } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { warnFirstMatch, type TextMatch } from './text-match.ts'

/**
 * A bracketed citation (`[@key]`, `[-@key]`, `[see @key, p. 3; @other]`; a key
 * starts with a letter, digit or `_`), or a bare pandoc-crossref reference
 * (`@fig:label`, `@sec:`, `@tbl:`, `@lst:`, `@eq:`), not an e-mail address's `@`.
 * Each part of it is a class the next cannot take, so a long text without `]` is read once.
 */
const CITATION = /\[[^\[\]@]*@\w[^\[\]]*\]|(?<![\w@.])@(?:fig|sec|tbl|lst|eq):[\w:.-]*\w/gi

/** Warn once a note of the pandoc citations and cross-references it shows as text. */
export default function remarkPandocCitations() {
  return (tree: Root, file: VFile) => {
    if (!String(file.value).includes('@')) return
    let first: TextMatch | undefined
    let count = 0
    visit(tree, (node, _index, parent) => {
      if (node.type !== 'text' || parent?.type === 'link' || parent?.type === 'linkReference') return
      const text = node as Text
      if (!text.value.includes('@')) return
      for (const match of text.value.matchAll(CITATION)) {
        count += 1
        first ??= { code: match[0], node: text, index: match.index }
      }
    })
    if (!first) return
    warnFirstMatch(
      file,
      first,
      count,
      (shown, more) => `pandoc's citation or cross-reference \`${shown}\`${more} is shown as written: slugwiki reads no bibliography and numbers no pandoc-crossref labels`,
      'slugwiki:pandoc-citation',
    )
  }
}
