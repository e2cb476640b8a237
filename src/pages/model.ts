/**
 * Page models: what each output page shows, as plain typed data. Templates
 * turn them into hast; nothing here knows about HTML layout.
 */
import type { Root } from 'hast'
import type { HeadingInfo } from '../markdown/data.ts'
import type { Slug, SourcePath } from '../paths.ts'
import type { IndexPage, NoteCard, NoteLinkItem, TagPage, TagsPage } from './index-model.ts'
import type { WikiTarget } from '../graph/wikilinks.ts'
import type { EmbeddedNote } from './transclude.ts'

export interface PageLink {
  title: string
  slug: Slug
  fragment?: string
}

export interface Crumb {
  title: string
  slug?: Slug
}

interface PageBase {
  slug: Slug
  title: string
  description?: string
}

export interface NotePage extends PageBase {
  kind: 'note'
  source: SourcePath
  /**
   * The note's body: a root holding its HTML as serialised by its worker
   * (`serialisedBody`), read from the note cache each time it is read. It is
   * not enumerable (`lazyBody`): `bodyKey` stands for it in the page's JSON.
   */
  body: Root
  /** The note's content key. */
  bodyKey: string
  /** The body has its own h1; otherwise the template prints the title. */
  hasH1: boolean
  /**
   * The page's name in the `<title>` when it is not `title`: the chapter's
   * name in an outline the author wrote (SUMMARY.md, MkDocs's `nav`), as
   * mdBook and MkDocs title the tab (`Introduction`, not the H1 under it).
   */
  headTitle?: string
  /** Docusaurus's `hide_title: true`: no title printed when the body has no h1. */
  hideTitle?: true
  /** Docusaurus's `unlisted: true`: `noindex` for search engines, in no sitemap. */
  noindex?: true
  /** Docusaurus's `keywords`: the page's keywords meta. */
  keywords?: string[]
  /** Docusaurus's `image`: the page's `og:image`, an absolute URL (relative to the page when the site's URL is not known). */
  image?: string
  /** h2 and h3 headings, for the page's table of contents (none with frontmatter `enableToc: false`). */
  toc: HeadingInfo[]
  /** Frontmatter `cssclasses`, for the theme to put on the note's page. */
  cssClasses: string[]
  breadcrumbs: Crumb[]
  prev?: PageLink
  next?: PageLink
  tags: string[]
  editUrl?: string
  /** ISO date of the note's last commit, when known. */
  lastUpdated?: string
  /** A folder's README/index page. */
  isSection: boolean
  /** The note's tags, each linked to its tag page (empty when indexes are off). */
  tagLinks: PageLink[]
  /** What a section page lists beneath its own text. */
  sectionIndex: NoteCard[]
  /**
   * The tag page (or tags index) a note at its path stands in for, as
   * Quartz's `tags/<tag>.md` introduces its tag: the note's page lists it
   * beneath the note's own text.
   */
  listing?: TagPage | TagsPage
  /** Notes linking here, each with the sentence around its link. */
  backlinks: NoteLinkItem[]
  /** Up to five notes sharing the most topics and tags. */
  related: NoteCard[]
  /**
   * The links `body` gives inline code naming indexed symbols. They depend
   * on other notes' code, so they are listed here, where a page's
   * fingerprint sees them, not only inside the tree.
   */
  symbolLinks: PageLink[]
  /** Where the body's wikilinks point; they depend on other notes too, so the fingerprint sees them here. */
  wikiLinks: WikiTarget[]
  /** The notes the body shows through embeds (`![[Note]]`), nested ones too: their keys change the fingerprint when they change. */
  embeds: EmbeddedNote[]
  /**
   * mdBook's fragment redirects from this page (`"/page.html#old" = "other.html#new"`):
   * the URL to go to, by `#fragment` of this page's URL, relative to the page.
   */
  fragmentRedirects?: Record<string, string>
}

export interface NotFoundPage extends PageBase {
  kind: 'not-found'
  /**
   * The book's 404 note (`404.md`, `input-404`), when it has one: its body
   * with every relative URL absolute under the base, read like `NotePage.body`.
   */
  note?: { source: SourcePath; slug: Slug; body: Root; bodyKey: string; wikiLinks: WikiTarget[]; embeds: EmbeddedNote[] }
}

export interface PrintPage extends PageBase {
  kind: 'print'
  /** Each chapter's `body` is read like `NotePage.body`. */
  chapters: Array<{ title: string; slug: Slug; anchor: string; body: Root; bodyKey: string; hasH1: boolean; wikiLinks: WikiTarget[]; embeds: EmbeddedNote[] }>
}

export interface RedirectPage extends PageBase {
  kind: 'redirect'
  /** Where the page sends the reader: a relative href, or an external URL. */
  to: string
  /** Where a reader arriving with one of these `#fragment`s goes instead (mdBook's fragment redirects). */
  fragments?: Record<string, string>
}

/** A folder's generated index (a Docusaurus category's `link: {type: generated-index}`): its items as cards. */
export interface CategoryPage extends PageBase {
  kind: 'category'
  breadcrumbs: Crumb[]
  /** The folder's docs, and its sub-folders that have a page. */
  items: NoteCard[]
}

export type Page = NotePage | NotFoundPage | PrintPage | RedirectPage | IndexPage | CategoryPage
