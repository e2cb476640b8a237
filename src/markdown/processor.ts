/**
 * The one markdown pipeline: markdown text → a hast tree of the note's body,
 * with everything learnt on the way recorded on `file.data`.
 */
import type { Root as HastRoot } from 'hast'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import { rehypeGithubAlerts } from 'rehype-github-alerts'
import rehypeKatex from 'rehype-katex'
import rehypeSlug from 'rehype-slug'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified, type Processor } from 'unified'
import type { Root as MdastRoot } from 'mdast'
import type { CodeHighlighter } from './highlighter.ts'
import type { MathSyntax } from '../config.ts'
import type { KatexSettings } from '../config-katex.ts'
import type { AdmonishConfig } from '../config-admonish.ts'
import type { TopicDef } from '../content/topics-file.ts'
import rehypeAnchorNames from './rehype-anchor-names.ts'
import rehypeCode from './rehype-code.ts'
import rehypeInlineHilite from './rehype-inline-hilite.ts'
import remarkDocusaurusTabs from './remark-docusaurus-tabs.ts'
import rehypeStarlightComponents, { rehypeStarlightJsx } from './rehype-starlight-components.ts'
import remarkJsxParagraphs from './remark-jsx-paragraphs.ts'
import rehypeCodeSymbols from './rehype-code-symbols.ts'
import rehypeFinalSanitize from './rehype-final-sanitize.ts'
import rehypeFontAwesome from './rehype-font-awesome.ts'
import rehypeMkdocsIcons from './rehype-mkdocs-icons.ts'
import rehypeGuardAlerts from './rehype-guard-alerts.ts'
import rehypeHeadings, { takesAnchor } from './rehype-headings.ts'
import rehypeLinks from './rehype-links.ts'
import type { OutsideLinks } from '../repository-links.ts'
import rehypeMdbookAdmonish from './rehype-mdbook-admonish.ts'
import rehypeMdbookSlug from './rehype-mdbook-slug.ts'
import rehypeMermaid from './rehype-mermaid.ts'
import rehypeUnnestLinks from './rehype-unnest-links.ts'
import rehypeRawWhenNeeded from './rehype-raw-when-needed.ts'
import rehypeRenest from './rehype-renest.ts'
import rehypeSanitizeNote from './rehype-sanitize-note.ts'
import rehypeTopics from './rehype-topics.ts'
import remarkEmptyNote from './remark-empty-note.ts'
import remarkDuplicateDefinitions from './remark-duplicate-definitions.ts'
import remarkUndefinedReferences from './remark-undefined-references.ts'
import remarkEmptyLinks from './remark-empty-links.ts'
import remarkFrontmatterYaml from './remark-frontmatter-yaml.ts'
import remarkZolaShortcodes from './remark-zola-shortcodes.ts'
import remarkHeadingAttributes from './remark-heading-attributes.ts'
import remarkMdbookAdmonish from './remark-mdbook-admonish.ts'
import remarkMyst, { mystBody } from './remark-myst.ts'
import remarkDisplayMath from './remark-display-math.ts'
import remarkInlineFootnotes from './remark-inline-footnotes.ts'
import remarkMdbookMath from './remark-mdbook-math.ts'
import remarkSmartPunctuation from './remark-smart-punctuation.ts'
import { rehypeTocFill, remarkTocMarker, type TocOptions } from './mdbook-toc.ts'
import { rehypeVitepressTocFill, remarkVitepressToc } from './vitepress-toc.ts'
import remarkVitepressVue from './remark-vitepress-vue.ts'
import remarkSpecRules from './remark-spec-rules.ts'
import remarkTrplListing, { type TrplListingMode } from './remark-trpl-listing.ts'
import remarkBlockIds from './remark-block-ids.ts'
import remarkTaskMarks, { rehypeTaskMarks } from './remark-task-marks.ts'
import remarkComments from './remark-comments.ts'
import remarkWikilinks from './remark-wikilinks.ts'
import remarkGitbookBlocks from './remark-gitbook-blocks.ts'
import remarkMkdocsMacros from './remark-mkdocs-macros.ts'
import remarkDefList from './remark-def-list.ts'
import { defListHastHandlers } from 'mdast-util-definition-list'
import remarkPandocCitations from './remark-pandoc-citations.ts'
import remarkFenceAttributes from './remark-fence-attributes.ts'
import remarkMkdocsBlocks, { type MkdocsBlocks } from './remark-mkdocs-blocks.ts'
import remarkAbbr from './remark-abbr.ts'
import remarkAttrList from './remark-attr-list.ts'
import remarkKramdownIal, { type KramdownCallout } from './remark-kramdown-ial.ts'
import remarkMdInHtml from './remark-md-in-html.ts'
import remarkPymdownKeys from './remark-pymdown-keys.ts'
import remarkMdxEsm from './remark-mdx-esm.ts'
import remarkVitepressContainers from './remark-vitepress-containers.ts'
import remarkDocsify from './remark-docsify.ts'
import type { DocsifyOptions } from '../content/docsify.ts'
import remarkVitepressHome from './remark-vitepress-home.ts'
import rehypeObsidianCallouts from './rehype-obsidian-callouts.ts'
import { noteSchema } from './sanitize-schema.ts'
import remarkHighlights from './remark-highlights.ts'
import remarkGemoji from 'remark-gemoji'
import rehypeInlineTags from './rehype-inline-tags.ts'
import type { HeadingIds, InlineTags } from './task.ts'
import { alertBuild } from './alert-titles.ts'
import { onlyWhen } from './only-when.ts'
import type { CalloutTitles } from '../words/index.ts'
import './data.ts'

