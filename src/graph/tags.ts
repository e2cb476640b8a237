/**
 * Tags from the notes' frontmatter: each tag's notes in reading order, and the
 * tags A–Z. Spellings of one name (`RCU`, `rcu`) are one tag, shown as first
 * written; different names that slug alike (`C`, `C++`) are recorded as clashes.
 */
import { indexKey, tagSlug, type Slug, type SourcePath } from '../paths.ts'
import { compareNames } from './order.ts'
import type { SiteCore } from './site-graph.ts'

export interface TagEntry {
  /** The slug of the name, shared by its spellings. */
  key: string
  /** The name as first written, in reading order. */
  name: string
  slug: Slug
  /** Notes with the tag, in reading order. */
  notes: SourcePath[]
  /**
   * Other spellings that slug alike but are different words (`C` beside
   * `C++`), each with the first note that wrote it: one page cannot be both
   * tags, so the graph stage reports them. Case variants (`rcu`) are not here.
   */
  clashes: Array<{ name: string; source: SourcePath }>
}

export interface TagIndex {
  /** A–Z by name. */
  list: TagEntry[]
  byKey: ReadonlyMap<string, TagEntry>
  /** Each note's tag keys, as the note lists them (no repeats). */
  ofNote: ReadonlyMap<SourcePath, string[]>
}

/** Build the tag index. */
export function buildTagIndex(core: SiteCore): TagIndex {
  const byKey = new Map<string, TagEntry>()
  const ofNote = new Map<SourcePath, string[]>()
  // A wiki has few tags on many notes: slug each spelling once.
  const keyOf = new Map<string, string>()
  for (const source of core.all) {
    const keys: string[] = []
    for (const name of core.notes.get(source)!.frontmatter.tags ?? []) {
      let key = keyOf.get(name)
      if (key === undefined) {
        key = indexKey(name)
        keyOf.set(name, key)
      }
      if (!key || keys.includes(key)) continue
      keys.push(key)
      let entry = byKey.get(key)
      if (!entry) {
        entry = { key, name, slug: tagSlug(name), notes: [], clashes: [] }
        byKey.set(key, entry)
      }
      const folded = name.trim().toLowerCase()
      if (folded !== entry.name.trim().toLowerCase() && !entry.clashes.some((c) => c.name.trim().toLowerCase() === folded)) {
        entry.clashes.push({ name, source })
      }
      entry.notes.push(source)
    }
    ofNote.set(source, keys)
  }
  const list = [...byKey.values()].sort((a, b) => compareNames(a.name, b.name))
  return { list, byKey, ofNote }
}
