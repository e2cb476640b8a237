/**
 * The outline of a wiki without SUMMARY.md: folders in name order, each
 * folder's README.md/index.md as its section page, other notes beneath it.
 */
import path from 'node:path'
import { isIndexNote, type SourcePath } from '../paths.ts'
import type { OutlineChapter, OutlineItem } from './summary.ts'

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

interface Folder {
  index?: SourcePath
  files: SourcePath[]
  folders: Map<string, Folder>
}

/**
 * Build the outline from note paths; `titleOf` gives each note's title. `start`
 * (a GitHub wiki's `Home.md`) is the first page when the top folder has no
 * README.md or index.md. `weightOf` gives a note's frontmatter `weight`, which
 * orders a folder's entries as Hugo orders its pages (a folder by its page's):
 * the lightest first, every weighted one before those without one (or with
 * Hugo's `0`, its "unset"), ties and the rest by name.
 */
export function outlineFromFolders(notes: SourcePath[], titleOf: (source: SourcePath) => string, start?: SourcePath, weightOf?: (source: SourcePath) => number | undefined): OutlineItem[] {
  const root: Folder = { files: [], folders: new Map() }
  for (const note of notes) {
    const parts = note.split('/')
    let folder = root
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part)
      if (!next) {
        next = { files: [], folders: new Map() }
        folder.folders.set(part, next)
      }
      folder = next
    }
    // README.md wins over index.md when a folder has both (mdBook's rule).
    if (isIndexNote(note) && (!folder.index || path.posix.basename(note).toLowerCase() === 'readme.md')) {
      if (folder.index) folder.files.push(folder.index)
      folder.index = note
    } else folder.files.push(note)
  }

  const children = (folder: Folder): OutlineChapter[] => {
    const entries: Array<{ name: string; weight: number; item: OutlineChapter }> = []
    const weight = (source: SourcePath | undefined) => {
      const value = source && weightOf?.(source)
      return typeof value === 'number' && Number.isFinite(value) && value !== 0 ? value : Infinity
    }
    for (const file of folder.files) {
      entries.push({ name: path.posix.basename(file), weight: weight(file), item: { kind: 'chapter', title: titleOf(file), source: file, children: [] } })
    }
    for (const [name, sub] of folder.folders) {
      entries.push({
        name,
        weight: weight(sub.index),
        item: sub.index ? { kind: 'chapter', title: titleOf(sub.index), source: sub.index, children: children(sub) } : { kind: 'chapter', title: name, folder: true, children: children(sub) },
      })
    }
    entries.sort((a, b) => (a.weight === b.weight ? 0 : a.weight < b.weight ? -1 : 1) || collator.compare(a.name, b.name) || (a.name < b.name ? -1 : 1))
    return entries.map((e) => e.item)
  }

  const items: OutlineItem[] = []
  if (!root.index && start && root.files.includes(start)) {
    root.index = start
    root.files.splice(root.files.indexOf(start), 1)
  }
  if (root.index) items.push({ kind: 'chapter', title: titleOf(root.index), source: root.index, children: [] })
  items.push(...children(root))
  return items
}

/**
 * A note's weight as Hugo and Zola write it: frontmatter `weight`, else the
 * weight of its first menu entry (`[menu.main] weight = 10`), which orders a
 * Hugo theme's menu-driven sidebar (the MongoDB drivers' docs weigh only
 * there). Undefined when neither is a number.
 */
export function frontmatterWeight(frontmatter: Readonly<Record<string, unknown>>): number | undefined {
  if (typeof frontmatter.weight === 'number') return frontmatter.weight
  const menu = frontmatter.menu
  if (menu === null || typeof menu !== 'object' || Array.isArray(menu)) return undefined
  for (const entry of Object.values(menu)) {
    // `[[menu.main]]`: an array of entries, the first one's weight.
    const first: unknown = Array.isArray(entry) ? entry[0] : entry
    if (first !== null && typeof first === 'object' && typeof (first as { weight?: unknown }).weight === 'number') return (first as { weight: number }).weight
  }
  return undefined
}

/** A note as `sortedSectionWeights` reads it. */
export interface SectionNote {
  source: SourcePath
  title: string
  frontmatter: Readonly<Record<string, unknown>>
}

/**
 * The order a Zola section asks for its pages, as weights: its `_index.md`'s
 * `sort_by = "date"` (the newest first; a page without a date last, by name)
 * or `"title"`, over the section's pages (its `.md` files, and each page
 * bundle's `index.md` one folder down). Pages weigh 1, 2, … in that order,
 * so they come before an unweighted subsection, as Zola lists a section's
 * pages; "weight" and "none" are `weight` as read already.
 */
export function sortedSectionWeights(notes: readonly SectionNote[]): Map<SourcePath, number> {
  const weights = new Map<SourcePath, number>()
  const sections = new Map(notes.filter((n) => path.posix.basename(n.source) === '_index.md').map((n) => [path.posix.dirname(n.source), n.frontmatter.sort_by] as const))
  if (![...sections.values()].some((by) => by === 'date' || by === 'title')) return weights
  const pages = new Map<string, SectionNote[]>()
  for (const note of notes) {
    const name = path.posix.basename(note.source)
    if (name === '_index.md') continue
    const folder = path.posix.dirname(note.source)
    // A page bundle (`post/index.md` without `post/_index.md`) is a page of the section above.
    const section = name === 'index.md' && !sections.has(folder) ? path.posix.dirname(folder) : folder
    pages.set(section, [...(pages.get(section) ?? []), note])
  }
  for (const [section, by] of sections) {
    const list = pages.get(section)
    if (!list || (by !== 'date' && by !== 'title')) continue
    const time = (n: SectionNote) => (typeof n.frontmatter.date === 'string' ? Date.parse(n.frontmatter.date) : Number.NaN)
    const sorted = [...list].sort((a, b) => {
      if (by === 'title') return a.title.localeCompare(b.title) || (a.source < b.source ? -1 : 1)
      const [ta, tb] = [time(a), time(b)]
      if (Number.isNaN(ta) !== Number.isNaN(tb)) return Number.isNaN(ta) ? 1 : -1
      return (Number.isNaN(ta) ? 0 : tb - ta) || (a.source < b.source ? -1 : 1)
    })
    sorted.forEach((n, i) => weights.set(n.source, i + 1))
  }
  return weights
}
