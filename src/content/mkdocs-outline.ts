/**
 * The outline of an MkDocs site, as MkDocs builds its navigation: from
 * `mkdocs.yml`'s `nav` when it has one (`page.md`, `Title: page.md`,
 * `Title: https://…`, `Section: [ … ]`), else from the files of `docs_dir`
 * (in each folder its `index.md` or `README.md` first, then its files by
 * name, then its folders by name, each titled from its name as MkDocs's
 * `dirname_to_title` does). With Material's `navigation.indexes`, a section
 * whose first page is its folder's `index.md` has that page as its own, the
 * shape SUMMARY.md gives a chapter with sub-chapters; without it the page is
 * the section's first, as MkDocs lists it.
 */
import path from 'node:path'
import type { MkdocsNavItem } from '../config-mkdocs.ts'
import { isIndexNote, toSourcePath, type SourcePath } from '../paths.ts'
import type { Diagnostic } from '../report.ts'
import type { OutlineChapter, OutlineItem } from './summary.ts'

export interface MkdocsOutlineOptions {
  /** `mkdocs.yml` as shown in diagnostics. */
  file: string
  /** A published note's title. */
  titleOf: (source: SourcePath) => string
  /** Material's `navigation.indexes`: a section's first page, its folder's index, is the section's own (default false). */
  sectionIndexes?: boolean
}

/** A folder name as MkDocs titles its section: `-` and `_` as spaces, capitalised when all lower case. */
export function dirnameToTitle(name: string): string {
  const title = name.replaceAll('-', ' ').replaceAll('_', ' ')
  return title.toLowerCase() === title ? title.charAt(0).toUpperCase() + title.slice(1) : title
}

/** MkDocs's order of a folder's file names: `index` and `README` first, then by code point (Python's `sorted`). */
const fileOrder = (a: string, b: string): number => {
  const first = (name: string) => (/^(index|README)\.[^.]+$/.test(name) ? 0 : 1)
  return first(a) - first(b) || (a < b ? -1 : a > b ? 1 : 0)
}

/** The outline from the files, without `nav`. */
export function mkdocsFolderOutline(notes: SourcePath[], titleOf: (source: SourcePath) => string, sectionIndexes = false): OutlineItem[] {
  interface Folder {
    files: SourcePath[]
    folders: Map<string, Folder>
  }
  const root: Folder = { files: [], folders: new Map() }
  for (const note of notes) {
    let folder = root
    for (const part of note.split('/').slice(0, -1)) {
      let next = folder.folders.get(part)
      if (!next) folder.folders.set(part, (next = { files: [], folders: new Map() }))
      folder = next
    }
    folder.files.push(note)
  }
  const entries = (folder: Folder): OutlineChapter[] => {
    const files = [...folder.files].sort((a, b) => fileOrder(path.posix.basename(a), path.posix.basename(b)))
    const out: OutlineChapter[] = files.map((source) => ({ kind: 'chapter', title: titleOf(source), source, children: [] }))
    for (const name of [...folder.folders.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      out.push(section(dirnameToTitle(name), entries(folder.folders.get(name)!), sectionIndexes))
    }
    return out
  }
  return entries(root)
}

/** A section of `children`: with `indexes`, its first page when that is its folder's index (`index.md`/`README.md`) is the section's page. */
function section(title: string, children: OutlineChapter[], indexes: boolean, line?: number): OutlineChapter {
  const first = children[0]
  if (indexes && first?.source && isIndexNote(first.source) && first.children.length === 0) {
    return { kind: 'chapter', title, source: first.source, children: children.slice(1), line }
  }
  return { kind: 'chapter', title, folder: true, children, line }
}

/** The outline from `nav`; `exists` tells the published notes. Pages it names that are not notes are reported at their line of `mkdocs.yml`. */
export function mkdocsNavOutline(nav: MkdocsNavItem[], exists: (source: SourcePath) => boolean, options: MkdocsOutlineOptions): { items: OutlineItem[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const seen = new Set<SourcePath>()
  const warn = (message: string, place: MkdocsNavItem['place'], rule: string) => diagnostics.push({ file: options.file, ...place, severity: 'warning', message, rule })
  const items = (list: MkdocsNavItem[]): OutlineChapter[] =>
    list.flatMap((item): OutlineChapter[] => {
      if (item.kind === 'section') return [section(item.title, items(item.children), options.sectionIndexes ?? false, item.place?.line)]
      if (item.kind === 'link') return /^(https?:|mailto:)/i.test(item.url) ? [{ kind: 'chapter', title: item.title, url: item.url, children: [], line: item.place?.line }] : []
      // MkDocs reads nav paths relative to `docs_dir`, with or without a leading `./` or `/`.
      const source = toSourcePath(item.path.replace(/^\/+/, ''))
      const title = item.title
      if (!source || !exists(source)) {
        warn(`\`nav\` names \`${item.path}\`, which is not a page of \`docs_dir\`; listed, not linked`, item.place, 'missing-chapter')
        return [{ kind: 'chapter', title: title ?? item.path, children: [], line: item.place?.line }]
      }
      if (seen.has(source)) {
        warn(`\`${source}\` is in \`nav\` twice; this entry is not linked`, item.place, 'duplicate-chapter')
        return [{ kind: 'chapter', title: title ?? options.titleOf(source), children: [], line: item.place?.line }]
      }
      seen.add(source)
      return [{ kind: 'chapter', title: title ?? options.titleOf(source), source, children: [], line: item.place?.line }]
    })
  return { items: items(nav), diagnostics }
}
