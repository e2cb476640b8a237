/**
 * Configuration: mdBook's `book.toml` read as mdBook reads it, plus our own
 * `[slugwiki]` table (or a `slugwiki.toml` beside the notes), validated by one
 * zod schema that gives both the type and the check.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseToml, TomlError } from 'smol-toml'
import { z } from 'zod'
import { codeThemeSchema } from './config-code-themes.ts'
import { findDocusaurusSite } from './config-docusaurus.ts'
import { findStarlightSite } from './config-starlight.ts'
import { isDocsify, readDocsifyShell } from './config-docsify.ts'
import { readJekyllSite, type JekyllSite } from './config-jekyll.ts'
import { findMkdocsSite, type MkdocsMarkdown, type MkdocsSettings } from './config-mkdocs.ts'
import { parseGitbookYaml, type GitbookRedirect, type YamlPlace } from './config-gitbook.ts'
import { parseBookJson, type BookJson } from './config-book-json.ts'
import { admonishConfig, admonishSchema, type AdmonishConfig } from './config-admonish.ts'
import { bookFolderInRepository, checkoutOf, remoteRepository, repositoryRoot } from './config-repository.ts'
import { branchOfEditTemplate, type RepositoryLinks } from './repository-links.ts'
import { textDirection, textDirectionSchema, type TextDirection } from './config-direction.ts'
import { WORD_KEYS, wordsFor, type Locale } from './words/index.ts'
import { katexSchema, katexSettings, type KatexSettings } from './config-katex.ts'
import type { TocOptions } from './markdown/mdbook-toc.ts'
import type { TrplListingMode } from './markdown/remark-trpl-listing.ts'
import type { HeadingIds } from './markdown/task.ts'
import { normalizeBase, toSourcePath, type SourcePath } from './paths.ts'
import type { Diagnostic } from './report.ts'
import { placeKey, placeOf, tomlPlaces, type TomlPath, type TomlPlace, type TomlPlaces } from './toml-places.ts'

/** Our own settings; unknown keys are errors that name them. */
export const slugwikiSchema = z.strictObject({
  /** Theme folder name under `themes/` (the book's own, then the built-in ones). */
  theme: z.string().min(1).default('default'),
  /** Render `$…$`/`$$…$$` and `\(…\)`/`\[…\]` with KaTeX. Defaults to book.toml's `mathjax-support`, and to `true` without book.toml. */
  math: z.boolean().optional(),
  /** Skip HTML sanitising. Only for wikis whose every author is trusted. */
  trusted: z.boolean().default(false),
  /** Topics file, relative to the source folder. */
  topics: z.string().default('topics.yml'),
  /** Build the search index and show the search box. Defaults to book.toml's `[output.html.search] enable`, else true. */
  search: z.boolean().optional(),
  /** Build the cross-note indexes: sections, tags, backlinks, topics, symbols, related notes. */
  indices: z.boolean().default(true),
  /** Preview a linked page of the wiki in a popover when the reader hovers or keyboard-focuses its link. */
  popovers: z.boolean().default(true),
  /** Largest note accepted, in bytes. */
  'max-note-bytes': z.number().int().positive().default(4 * 1024 * 1024),
  /** Time budget to parse and render one note, in milliseconds. */
  'note-timeout-ms': z.number().int().positive().default(20_000),
  /** Pages per part of the search index: an edit indexes again only the part holding its page. */
  'search-shard-pages': z.number().int().positive().default(256),
  /** Obsidian's `==highlight==` as `<mark>`. Defaults to true for a wiki without book.toml (mdBook does not read it). */
  highlights: z.boolean().optional(),
  /** GitHub's emoji shortcodes (`:warning:`) as emoji. Defaults to true for a wiki without book.toml but a Docusaurus site's (mdBook and MDX leave them as text). */
  emoji: z.boolean().optional(),
  /** Obsidian's inline `#tags` in prose. Defaults to true for a wiki without book.toml (mdBook does not read them). */
  'inline-tags': z.boolean().optional(),
  /** Obsidian's block ids (` ^rule` ending a paragraph). Defaults to true for a wiki without book.toml (mdBook does not read them). */
  'block-ids': z.boolean().optional(),
  /** Obsidian's `%% comments %%`, dropped from the note. Defaults to true for a wiki without book.toml (mdBook does not read them). */
  comments: z.boolean().optional(),
  /** Obsidian's task marks `- [?]`, `- [/]`, `- [-]` (any one character) as tasks with `data-task`. Defaults to true for a wiki without book.toml (mdBook does not read them). */
  'task-marks': z.boolean().optional(),
  /** Obsidian's inline footnotes `^[note]`. Defaults to true for a wiki without book.toml (mdBook does not read them). */
  'inline-footnotes': z.boolean().optional(),
  /** A markdown link to a note not at its relative path finds it by name, as Obsidian and Quartz do. Defaults to true for a wiki without book.toml. */
  'shortest-links': z.boolean().optional(),
  /** GitBook's `{% hint %}`, `{% tabs %}`, `{% code %}`, `{% embed %}`, `{% content-ref %}` and `{% file %}` blocks. Defaults to true for a wiki without book.toml (mdBook shows such a line as text). */
  'gitbook-blocks': z.boolean().optional(),
  /** A GitHub wiki: `_Sidebar.md` and `_Footer.md` are no pages, `Home.md` comes first, `[[Shown text|Page-Name]]`. Defaults to true for a folder without book.toml or SUMMARY.md holding `_Sidebar.md` or `_Footer.md`. */
  'github-wiki': z.boolean().optional(),
  /** A Zola site's content: its shortcodes read (body tags dropped, escaped calls unescaped). Defaults to true for a folder without book.toml whose own or parent folder holds Zola's `zola.toml`, or a `config.toml` setting `base_url`. */
  zola: z.boolean().optional(),
  /** MyST markdown (Sphinx's myst-parser): its directives and `{doc}` role read. Defaults to true for a wiki without book.toml whose own or parent folder holds a Sphinx `conf.py` naming `myst_parser` or `myst_nb`, a Jupyter Book's `_toc.yml` or mystmd's `myst.yml`. */
  myst: z.boolean().optional(),
  vitepress: z.boolean().optional(),
  /** A docsify site: `_sidebar.md` is the sidebar, `README.md` the home page, `?>`/`!>` callouts, `':include'` links. Defaults to true for a folder without book.toml or SUMMARY.md whose `index.html` holds `window.$docsify`, or that has `_sidebar.md` beside `README.md`. */
  docsify: z.boolean().optional(),
  /** Docusaurus's conventions (autogenerated sidebar order and labels, `:::note` admonitions). Defaults to true for a Docusaurus site's docs. */
  docusaurus: z.boolean().optional(),
  /** Astro Starlight's conventions (the frontmatter `sidebar`'s order, label and hidden, besides what a Docusaurus site's docs read). Defaults to true for a Starlight site's docs. */
  starlight: z.boolean().optional(),
  /**
   * The repository's web URL (`https://github.com/o/r`), as mdBook's `git-repository-url`, for a wiki without
   * another config naming it: the header's repository link, edit links, and links leaving the source folder to
   * the repository's other files.
   */
  repository: z.string().url().optional(),
  /** Which way the text reads, `ltr` or `rtl`. Defaults to book.toml's `[book] text-direction`, else its language's: the only way to set it without book.toml. */
  'text-direction': textDirectionSchema.optional(),
  /** Shiki themes for the light and dark schemes. */
  'light-theme': codeThemeSchema('light', 'github-light-default'),
  'dark-theme': codeThemeSchema('dark', 'github-dark-default'),
  /**
   * The site's absolute URL (`https://example.org/wiki/`), as Quartz's `baseUrl`; a URL without a scheme
   * (Quartz's `example.org/wiki`) is read as `https://`. A feed's links must be absolute, and mdBook's
   * `site-url` is only a path. Its path is the base path when neither `--base` nor `site-url` gives one.
   */
  url: z
    .string()
    .refine((value) => siteOrigin(value) !== undefined, { message: 'should be an absolute http(s) URL, e.g. `https://example.org/wiki/`' })
    .optional(),
  /** Write `index.xml`, an RSS 2.0 feed of the most recently dated notes. Default: true when the site's URL is known (`url`, or `cname`). */
  feed: z.boolean().optional(),
  /** How many notes the feed lists, the most recently dated first (Quartz's `rssLimit`). */
  'feed-items': z.number().int().positive().default(10),
  /** What a feed item carries: `summary` (the note's `description`, else its first paragraph) or `full` (its HTML too, as Quartz's `rssFullHtml`). */
  'feed-content': z.enum(['summary', 'full']).default('summary'),
  /** The theme's words the author sets in place of its language's (see src/words/en.ts for the keys); an unknown key is an error. */
  words: z.strictObject(Object.fromEntries(WORD_KEYS.map((key) => [key, z.string().optional()])) as Record<(typeof WORD_KEYS)[number], z.ZodOptional<z.ZodString>>).optional(),
})

