/**
 * mkdocs-literate-nav's links to folders. In its nav file, an entry linking a
 * folder (`* [Maps](linux/map-type/)`, the trailing slash) is a section of
 * that folder: read from the folder's own nav file (`linux/map-type/SUMMARY.md`,
 * its links relative to it) when it has one, else from the folder's files in
 * MkDocs's order, as literate-nav builds it. isovalent/ebpf-docs splits its
 * nav so, one SUMMARY.md per reference folder.
 */
import path from 'node:path'
import { isIndexNote, type SourcePath } from '../paths.ts'
import type { Diagnostic } from '../report.ts'
import { mkdocsFolderOutline } from './mkdocs-outline.ts'
import type { OutlineChapter, OutlineItem, ParseSummaryOptions, SummaryResult } from './summary.ts'

export interface LiterateFolderOptions {
  /** The nav file's name (literate-nav's `nav_file`, default `SUMMARY.md`). */
  navFile: string
  /** The published notes. */
  notes: readonly SourcePath[]
  /** A note's title, for a folder read from its files. */
  titleOf: (source: SourcePath) => string
  /** Read a folder's nav file, or undefined when it cannot be read (the reader reports why). */
  read: (source: SourcePath) => string | undefined
  /** Parse a nav file: `parseSummary` with the site's options, this one's `path` and `folder`. */
  parse: (text: string, options: Pick<ParseSummaryOptions, 'path' | 'folder'>) => SummaryResult
  /** Material's `navigation.indexes`: a section whose first page is its folder's index has that page as its own. */
  sectionIndexes: boolean
}

/** The `folder` option of `parseSummary` for a literate-nav site, and what it read. */
export function literateFolders(options: LiterateFolderOptions): {
  folder: (dir: string, title: string) => OutlineChapter | undefined
  diagnostics: Diagnostic[]
  navFiles: SourcePath[]
  titled: () => boolean
} {
  const diagnostics: Diagnostic[] = []
  const navFiles: SourcePath[] = []
  const open = new Set<string>()
  let titled = false
  const noteSet = new Set(options.notes)
  const folder = (dir: string, title: string): OutlineChapter | undefined => {
    // A folder's nav linking the folder itself (or an ancestor) would read forever.
    if (open.has(dir)) return undefined
    const nav = ((dir ? `${dir}/` : '') + options.navFile) as SourcePath
    let items: OutlineItem[] | undefined
    open.add(dir)
    try {
      const text = noteSet.has(nav) ? options.read(nav) : undefined
      if (text !== undefined) {
        const result = options.parse(text, { path: nav, folder })
        diagnostics.push(...result.diagnostics)
        navFiles.push(nav)
        items = result.items
      } else {
        const inside = options.notes.filter((s) => s.startsWith(`${dir}/`) && path.posix.basename(s) !== options.navFile)
        if (inside.length === 0) return undefined
        titled = true
        const relative = mkdocsFolderOutline(inside.map((s) => s.slice(dir.length + 1) as SourcePath), (s) => options.titleOf(`${dir}/${s}` as SourcePath), false)
        items = rebase(relative, dir)
      }
    } finally {
      open.delete(dir)
    }
    const first = items[0]
    if (options.sectionIndexes && first?.kind === 'chapter' && first.source && isIndexNote(first.source) && first.children.length === 0) {
      return { kind: 'chapter', title, source: first.source, children: items.slice(1) }
    }
    return { kind: 'chapter', title, folder: true, children: items }
  }
  return { folder, diagnostics, navFiles, titled: () => titled }
}

/** Outline items of a folder's files, their sources put back under `dir`. */
function rebase(items: OutlineItem[], dir: string): OutlineItem[] {
  return items.map((item) => (item.kind === 'chapter' ? { ...item, source: item.source && (`${dir}/${item.source}` as SourcePath), children: rebase(item.children, dir) } : item))
}
