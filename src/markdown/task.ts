/**
 * What the main thread and a note worker exchange: the settings a thread is
 * made with, one task per note, and the slots of the shared progress array
 * the pool's watchdog reads. Kept apart so the main thread never loads the
 * markdown pipeline itself.
 */
import type { KramdownCallout } from './remark-kramdown-ial.ts'
import type { DocsifyOptions } from '../content/docsify.ts'
import type { MkdocsBlocks } from './remark-mkdocs-blocks.ts'
import type { LanguageRegistration } from 'shiki'
import type { MathSyntax } from '../config.ts'
import type { KatexSettings } from '../config-katex.ts'
import type { AdmonishConfig } from '../config-admonish.ts'
import type { CalloutTitles } from '../words/index.ts'
import type { TopicDef } from '../content/topics-file.ts'
import type { NoteBody } from './body.ts'
import type { TocOptions } from './mdbook-toc.ts'
import type { TrplListingMode } from './remark-trpl-listing.ts'
import type { NoteFacts, NoteInput } from './compile.ts'
import type { OutsideLinks } from '../repository-links.ts'

/** How inline `#tags` are read: linked to their tag page, or as text where the wiki has no tag pages. */
export type InlineTags = 'link' | 'text'

/** How headings get their ids: GitHub's (github-slugger), or mdBook's for a book (see rehype-mdbook-slug.ts). */
export type HeadingIds = 'github' | 'mdbook'

/** What a pool's threads are made with: everything that shapes a note's output besides the note. */
export interface WorkerSettings {
  math: boolean
  /** How math is written (`Config.mathSyntax`; default `katex`). */
  mathSyntax?: MathSyntax
  /** KaTeX's macros and equation layout (`Config.katex`; default none). */
  katex?: KatexSettings
  trusted: boolean
  lightTheme: string
  darkTheme: string
  /** Curly quotes and dashes in prose (`smart-punctuation`). */
  smartPunctuation?: boolean
  /** Fence language → prefix of its hidden code lines (`[output.html.code.hidelines]`). */
  hideLines?: Record<string, string>
  /** mdbook-admonish's settings (`[preprocessor.admonish]`). */
  admonish?: AdmonishConfig
  /** Extra grammars (`HighlighterOptions.langs`). */
  langs?: LanguageRegistration[]
  /** Topics linked where prose mentions them (default none). */
  topics?: TopicDef[]
  /** Record the symbols code blocks define and use (default true; false with `indices = false`). */
  symbols?: boolean
  /** `==text==` as `<mark>` (`highlights`). */
  highlights?: boolean
  /** `:warning:` as an emoji (`emoji`). */
  emoji?: boolean
  /** `#tag` in prose: a link to the tag's page, plain text (no tag pages), or not read (default). */
  inlineTags?: InlineTags
  /** Obsidian's block ids ` ^rule` (`block-ids`). */
  blockIds?: boolean
  /** Obsidian's `%% comments %%` dropped (`comments`). */
  comments?: boolean
  /** How headings get their ids (default `github`; `mdbook` in a book). */
  headingIds?: HeadingIds
  /** The Rust book's `<Listing>` blocks (`[preprocessor.trpl-listing]`'s `output-mode`; default not read). */
  trplListing?: TrplListingMode
  /** Obsidian's task marks `- [?]` (`task-marks`). */
  taskMarks?: boolean
  /** mdbook-toc's table of contents at its marker (`[preprocessor.toc]`; default not read). */
  toc?: TocOptions
  /** VitePress's `[[toc]]` (default not read). */
  vitepress?: boolean
  /** Docusaurus's admonitions, `:::note` and the rest (default not read). */
  docusaurus?: boolean
  /** Astro Starlight's components, `<Aside>`, `<Card>`, `<LinkCard>` and the rest (default not read). */
  starlight?: boolean
  /** MkDocs's admonitions, collapsible blocks and content tabs, as its `markdown_extensions` turn them on (default not read). */
  mkdocs?: MkdocsBlocks
  /** The Rust Reference's `r[rule.id]` markers (`[preprocessor.spec]`; default not read). */
  specRules?: boolean
  /** mdbook-svgbob's diagrams, ```` ```bob ```` (`[preprocessor.svgbob]`; default not read). */
  svgbob?: boolean
  /** Obsidian's inline footnotes `^[note]` (`inline-footnotes`). */
  inlineFootnotes?: boolean
  /** A markdown link to a note not at its relative path is found by name (`shortest-links`). */
  shortestLinks?: boolean
  /** Links leaving the source folder: to the repository's files, or a warning saying how to make them so (see repository-links.ts). */
  outsideLinks?: OutsideLinks
  /** GitBook's `{% … %}` blocks (`gitbook-blocks`). */
  gitbookBlocks?: boolean
  /** Wikilinks as a GitHub wiki writes them (`github-wiki`). */
  githubWiki?: boolean
  /** Zola's shortcodes (`zola`). */
  zola?: boolean
  /** kramdown's markdown (a Jekyll site), with just-the-docs' callouts. */
  kramdown?: boolean | { callouts?: Readonly<Record<string, KramdownCallout>> }
  /** MyST markdown (`myst`). */
  myst?: boolean
  /** docsify's markdown (`docsify`): helpers, link options, routes (default not read). */
  docsify?: DocsifyOptions
  /** Callouts' default titles in the wiki's language, by type (`calloutTitles` of its words; default the plugins' English ones). */
  calloutTitles?: CalloutTitles
}

/** Slots of `CompileTask.progress`. */
export const PHASE = 0
export const BLOCK = 1
/** Values of the `PHASE` slot. */
export const QUEUED = 0
export const COMPILING = 1
export const HIGHLIGHTING = 2

export interface CompileTask {
  input: NoteInput
  /** Blocks to leave plain because they overran the budget in an earlier try. */
  plainBlocks: number[]
  timeoutMs: number
  /** JSON of the highlighted `pre` trees of the note's previous version, by `CodeBlockInfo.key` (`NoteBody.blocks`). */
  blocks: string
  /** Mixed into the keys of this compile's blocks (`BlockReuse.salt`). */
  salt: string
  /** Two Int32 slots on a SharedArrayBuffer: phase, then the block being highlighted. */
  progress: Int32Array
}

/** What a worker returns for a note: its facts and its body, already serialised. */
export interface CompileResult {
  note: NoteFacts
  body: NoteBody
}
