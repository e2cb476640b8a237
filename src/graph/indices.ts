/**
 * Everything the site knows across notes, built in one pass over the
 * compiled notes' facts: sections, tags, links both ways, topics, code
 * symbols, related notes. Read-only once built; pages and templates only
 * look things up in it.
 */
import type { TopicDef } from '../content/topics-file.ts'
import type { SourcePath } from '../paths.ts'
import { buildLinkIndex, type LinkIndex } from './backlinks.ts'
import { buildRelated } from './related.ts'
import { buildSectionIndex, type SectionEntry } from './sections.ts'
import type { SiteCore } from './site-graph.ts'
import { buildSymbolIndex, type SymbolIndex } from './symbols.ts'
import { buildTagIndex, type TagIndex } from './tags.ts'
import { buildTopicIndex, type TopicIndex } from './topics.ts'

export interface SiteIndices {
  /** False when the wiki turned indexes off (`indices = false`): everything below is empty. */
  enabled: boolean
  sections: ReadonlyMap<SourcePath, SectionEntry[]>
  tags: TagIndex
  links: LinkIndex
  topics: TopicIndex
  symbols: SymbolIndex
  related: ReadonlyMap<SourcePath, SourcePath[]>
}

export interface IndicesOptions {
  topics: readonly TopicDef[]
  /** Build the indexes at all (default true). */
  enabled?: boolean
}

/** Build every index of the site. */
export function buildIndices(core: SiteCore, options: IndicesOptions): SiteIndices {
  if (options.enabled === false) return emptyIndices()
  const tags = buildTagIndex(core)
  const topics = buildTopicIndex(core, options.topics)
  const related = buildRelated(core, (source) => [
    ...(topics.ofNote.get(source) ?? []).map((id) => `topic:${id}`),
    ...(tags.ofNote.get(source) ?? []).map((key) => `tag:${key}`),
  ])
  return {
    enabled: true,
    sections: buildSectionIndex(core),
    tags,
    links: buildLinkIndex(core),
    topics,
    symbols: buildSymbolIndex(core),
    related,
  }
}

/** Indexes of a wiki without them. */
export function emptyIndices(): SiteIndices {
  return {
    enabled: false,
    sections: new Map(),
    tags: { list: [], byKey: new Map(), ofNote: new Map() },
    links: { outgoing: new Map(), backlinks: new Map() },
    topics: { list: [], byId: new Map(), ofNote: new Map() },
    symbols: { list: [], byName: new Map(), split: false },
    related: new Map(),
  }
}