/**
 * slugwiki.toml, a wiki's settings without book.toml: the `[slugwiki]` keys,
 * and what book.toml's `[book]` says of a book (its title, description,
 * authors and language: the page titles, `<html lang>`, the search index's
 * stemming and the text direction), which such a wiki has no other place for.
 */
const ownTomlSchema = slugwikiSchema.extend({
  /** The site's title (default: the folder's name). */
  title: z.string().optional(),
  description: z.string().optional(),
  authors: z.array(z.string()).optional(),
  /** BCP 47 language of the notes (default `en`). */
  language: z.string().min(1).optional(),
})

/** mdBook's tables: we read the keys we use and tolerate the rest, as real books carry many. */
const bookSchema = z
  .object({
    title: z.string().optional(),
    authors: z.array(z.string()).optional(),
    description: z.string().optional(),
    language: z.string().optional(),
    /** mdBook's `text-direction`: `ltr` or `rtl`; without it, the language's. */
    'text-direction': textDirectionSchema.optional(),
    src: z.string().optional(),
  })
  .loose()

const htmlSchema = z
  .object({
    'site-url': z.string().optional(),
    'git-repository-url': z.string().optional(),
    /** mdBook's Font Awesome name of the repository link's icon (`fa-github`, `fa-gitlab`; mdBook's default `fa-github`). */
    'git-repository-icon': z.string().optional(),
    'edit-url-template': z.string().optional(),
    'mathjax-support': z.boolean().optional(),
    /** Newer mdBook spelling of `mathjax-support`. */
    math: z.boolean().optional(),
    'additional-css': z.array(z.string()).optional(),
    'additional-js': z.array(z.string()).optional(),
    'smart-punctuation': z.boolean().optional(),
    /** Older mdBook spelling of `smart-punctuation`. */
    'curly-quotes': z.boolean().optional(),
    /** Old URL path → new URL, as mdBook's `[output.html.redirect]`. */
    redirect: z.record(z.string(), z.string()).optional(),
    /** mdBook's search settings; slugwiki honours `enable` and `limit-results`. */
    search: z.object({ enable: z.boolean().optional(), 'limit-results': z.number().int().positive().optional() }).loose().optional(),
    /** `[output.html.code.hidelines]`: fence language → prefix of its hidden lines. */
    code: z.object({ hidelines: z.record(z.string(), z.string()).optional() }).loose().optional(),
    /** mdBook's colour theme when the system prefers light (`light`, `rust`, `coal`, `navy`, `ayu`). */
    'default-theme': z.string().optional(),
    /** mdBook's colour theme when the system prefers dark (default `navy`). */
    'preferred-dark-theme': z.string().optional(),
    /** mdBook's theme folder, relative to the book root (default `theme`): its favicons are used, its templates are not. */
    theme: z.string().optional(),
    /** The note shown as the 404 page (default `404.md`); `""` writes no 404 page. */
    'input-404': z.string().optional(),
    /** The custom domain written to `CNAME` at the site's root, for GitHub Pages. */
    cname: z.string().optional(),
    /** mdBook's `no-section-label`: no chapter numbers (`1.`, `2.1.`) in the sidebar. */
    'no-section-label': z.boolean().optional(),
    /** `[output.html.fold]`: mdBook's sidebar folding (`enable`, and `level`, the depth whose chapters stay open). */
    fold: z.object({ enable: z.boolean().optional(), level: z.number().int().nonnegative().optional() }).loose().optional(),
    /** `[output.html.print]`: `enable = false` leaves out the print page and its link; `page-break = false` runs chapters on. */
    print: z.object({ enable: z.boolean().optional(), 'page-break': z.boolean().optional() }).loose().optional(),
  })
  .loose()

const bookTomlSchema = z
  .object({
    book: bookSchema.optional(),
    /** mdBook's `[build]`: slugwiki reads `extra-watch-dirs`, folders beside the book `npm run dev` watches too, `create-missing`, and `build-dir`. */
    build: z.object({ 'extra-watch-dirs': z.array(z.string()).optional(), 'create-missing': z.boolean().optional(), 'build-dir': z.string().optional() }).loose().optional(),
    output: z.object({ html: htmlSchema.optional() }).loose().optional(),
    /** mdBook's preprocessors: slugwiki runs none; it reads `admonish`'s settings, and `mermaid` (mdbook-mermaid's) to drop its scripts. */
    preprocessor: z.object({ admonish: admonishSchema.optional(), katex: katexSchema.optional() }).loose().optional(),
    slugwiki: slugwikiSchema.optional(),
  })
  .loose()

export interface CliOptions {
  src?: string
  out?: string
  base?: string
  theme?: string
  strict?: boolean
  quiet?: boolean
  drafts?: boolean
  /** Worker threads that compile notes (default: one per core, fewer for few notes). */
  threads?: number
  /** False to build without the persistent cache (`--no-cache`). */
  cache?: boolean
  /** Folder of the persistent cache (default: node_modules/.cache/slugwiki of this package). */
  cacheDir?: string
}

