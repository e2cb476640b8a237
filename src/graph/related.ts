/**
 * Related notes: for each note, up to five others sharing the most topics and
 * tags. Ties go to the notes sharing rarer features, then to reading order,
 * so the lists are stable from build to build.
 */
import type { SourcePath } from '../paths.ts'
import type { SiteCore } from './site-graph.ts'

export interface RelatedOptions {
  /** Most related notes per note (default 5). */
  limit?: number
}

/**
 * Rank related notes from each note's features (topic ids and tag keys,
 * kept apart by a prefix). Works through an inverted index, so the cost is
 * the number of note pairs that share something, not all pairs.
 */
export function buildRelated(
  core: SiteCore,
  features: (source: SourcePath) => readonly string[],
  options: RelatedOptions = {},
): Map<SourcePath, SourcePath[]> {
  const limit = options.limit ?? 5
  const order = new Map(core.all.map((s, i) => [s, i]))
  const holders = new Map<string, SourcePath[]>()
  const own = new Map<SourcePath, readonly string[]>()
  for (const source of core.all) {
    const list = [...new Set(features(source))]
    own.set(source, list)
    for (const f of list) {
      const h = holders.get(f) ?? []
      h.push(source)
      holders.set(f, h)
    }
  }
  const total = core.all.length
  const weight = (f: string) => Math.log((total + 1) / holders.get(f)!.length)

  const related = new Map<SourcePath, SourcePath[]>()
  for (const source of core.all) {
    const shared = new Map<SourcePath, { count: number; weight: number }>()
    for (const f of own.get(source)!) {
      const w = weight(f)
      for (const other of holders.get(f)!) {
        if (other === source) continue
        const s = shared.get(other) ?? { count: 0, weight: 0 }
        s.count++
        s.weight += w
        shared.set(other, s)
      }
    }
    const ranked = [...shared.entries()].sort(
      ([a, x], [b, y]) => y.count - x.count || y.weight - x.weight || order.get(a)! - order.get(b)!,
    )
    related.set(source, ranked.slice(0, limit).map(([s]) => s))
  }
  return related
}
