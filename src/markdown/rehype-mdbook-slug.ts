/**
 * Add `id`s to headings as mdBook makes them, for a book: links written for
 * an mdBook site (`#Über`, `#Введение`) and links into it from outside must
 * find the same ids here. rehype-slug's github-slugger lower-cases every
 * letter and keeps only spaces as dashes; mdBook's `id_from_content` keeps
 * the case of non-ASCII letters and turns any whitespace into a dash.
 */
import type { Root } from 'hast'
import { headingRank } from 'hast-util-heading-rank'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'

/** Rust's `char::is_alphanumeric` (Alphabetic, or a number of category Nd, Nl or No) and the two marks mdBook keeps. */
const KEPT = /[\p{Alphabetic}\p{N}_-]/u
/** Rust's `char::is_whitespace` (the White_Space property). */
const SPACE = /\p{White_Space}/u

/**
 * A heading's id from its text, as mdBook's `id_from_content`: letters, digits,
 * `_` and `-` kept (ASCII ones lower-cased, others as written), whitespace a
 * dash, anything else dropped.
 */
export function mdbookId(text: string): string {
  let id = ''
  for (const ch of text.trim()) {
    if (KEPT.test(ch)) id += ch <= '\u007f' ? ch.toLowerCase() : ch
    else if (SPACE.test(ch)) id += '-'
  }
  return id
}

/** Give each heading without an id mdBook's id; a repeated one gets `-1`, `-2`… as mdBook's `unique_id` counts them. */
export default function rehypeMdbookSlug() {
  return (tree: Root) => {
    const counts = new Map<string, number>()
    visit(tree, 'element', (node) => {
      if (!headingRank(node) || node.properties.id) return
      const id = mdbookId(toString(node))
      const count = counts.get(id) ?? 0
      counts.set(id, count + 1)
      node.properties.id = count === 0 ? id : `${id}-${count}`
    })
  }
}
