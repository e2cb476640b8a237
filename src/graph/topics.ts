/**
 * The term index: for each topic of the topics file, every note and heading
 * section whose prose mentions it, with the sentence of the first mention;
 * and for each note, the topics it mentions.
 */
import type { TopicDef } from '../content/topics-file.ts'
import { topicSlug, type Slug, type SourcePath } from '../paths.ts'
import { compareNames } from './order.ts'
import type { SiteCore } from './site-graph.ts'

export interface TopicSection {
  /** Index of the heading section in the note (-1: before the first heading). */
  section: number
  count: number
  snippet: string
}

export interface TopicNote {
  source: SourcePath
  /** Mentions in the whole note. */
  count: number
  sections: TopicSection[]
}

export interface TopicEntry {
  topic: TopicDef
  slug: Slug
  /** Notes that mention it, in reading order. */
  notes: TopicNote[]
  /** Mentions across the wiki. */
  count: number
}

export interface TopicIndex {
  /** A–Z by title. */
  list: TopicEntry[]
  byId: ReadonlyMap<string, TopicEntry>
  /** Topic ids each note mentions, most mentioned first, then by id. */
  ofNote: ReadonlyMap<SourcePath, string[]>
}

/** Build the term index from the notes' recorded mentions. */
export function buildTopicIndex(core: SiteCore, topics: readonly TopicDef[]): TopicIndex {
  const byId = new Map<string, TopicEntry>()
  for (const topic of topics) byId.set(topic.id, { topic, slug: topicSlug(topic.id), notes: [], count: 0 })
  const ofNote = new Map<SourcePath, string[]>()
  for (const source of core.all) {
    const perTopic = new Map<string, TopicNote>()
    for (const m of core.notes.get(source)!.mentions) {
      const entry = byId.get(m.topic)
      // A cached note may still carry a topic the file no longer has.
      if (!entry) continue
      let note = perTopic.get(m.topic)
      if (!note) {
        note = { source, count: 0, sections: [] }
        perTopic.set(m.topic, note)
        entry.notes.push(note)
      }
      note.count += m.count
      note.sections.push({ section: m.section, count: m.count, snippet: m.snippet })
      entry.count += m.count
    }
    const ids = [...perTopic.values()]
    ofNote.set(
      source,
      [...perTopic.keys()].sort((a, b) => perTopic.get(b)!.count - perTopic.get(a)!.count || (a < b ? -1 : 1)),
    )
    for (const note of ids) note.sections.sort((a, b) => a.section - b.section)
  }
  const list = [...byId.values()].sort((a, b) => compareNames(a.topic.title, b.topic.title))
  return { list, byId, ofNote }
}
