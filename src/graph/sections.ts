/**
 * Section indexes: what each section page (a folder's README.md or index.md)
 * lists beneath whatever its author wrote — its chapters from the outline,
 * then the folder's notes the outline leaves out. The wiki's front page lists
 * the top-level sections.
 */
import type { OutlineItem } from '../content/summary.ts'
import { dirOf, folderIndex, isIndexNote, type SourcePath } from '../paths.ts'
import type { SiteCore } from './site-graph.ts'

/** One entry of a section index; titles and descriptions are looked up when the page is built. */
export interface SectionEntry {
  source: SourcePath
  /** Notes listed beneath it, when it is itself a section. */
  notes: number
}

/** Every listed note beneath a chapter, at any depth. */
function countBeneath(items: OutlineItem[]): number {
  let n = 0
  for (const item of items) if (item.kind === 'chapter') n += (item.source ? 1 : 0) + countBeneath(item.children)
  return n
}

/** Build the index of every section page. */
export function buildSectionIndex(core: SiteCore): Map<SourcePath, SectionEntry[]> {
  const index = new Map<SourcePath, SectionEntry[]>()
  const childrenOf = new Map<SourcePath, OutlineItem[]>()
  const walk = (items: OutlineItem[]) => {
    for (const item of items) {
      if (item.kind !== 'chapter') continue
      if (item.source && !childrenOf.has(item.source)) childrenOf.set(item.source, item.children)
      walk(item.children)
    }
  }
  walk(core.outline)

  // Unlisted notes, by folder: a section page shows them too, so nothing is unreachable.
  const unlistedByDir = new Map<string, SourcePath[]>()
  for (const source of core.all) {
    if (core.places.has(source) || core.hidden.has(source)) continue
    const owner = isIndexNote(source) ? parentDir(dirOf(source)) : dirOf(source)
    const list = unlistedByDir.get(owner) ?? []
    list.push(source)
    unlistedByDir.set(owner, list)
  }

  for (const source of core.all) {
    if (!isIndexNote(source)) continue
    const dir = dirOf(source)
    // The front page has no chapters of its own in mdBook's SUMMARY: it lists the top level.
    const own = childrenOf.get(source) ?? []
    const items = dir === '' && own.length === 0 ? core.outline : own
    const entries: SectionEntry[] = []
    const seen = new Set<SourcePath>([source])
    const add = (s: SourcePath, notes: number) => {
      if (seen.has(s) || !core.notes.has(s)) return
      seen.add(s)
      entries.push({ source: s, notes })
    }
    for (const item of items) if (item.kind === 'chapter' && item.source) add(item.source, countBeneath(item.children))
    for (const s of unlistedByDir.get(dir) ?? []) add(s, 0)
    index.set(source, entries)
  }
  return index
}

function parentDir(dir: string): string {
  const at = dir.lastIndexOf('/')
  return at === -1 ? '' : dir.slice(0, at)
}

/** The wiki section a note belongs to, for grouping it on topic pages and the map. */
export interface NoteGroup {
  /** Stable key of the group. */
  key: string
  title: string
  /** The section page, if it has one. */
  source?: SourcePath
}

/**
 * The group of a note: its top-level chapter when that chapter has chapters
 * beneath it, else its part (`# Part` in SUMMARY.md), else the chapter
 * itself; an unlisted note goes with its top folder.
 */
export function groupOf(core: SiteCore, source: SourcePath): NoteGroup {
  const place = core.places.get(source)
  if (place) {
    const top = place.ancestors[0] ?? place.chapter
    if (top.children.length === 0 && place.part) return { key: `part:${place.part}`, title: place.part }
    return { key: `chapter:${top.source ?? top.title}`, title: top.title, source: top.source }
  }
  const folder = source.includes('/') ? source.slice(0, source.indexOf('/')) : ''
  // A top-level note has no folder page to group it under (the front page lists the top level).
  const index = folder ? folderIndex(folder, (c) => core.notes.has(c)) : undefined
  if (index && core.places.has(index)) return groupOf(core, index)
  return { key: `folder:${folder}`, title: folder || 'Other notes', source: index }
}
