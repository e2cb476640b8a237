/**
 * The site graph: every published note, its place in the outline, and the
 * lookups later stages need. Built once per build from compiled notes; read,
 * never changed, by the page and theme stages.
 */
import type { OutlineChapter, OutlineItem } from '../content/summary.ts'
import type { TopicDef } from '../content/topics-file.ts'
import type { CompiledNote } from '../markdown/compile.ts'
import type { NoteBodies } from '../markdown/note-cache.ts'
import { folderIndex, slugOf, type Slug, type SourcePath } from '../paths.ts'
import { buildIndices, type SiteIndices } from './indices.ts'
import { resolveWikilinks } from './wikilinks.ts'
import type { OutsideLink } from '../repository-links.ts'
import type { LinkInfo } from '../markdown/data.ts'

export interface ChapterPlace {
  chapter: OutlineChapter
  /** Enclosing chapters, outermost first. */
  ancestors: OutlineChapter[]
  /** The part title above it, if any. */
  part?: string
}

/** The notes and their order: what the indexes are built from. */
export interface SiteCore {
  /** Published notes by source path. */
  notes: ReadonlyMap<SourcePath, CompiledNote>
  outline: OutlineItem[]
  /** Notes listed in the outline, in reading order (prev/next follow it). */
  order: SourcePath[]
  /** Every published note: the reading order, then unlisted notes by path. */
  all: SourcePath[]
  bySlug: ReadonlyMap<Slug, SourcePath>
  /** Each published note's output slug (`slugOf`, computed once). */
  slugs: ReadonlyMap<SourcePath, Slug>
  places: ReadonlyMap<SourcePath, ChapterPlace>
  /** Non-markdown files copied to the output. */
  assets: ReadonlySet<SourcePath>
  /** Notes built but hidden from the sidebar, search, sitemap, feed and section lists (Docusaurus's `unlisted: true`). */
  hidden: ReadonlySet<SourcePath>
  /** The outline was written by the author (SUMMARY.md, a nav, a sidebar file), not made from the folders: its names title the pages' tabs. */
  authoredOutline: boolean
}

export interface SiteGraph extends SiteCore {
  /** The notes' bodies by `CompiledNote.key`, read when a page or the search index needs one. */
  bodies: NoteBodies
  /** The topics file's topics, in file order. */
  topics: readonly TopicDef[]
  /** Sections, tags, backlinks, topics, symbols and related notes. */
  indices: SiteIndices
  /** The note the 404 page shows (mdBook's `404.md` or `input-404`) and the page's slug; a page of its own only when SUMMARY lists it. */
  notFound?: NotFoundNote
}

/** The note of the 404 page. */
export interface NotFoundNote {
  note: CompiledNote
  /** Where the 404 page is written: the note's path with `.html` for `.md`, as mdBook names it. */
  slug: Slug
}

export interface SiteGraphInput {
  notes: CompiledNote[]
  /** Where the notes' bodies are. */
  bodies: NoteBodies
  outline: OutlineItem[]
  assets: SourcePath[]
  /** The topics file's topics (default none). */
  topics?: readonly TopicDef[]
  /** Build the cross-note indexes (default true). */
  indices?: boolean
  /** The note of the 404 page, when the book has one. */
  notFound?: NotFoundNote
  /** Notes left out of the build (drafts), which a wikilink's warning names. */
  unpublished?: readonly SourcePath[]
  /** Each note's other URL path, which a link by path may name (a Docusaurus doc's `/extras/zeta`; default none). */
  urls?: ReadonlyMap<SourcePath, string>
  /** Notes built but hidden (see `SiteCore.hidden`; default none). */
  hidden?: Iterable<SourcePath>
  /** See `SiteCore.authoredOutline` (default false). */
  authoredOutline?: boolean
  /** Where a link leaving the source folder leads (repository-links.ts; default: nowhere, a warning). */
  outside?: (link: LinkInfo) => OutsideLink
}

/** Build the graph; pure and deterministic for the same input. */
export function buildSiteGraph(input: SiteGraphInput): SiteGraph {
  const notes = new Map<SourcePath, CompiledNote>()
  // Wikilinks name notes, not paths: they are resolved against this site's notes before any index reads a link.
  for (const note of resolveWikilinks(input.notes, input.assets, input.unpublished, input.urls, input.outside).sort((a, b) => compare(a.source, b.source))) notes.set(note.source, note)

  const places = new Map<SourcePath, ChapterPlace>()
  const order: SourcePath[] = []
  let part: string | undefined
  const walk = (items: OutlineItem[], ancestors: OutlineChapter[]) => {
    for (const item of items) {
      if (item.kind === 'part') part = item.title
      if (item.kind !== 'chapter') continue
      if (item.source && notes.has(item.source) && !places.has(item.source)) {
        places.set(item.source, { chapter: item, ancestors, part })
        order.push(item.source)
      }
      walk(item.children, [...ancestors, item])
    }
  }
  walk(input.outline, [])

  const listed = new Set(order)
  const all = [...order, ...[...notes.keys()].filter((s) => !listed.has(s))]
  const bySlug = new Map<Slug, SourcePath>()
  const slugs = new Map<SourcePath, Slug>()
  for (const source of all) {
    const s = slugOf(source)
    slugs.set(source, s)
    bySlug.set(s, source)
  }

  const core: SiteCore = { notes, outline: input.outline, order, all, bySlug, slugs, places, assets: new Set(input.assets), hidden: new Set([...(input.hidden ?? [])].filter((s) => notes.has(s))), authoredOutline: input.authoredOutline ?? false }
  const topics = input.topics ?? []
  return { ...core, bodies: input.bodies, topics, indices: buildIndices(core, { topics, enabled: input.indices }), notFound: input.notFound }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The note a page link points at: a note, a folder's section page, or an mdBook-style `.html` URL. */
export function resolvePageTarget(graph: SiteCore, target: SourcePath): SourcePath | undefined {
  if (graph.notes.has(target)) return target
  const index = folderIndex(target, (c) => graph.notes.has(c))
  if (index) return index
  if (graph.notes.has(`${target}.md` as SourcePath)) return `${target}.md` as SourcePath
  // mdBook's `index` preprocessor renames a folder's README.md chapter to index.md, so books link to it by that name.
  const renamed = /^(.*\/)?index\.md$/.exec(target)
  if (renamed) {
    const readme = `${renamed[1] ?? ''}README.md` as SourcePath
    if (graph.notes.has(readme)) return readme
  }
  if (/\.html$/i.test(target)) return graph.bySlug.get(target as string as Slug)
  return undefined
}

/** Prev/next neighbours of a note in reading order. */
export function neighbours(graph: SiteCore, source: SourcePath): { prev?: SourcePath; next?: SourcePath } {
  const i = graph.order.indexOf(source)
  if (i === -1) return {}
  return { prev: graph.order[i - 1], next: graph.order[i + 1] }
}