export interface ProcessorOptions {
  /** Render `$…$`, `$$…$$`, `\(…\)` and `\[…\]` with KaTeX. */
  math: boolean
  /**
   * `mathjax`: as an mdBook's MathJax reads math, `$$…$$` with markdown's
   * backslash escapes resolved (`\\\\` is `\\`) and no `$…$`; `katex` (default):
   * `$…$` and `$$…$$` as written.
   */
  mathSyntax?: MathSyntax
  /** KaTeX's macros and equation layout (default none). */
  katex?: KatexSettings
  /** Keep raw HTML and URLs as written: no sanitising at all. Only for wikis whose every author is trusted. */
  trusted: boolean
  /** Curly quotes, en/em dashes and ellipses, as mdBook's `smart-punctuation`. */
  smartPunctuation?: boolean
  /** Fence language → prefix that hides a code line, as mdBook's `[output.html.code.hidelines]` (default none). */
  hideLines?: Readonly<Record<string, string>>
  /** mdbook-admonish's `[preprocessor.admonish]` settings (default: its defaults). */
  admonish?: AdmonishConfig
  highlighter: CodeHighlighter
  /** Topics of the topics file, linked where prose mentions them (default: none). */
  topics?: readonly TopicDef[]
  /** Read the symbols code blocks define and use (default true). */
  symbols?: boolean
  /** Obsidian's `==text==` as `<mark>` (default false). */
  highlights?: boolean
  emoji?: boolean
  /** Obsidian's `#tags` in prose, linked or as text (default: not read). */
  inlineTags?: InlineTags
  /** Obsidian's block ids ` ^rule` (default false). */
  blockIds?: boolean
  /** Drop Obsidian's `%% comments %%` (default false). */
  comments?: boolean
  /** How headings get their ids: `github` (github-slugger, default) or `mdbook` (mdBook's `id_from_content`, for a book). */
  headingIds?: HeadingIds
  /** The Rust book's `<Listing>` blocks, as `[preprocessor.trpl-listing]` renders them in that `output-mode` (default: not read). */
  trplListing?: TrplListingMode
  /** mdbook-toc's table of contents at its marker, as `[preprocessor.toc]` writes it (default: not read). */
  toc?: TocOptions
  /** VitePress's markdown: `[[toc]]`, Vue's `<script setup>` blocks and `{{ $frontmatter.title }}` (default false). */
  vitepress?: boolean
  /** Docusaurus's admonitions: `:::note`, `:::tip[Title]` and the rest (default false: VitePress's containers only). */
  docusaurus?: boolean
  /** Astro Starlight's MDX components (`<Aside>`, `<Card>`, `<LinkCard>`, …) as the theme's markup (default false: raw HTML, sanitised). */
  starlight?: boolean
  /** MkDocs's markdown: admonitions (`!!! note`), collapsible ones (`??? tip`), content tabs (`=== "C"`), abbreviations, keys, each when its extension is on; `true` all of them (default: none). */
  mkdocs?: boolean | MkdocsBlocks
  /** The Rust Reference's `r[rule.id]` markers, as `[preprocessor.spec]` renders them (default: not read). */
  specRules?: boolean
  /** ```` ```bob ```` blocks are mdbook-svgbob's diagrams, as `[preprocessor.svgbob]` draws them (default: not read). */
  svgbob?: boolean
  /** Obsidian's inline footnotes `^[note]` (default false). */
  inlineFootnotes?: boolean
  /** Read Obsidian's task marks `- [?]` and mark task items with `data-task` (default false). */
  taskMarks?: boolean
  /** A markdown link to a note not at its relative path finds it by name, as Obsidian's links do (default false). */
  shortestLinks?: boolean
  /** Links leaving the source folder: to the repository's files, or a warning saying how to make them so (default: a warning). */
  outsideLinks?: OutsideLinks
  /** GitBook's `{% hint %}`, `{% tabs %}`, `{% code %}`, `{% embed %}`, `{% content-ref %}` and `{% file %}` blocks (default false). */
  gitbookBlocks?: boolean
  /** Wikilinks as a GitHub wiki writes them: `[[Shown text|Page-Name]]`, spaces as hyphens (default false). */
  githubWiki?: boolean
  /** Zola's shortcodes: body ones' tags dropped, escaped calls and raw markers as Zola renders them (default false). */
  zola?: boolean
  /** kramdown's markdown, as a Jekyll site writes it: block IALs (`{: .note }`), `{:toc}`, span IALs, `markdown="1"` in HTML (default false). */
  kramdown?: boolean | { callouts?: Readonly<Record<string, KramdownCallout>> }
  /** MyST markdown's directives and `{doc}` role (a Sphinx site using myst_parser). */
  myst?: boolean
  /** docsify's markdown: `?>`/`!>` helpers, link and image options, routes, heading `:id=` (default: not read). */
  docsify?: DocsifyOptions
  /** Callouts' default titles in the wiki's language, by type (default: the plugins' English ones). */
  calloutTitles?: CalloutTitles
}

