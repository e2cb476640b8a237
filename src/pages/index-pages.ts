/**
 * SiteGraph → the generated index pages: one page per tag and `tags/index.html`,
 * one page per topic and `topics/index.html` (opening with the map of the
 * wiki), and `symbols/index.html`. Pure and deterministic.
 */
import { layoutMap } from '../graph/map.ts'
import { letterOf } from '../graph/order.ts'
import { groupOf } from '../graph/sections.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import { symbolAnchor, symbolLetterPage, symbolPage, type SymbolEntry, type SymbolIndex, type SymbolSite } from '../graph/symbols.ts'
import type { TopicEntry } from '../graph/topics.ts'
import { EN, fill, type Locale } from '../words/index.ts'
import { INDEX_PAGES, indexKey, slugOf, tagSlug, type Slug } from '../paths.ts'
import type { IndexPage, SymbolEntryModel, SymbolSiteLink, SymbolsPage, TagPage, TopicGroup, TopicPage, TopicsPage } from './index-model.ts'
import type { PageLink } from './model.ts'
import { noteCard, placeIn, type TitleOf } from './note-extras.ts'

export const TAGS_INDEX = INDEX_PAGES.tags
export const TOPICS_INDEX = INDEX_PAGES.topics
export const SYMBOLS_INDEX = INDEX_PAGES.symbols

/** The index pages a wiki has, for the sidebar's "Index" part and the sitemap: only those with entries. */
export function indexPageLinks(graph: SiteGraph, words: Locale = EN): PageLink[] {
  const { indices } = graph
  const links: PageLink[] = []
  if (indices.topics.list.length > 0) links.push({ title: words.topics, slug: TOPICS_INDEX })
  if (indices.tags.list.length > 0) links.push({ title: words.tags, slug: TAGS_INDEX })
  if (indices.symbols.list.length > 0) links.push({ title: words['code-symbols'], slug: SYMBOLS_INDEX })
  return links
}

/** Uses listed per symbol; a name every note calls would otherwise fill a page by itself. */
export const USES_SHOWN = 20

export { symbolAnchor }

/** Group a list into A–Z letters, keeping its order within each letter. */
function byLetter<T>(items: T[], nameOf: (item: T) => string): Array<{ letter: string; items: T[] }> {
  const letters: Array<{ letter: string; items: T[] }> = []
  for (const item of items) {
    const letter = letterOf(nameOf(item))
    const last = letters.at(-1)
    if (last?.letter === letter) last.items.push(item)
    else letters.push({ letter, items: [item] })
  }
  return letters
}

function topicGroups(graph: SiteGraph, entry: TopicEntry, titleOf: TitleOf): TopicGroup[] {
  const groups = new Map<string, TopicGroup>()
  for (const note of entry.notes) {
    const g = groupOf(graph, note.source)
    let group = groups.get(g.key)
    if (!group) {
      group = { title: g.title, slug: g.source ? slugOf(g.source) : undefined, notes: [] }
      groups.set(g.key, group)
    }
    group.notes.push({
      title: titleOf(note.source),
      slug: slugOf(note.source),
      count: note.count,
      places: note.sections.map((s) => ({ ...placeIn(graph, note.source, s.section, titleOf), context: s.snippet, count: s.count })),
    })
  }
  return [...groups.values()]
}

/** Topics mentioned most often in the same notes as `entry`, for "see also". */
function seeAlso(graph: SiteGraph, entry: TopicEntry): PageLink[] {
  const shared = new Map<string, number>()
  for (const note of entry.notes) {
    for (const id of graph.indices.topics.ofNote.get(note.source) ?? []) if (id !== entry.topic.id) shared.set(id, (shared.get(id) ?? 0) + 1)
  }
  return [...shared.entries()]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, 8)
    .map(([id]) => {
      const other = graph.indices.topics.byId.get(id)!
      return { title: other.topic.title, slug: other.slug }
    })
}

function topicPage(graph: SiteGraph, entry: TopicEntry, titleOf: TitleOf): TopicPage {
  const { topic } = entry
  const home = topic.home && graph.notes.has(topic.home) ? { title: titleOf(topic.home), slug: slugOf(topic.home) } : undefined
  const tag = graph.indices.tags.byKey.get(indexKey(topic.id)) ?? topic.aliases.map((a) => graph.indices.tags.byKey.get(indexKey(a))).find(Boolean)
  return {
    kind: 'topic',
    slug: entry.slug,
    title: topic.title,
    description: topic.description,
    aliases: topic.aliases,
    home,
    tag: tag ? { title: tag.name, slug: tag.slug } : undefined,
    groups: topicGroups(graph, entry, titleOf),
    count: entry.count,
    seeAlso: seeAlso(graph, entry),
  }
}

