/**
 * What the markdown stage learns about a note, recorded on `file.data` by its
 * plugins and read by the graph stage. This is the only `declare module
 * 'vfile'` in the project.
 */
import type { Position } from 'unist'
import type { Element } from 'hast'
import type { SourcePath } from '../paths.ts'
import type { FoundSymbol } from './code-symbols.ts'
import type { ScopedToken } from './tokenize.ts'

export interface Frontmatter {
  title?: string
  description?: string
  tags?: string[]
  date?: string
  draft?: boolean
  aliases?: string[]
  /** Obsidian Publish's and Quartz's other URL of the note: a redirect to it, as an alias is. */
  permalink?: string
  /** Obsidian Publish: `false` keeps the note out of the site, as `draft: true` does. */
  publish?: boolean
  /** Obsidian's classes for the note's page (`cssclass` before Obsidian 1.4). */
  cssclasses?: string[]
  /** Quartz: `false` leaves out the page's table of contents. */
  enableToc?: boolean
  /** Any other key the author wrote, kept for themes. */
  [key: string]: unknown
}

export interface HeadingInfo {
  depth: number
  id: string
  text: string
  line?: number
}

/** A link or image to another file of the wiki, or a fragment of this note. */
export interface LinkInfo {
  kind: 'page' | 'asset' | 'fragment'
  /** Resolved target (for `page` and `asset`), the note itself for `fragment`. */
  target: SourcePath
  /** The decoded `#fragment`, if any. */
  fragment?: string
  /**
   * In a vault, a fragment written as it would be an id (`Other.md#MyId`,
   * `[[Other#MyId]]`) whose heading reading (`fragment`, `myid`) differs: the
   * graph stage takes it instead when the target note has that id (`{#MyId}`).
   */
  fragmentAs?: string
  /** The URL as written. */
  url: string
  line?: number
  column?: number
  /** Index of the heading section the link sits in (-1 before the first heading). */
  section: number
  /** Plain text of the sentence around the link, for backlinks. */
  context?: string
  /**
   * For a wikilink (`[[Note]]`, `![[diagram.png]]`): the name as written. The
   * markdown stage leaves `target` as that name; the graph stage resolves it
   * against the site's notes and assets (see graph/wikilinks.ts). A markdown
   * link without an extension (`[x](other)`, whose `url` is not `[[…]]`) is
   * one too, named `/` + its path from the source root, found by that path only.
   */
  wiki?: string
  /**
   * A link (`link`) or image (`image`) leaving the source folder (`[x](../src/x.c)`): `target`
   * is its path from the source folder (`../src/x.c`), `wiki` the URL as written, and the graph
   * stage makes `target` the repository's URL of the file, or sets `problem` (see repository-links.ts).
   */
  outside?: 'link' | 'image'
  /** A note embed (`![[Note]]`, `url` `![[Note]]`): the page shows the note's body (or its section) in place. */
  embed?: boolean
  /**
   * A markdown link found by its path (`wiki` `/a/b.md`) that, when no note
   * is there, names its note as a wikilink does (`shortest-links`): the
   * path as written, without `./`, `../` and `.md`.
   */
  byName?: string
  /**
   * A link to a rule of the Rust Reference by its name (`[x][type.never]`,
   * `[preprocessor.spec]`): `wiki` is `r[type.never]`, `fragment` the
   * marker's id `r-type.never`, and the graph stage finds the note whose
   * marker it is.
   */
  rule?: string
  /** A rule link of a name the note wrote in brackets (`[type.never]`), which is text when no rule has it. */
  ruleGuess?: true
  /** Set by the graph stage when a wikilink names no note, or several: the warning to give. */
  problem?: string
  /** The rule of that warning, when not `missing-link`. */
  problemRule?: string
}

export interface CodeBlockInfo {
  /** The id given to the block (`code-3`), for deep links. */
  id: string
  lang: string
  line?: number
  section: number
  /** Hash of what shaped a highlighted block's `pre`, to reuse it when the note is edited elsewhere. */
  key?: string
}

/**
 * How the compiler steers code highlighting for one note (set on `file.data`
 * before the processor runs; absent when compiling without a pool or cache).
 */
export interface HighlightControl {
  /** Blocks (0-based, in document order) to leave plain: their highlighting ran out of time before. */
  plain?: ReadonlySet<number>
  /** The time budget that ran out, for the warning. */
  timeoutMs?: number
  /** Called as each block starts and ends highlighting, so a watchdog can tell which block hangs. */
  enter?: (index: number) => void
  leave?: (index: number) => void
  /** Highlighted `pre` trees of the note's previous version by `CodeBlockInfo.key`, reused when a block is unchanged. */
  blocks?: ReadonlyMap<string, Element>
  /** Mixed into every block key: the fingerprint of the tool and settings, so blocks never cross versions. */
  salt?: string
}