/** The resolved configuration of one build. */
export interface Config {
  /** Folder holding book.toml (or the source folder when there is none). */
  root: string
  /** Absolute source folder. */
  src: string
  /** Absolute output folder. */
  out: string
  /** Base path, always with leading and trailing `/`. */
  base: string
  title: string
  authors: string[]
  description?: string
  language: string
  /** The theme's words in `language` (`de-CH` → `de` → `en`), the author's `words` over them. */
  words: Locale
  /** Which way the book's text reads: mdBook's `text-direction`, else its language's (see `textDirection`). */
  textDirection: TextDirection
  repositoryUrl?: string
  /** What links leaving the source folder to the repository's other files need to know (see repository-links.ts). */
  repositoryLinks: RepositoryLinks
  /** Whose logo the repository link shows: `git-repository-icon`'s, else the repository URL's host's (see `repositoryHost`). */
  repositoryHost: RepositoryHost
  /** Stylesheets and scripts from `additional-css`/`additional-js`, relative to the book root. */
  additionalCss: string[]
  additionalJs: string[]
  /** Curly quotes, dashes and ellipses (`smart-punctuation`). */
  smartPunctuation: boolean
  /** `==text==` is highlighted (`highlights`). */
  highlights: boolean
  /** `:warning:` is an emoji (`emoji`). */
  emoji: boolean
  /** `#tag` in prose tags the note (`inline-tags`). */
  inlineTags: boolean
  /** ` ^rule` ending a block names it (`block-ids`). */
  blockIds: boolean
  /** `%% comments %%` are dropped (`comments`). */
  comments: boolean
  /** Heading ids as mdBook makes them (a book) or as GitHub does (a wiki). */
  headingIds: HeadingIds
  /** The Rust book's `<Listing>` blocks, read as its `[preprocessor.trpl-listing]` in that `output-mode` renders them (undefined: not read). */
  trplListing?: TrplListingMode
  /** `- [?]` is a task marked `?` (`task-marks`). */
  taskMarks: boolean
  /** mdbook-toc's table of contents at its marker, read as its `[preprocessor.toc]` writes it (undefined: not read); `[TOC]` outside an mdBook. */
  toc?: TocOptions
  /** The Rust Reference's `r[rule.id]` markers, read as its `[preprocessor.spec]` (mdbook-spec) renders them. */
  specRules?: boolean
  /** ```` ```bob ```` blocks are mdbook-svgbob's diagrams (`[preprocessor.svgbob]`): shown as their source, no unknown-language warning. */
  svgbob?: boolean
  /** `^[note]` is a footnote (`inline-footnotes`). */
  inlineFootnotes: boolean
  /** `[x](note.md)` not at its relative path is found by name (`shortest-links`). */
  shortestLinks: boolean
  /** GitBook's `{% … %}` blocks are read (`gitbook-blocks`). */
  gitbookBlocks: boolean
  /** The notes are a GitHub wiki (`github-wiki`). */
  githubWiki: boolean
  /** The notes are a Zola site's content (`zola`): its shortcodes are read. */
  zola: boolean
  /** The notes are Sphinx's MyST markdown (`myst`): its directives and `{doc}` role are read. */
  myst: boolean
  /**
   * docsify's conventions, read in a docsify site (see `isDocsify`, or
   * `docsify = true`): `_sidebar.md` is the sidebar (and `Config.summary`),
   * `_navbar.md`, `_coverpage.md` and `index.html` are no pages, README.md is
   * the home page, links resolve from the site's root, `?>`/`!>` are callouts.
   */
  docsify: boolean
  /** docsify's `relativePath: true` in its `index.html`: a note's links are read from its folder, not from the site's root. */
  docsifyRelativePath: boolean
  /** A Jekyll site's `_config.yml` beside the notes (no other site's config): its title, and what Jekyll leaves out of the site. */
  jekyll?: JekyllSite
  /** The notes are a GitBook repository (`.gitbook.yaml` or `.gitbook/` beside them, no book.toml): SUMMARY.md's `## Group` headings are part titles. */
  gitbook: boolean
  /** GitBook's `.gitbook.yaml`, when the notes are a GitBook repository that has one (see `GitbookSettings`). */
  gitbookYaml?: GitbookSettings
  /**
   * GitBook's legacy `book.json` beside the notes (no book.toml): a GitBook 3
   * book, whose README.md is the introduction even where SUMMARY.md leaves it out.
   */
  bookJson?: { file: string; diagnostics: Diagnostic[] }
  /** The table of contents, relative to the source folder: `SUMMARY.md`, or `.gitbook.yaml`'s `structure.summary`. */
  summary: SourcePath
  /** Old URL path → new URL (`[output.html.redirect]`). */
  redirects: Record<string, string>
  /** Fence language → prefix that hides a line of its code (`[output.html.code.hidelines]`); Rust's `#` needs none. */
  hideLines: Record<string, string>
  /** mdbook-admonish's settings (`[preprocessor.admonish]`). */
  admonish: AdmonishConfig
  /** mdBook's theme folder (`[output.html] theme`, default `theme/` beside book.toml), absolute, and whether book.toml names it. */
  mdbookTheme: { dir: string; named: boolean }
  /**
   * The colour scheme a reader who has not chosen one starts with, when the system
   * prefers light and when it prefers dark: mdBook's `default-theme` and
   * `preferred-dark-theme` (see `mdbookScheme`).
   */
  schemes: { light: Scheme; dark: Scheme }
  /** The custom domain written to `CNAME` (`[output.html] cname`), as GitHub Pages reads it. */
  cname?: string
  /**
   * The site's absolute URL with the base path (`https://example.org/wiki/`), from `url`, else `cname`
   * (as `https://`); undefined when neither gives a host.
   */
  siteUrl?: string
  /** The RSS feed (`index.xml`): written when `enabled` and `siteUrl` is known; `explicit` when the config says `feed = true`. */
  feed: { enabled: boolean; explicit: boolean; items: number; content: 'summary' | 'full' }
  /** Show numbered chapters' numbers (`1.`, `2.1.`) in the sidebar; mdBook's `no-section-label = true` hides them. */
  sectionLabels: boolean
  /**
   * Which sidebar chapters show their pages (mdBook's `[output.html.fold]`): the
   * current page's branch always; with `enable` false every chapter; else those
   * `level` or fewer deep (1 the top). Without the table, `enable = true, level = 0`:
   * only the branch, so a page's sidebar does not grow with the wiki.
   */
  sidebarFold: { enable: boolean; level: number }
  /** Build the print page and link to it (`[output.html.print] enable`). */
  print: boolean
  /** Start each chapter of the print page on a new sheet (`[output.html.print] page-break`). */
  printPageBreak: boolean
  /**
   * The 404 page (`[output.html] input-404`): the note shown on it, relative to the
   * source folder, and whether book.toml named it; undefined when `input-404 = ""`.
   */
  notFound?: { input: string; explicit: boolean }
  /** Folders the dev server watches besides the notes (`[build] extra-watch-dirs`, relative to the book root), absolute. */
  extraWatchDirs: string[]
  /** mdBook's `[build] create-missing` (default true): false makes a SUMMARY entry without a file an error, as mdBook stops on it. */
  createMissing: boolean
  /** Edit link template with `{path}` (the note's path from the book root). */
  editUrlTemplate?: string
  /**
   * The source folder's path in edit links (`src`, or `` when the same): from the book root, as mdBook's
   * `edit-url-template` takes it, or from the repository's root for a link derived from `git-repository-url`.
   */
  srcFromRoot: string
  /**
   * `{{#include}}` may read files under this folder: the git repository holding the
   * book (real mdBooks include listings kept beside `src/`), else the book folder.
   */
  includeRoot: string
  /**
   * VitePress's conventions, read in a VitePress site (a source folder with
   * `.vitepress/`, or `vitepress = true`): `public/` is published at the
   * site's root, and `<<<` snippets, `<!--@include:-->` and `[[toc]]` are
   * read. Elsewhere they are kept as written.
   */
  vitepress: boolean
  /**
   * Docusaurus's conventions, read in a Docusaurus site (`docusaurus.config.*`
   * beside the `docs/` folder of the notes, or `docusaurus = true`): the
   * autogenerated sidebar's order and labels, `:::note` admonitions.
   */
  docusaurus: boolean
  /**
   * Astro Starlight's conventions, read in a Starlight site (`astro.config.*`
   * using Starlight beside the `src/content/docs/` of the notes, or
   * `starlight = true`): its docs are read as a Docusaurus site's are (MDX,
   * `:::note` asides, `<Tabs>`), its sidebar from the frontmatter `sidebar`.
   */
  starlight: boolean
  /** The Docusaurus site's config file (never evaluated) and its warnings, when the notes are its docs. */
  docusaurusSite?: { file: string; diagnostics: Diagnostic[] }
  /**
   * A folder outside the notes whose files are published at the site's root,
   * as Docusaurus serves its `static/` (`static/img/a.png` is `/img/a.png`),
   * absolute; in a Docusaurus site whose conventions are read, when it has one.
   */
  staticDir?: string
  /**
   * MkDocs's conventions, read in an MkDocs site (`mkdocs.yml` beside the
   * notes' `docs_dir`): its `nav` or its own order, `exclude_docs`,
   * admonitions, content tabs and code block attributes.
   */
  mkdocs: boolean
  /** What the MkDocs site's `mkdocs.yml` says (its nav, patterns and warnings), when the notes are its `docs_dir`. */
  mkdocsSite?: MkdocsSettings
  /** The MkDocs markdown extensions its `markdown_extensions` turn on (admonitions, details, tabs, snippets), in an MkDocs site. */
  mkdocsMarkdown?: MkdocsMarkdown
  math: boolean
  /**
   * How math is written: `katex` (a wiki, or a book with mdbook-katex's
   * `[preprocessor.katex]`: `$…$` and `$$…$$` as written in the source) or
   * `mathjax` (a book with mdBook's `mathjax-support`: what MathJax reads in
   * the page, so `$$…$$` after markdown resolved its backslash escapes, and a
   * single `$` is a dollar).
   */
  mathSyntax: MathSyntax
  /** KaTeX's macros and equation layout (mdbook-katex's `[preprocessor.katex]`). */
  katex: KatexSettings
  /** Build the search index and show the search box. */
  search: boolean
  /** The most results the search box lists (`[output.html.search] limit-results`; undefined: the theme's own). */
  searchLimit?: number
  theme: string
  trusted: boolean
  topicsFile: string
  /** Build the cross-note indexes and their pages. */
  indices: boolean
  /** The theme previews linked pages in popovers (`popovers`). */
  popovers: boolean
  maxNoteBytes: number
  noteTimeoutMs: number
  /** Pages per part of the search index (`search-shard-pages`). */
  searchShardPages: number
  lightTheme: string
  darkTheme: string
  strict: boolean
  quiet: boolean
  drafts: boolean
  /** The config file read, if any (for diagnostics and watching). */
  configFile?: string
  /** Where the config file writes each key, by book.toml's paths (see `configPlace`). */
  configPlaces?: TomlPlaces
  /** Worker threads for the markdown stage; undefined chooses by core and note count. */
  threads?: number
  /** Absolute folder of the persistent cache, or undefined to build without one. */
  cacheDir?: string
}

