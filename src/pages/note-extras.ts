/**
 * What a note page shows from the site's indexes: its tags as links, the
 * index beneath a section page, the notes linking to it and related notes.
 */
import type { SiteGraph } from '../graph/site-graph.ts'
import type { SourcePath } from '../paths.ts'
import type { NoteCard, NoteLinkItem } from './index-model.ts'
import type { PageLink } from './model.ts'

export type TitleOf = (source: SourcePath) => string

/** The note's tags, each linked to its page. */
export function tagLinksOf(graph: SiteGraph, source: SourcePath): PageLink[] {
  if (!graph.indices.enabled) return []
  return (graph.indices.tags.ofNote.get(source) ?? []).map((key) => {
    const tag = graph.indices.tags.byKey.get(key)!
    return { title: tag.name, slug: tag.slug }
  })
}

/** A note as indexes list it: title, description, tags. */
export function noteCard(graph: SiteGraph, source: SourcePath, titleOf: TitleOf, notes?: number): NoteCard {
  const note = graph.notes.get(source)!
  return { title: titleOf(source), slug: graph.slugs.get(source)!, description: note.frontmatter.description, tags: tagLinksOf(graph, source), notes }
}

/** A heading section of a note as a place to link to: the heading's anchor and text. */
export function placeIn(graph: SiteGraph, source: SourcePath, section: number, titleOf: TitleOf): NoteLinkItem {
  const heading = section >= 0 ? graph.notes.get(source)!.headings[section] : undefined
  // The section under the note's own h1 is the top of the page: no fragment needed.
  const top = !heading || (section === 0 && heading.depth === 1)
  return { title: titleOf(source), slug: graph.slugs.get(source)!, fragment: top ? undefined : heading.id || undefined, heading: top ? undefined : heading.text }
}

/** The cross-links a note page shows. */
export function noteExtras(graph: SiteGraph, source: SourcePath, titleOf: TitleOf): { tagLinks: PageLink[]; sectionIndex: NoteCard[]; backlinks: NoteLinkItem[]; related: NoteCard[] } {
  const { indices } = graph
  return {
    tagLinks: tagLinksOf(graph, source),
    sectionIndex: (indices.sections.get(source) ?? []).map((e) => noteCard(graph, e.source, titleOf, e.notes || undefined)),
    backlinks: (indices.links.backlinks.get(source) ?? []).map((b) => ({ ...placeIn(graph, b.from, b.section, titleOf), context: b.context })),
    related: (indices.related.get(source) ?? []).map((s) => noteCard(graph, s, titleOf)),
  }
}
