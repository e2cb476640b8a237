/**
 * Re-nest a note's tree as an HTML parser would, after sanitising removed
 * elements the author's HTML was wrapped in. `<math><mtext><table>` is valid
 * inside a paragraph, but once `<math>` and `<mtext>` are unwrapped the
 * paragraph holds a table, which a browser would move out: the page would not
 * read back as it was built (the shape mutation-XSS needs). Only notes with
 * raw HTML can nest that way, so only they pay for the second parse.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { reparse } from './rehype-raw-when-needed.ts'

export default function rehypeRenest() {
  return (tree: Root, file: VFile): Root => (file.data.rawHtml ? reparse(tree, file) : tree)
}