/**
 * What a GitBook repository's `.gitbook.yaml` says beyond `root` (which is
 * `Config.src`) and `structure.summary` (which is `Config.summary`).
 */
export interface GitbookSettings {
  /** The file, absolute. */
  file: string
  /** `structure.readme`, relative to the source folder: the page the site opens on. */
  readme?: { source: SourcePath; place?: YamlPlace }
  /** Where `structure.summary` is written, when it is: a summary that is not there is reported there. */
  summaryPlace?: YamlPlace
  /** `redirects`: old URL paths of the site → notes, relative to the source folder as written. */
  redirects: GitbookRedirect[]
  /** Its warnings, reported with the build's (its errors stop `resolveConfig`). */
  diagnostics: Diagnostic[]
}

export class ConfigError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message)
  }
}

/**
 * mdBook's first book.toml format kept `title`, `author`, `description` and
 * `source` at the top level; mdBook still reads it, so do we.
 */
function legacyBookToml(raw: Record<string, unknown>): Record<string, unknown> {
  if (raw.book !== undefined || !('title' in raw || 'source' in raw || 'author' in raw)) return raw
  const { title, author, authors, description, source, ...rest } = raw
  const book: Record<string, unknown> = {}
  if (title !== undefined) book.title = title
  if (description !== undefined) book.description = description
  if (authors !== undefined) book.authors = authors
  else if (typeof author === 'string') book.authors = [author]
  if (source !== undefined) book.src = source
  return { ...rest, book }
}

/** Find book.toml for a `--src` folder: in it, or in its parent when that book's `src` is this folder. */
function findBookToml(srcArg: string): { file: string; root: string } | undefined {
  const inside = path.join(srcArg, 'book.toml')
  if (fs.existsSync(inside)) return { file: inside, root: srcArg }
  const parent = path.join(path.dirname(srcArg), 'book.toml')
  if (fs.existsSync(parent)) return { file: parent, root: path.dirname(srcArg) }
  return undefined
}

/** A TOML file's table and the places of its keys, those of slugwiki.toml under `root` `['slugwiki']`. */
function readToml(file: string, display: string, root: TomlPath = []): { raw: Record<string, unknown>; places: TomlPlaces } {
  const text = fs.readFileSync(file, 'utf8')
  try {
    return { raw: parseToml(text) as Record<string, unknown>, places: tomlPlaces(text, root) }
  } catch (error) {
    if (error instanceof TomlError) {
      throw new ConfigError({
        file: display,
        line: error.line,
        column: error.column,
        severity: 'error',
        message: `Invalid TOML: ${error.message.split('\n')[0]}`,
        rule: 'config',
      })
    }
    throw error
  }
}

/** The schema's first complaint, at the key it is about (an unknown key's, the first of them). */
function zodError(display: string, error: z.ZodError, places: TomlPlaces, prefix: TomlPath = []): ConfigError {
  const issue = error.issues[0]!
  const at = issue.path.filter((part) => typeof part !== 'symbol')
  const where = issue.path.join('.')
  const message =
    issue.code === 'unrecognized_keys'
      ? `Unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${where ? where + '.' : ''}${k}\``).join(', ')}`
      : `\`${where}\`: ${issue.message}`
  const place = placeOf(places, [...prefix, ...at, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])])
  return new ConfigError({ file: display, line: place?.line, column: place?.column, severity: 'error', message, rule: 'config' })
}

/**
 * Where the config file writes the key at `path`, given as book.toml's
 * (`['output', 'html', 'theme']`; slugwiki.toml's keys are `['slugwiki', …]`),
 * or the nearest table holding it: a diagnostic's line and column.
 */
export function configPlace(config: Pick<Config, 'configPlaces'>, path: TomlPath): TomlPlace | undefined {
  return placeOf(config.configPlaces, path)
}

/** The places of an old-format book.toml's top-level `title`, `author`… also under the `[book]` paths they are read as. */
function legacyPlaces(places: TomlPlaces): TomlPlaces {
  const aliases: Record<string, string> = { title: 'title', description: 'description', authors: 'authors', author: 'authors', source: 'src' }
  const all: Record<string, TomlPlace> = { ...places }
  for (const [old, key] of Object.entries(aliases)) {
    const place = places[placeKey([old])]
    if (place && !all[placeKey(['book', key])]) all[placeKey(['book', key])] = place
  }
  return all
}

/** `[preprocessor.katex]`'s settings; a macros file that cannot be read is an error naming book.toml, as mdbook-katex stops on it. */
function readKatexSettings(table: Parameters<typeof katexSettings>[0], root: string, display: string, places: TomlPlaces | undefined): KatexSettings {
  try {
    return katexSettings(table, root)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === undefined) throw error
    const place = placeOf(places, ['preprocessor', 'katex', 'macros'])
    throw new ConfigError({ file: display, line: place?.line, column: place?.column, severity: 'error', message: `\`[preprocessor.katex] macros\`: cannot read \`${table?.macros}\` (${code})`, rule: 'config' })
  }
}

/** GitBook 3's `book.json` in `dir`, if it has one (a file that cannot be read is an error, as book.toml's is). */
function readBookJson(dir: string, display: (p: string) => string): (BookJson & { file: string }) | undefined {
  const file = path.join(dir, 'book.json')
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return undefined
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new ConfigError({ file: display(file), severity: 'error', message: `Cannot read book.json (${(error as NodeJS.ErrnoException).code ?? String(error)})`, rule: 'book-json' })
  }
  return { file, ...parseBookJson(text, display(file)) }
}