function site(graph: SiteGraph, s: SymbolSite, titleOf: TitleOf): SymbolSiteLink {
  const place = placeIn(graph, s.source, s.section, titleOf)
  return { ...place, fragment: s.block, lang: s.lang }
}

/** Build every index page of the site (none when indexes are off). */
export function buildIndexPages(graph: SiteGraph, titleOf: TitleOf, words: Locale = EN): IndexPage[] {
  const { indices } = graph
  if (!indices.enabled) return []
  const pages: IndexPage[] = []

  for (const tag of indices.tags.list) {
    const page: TagPage = { kind: 'tag', slug: tagSlug(tag.name), title: fill(words['tag-title'], { tag: tag.name }), name: tag.name, notes: tag.notes.map((s) => noteCard(graph, s, titleOf)) }
    pages.push(page)
  }
  if (indices.tags.list.length > 0) {
    pages.push({ kind: 'tags', slug: TAGS_INDEX, title: words.tags, tags: indices.tags.list.map((t) => ({ name: t.name, slug: t.slug, count: t.notes.length })) })
  }

  for (const entry of indices.topics.list) pages.push(topicPage(graph, entry, titleOf))
  if (indices.topics.list.length > 0) {
    const topics: TopicsPage = {
      kind: 'topics',
      slug: TOPICS_INDEX,
      title: words.topics,
      description: fill(words[graph.all.length === 1 ? 'topics-description-one' : 'topics-description-other'], { count: graph.all.length }),
      map: graph.all.length > 1 ? layoutMap(graph, { titleOf }) : undefined,
      letters: byLetter(indices.topics.list, (t) => t.topic.title).map(({ letter, items }) => ({
        letter,
        topics: items.map((t) => ({ title: t.topic.title, slug: t.slug, description: t.topic.description, notes: t.notes.length, count: t.count })),
      })),
    }
    pages.push(topics)
  }

  pages.push(...symbolPages(graph, titleOf, words))
  return pages
}

/** The href target of a symbol's entry, for inline code that names it. */
export function symbolTarget(graph: SiteGraph, name: string): { slug: Slug; fragment: string } | undefined {
  const { symbols } = graph.indices
  return symbols.byName.has(name) ? { slug: symbolPage(symbols, name), fragment: symbolAnchor(name) } : undefined
}

function symbolEntry(graph: SiteGraph, s: SymbolEntry, full: boolean, titleOf: TitleOf): SymbolEntryModel {
  const { symbols } = graph.indices
  return {
    name: s.name,
    anchor: symbolAnchor(s.name),
    href: { title: s.name, slug: symbolPage(symbols, s.name), fragment: symbolAnchor(s.name) },
    kinds: s.kinds,
    definitions: full ? s.definitions.map((d) => site(graph, d, titleOf)) : [],
    uses: full ? s.uses.slice(0, USES_SHOWN).map((u) => site(graph, u, titleOf)) : [],
    definitionCount: s.definitions.length,
    useCount: s.uses.length,
  }
}

/**
 * `symbols/index.html` with every entry; past `SYMBOLS_ON_ONE_PAGE` symbols,
 * an overview of the names there and one page of entries per letter.
 */
function symbolPages(graph: SiteGraph, titleOf: TitleOf, words: Locale): SymbolsPage[] {
  const index: SymbolIndex = graph.indices.symbols
  if (index.list.length === 0) return []
  const letters = byLetter(index.list, (s) => s.name)
  const nav = letters.map(({ letter }) => ({ letter, slug: symbolLetterPage(index, letter) }))
  const description = words['symbols-description']
  const page = (slug: Slug, title: string, overview: boolean, of: typeof letters): SymbolsPage => ({
    kind: 'symbols',
    slug,
    title,
    description,
    overview,
    nav,
    letters: of.map(({ letter, items }) => ({ letter, symbols: items.map((s) => symbolEntry(graph, s, !overview, titleOf)) })),
  })
  if (!index.split) return [page(SYMBOLS_INDEX, words['code-symbols'], false, letters)]
  return [
    page(SYMBOLS_INDEX, words['code-symbols'], true, letters),
    ...letters.map((l) => page(symbolLetterPage(index, l.letter), fill(words['code-symbols-letter'], { letter: l.letter }), false, [l])),
  ]
}
