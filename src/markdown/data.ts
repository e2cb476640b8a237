/**
 * What the markdown stage learns about a note, recorded on `file.data` by its
 * plugins and read by the graph stage. This is the only `declare module
 * 'vfile'` in the project.
 */
import type { SourcePath } from '../paths.ts'

export interface Frontmatter {
  title?: string
  description?: string
  tags?: string[]
  date?: string
  draft?: boolean
  aliases?: string[]
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
  /** The URL as written. */
  url: string
  line?: number
  column?: number
  /** Index of the heading section the link sits in (-1 before the first heading). */
  section: number
  /** Plain text of the sentence around the link, for backlinks. */
  context?: string
}

export interface CodeBlockInfo {
  /** The id given to the block (`code-3`), for deep links. */
  id: string
  lang: string
  line?: number
  section: number
}

declare module 'vfile' {
  interface DataMap {
    source: SourcePath
    frontmatter: Frontmatter
    /** Set by `{{#title}}`. */
    includeTitle: string
    headings: HeadingInfo[]
    links: LinkInfo[]
    codeBlocks: CodeBlockInfo[]
    /** True when the note has math, so KaTeX's stylesheet is needed. */
    hasMath: boolean
    /** Code languages the note used that the highlighter does not know. */
    unknownLanguages: string[]
  }
}

export {}
