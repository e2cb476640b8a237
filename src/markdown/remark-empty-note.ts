/**
 * Warn about a note with nothing to show: an empty (or blank) file, or one
 * that is only frontmatter. It is still published, as an empty page with its
 * title, so links to it keep working; the warning says why it is blank. A
 * section page (README.md, index.md) is exempt: it lists its folder's notes.
 * Runs before remark-frontmatter-yaml takes the frontmatter out of the tree.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { isIndexNote } from '../paths.ts'

export default function remarkEmptyNote() {
  return (tree: Root, file: VFile) => {
    // A folder's README.md or index.md with nothing of its own is the list of the folder's notes.
    if (file.data.source && isIndexNote(file.data.source)) return
    const [first, ...rest] = tree.children
    if (first === undefined) {
      file.message('Note is empty; published as a blank page', { line: 1, column: 1 }, 'slugwiki:empty-note')
    } else if (first.type === 'yaml' && rest.length === 0) {
      const line = (first.position?.end.line ?? 0) + 1
      file.message('Note has frontmatter but no text; published as a blank page', { line, column: 1 }, 'slugwiki:empty-note')
    }
  }
}
