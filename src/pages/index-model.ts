/**
 * Page models of the generated indexes — tags, topics with the map of the
 * wiki, code symbols — and the cross-links a note page shows. Plain typed
 * data: templates turn them into hast.
 */
import type { SymbolKind } from '../markdown/data.ts'
import type { WikiMap } from '../graph/map.ts'
import type { Slug } from '../paths.ts'
import type { PageLink } from './model.ts'

/** A note as an index lists it. */
export interface NoteCard {
  title: string
  slug: Slug
  description?: string
  tags: PageLink[]
  /** Notes beneath it, when it is a section. */
  notes?: number
}

/** A place in a note: a linking sentence, a topic mention, a code block. */
export interface NoteLinkItem {
  title: string
  slug: Slug
  /** Heading or element id in that note. */
  fragment?: string
  /** The heading the place is under, when it is not the note's top. */
  heading?: string
  /** Text around it. */
  context?: string
}

interface IndexPageBase {
  slug: Slug
  title: string
  description?: string
}

export interface TagPage extends IndexPageBase {
  kind: 'tag'
  name: string
  notes: NoteCard[]
}

export interface TagsPage extends IndexPageBase {
  kind: 'tags'
  tags: Array<{ name: string; slug: Slug; count: number }>
}

export interface TopicGroup {
  /** The wiki section (or part) the notes belong to. */
  title: string
  slug?: Slug
  notes: Array<{ title: string; slug: Slug; count: number; places: Array<NoteLinkItem & { count: number }> }>
}

export interface TopicPage extends IndexPageBase {
  kind: 'topic'
  aliases: string[]
  home?: PageLink
  /** The tag of the same name, if any. */
  tag?: PageLink
  groups: TopicGroup[]
  /** Mentions across the wiki. */
  count: number
  /** Other topics most often mentioned in the same notes. */
  seeAlso: PageLink[]
}

export interface TopicsPage extends IndexPageBase {
  kind: 'topics'
  map?: WikiMap
  letters: Array<{ letter: string; topics: Array<{ title: string; slug: Slug; description?: string; notes: number; count: number }> }>
}

export interface SymbolSiteLink extends NoteLinkItem {
  lang: string
}

export interface SymbolEntryModel {
  name: string
  /** Id of its entry, on the page `href` names. */
  anchor: string
  href: PageLink
  kinds: SymbolKind[]
  /** The blocks defining it (on an overview page: none, see the counts). */
  definitions: SymbolSiteLink[]
  /** The first blocks using it, at most `USES_SHOWN`. */
  uses: SymbolSiteLink[]
  definitionCount: number
  useCount: number
}

export interface SymbolsPage extends IndexPageBase {
  kind: 'symbols'
  /**
   * True for `symbols/index.html` of a wiki with more symbols than fit one
   * page: it lists names only, each linking to its letter's page.
   */
  overview: boolean
  letters: Array<{ letter: string; symbols: SymbolEntryModel[] }>
  /** Every letter and the page with its entries, for the letter bar. */
  nav: Array<{ letter: string; slug: Slug }>
}

/** Every generated index page. */
export type IndexPage = TagPage | TagsPage | TopicPage | TopicsPage | SymbolsPage