/** Fence languages of the Rust Reference's mdbook-spec. */
const SPEC_LANGS = ['grammar']
/** mdbook-svgbob's fence language (its default `code_block`). */
const SVGBOB_LANGS = ['bob']

/** Fence languages the book's preprocessors draw (mdbook-spec's grammar, mdbook-svgbob's diagrams): shown as their source, without an unknown-language warning. */
function preprocessorLangs(options: ProcessorOptions): ReadonlySet<string> | undefined {
  const langs = [...(options.specRules ? SPEC_LANGS : []), ...(options.svgbob ? SVGBOB_LANGS : [])]
  return langs.length ? new Set(langs) : undefined
}

/** Material's code annotations: in every block with its `content.code.annotate`, else in `.annotate` ones, in an MkDocs site. */
function codeAnnotations(options: ProcessorOptions): 'all' | 'class' | undefined {
  if (!options.mkdocs) return undefined
  return options.mkdocs !== true && options.mkdocs.codeAnnotate ? 'all' : 'class'
}

export type NoteProcessor = Processor<MdastRoot, MdastRoot, HastRoot, undefined, undefined>

/** Create a fresh processor; reuse it for every note of a build. */
export function createProcessor(options: ProcessorOptions): NoteProcessor {
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkFrontmatterYaml)
    .use(remarkVitepressHome, { starlight: options.starlight })
    .use(remarkEmptyNote)
    .use(remarkGfm)
    .use(remarkDuplicateDefinitions)
    .use(remarkUndefinedReferences)
    .use(remarkEmptyLinks)
  // MDX's `import`/`export` lines are code for Docusaurus's React page, no text of it.
  // Its `<Tabs>`: the theme's tabs, the markdown between the tags read as the note's.
  // A Starlight doc's JSX that markdown misreads (`<Badge style={{ … }} />`, a tag's `>` on its own line, an `.mdx` doc's indented children).
  if (options.starlight) processor.use(remarkJsxParagraphs)
  if (options.docusaurus) processor.use(remarkMdxEsm).use(remarkDocusaurusTabs)
  // Before every plugin that reads blocks: an admonition's or a tab's body is the note's markdown to them.
  if (options.mkdocs) processor.use(remarkMkdocsBlocks, options.mkdocs === true ? {} : options.mkdocs)
  // kramdown's `markdown="1"` is Python-Markdown's md_in_html attribute.
  if ((options.mkdocs && (options.mkdocs === true || options.mkdocs.mdInHtml !== false)) || options.kramdown) processor.use(remarkMdInHtml)
  if (options.mkdocs && (options.mkdocs === true || options.mkdocs.defList !== false)) processor.use(remarkDefList)
  // Before the plugins that read blocks: a body shortcode's markdown is the note's to them.
  if (options.zola) processor.use(remarkZolaShortcodes)
  // Before every plugin that reads blocks: a hint's or a tab's body is the note's markdown to them.
  if (options.gitbookBlocks) processor.use(remarkGitbookBlocks, { titles: options.calloutTitles })
  // Before admonish: a MyST admonition becomes an admonish block.
  if (options.myst) processor.use(remarkMyst)
  processor
    // Before every plugin that reads markdown, so that an admonish block's body is the note's markdown to them.
    .use(remarkMdbookAdmonish, { settings: options.admonish, titles: options.calloutTitles, ...(options.myst && { body: mystBody }) })
  if (options.trplListing) processor.use(remarkTrplListing, { mode: options.trplListing })
  if (options.specRules) processor.use(remarkSpecRules)
  if (options.toc) processor.use(remarkTocMarker, options.toc)
  // Before wikilinks: `[[toc]]` is no link to a note.
  if (options.vitepress) processor.use(remarkVitepressToc).use(remarkVitepressVue)
  // Before wikilinks and the link collector: a route is a path of a file by then.
  if (options.docsify) processor.use(remarkDocsify, { docsify: options.docsify, titles: options.calloutTitles })
  if (options.kramdown) processor.use(remarkKramdownIal, options.kramdown === true ? {} : options.kramdown)
  processor
    .use(remarkHeadingAttributes)
    .use(remarkFenceAttributes)
    .use(remarkWikilinks, { headingIds: options.headingIds, githubWiki: options.githubWiki })
    .use(remarkVitepressContainers, { titles: options.calloutTitles, docusaurus: options.docusaurus, starlight: options.starlight })
  if (options.blockIds) processor.use(remarkBlockIds)
  // Extends the parser, wherever it is listed: no plugin, nor an admonish body parsed on its own, sees a comment.
  if (options.comments) processor.use(remarkComments)
  if (options.math) {
    const mathjax = options.mathSyntax === 'mathjax'
    processor.use(remarkMath, { singleDollarTextMath: !mathjax }).use(remarkDisplayMath).use(remarkMdbookMath, { escapes: mathjax })
  }
  if (options.inlineFootnotes) processor.use(remarkInlineFootnotes)
  if (options.taskMarks) processor.use(remarkTaskMarks)
  if (options.smartPunctuation) processor.use(remarkSmartPunctuation)
  if (options.highlights) processor.use(remarkHighlights)
  if (options.emoji) processor.use(remarkGemoji)
  if (options.mkdocs && options.mkdocs !== true && options.mkdocs.macros) processor.use(remarkMkdocsMacros)
  processor.use(remarkPandocCitations)
  if (options.mkdocs && (options.mkdocs === true || options.mkdocs.keys !== false)) processor.use(remarkPymdownKeys)
  // kramdown's span IALs (`[Button](url){: .btn }`) are Python-Markdown's attribute lists.
  if ((options.mkdocs && (options.mkdocs === true || options.mkdocs.attrList !== false)) || options.kramdown) processor.use(remarkAttrList)
  // pandoc's (Quarto's, markdown-it-attrs') `![x](x.png){#fig:x width=60%}` everywhere else.
  else processor.use(remarkAttrList, { images: true })
  // Last of the markdown plugins: a term is marked wherever the others left text.
  if (options.mkdocs && (options.mkdocs === true || options.mkdocs.abbr !== false)) processor.use(remarkAbbr)
  const rehype = processor.use(remarkRehype, { allowDangerousHtml: true, handlers: defListHastHandlers })
  // Starlight's JSX tags as HTML must read them (`<LinkCard />` closed, `<Aside>` no HTML `<aside>`), then as the theme's markup, before sanitising.
  if (options.starlight) rehype.use(rehypeStarlightJsx)
  rehype.use(rehypeRawWhenNeeded)
  if (options.starlight) rehype.use(rehypeStarlightComponents, { titles: options.calloutTitles })
  rehype.use(rehypeAnchorNames)
  // Pass 1: the author's HTML and URLs, before any plugin of ours adds markup (see sanitize-schema.ts);
  // a warning names what of the author's raw HTML it removed.
  if (!options.trusted) rehype.use(rehypeSanitizeNote, noteSchema).use(rehypeRenest)
  rehype
    .use(rehypeUnnestLinks)
    .use(rehypeFontAwesome)
  // Material's icon shortcodes come with its emoji index (`pymdownx.emoji`), so only where `:warning:` is read too.
  if (options.mkdocs && options.emoji) rehype.use(rehypeMkdocsIcons, { customIcons: options.mkdocs === true ? [] : (options.mkdocs.customIcons ?? []) })
  if (options.taskMarks) rehype.use(rehypeTaskMarks)
  rehype
    // GitHub's and mdBook 0.5's `> [!NOTE]` alerts; their icons are added after sanitising.
    .use(onlyWhen('[!', rehypeGuardAlerts))
    .use(onlyWhen('[!', rehypeGithubAlerts, { build: alertBuild(options.calloutTitles) }))
  rehype
    // Obsidian's callouts: custom titles, folds and types GitHub's bare `[!NOTE]` form does not have.
    .use(onlyWhen('[!', rehypeObsidianCallouts, { titles: options.calloutTitles }))
    // mdbook-admonish's blocks, in the callouts' frames, around bodies already rendered.
    .use(rehypeMdbookAdmonish)
    .use(options.headingIds === 'mdbook' ? rehypeMdbookSlug : rehypeSlug)
    .use(rehypeHeadings)
  // Once headings have their final ids; before the link collector, which checks its links.
  if (options.toc) rehype.use(rehypeTocFill, options.toc)
  if (options.vitepress) rehype.use(rehypeVitepressTocFill)
  rehype
    .use(rehypeLinks, { shortestLinks: options.shortestLinks, mdx: options.docusaurus, outside: options.outsideLinks, liquid: Boolean(options.kramdown) })
    // After the link collector too; before topics, whose mentions are never inside a tag.
    .use(rehypeInlineTags, { mode: options.inlineTags })
    // After the link collector, so topic links are not taken for the author's own links.
    .use(rehypeTopics, { topics: options.topics })
  if (options.math) {
    const { macros = {}, leqno = false, fleqn = false } = options.katex ?? {}
    const katex = { output: 'htmlAndMathml' as const, strict: false, leqno, fleqn, macros: { ...macros } }
    // KaTeX keeps a `\gdef` in the macros it is given: each note starts from the book's own, as each page does in a browser.
    rehype.use(() => () => void (katex.macros = { ...macros })).use(rehypeKatex, katex)
  }
  // Before highlighting, which makes an element of every token for it to walk through.
  rehype.use(rehypeAutolinkHeadings, {
    behavior: 'append',
    test: takesAnchor,
    properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
    content: { type: 'text', value: '#' },
  })
  // Before highlighting: a diagram's source is not code.
  rehype.use(onlyWhen('mermaid', rehypeMermaid))
  // mdbook-spec draws a ```` ```grammar ```` block as productions and railroad diagrams; its source is shown here.
  rehype.use(rehypeCode, { highlighter: options.highlighter, hideLines: options.hideLines, plainLangs: preprocessorLangs(options), magicComments: options.docusaurus, fileNameComments: options.starlight, annotations: codeAnnotations(options), annotationLabel: options.mkdocs && options.mkdocs !== true ? options.mkdocs.codeAnnotationLabel : undefined })
  if (options.symbols !== false) rehype.use(rehypeCodeSymbols, { highlighter: options.highlighter })
  if (options.mkdocs && (options.mkdocs === true || options.mkdocs.inlineHilite !== false)) rehype.use(rehypeInlineHilite, { highlighter: options.highlighter })
  // Pass 2, after the last plugin that adds markup: keep it last.
  if (!options.trusted) rehype.use(rehypeFinalSanitize)
  return rehype as unknown as NoteProcessor
}
