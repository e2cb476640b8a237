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
 * Rank related notes from each note's features (topic ids and tag keys, kept
 * apart by a prefix). Works through an inverted index over note numbers, so
 * the cost is the number of note pairs that share a feature — with typed
 * arrays, as a tag on every note makes that a few million pairs at 2,000 notes.
 */
export function buildRelated(
  core: SiteCore,
  features: (source: SourcePath) => readonly string[],
  options: RelatedOptions = {},
): Map<SourcePath, SourcePath[]> {
  const limit = options.limit ?? 5
  const notes = core.all
  const own: number[][] = []
  const ids = new Map<string, number>()
  const holderLists: number[][] = []
  notes.forEach((source, n) => {
    const mine: number[] = []
    for (const f of new Set(features(source))) {
      let id = ids.get(f)
      if (id === undefined) {
        id = holderLists.length
        ids.set(f, id)
        holderLists.push([])
      }
      holderLists[id]!.push(n)
      mine.push(id)
    }
    own.push(mine)
  })
  // Rarer features say more: weight each by the log of its inverse frequency. One on more than a
  // quarter of the notes (and more than 50) relates everything to everything, and costs the square
  // of its count: it is left out, as a search engine leaves out stop words.
  const common = Math.max(50, notes.length / 4)
  const weights = holderLists.map((h) => Math.log((notes.length + 1) / h.length))
  for (const [id, holders] of holderLists.entries()) if (holders.length > common) holderLists[id] = []

  const count = new Int32Array(notes.length)
  const weight = new Float64Array(notes.length)
  const related = new Map<SourcePath, SourcePath[]>()
  notes.forEach((source, n) => {
    const touched: number[] = []
    for (const f of own[n]!) {
      const w = weights[f]!
      if (holderLists[f]!.length === 0) continue
      for (const other of holderLists[f]!) {
        if (other === n) continue
        if (count[other] === 0) touched.push(other)
        count[other] = count[other]! + 1
        weight[other] = weight[other]! + w
      }
    }
    // Keep the best `limit` by count, then weight, then reading order (note number).
    const best: number[] = []
    const better = (a: number, b: number) => count[a]! - count[b]! || weight[a]! - weight[b]! || b - a
    for (const other of touched) {
      if (best.length === limit && better(other, best[limit - 1]!) <= 0) continue
      let at = best.length === limit ? limit - 1 : best.length
      while (at > 0 && better(other, best[at - 1]!) > 0) {
        best[at] = best[at - 1]!
        at--
      }
      best[at] = other
    }
    for (const other of touched) {
      count[other] = 0
      weight[other] = 0
    }
    related.set(source, best.slice(0, limit).map((i) => notes[i]!))
  })
  return related
}
