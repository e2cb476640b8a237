/**
 * The link graph between notes: where each note links to, and, for every
 * note, the notes that link to it with the sentence around each link.
 */
import type { SourcePath } from '../paths.ts'
import type { SiteCore } from './site-graph.ts'
import { resolvePageTarget } from './site-graph.ts'

export interface Backlink {
  /** The linking note. */
  from: SourcePath
  /** Heading section of the link in the linking note (-1 before the first heading). */
  section: number
  /** Sentence around the link. */
  context?: string
}

export interface LinkIndex {
  /** Notes each note links to (resolved, no repeats, itself excluded), in link order. */
  outgoing: ReadonlyMap<SourcePath, SourcePath[]>
  /** Links into each note, in reading order of the linking notes; one per linking sentence. */
  backlinks: ReadonlyMap<SourcePath, Backlink[]>
}

/** Build both directions of the link graph from the notes' recorded links. */
export function buildLinkIndex(core: SiteCore): LinkIndex {
  const outgoing = new Map<SourcePath, SourcePath[]>()
  const backlinks = new Map<SourcePath, Backlink[]>()
  for (const from of core.all) {
    const targets: SourcePath[] = []
    const sentences = new Set<string>()
    for (const link of core.notes.get(from)!.links) {
      if (link.kind === 'fragment' || link.problem) continue
      if (link.kind === 'asset' && !/\.html$/i.test(link.target)) continue
      const to = resolvePageTarget(core, link.target)
      if (!to || to === from) continue
      if (!targets.includes(to)) targets.push(to)
      // Two links to the same note in one sentence are one backlink.
      const key = `${to}\u0000${link.context ?? ''}`
      if (sentences.has(key)) continue
      sentences.add(key)
      const list = backlinks.get(to) ?? []
      list.push({ from, section: link.section, context: link.context })
      backlinks.set(to, list)
    }
    outgoing.set(from, targets)
  }
  return { outgoing, backlinks }
}