/**
 * A GitBook repository's `.gitbook.yaml` in `dir`, if it has one: the source
 * folder its `root` names (`dir` without one), its summary and the rest. Broken
 * YAML, or a `root` that is no folder, is an error at its line and column, as
 * broken TOML is; other problems are warnings the build reports.
 */
function readGitbookYaml(dir: string, display: (p: string) => string): { src: string; summary?: SourcePath; settings: GitbookSettings } | undefined {
  const file = path.join(dir, '.gitbook.yaml')
  if (!fs.existsSync(file)) return undefined
  const shown = display(file)
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new ConfigError({ file: shown, severity: 'error', message: `Cannot read .gitbook.yaml (${(error as NodeJS.ErrnoException).code ?? String(error)})`, rule: 'gitbook-yaml' })
  }
  const parsed = parseGitbookYaml(text, shown)
  const error = parsed.diagnostics.find((d) => d.severity === 'error')
  if (error) throw new ConfigError(error)
  const diagnostics = [...parsed.diagnostics]
  let src = dir
  if (parsed.root) {
    src = path.resolve(dir, parsed.root.value)
    if (!fs.existsSync(src) || !fs.statSync(src).isDirectory()) {
      throw new ConfigError({ file: shown, ...parsed.root.place, severity: 'error', message: `\`root\`: the folder \`${parsed.root.value}\` does not exist (${display(src)})`, rule: 'gitbook-yaml' })
    }
  }
  // GitBook's paths are relative to `root`; one written from it (`/SUMMARY.md`) is read so too.
  const inside = (key: string, value: { value: string; place?: YamlPlace } | undefined): SourcePath | undefined => {
    if (!value) return undefined
    const source = toSourcePath(value.value.replace(/^\/+/, ''))
    if (!source) diagnostics.push({ file: shown, ...value.place, severity: 'warning', message: `\`${key}\`: \`${value.value}\` is not a path inside \`root\`; ignored`, rule: 'gitbook-yaml' })
    return source
  }
  const readme = inside('structure.readme', parsed.readme)
  const summary = inside('structure.summary', parsed.summary)
  return {
    src,
    summary,
    settings: {
      file,
      ...(readme && { readme: { source: readme, place: parsed.readme?.place } }),
      ...(summary && { summaryPlace: parsed.summary?.place }),
      redirects: parsed.redirects,
      diagnostics,
    },
  }
}

/**
 * The `.gitbook.yaml` of the folder above `dir` when its `root` is `dir`
 * (`--src docs` in a repository whose file says `root: ./docs/`), as a
 * book.toml above its `src` is read. One whose `root` is elsewhere, or that
 * cannot be read, is another project's: ignored.
 */
function parentGitbookYaml(dir: string, display: (p: string) => string): ReturnType<typeof readGitbookYaml> {
  const parent = path.dirname(dir)
  if (parent === dir || !fs.existsSync(path.join(parent, '.gitbook.yaml'))) return undefined
  try {
    const found = readGitbookYaml(parent, display)
    return found && path.resolve(found.src) === path.resolve(dir) ? found : undefined
  } catch {
    return undefined
  }
}

