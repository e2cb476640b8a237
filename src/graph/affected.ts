/**
 * The dev server's question: when some notes change, which pages must be
 * rendered again? Answered by comparing the site graph before and after the
 * change around the changed notes only. Each page reads a known part of the
 * graph — a note's card (title, description, tags), its links, mentions and
 * symbols — so only the pages reading a part that changed are listed. A
 * change to what every page shows (the sidebar's outline, the topics file,
 * which index pages exist) means every page.
 */
import type { CompiledNote } from '../markdown/compile.ts'
import { INDEX_PAGES, dirOf, isIndexNote, slug as toSlug, slugOf, tagSlug, type Slug, type SourcePath } from '../paths.ts'
import { neighbours, type SiteGraph } from './site-graph.ts'
import { symbolPage } from './symbols.ts'
import { wikiTargets } from './wikilinks.ts'

/** Pages to render again: every page, or these, plus the pages that no longer exist. */
export type AffectedPages = { all: true } | { all: false; pages: Slug[]; removed: Slug[] }

const PRINT = toSlug('print.html')
const SITEMAP = toSlug('sitemap.xml')

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** What every page shows: the outline in the sidebar, the topics linked in bodies, the Index part. */
function sharedKey(graph: SiteGraph): string {
  const { indices } = graph
  // Whether symbol entries are split by letter decides where every inline symbol link points.
  const nav = [indices.enabled, indices.topics.list.length > 0, indices.tags.list.length > 0, indices.symbols.list.length > 0, indices.symbols.split]
  return JSON.stringify([graph.outline, graph.topics, nav])
}

/** What other pages show of a note: its title, description and tags. */
function card(graph: SiteGraph, note: CompiledNote | undefined): unknown {
  if (!note) return undefined
  return [graph.places.get(note.source)?.chapter.title, note.title, note.frontmatter.description, note.frontmatter.tags]
}

/** What a note's links put on other pages: the backlink entries on each target. */
function linkFacts(graph: SiteGraph, source: SourcePath): unknown {
  const { outgoing, backlinks } = graph.indices.links
  return (outgoing.get(source) ?? []).map((t) => [t, (backlinks.get(t) ?? []).filter((b) => b.from === source)])
}

/** What a note's code puts on the symbols page (not line numbers, which it does not show). */
function symbolFacts(note: CompiledNote | undefined): unknown {
  if (!note) return undefined
  return [note.symbols.map((s) => [s.name, s.kind, s.role, s.block]), note.codeBlocks.map((b) => [b.id, b.lang, b.section])]
}

/** Section page(s) listing each note. */
function listedBy(graph: SiteGraph): Map<SourcePath, SourcePath[]> {
  const owners = new Map<SourcePath, SourcePath[]>()
  for (const [section, entries] of graph.indices.sections) {
    for (const e of entries) owners.set(e.source, [...(owners.get(e.source) ?? []), section])
  }
  return owners
}

const INDEX_FOLDERS = /^(tags|topics|symbols)\//

/** The generated index pages a graph has: tag, topic and symbol pages. */
function indexPages(graph: SiteGraph): { all: Set<Slug>; symbols: Set<Slug> } {
  const { indices } = graph
  const symbols = new Set<Slug>()
  if (indices.symbols.list.length > 0) {
    symbols.add(INDEX_PAGES.symbols)
    for (const s of indices.symbols.list) symbols.add(symbolPage(indices.symbols, s.name))
  }
  const all = new Set<Slug>(symbols)
  if (indices.tags.list.length > 0) all.add(INDEX_PAGES.tags)
  for (const t of indices.tags.list) all.add(t.slug)
  if (indices.topics.list.length > 0) all.add(INDEX_PAGES.topics)
  for (const t of indices.topics.list) all.add(t.slug)
  return { all, symbols }
}

function inlineCodeUsers(graph: SiteGraph): Map<string, SourcePath[]> {
  const users = new Map<string, SourcePath[]>()
  for (const source of graph.all) for (const name of graph.notes.get(source)!.inlineCode) users.set(name, [...(users.get(name) ?? []), source])
  return users
}

/**
 * The pages to render again after the `changed` notes were added, edited or
 * removed, given the graphs before and after. Pure; costs one pass over the
 * related-note and section lists plus work proportional to the change.
 */