/**
 * An mdbook-admonish block, as remark-mdbook-admonish leaves it for
 * rehype-mdbook-admonish: a `div` holding its title's paragraph, then its
 * body, found again by where its fence starts (what the sanitiser and
 * rehype-raw keep of a node, and no author's HTML can share).
 */
export interface AdmonitionPlace {
  line: number
  column: number
  /** The callout type it renders as: a built-in directive's own name, a custom or unknown one's. */
  type: string
  /** Whether the renderer knows the type (built-in), or shows it neutral and without an icon. */
  builtin: boolean
  /** False for `title=""`: no title bar. */
  titled: boolean
  collapsible: boolean
  /** A collapsible block shown open at first (pymdownx.details's `???+`). */
  open?: boolean
  /** mdbook-admonish's anchor id; empty for none (an MkDocs admonition). */
  id: string
  /** The block's `class` and mdbook-admonish's own `admonition admonish-<directive>`. */
  classes: string[]
}

/** The heading sections of a note in which a topic of the topics file is mentioned in prose. */
export interface TopicMention {
  /** Topic id (its page is `topics/<id>.html`). */
  topic: string
  /** Index of the heading section (-1 before the first heading). */
  section: number
  /** Mentions of the topic in that section. */
  count: number
  /** Plain text of the sentence around the first mention. */
  snippet: string
}

/** What a code symbol is, as the grammar's scopes say. */
export type SymbolKind = 'function' | 'macro' | 'struct' | 'union' | 'enum' | 'class' | 'type' | 'interface' | 'trait'

/** How a code block touches a symbol: defines it, calls it, or names it otherwise. */
export type SymbolRole = 'definition' | 'call' | 'reference'

/** An identifier a code block defines, calls or names. */
export interface CodeSymbolInfo {
  name: string
  kind: SymbolKind
  role: SymbolRole
  /** Id of the code block (`code-3`), for deep links. */
  block: string
  /** Line in the note where the block touches it first. */
  line?: number
}

declare module 'hast' {
  interface ElementData {
    /**
     * On a highlighted block's `pre` (set by rehype-code-symbols, kept by the
     * sanitiser and by the block cache, never serialised): the symbols of its
     * code, lines relative to the code, so an unchanged block reused by the
     * next compile needs no second grammar pass.
     */
    codeSymbols?: FoundSymbol[]
  }
}

declare module 'vfile' {
  interface DataMap {
    source: SourcePath
    frontmatter: Frontmatter
    /** The line of each frontmatter key (by the name it is read as: `aliases` for `alias`), for warnings about its value. */
    frontmatterLines: Record<string, number>
    /** The line of the frontmatter's closing `---`, when the note has frontmatter. */
    frontmatterEnd: number
    /** Where the frontmatter value at a path of keys and indexes is written in the note. */
    frontmatterPlace: (keys: ReadonlyArray<string | number>) => Position | undefined
    /** Set by `{{#title}}`. */
    includeTitle: string
    headings: HeadingInfo[]
    /** True when text comes before the note's first heading (an RFC's `- Start Date:` list above its `# Summary`). */
    textBeforeHeadings: boolean
    links: LinkInfo[]
    codeBlocks: CodeBlockInfo[]
    /** True when the note has raw HTML (parsed by rehype-raw). */
    rawHtml: boolean
    /** Source offsets `[start, end)` of the note's raw HTML, in order (set when `rawHtml`). */
    rawHtmlSpans: Array<[number, number]>
    /** Set by the compiler: the file (as displayed) and line a line of the note's text came from, when `{{#include}}` brought any in. */
    sourceOf: (line: number) => { file: string; line: number } | undefined
    /** True when the note has math, so KaTeX's stylesheet is needed. */
    hasMath: boolean
    /** Code languages the note used that the highlighter does not know. */
    unknownLanguages: string[]
    /** Set by the compiler, read by rehype-code. */
    highlight: HighlightControl
    /** Topics mentioned in prose, per heading section. */
    topicMentions: TopicMention[]
    /**
     * Set by rehype-code, read by rehype-code-symbols: the scopes of each block
     * highlighted in this run, by block id, so symbols need no second
     * tokenisation. A block left plain has none (an empty list).
     */
    codeScopes: ReadonlyMap<string, ScopedToken[][]>
    /** Symbols the note's code blocks define, call or name, once per block, role and name. */
    codeSymbols: CodeSymbolInfo[]
    /** Identifiers written as inline code in prose (`container_of`), sorted, unique. */
    inlineCode: string[]
    /** Obsidian `#tags` written in the prose, without `#`, in order (rehype-inline-tags). */
    inlineTags: string[]
    /** Obsidian block ids (`^rcu-rule`, as the ids their blocks got), in order (remark-block-ids). */
    blockIds: string[]
    /** mdbook-admonish blocks, for rehype-mdbook-admonish to render. */
    admonitions: AdmonitionPlace[]
  }
}

export {}