/** Resolve the configuration from CLI options and the files beside the notes. */
export function resolveConfig(options: CliOptions, cwd = process.cwd()): Config {
  const display = (p: string) => path.relative(cwd, p) || '.'
  const srcArg = path.resolve(cwd, options.src ?? 'content')
  if (!fs.existsSync(srcArg) || !fs.statSync(srcArg).isDirectory()) {
    throw new ConfigError({
      file: display(srcArg),
      severity: 'error',
      message: `Source folder not found: ${display(srcArg)}`,
      rule: 'config',
    })
  }

  let root = srcArg
  let src = srcArg
  let configFile: string | undefined
  let configPlaces: TomlPlaces | undefined
  let parsed: z.infer<typeof bookTomlSchema> = {}
  const book = findBookToml(srcArg)
  if (book) {
    const toml = readToml(book.file, display(book.file))
    const raw = legacyBookToml(toml.raw)
    configPlaces = raw === toml.raw ? toml.places : legacyPlaces(toml.places)
    const result = bookTomlSchema.safeParse(raw)
    if (!result.success) throw zodError(display(book.file), result.error, configPlaces)
    parsed = result.data
    configFile = book.file
    root = book.root
    const declared = parsed.book?.src
    if (book.root === srcArg) {
      // mdBook's default source folder is `src`; a book.toml beside the notes means `.`.
      const candidate = path.resolve(root, declared ?? 'src')
      src = declared !== undefined || fs.existsSync(candidate) ? candidate : srcArg
    } else if (path.resolve(root, declared ?? 'src') !== srcArg) {
      // The parent's book.toml belongs to another book layout: ignore it.
      parsed = {}
      configFile = undefined
      configPlaces = undefined
      root = srcArg
    }
  } else {
    const own = path.join(srcArg, 'slugwiki.toml')
    if (fs.existsSync(own)) {
      const { raw, places } = readToml(own, display(own), ['slugwiki'])
      const result = ownTomlSchema.safeParse(raw)
      if (!result.success) throw zodError(display(own), result.error, places, ['slugwiki'])
      const { title, description, authors, language, ...settings } = result.data
      parsed = { slugwiki: settings, book: { title, description, authors, language } }
      configFile = own
      configPlaces = places
    }
  }

  const sw = parsed.slugwiki ?? slugwikiSchema.parse({})
  const isBook = configFile !== undefined && path.basename(configFile) === 'book.toml'
  // A GitBook repository's `.gitbook.yaml` beside the notes: its `root` is the source folder, as book.toml's `src` is.
  const gitbookYaml = isBook ? undefined : (readGitbookYaml(srcArg, display) ?? parentGitbookYaml(srcArg, display))
  if (gitbookYaml) src = gitbookYaml.src
  // An MkDocs site's notes are its `docs_dir`, found from the project's folder or from the docs themselves.
  const mkdocsSite = isBook || gitbookYaml ? undefined : findMkdocsSite(srcArg, display)
  if (mkdocsSite) {
    const error = mkdocsSite.diagnostics.find((d) => d.severity === 'error')
    if (error) throw new ConfigError(error)
    if (!fs.existsSync(mkdocsSite.docs) || !fs.statSync(mkdocsSite.docs).isDirectory()) {
      const place = mkdocsSite.places[placeKey(['docs_dir'])]
      throw new ConfigError({ file: display(mkdocsSite.file), ...place, severity: 'error', message: `\`docs_dir\`: the folder \`${display(mkdocsSite.docs)}\` does not exist`, rule: 'mkdocs' })
    }
    src = mkdocsSite.docs
    root = mkdocsSite.root
    configFile ??= mkdocsSite.file
    configPlaces ??= mkdocsSite.places
  }
  // A Docusaurus site's docs are its `docs/` folder, found from the site's folder or from the docs themselves.
  // A Starlight site's docs are its `src/content/docs/`, read as a Docusaurus site's docs are (MDX docs under a config never run).
  const starlightSite = isBook || gitbookYaml || mkdocsSite ? undefined : findStarlightSite(srcArg, display)
  const docusaurusSite = isBook || gitbookYaml || mkdocsSite ? undefined : (starlightSite ?? findDocusaurusSite(srcArg, display))
  if (docusaurusSite) {
    src = docusaurusSite.docs
    root = docusaurusSite.root
  }
  // A Zola or Hugo site given by its own folder: its notes are its content folder, as book.toml's `src` is a book's.
  const siteFolder = isBook || gitbookYaml || mkdocsSite || docusaurusSite ? undefined : siteGeneratorConfig(srcArg)
  if (siteFolder && siteFolder.dir === srcArg && fs.existsSync(siteFolder.content) && fs.statSync(siteFolder.content).isDirectory()) {
    src = siteFolder.content
    root = srcArg
  }
  // GitBook 3's `book.json` beside the notes: the book's title and the rest, read as GitBook read it.
  const bookJson = isBook ? undefined : readBookJson(src, display)
  // A docsify site: its `index.html` shell and `_sidebar.md`, when nothing else claims the folder.
  const docsify = sw.docsify ?? (!isBook && !gitbookYaml && !mkdocsSite && !docusaurusSite && isDocsify(src))
  // What its `index.html` says of the site (its name, repository, how links read), searched for, never run.
  const docsifyShell = docsify ? readDocsifyShell(src) : undefined
  // A Jekyll site (GitHub Pages' own generator), when nothing else claims the folder.
  const jekyllSite = isBook || gitbookYaml || mkdocsSite || docusaurusSite || siteFolder || docsify ? undefined : readJekyllSite(src)
  // mdbook-katex renders `$…$` and `$$…$$` from the chapter's source, before markdown reads it.
  const katexBook = isBook && parsed.preprocessor?.katex !== undefined
  const html = parsed.output?.html ?? {}
  // mdBook's `[build] build-dir`, when the book names one (`docs` for GitHub Pages), relative to the book root, as mdBook
  // writes there; its default (`book`) is not taken, so a book without one publishes to `dist/` as any wiki does.
  const buildDir = isBook ? parsed.build?.['build-dir'] : undefined
  const out = options.out !== undefined ? path.resolve(cwd, options.out) : buildDir ? path.resolve(root, buildDir) : path.resolve(cwd, 'dist')
  const srcFromRoot = path.relative(root, src).split(path.sep).join('/')
  const siteUrlSetting = sw.url ?? mkdocsSite?.siteUrl
  const origin = siteUrlSetting === undefined ? undefined : siteOrigin(siteUrlSetting)
  const cname = html.cname?.trim() || undefined
  const base = normalizeBase(options.base ?? html['site-url'] ?? origin?.pathname ?? '/')
  const host = origin?.origin ?? (cname ? `https://${cname}` : undefined)
  const language = parsed.book?.language ?? mkdocsSite?.language ?? bookJson?.language
  // Neither an mdBook nor an MkDocs site: Obsidian's and GitBook's syntax is read by default.
  const plainWiki = !isBook && !mkdocsSite
  const generator = plainWiki ? siteGeneratorConfig(src) : undefined
  const zola = sw.zola ?? generator?.kind === 'zola'
  // Sphinx and Jupyter Book read no `{% %}`: a MyST page shows one as written.
  const myst = sw.myst ?? (plainWiki && isMystSphinx(src))
  // mdBook's `git-repository-url`, or ours for a wiki without book.toml.
  const gitRepositoryUrl = sw.repository ?? html['git-repository-url']
  const repositoryUrl = gitRepositoryUrl ?? mkdocsSite?.repoUrl ?? docsifyShell?.repo
  // Links leaving the source folder lead to the repository the config names, else to the one the checkout was cloned
  // from (GitHub shows a docs folder's `../src/x.c` so); the header and edit links keep to what the config names.
  const linkedRepository = repositoryUrl ?? remoteRepository(src)
  // The checkout whose files are the repository's, and the branch an edit link names (a default MkDocs gives is no choice).
  const checkout = checkoutOf(src, linkedRepository)
  const editTemplate = mkdocsSite ? (mkdocsSite.editUriNamed ? mkdocsSite.editUrlTemplate : undefined) : html['edit-url-template']
  // MkDocs's extra files are files of `docs_dir`; mdBook's additional ones are relative to the book root.
  const inDocs = (files: string[]) => files.map((file) => (srcFromRoot ? `${srcFromRoot}/${file.replace(/^\.?\//, '')}` : file))

  return {
    root,
    src,
    out,
    base,
    siteUrl: host && siteOrigin(`${host}${base}`)?.href,
    feed: { enabled: sw.feed ?? true, explicit: sw.feed === true, items: sw['feed-items'], content: sw['feed-content'] },
    title: parsed.book?.title ?? mkdocsSite?.siteName ?? bookJson?.title ?? docsifyShell?.name ?? generator?.title ?? starlightSite?.title ?? jekyllSite?.title ?? path.basename(root),
    authors: parsed.book?.authors ?? (mkdocsSite?.author ? [mkdocsSite.author] : bookJson?.author ? [bookJson.author] : []),
    description: parsed.book?.description ?? mkdocsSite?.description ?? bookJson?.description ?? jekyllSite?.description,
    language: language ?? 'en',
    words: wordsFor(language ?? 'en', sw.words),
    textDirection: sw['text-direction'] ?? parsed.book?.['text-direction'] ?? textDirection(language),
    repositoryUrl,
    repositoryHost: repositoryHost(html['git-repository-icon'], repositoryUrl),
    repositoryLinks: {
      web: linkedRepository?.replace(/\/+$/, '').replace(/\.git$/, ''),
      // A self-hosted GitLab or Gitea is known by the icon the book gives it; a generic icon says nothing of the URLs.
      host: repositoryHost(html['git-repository-icon'], linkedRepository) === 'other' ? repositoryHost(undefined, linkedRepository) : repositoryHost(html['git-repository-icon'], linkedRepository),
      checkout,
      top: repositoryRoot(src),
      // mdBook's `{path}` is from the book root, MkDocs's from `docs_dir`.
      ref: (checkout && branchOfEditTemplate(editTemplate, linkedRepository, path.relative(checkout, mkdocsSite ? src : root).split(path.sep).join('/'))) || 'HEAD',
      setting: mkdocsSite ? '`repo_url` in mkdocs.yml' : docsify ? "`repo: '…'` in index.html's `window.$docsify`" : isBook ? '`[output.html] git-repository-url` in book.toml' : '`repository` in slugwiki.toml',
    },
    // MkDocs's `edit_uri` is joined to `repo_url` and names the page by its path under `docs_dir`.
    editUrlTemplate: mkdocsSite ? mkdocsSite.editUrlTemplate : (html['edit-url-template'] ?? deriveEditTemplate(gitRepositoryUrl)),
    // mdBook's `{path}` is from the book root; a link slugwiki derives from the repository names the file from the repository's root.
    srcFromRoot: mkdocsSite ? '' : html['edit-url-template'] === undefined ? joinPath(bookFolderInRepository(root, gitRepositoryUrl), srcFromRoot) : srcFromRoot,
    extraWatchDirs: (parsed.build?.['extra-watch-dirs'] ?? []).map((dir) => path.resolve(root, dir)),
    createMissing: parsed.build?.['create-missing'] ?? true,
    includeRoot: repositoryRoot(root) ?? root,
    // Only a VitePress site: a vault's own `public/` folder of notes must stay notes.
    vitepress: sw.vitepress ?? (!isBook && fs.existsSync(path.join(src, '.vitepress'))),
    docusaurus: sw.docusaurus ?? sw.starlight ?? docusaurusSite !== undefined,
    starlight: sw.starlight ?? starlightSite !== undefined,
    docusaurusSite: docusaurusSite && { file: docusaurusSite.configFile, diagnostics: docusaurusSite.diagnostics },
    staticDir: (sw.docusaurus ?? true) ? docusaurusSite?.staticDir : undefined,
    mkdocs: mkdocsSite !== undefined,
    mkdocsSite,
    mkdocsMarkdown: mkdocsSite?.markdown,
    // Obsidian and Quartz typeset `$…$` in every vault; an mdBook only when its book.toml asks.
    math: sw.math ?? (isBook ? katexBook || (html['mathjax-support'] ?? html.math ?? false) : true),
    mathSyntax: isBook && !katexBook ? 'mathjax' : 'katex',
    katex: readKatexSettings(parsed.preprocessor?.katex, root, display(configFile ?? root), configPlaces),
    additionalCss: html['additional-css'] ?? inDocs(mkdocsSite?.extraCss ?? []),
    additionalJs: withoutMdbookMermaid(html['additional-js'] ?? inDocs(mkdocsSite?.extraJs ?? []), parsed.preprocessor),
    smartPunctuation: html['smart-punctuation'] ?? html['curly-quotes'] ?? false,
    // Obsidian's syntax changes what an mdBook's text means (`a==b`, `#define` in prose): only for a book that asks.
    // An MkDocs site reads `==mark==` when it lists pymdownx.mark, and none of Obsidian's other syntax.
    highlights: sw.highlights ?? (mkdocsSite ? mkdocsSite.markdown.mark : !isBook),
    // GitHub, VitePress and docsify show `:warning:` as an emoji; mdBook and Docusaurus's MDX as text, MkDocs with pymdownx.emoji.
    emoji: sw.emoji ?? (mkdocsSite ? mkdocsSite.markdown.emoji : !isBook && !docusaurusSite),
    inlineTags: sw['inline-tags'] ?? plainWiki,
    blockIds: sw['block-ids'] ?? plainWiki,
    comments: sw.comments ?? plainWiki,
    // A book's links (and links into it) name the ids mdBook gave its headings.
    headingIds: isBook ? 'mdbook' : 'github',
    trplListing: isBook ? trplListingMode(parsed.preprocessor?.['trpl-listing']) : undefined,
    specRules: isBook && parsed.preprocessor?.spec !== undefined,
    svgbob: isBook && parsed.preprocessor?.svgbob !== undefined,
    // Outside an mdBook, `[TOC]` alone in a paragraph is the table of contents, as Python-Markdown's toc (always on in
    // MkDocs) and the MLIR docs' site make it; an mdBook shows it as text, and reads a marker only with mdbook-toc.
    toc: isBook ? tocOptions(parsed.preprocessor?.toc) : { marker: '[TOC]' },
    inlineFootnotes: sw['inline-footnotes'] ?? plainWiki,
    taskMarks: sw['task-marks'] ?? plainWiki,
    shortestLinks: sw['shortest-links'] ?? plainWiki,
    // A Zola site's `{% quote(…) %}` is its shortcode, no GitBook block.
    // A Jekyll site's `{% … %}` is Liquid, read before markdown (content/jekyll-liquid.ts), no GitBook block.
    gitbookBlocks: sw['gitbook-blocks'] ?? (plainWiki && !zola && !jekyllSite && !myst),
    zola,
    myst,
    // docsify's `_sidebar.md` is no GitHub wiki's `_Sidebar.md` (a file system that ignores case finds one for the other).
    githubWiki: sw['github-wiki'] ?? (!isBook && !docsify && isGithubWiki(src)),
    docsify,
    docsifyRelativePath: docsifyShell?.relativePath ?? false,
    jekyll: jekyllSite,
    gitbook: !isBook && (gitbookYaml !== undefined || bookJson !== undefined || fs.existsSync(path.join(src, '.gitbook'))),
    gitbookYaml: gitbookYaml?.settings,
    bookJson: bookJson && { file: bookJson.file, diagnostics: bookJson.diagnostics },
    summary: gitbookYaml?.summary ?? (toSourcePath(mkdocsSite?.literateNav ?? '') || ((docsify ? '_sidebar.md' : 'SUMMARY.md') as SourcePath)),
    redirects: html.redirect ?? {},
    hideLines: html.code?.hidelines ?? {},
    admonish: admonishConfig(parsed.preprocessor?.admonish),
    mdbookTheme: { dir: path.resolve(root, html.theme ?? 'theme'), named: html.theme !== undefined },
    schemes: { light: mdbookScheme(html['default-theme'], 'light'), dark: mdbookScheme(html['preferred-dark-theme'], 'dark') },
    // MkDocs and docsify number no pages.
    sectionLabels: !(html['no-section-label'] ?? false) && !mkdocsSite && !docsify,
    cname,
    // A table without `enable` is mdBook's default, unfolded; no table keeps our bounded sidebar.
    sidebarFold: html.fold === undefined ? { enable: true, level: 0 } : { enable: html.fold.enable ?? false, level: html.fold.level ?? 0 },
    print: html.print?.enable ?? true,
    printPageBreak: html.print?.['page-break'] ?? true,
    notFound: html['input-404'] === '' ? undefined : { input: html['input-404'] ?? '404.md', explicit: html['input-404'] !== undefined },
    search: sw.search ?? html.search?.enable ?? true,
    searchLimit: html.search?.['limit-results'],
    theme: options.theme ?? sw.theme,
    trusted: sw.trusted,
    topicsFile: sw.topics,
    indices: sw.indices,
    popovers: sw.popovers,
    maxNoteBytes: sw['max-note-bytes'],
    noteTimeoutMs: sw['note-timeout-ms'],
    searchShardPages: sw['search-shard-pages'],
    lightTheme: sw['light-theme'],
    darkTheme: sw['dark-theme'],
    strict: options.strict ?? false,
    quiet: options.quiet ?? false,
    drafts: options.drafts ?? false,
    configFile,
    configPlaces,
    threads: options.threads,
    cacheDir: options.cache === false ? undefined : path.resolve(cwd, options.cacheDir ?? path.join(packageRoot(), 'node_modules', '.cache', 'slugwiki')),
  }
}

