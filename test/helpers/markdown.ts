/** Shared set-up for tests that run the markdown pipeline. */
import type { DocsifyOptions } from '../../src/content/docsify.ts'
import { toHtml } from 'hast-util-to-html'
import type { MathSyntax } from '../../src/config.ts'
import type { KatexSettings } from '../../src/config-katex.ts'
import { admonishConfig, admonishSchema } from '../../src/config-admonish.ts'
import { compileNote, type CompiledTree } from '../../src/markdown/compile.ts'
import { createCodeHighlighter, type CodeHighlighter } from '../../src/markdown/highlighter.ts'
import { createProcessor } from '../../src/markdown/processor.ts'
import type { TopicDef } from '../../src/content/topics-file.ts'
import type { SourcePath } from '../../src/paths.ts'
import type { HeadingIds, InlineTags } from '../../src/markdown/task.ts'
import type { TocOptions } from '../../src/markdown/mdbook-toc.ts'
import type { TrplListingMode } from '../../src/markdown/remark-trpl-listing.ts'
import type { MkdocsBlocks } from '../../src/markdown/remark-mkdocs-blocks.ts'

let shared: Promise<CodeHighlighter> | undefined

/** One highlighter per test file: creating it loads themes. */
export function highlighter(): Promise<CodeHighlighter> {
  shared ??= createCodeHighlighter({ lightTheme: 'github-light-default', darkTheme: 'github-dark-default' })
  return shared
}

export interface RenderOptions {
  math?: boolean
  /** Markdown's backslash escapes resolved in `$…$` and `$$…$$`, as in an mdBook. */
  mathSyntax?: MathSyntax
  /** KaTeX's macros and equation layout. */
  katex?: KatexSettings
  trusted?: boolean
  /** mdBook's `smart-punctuation`. */
  smartPunctuation?: boolean
  /** mdBook's `[output.html.code.hidelines]`. */
  hideLines?: Record<string, string>
  /** mdbook-admonish's `[preprocessor.admonish]` table, as book.toml writes it. */
  admonish?: Record<string, unknown>
  source?: string
  /** Topics whose mentions become links (default: none). */
  topics?: TopicDef[]
  /** Obsidian's `==highlights==`. */
  highlights?: boolean
  /** GitHub's `:emoji:` shortcodes. */
  emoji?: boolean
  /** Obsidian's inline `#tags`. */
  inlineTags?: InlineTags
  /** Obsidian's block ids. */
  blockIds?: boolean
  /** Obsidian's `%% comments %%`. */
  comments?: boolean
  /** Heading ids as mdBook makes them (`mdbook`, a book) or GitHub (default). */
  headingIds?: HeadingIds
  /** The Rust book's `<Listing>` blocks (`[preprocessor.trpl-listing]`'s `output-mode`). */
  trplListing?: TrplListingMode
  /** The Rust Reference's `r[rule.id]` markers (`[preprocessor.spec]`). */
  specRules?: boolean
  /** mdbook-svgbob's ```` ```bob ```` diagrams (`[preprocessor.svgbob]`). */
  svgbob?: boolean
  /** mdbook-toc's table of contents (`[preprocessor.toc]`). */
  toc?: TocOptions
  /** VitePress's `[[toc]]`. */
  vitepress?: boolean
  /** Docusaurus's admonitions. */
  docusaurus?: boolean
  starlight?: boolean
  /** MkDocs's admonitions, content tabs and code attributes. */
  mkdocs?: boolean | MkdocsBlocks
  /** Obsidian's inline footnotes `^[note]`. */
  inlineFootnotes?: boolean
  taskMarks?: boolean
  /** Markdown links to notes found by name when not at their relative path. */
  shortestLinks?: boolean
  gitbookBlocks?: boolean
  githubWiki?: boolean
  /** Zola's shortcodes. */
  zola?: boolean
  kramdown?: boolean | { callouts?: Record<string, { title?: string; color?: string }> }
  myst?: boolean
  docsify?: DocsifyOptions
}

/** Compile markdown as a note and return the note and its body HTML. */
export async function render(markdown: string, options: RenderOptions = {}): Promise<{ note: CompiledTree; html: string }> {
  const processor = createProcessor({ math: options.math ?? false, mathSyntax: options.mathSyntax, katex: options.katex, trusted: options.trusted ?? false, smartPunctuation: options.smartPunctuation, hideLines: options.hideLines, admonish: options.admonish && admonishConfig(admonishSchema.parse(options.admonish)), highlighter: await highlighter(), topics: options.topics, highlights: options.highlights, emoji: options.emoji, inlineTags: options.inlineTags, blockIds: options.blockIds, comments: options.comments, headingIds: options.headingIds, trplListing: options.trplListing, inlineFootnotes: options.inlineFootnotes, taskMarks: options.taskMarks, shortestLinks: options.shortestLinks, gitbookBlocks: options.gitbookBlocks, githubWiki: options.githubWiki, zola: options.zola, kramdown: options.kramdown, myst: options.myst, docsify: options.docsify, specRules: options.specRules, svgbob: options.svgbob, toc: options.toc, vitepress: options.vitepress, docusaurus: options.docusaurus, starlight: options.starlight, mkdocs: options.mkdocs })
  const source = (options.source ?? 'note.md') as SourcePath
  const note = await compileNote(processor, { source, text: markdown, segments: [] }, (s) => s)
  return { note, html: toHtml(note.tree) }
}
