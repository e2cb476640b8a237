/**
 * Search documents for the generated topic and tag pages: a topic is found by
 * its title, description and aliases, a tag by its name. Built from the site
 * graph's indexes, as the pages are. The symbols page is left out: the notes'
 * own code is indexed, and a search for an identifier should land on the note
 * that explains it, not on a list of where it occurs.
 */
import type { SiteGraph } from '../graph/site-graph.ts'
import { navTitle } from '../pages/build-pages.ts'
import type { SourcePath } from '../paths.ts'
import type { IndexDocument } from './document.ts'

export interface IndexPageDocument {
  /** Site-absolute URL of the page, as notes are added (`/topics/rcu.html`). */
  url: string
  doc: Omit<IndexDocument, 'language'>
}

const prose = (text: string) => [{ id: '', depth: 0, heading: '', prose: text, code: '' }]

/** The documents of every index page the site has (none when indexes are off). */
export function indexPageDocuments(graph: SiteGraph): IndexPageDocument[] {
  const { indices } = graph
  if (!indices.enabled) return []
  const titles = (sources: SourcePath[]) => sources.map((s) => navTitle(graph, s)).join('; ')
  const docs: IndexPageDocument[] = []
  for (const entry of indices.topics.list) {
    const { topic } = entry
    const text = [topic.description, `Also written ${topic.aliases.join(', ')}.`, entry.notes.length ? `Discussed in ${titles(entry.notes.map((n) => n.source))}.` : '']
    docs.push({ url: `/${entry.slug}`, doc: { title: topic.title, hasH1: false, sections: prose(text.filter(Boolean).join(' ')), crumb: 'Topics', tags: [] } })
  }
  for (const tag of indices.tags.list) {
    docs.push({ url: `/${tag.slug}`, doc: { title: `Tag: ${tag.name}`, hasH1: false, sections: prose(`Notes tagged ${tag.name}: ${titles(tag.notes)}.`), crumb: 'Tags', tags: [] } })
  }
  return docs
}