export type Scheme = 'light' | 'dark'

/**
 * `url` as an absolute http(s) URL without query or fragment, its path ending in `/`; one without a
 * scheme (Quartz's `baseUrl`, `example.org/wiki`) is read as `https://`. Undefined for anything else.
 */
export function siteOrigin(value: string): URL | undefined {
  const trimmed = value.trim()
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`)
  } catch {
    return undefined
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname || url.search || url.hash || url.username || url.password) return undefined
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url
}

/** mdbook-toc's `marker` and `max-level` from its `[preprocessor.toc]` table, or undefined without one. */
function tocOptions(table: unknown): TocOptions | undefined {
  if (table === undefined) return undefined
  const t = (table ?? {}) as Record<string, unknown>
  return {
    ...(typeof t.marker === 'string' && t.marker.trim() !== '' && { marker: t.marker }),
    ...(typeof t['max-level'] === 'number' && { maxLevel: t['max-level'] }),
  }
}

/** mdbook-trpl-listing's mode from its `[preprocessor.trpl-listing]` table (`output-mode`, default `default`), or undefined without one. */
function trplListingMode(table: unknown): TrplListingMode | undefined {
  if (table === undefined) return undefined
  const mode = (table as Record<string, unknown> | null)?.['output-mode']
  return mode === 'simple' ? 'simple' : 'default'
}

/** `Config.mathSyntax`. */
export type MathSyntax = 'katex' | 'mathjax'

/**
 * The scheme of one of mdBook's colour themes: `light` and `rust` are light,
 * `coal`, `navy` and `ayu` dark. A theme of the book's own CSS (mdBook lets
 * a book add one) has no scheme we can know: `fallback`, the system's.
 */
export function mdbookScheme(name: string | undefined, fallback: Scheme): Scheme {
  const lower = name?.toLowerCase()
  if (lower === 'light' || lower === 'rust') return 'light'
  if (lower === 'coal' || lower === 'navy' || lower === 'ayu') return 'dark'
  return fallback
}

/** The scripts `mdbook-mermaid install` copies beside book.toml and adds to `additional-js`. */
const MDBOOK_MERMAID_SCRIPTS = new Set(['mermaid.min.js', 'mermaid-init.js'])

/**
 * A book's `additional-js` without mdbook-mermaid's scripts, when book.toml
 * has its `[preprocessor.mermaid]`: slugwiki draws the diagrams with its own
 * mermaid, and theirs would load a second copy on every page and draw the
 * same diagrams again (`mermaid-init.js` starts mermaid on load and looks for
 * mdBook's theme buttons), so such a book builds unchanged.
 */
function withoutMdbookMermaid(scripts: string[], preprocessors: Record<string, unknown> | undefined): string[] {
  if (preprocessors?.mermaid === undefined) return scripts
  return scripts.filter((file) => !MDBOOK_MERMAID_SCRIPTS.has(path.posix.basename(file.replaceAll('\\', '/'))))
}

/**
 * This package's root: the nearest folder above the running module holding
 * package.json, from `src/` (the TypeScript sources) as from the launcher's
 * bundle (`node_modules/.cache/slugwiki/bin/<hash>/`, see scripts/slugwiki.mjs).
 */
export function packageRoot(): string {
  // Set by the launcher (scripts/slugwiki.mjs), whose bundle may sit behind a symbolic link.
  const told = process.env.SLUGWIKI_PACKAGE_ROOT
  if (told && fs.existsSync(path.join(told, 'package.json'))) return told
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(import.meta.url)}`)
    dir = parent
  }
  return dir
}