export function affectedPages(before: SiteGraph, after: SiteGraph, changed: Iterable<SourcePath>): AffectedPages {
  if (sharedKey(before) !== sharedKey(after)) return { all: true }
  const graphs = [before, after] as const
  const pages = new Set<Slug>()
  const removed = new Set<Slug>()
  const note = (source: SourcePath) => {
    if (after.notes.has(source)) pages.add(slugOf(source))
  }
  let owners: Array<Map<SourcePath, SourcePath[]>> | undefined
  let users: Map<string, SourcePath[]> | undefined

  const changedSet = new Set(changed)
  for (const source of changedSet) {
    const [b, a] = graphs.map((g) => g.notes.get(source))
    if (!a && !b) continue
    if (a) pages.add(slugOf(source))
    else removed.add(slugOf(source))
    if (!a || !b) pages.add(SITEMAP)
    pages.add(PRINT)

    if (!same(card(before, b), card(after, a))) {
      owners ??= graphs.map(listedBy)
      for (const [g, graph] of graphs.entries()) {
        for (const s of owners[g]!.get(source) ?? []) note(s)
        const { prev, next } = neighbours(graph, source)
        for (const n of [prev, next]) if (n) note(n)
        for (const target of graph.indices.links.outgoing.get(source) ?? []) note(target)
        for (const id of graph.indices.topics.ofNote.get(source) ?? []) pages.add(after.indices.topics.byId.get(id)!.slug)
        for (const key of graph.indices.tags.ofNote.get(source) ?? []) {
          const tag = after.indices.tags.byKey.get(key)
          if (tag) pages.add(tag.slug)
          else removed.add(tagSlug(before.indices.tags.byKey.get(key)!.name))
        }
      }
      if (!same(before.indices.tags.ofNote.get(source), after.indices.tags.ofNote.get(source))) pages.add(INDEX_PAGES.tags)
      // Every note listing it as related shows its card; lists that changed are caught below.
      for (const [other, list] of after.indices.related) if (list.includes(source)) note(other)
      // An unlisted note's breadcrumbs name its folder's section page.
      if (isIndexNote(source)) for (const s of after.all) if (!after.places.has(s) && dirOf(s).startsWith(dirOf(source))) note(s)
      // Symbol entries name the notes their blocks are in.
      for (const sym of [...(b?.symbols ?? []), ...(a?.symbols ?? [])]) pages.add(symbolPage(after.indices.symbols, sym.name))
      pages.add(INDEX_PAGES.topics)
    }

    if (!same(b?.mentions, a?.mentions)) {
      for (const m of [...(b?.mentions ?? []), ...(a?.mentions ?? [])]) {
        const entry = after.indices.topics.byId.get(m.topic)
        if (entry) pages.add(entry.slug)
      }
      pages.add(INDEX_PAGES.topics)
    }

    if (!same(linkFacts(before, source), linkFacts(after, source))) {
      for (const graph of graphs) for (const target of graph.indices.links.outgoing.get(source) ?? []) note(target)
      pages.add(INDEX_PAGES.topics)
    }

    if (!same(symbolFacts(b), symbolFacts(a))) {
      // The overview lists names with counts; the entries are on the names' pages.
      pages.add(INDEX_PAGES.symbols)
      for (const sym of [...(b?.symbols ?? []), ...(a?.symbols ?? [])]) pages.add(symbolPage(after.indices.symbols, sym.name))
      // A name that gained or lost its entry starts or stops linking in the prose of every note naming it.
      for (const s of [...(b?.symbols ?? []), ...(a?.symbols ?? [])]) {
        if (before.indices.symbols.byName.has(s.name) === after.indices.symbols.byName.has(s.name)) continue
        users ??= inlineCodeUsers(after)
        for (const user of users.get(s.name) ?? []) note(user)
      }
    }
  }

  // A page embedding a changed note shows its body, and so does a page embedding that page's note.
  const embedders = new Map<SourcePath, SourcePath[]>()
  for (const graph of graphs) {
    for (const source of graph.all) {
      for (const link of graph.notes.get(source)!.links) if (link.embed && !link.problem) embedders.set(link.target, [...(embedders.get(link.target) ?? []), source])
    }
  }
  const hosts = [...changedSet]
  const shown = new Set(hosts)
  while (hosts.length > 0) {
    for (const host of embedders.get(hosts.pop()!) ?? []) {
      if (shown.has(host)) continue
      shown.add(host)
      note(host)
      hosts.push(host)
    }
  }

  // A wikilink names a note, not a path: adding, removing or renaming a note can move where other notes' wikilinks point.
  for (const source of after.all) {
    const now = wikiTargets(after.notes.get(source)!)
    const was = before.notes.get(source)
    if (now.length > 0 && !same(now, was ? wikiTargets(was) : [])) note(source)
  }

  // Lists ranked across the whole site: any may move when one note's topics or tags do.
  for (const [source, list] of after.indices.related) {
    if (same(before.indices.related.get(source), list)) continue
    note(source)
    pages.add(INDEX_PAGES.topics)
  }
  for (const [source, entries] of after.indices.sections) if (!same(before.indices.sections.get(source), entries)) note(source)

  // Symbol pages come and go with their letters; each one's letter bar lists them all.
  const [had, has] = graphs.map(indexPages)
  if (!same([...had!.symbols], [...has!.symbols])) for (const slug of has!.symbols) pages.add(slug)
  const exists = (slug: Slug) => after.bySlug.has(slug) || has!.all.has(slug) || !INDEX_FOLDERS.test(slug)
  for (const slug of pages) if (!exists(slug) && had!.all.has(slug)) removed.add(slug)
  const kept = [...pages].filter(exists)
  for (const slug of kept) removed.delete(slug)
  return { all: false, pages: kept.sort(), removed: [...removed].sort() }
}
