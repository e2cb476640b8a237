/**
 * Warn about a note with nothing to show: an empty (or blank) file, or one
 * that is only frontmatter. It is still published, as an empty page with its
 * title, so links to it keep working; the warning says why it is blank. A
 * section page (README.md, index.md) is exempt: it lists its folder's notes.
 * Runs after remark-frontmatter-yaml took the frontmatter out of the tree,
 * and after what makes markup of it (a VitePress home page's hero).
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { isIndexNote } from '../paths.ts'

export default function remarkEmptyNote() {
  return (tree: Root, file: VFile) => {
    // A folder's README.md or index.md with nothing of its own is the list of the folder's notes.
    if (file.data.source && isIndexNote(file.data.source)) return
    if (tree.children.length > 0) return
    const after = file.data.frontmatterEnd
    if (after === undefined) file.message('Note is empty; published as a blank page', { line: 1, column: 1 }, 'slugwiki:empty-note')
    else file.message('Note has frontmatter but no text; published as a blank page', { line: after + 1, column: 1 }, 'slugwiki:empty-note')
  }
}