/** A repository host the theme may show the logo of. */
export type RepositoryHost = 'github' | 'gitlab' | 'codeberg' | 'bitbucket' | 'gitea' | 'other'

/**
 * Whose logo the repository link shows: the one mdBook's `git-repository-icon`
 * names (mdBook 0.4's Font Awesome 4 `fa-github`, `fa-gitlab`, `fa-bitbucket`,
 * `fa-github-alt`; mdBook 0.5's `fab-github`, Font Awesome 6's
 * `fa-brands fa-gitlab`), else the URL's host's. mdBook's default icon is
 * GitHub's whatever the host; a repository elsewhere without the key gets its
 * own host's here.
 */
export function repositoryHost(icon: string | undefined, url: string | undefined): RepositoryHost {
  const named = icon?.toLowerCase().match(/(?:^|\s)fab?-(github|gitlab|codeberg|bitbucket|gitea)(?![a-z])/)?.[1] as RepositoryHost | undefined
  if (named) return named
  // An icon that is none of theirs (`fa-code-fork`, `fa-git`) is a generic repository's.
  if (icon !== undefined) return 'other'
  let host: string
  try {
    host = new URL(url ?? '').hostname.toLowerCase()
  } catch {
    return 'other'
  }
  if (host === 'github.com' || host.endsWith('.github.com')) return 'github'
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return 'gitlab'
  if (host === 'codeberg.org') return 'codeberg'
  if (host === 'bitbucket.org') return 'bitbucket'
  if (host === 'gitea.com' || host.startsWith('gitea.')) return 'gitea'
  return 'other'
}

/** GitHub, GitLab and Codeberg share the `/edit/<branch>/<path>` shape; others need `edit-url-template`. */
function deriveEditTemplate(repository: string | undefined): string | undefined {
  if (!repository) return undefined
  let url: URL
  try {
    url = new URL(repository)
  } catch {
    return undefined
  }
  if (!/^(github\.com|gitlab\.com|codeberg\.org)$/.test(url.hostname)) return undefined
  const repo = repository.replace(/\/+$/, '').replace(/\.git$/, '')
  const edit = url.hostname === 'gitlab.com' ? '/-/edit/HEAD/' : url.hostname === 'codeberg.org' ? '/_edit/HEAD/' : '/edit/HEAD/'
  return `${repo}${edit}{path}`
}

/** Two `/` paths joined, either possibly empty. */
function joinPath(a: string, b: string): string {
  return [a, b].filter(Boolean).join('/')
}

/** The edit link of a note, or undefined. mdBook's `{path}` is relative to the book root. */
export function editUrl(config: Config, source: string): string | undefined {
  if (!config.editUrlTemplate) return undefined
  const full = config.srcFromRoot ? `${config.srcFromRoot}/${source}` : source
  return config.editUrlTemplate.replace('{path}', full.split('/').map(encodeURIComponent).join('/'))
}

/** Whether the wiki is an mdBook (read from its book.toml), whose chapters are written for mdBook alone. */
export function isMdBook(config: Pick<Config, 'configFile'>): boolean {
  return config.configFile !== undefined && path.basename(config.configFile) === 'book.toml'
}

/** What a Zola or Hugo site's own config file says: which it is, and the site's title. */
interface SiteGeneratorConfig {
  kind: 'zola' | 'hugo'
  title?: string
  /** The folder holding the config file: the site's. */
  dir: string
  /** The site's content folder: Zola's `content`, Hugo's `contentDir` (default `content`). */
  content: string
}

/**
 * Whether the notes are MyST markdown: a Sphinx `conf.py` in the folder or one up names myst-parser's or
 * MyST-NB's extension, or the folder is a Jupyter Book (`_toc.yml`) or a mystmd project (`myst.yml`).
 */
function isMystSphinx(src: string): boolean {
  for (const dir of [src, path.dirname(src)]) {
    if (fs.existsSync(path.join(dir, '_toc.yml')) || fs.existsSync(path.join(dir, 'myst.yml'))) return true
    let text: string
    try {
      text = fs.readFileSync(path.join(dir, 'conf.py'), 'utf8')
    } catch {
      continue
    }
    // Python is no config format a library reads: the extension's module name, quoted, is what Sphinx loads.
    return /["'](?:myst_parser|myst_nb)["']/.test(text)
  }
  return false
}

/**
 * A Zola or Hugo site's config beside its content folder (or in the folder
 * given): Zola's `zola.toml` (0.19's name) or a `config.toml` setting
 * `base_url`; Hugo's `hugo.toml` or a `config.toml` setting `baseURL` (any
 * case), in the folder or the one above it. A file that does not parse is
 * none: the site generator reports it, not slugwiki.
 */
function siteGeneratorConfig(src: string): SiteGeneratorConfig | undefined {
  for (const dir of [src, path.dirname(src)]) {
    for (const name of ['zola.toml', 'hugo.toml', 'config.toml']) {
      let table: Record<string, unknown>
      try {
        table = parseToml(fs.readFileSync(path.join(dir, name), 'utf8'))
      } catch {
        continue
      }
      const title = typeof table.title === 'string' && table.title.trim() ? table.title.trim() : undefined
      const keys = Object.keys(table)
      if (name === 'zola.toml' || keys.includes('base_url')) return { kind: 'zola', title, dir, content: path.join(dir, 'content') }
      const contentDir = Object.entries(table).find(([k]) => k.toLowerCase() === 'contentdir')?.[1]
      const content = path.resolve(dir, typeof contentDir === 'string' && contentDir.trim() ? contentDir : 'content')
      if (name === 'hugo.toml' || keys.some((k) => k.toLowerCase() === 'baseurl')) return { kind: 'hugo', title, dir, content }
    }
  }
  return undefined
}

/**
 * A GitHub wiki's folder: its sidebar or footer page, and no SUMMARY.md. A
 * `Home.md` alone says nothing: vaults kept in git without `.obsidian/`
 * often start at one, and reading their `[[Note|text]]` links the other way
 * round would break every one (`github-wiki = true` says so for a wiki
 * without either page).
 */
function isGithubWiki(src: string): boolean {
  const has = (name: string) => fs.existsSync(path.join(src, name))
  if (has('SUMMARY.md')) return false
  return has('_Sidebar.md') || has('_Footer.md')
}
