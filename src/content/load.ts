/**
 * Load stage: find the notes, read them as UTF-8 and expand mdBook's
 * `{{#include}}` links. Produces the inputs of the markdown stage.
 */
import { replaceMacroVariables } from './mkdocs-macros.ts'
import fs from 'node:fs'
import path from 'node:path'
import { isMdBook, type Config } from '../config.ts'
import type { NoteInput } from '../markdown/compile.ts'
import { toSourcePath, type SourcePath } from '../paths.ts'
import type { Diagnostic, Diagnostics } from '../report.ts'
import { consumedAnsiEscapes } from './ansi-blocks.ts'
import { CATEGORY_FILES } from './docusaurus-category.ts'
import { discover, type SourceListing } from './discover.ts'
import { replaceHugoRefs } from './hugo-refs.ts'
import { readHugoShortcodes } from './hugo-shortcodes.ts'
import { readJekyllLiquid } from './jekyll-liquid.ts'
import { expandIncludes, type Unreadable } from './include.ts'
import { findUnprintable, showUnprintable } from '../unprintable.ts'
import { DecodeError, readText } from './read.ts'
import { parseTopicsFile, type TopicDef } from './topics-file.ts'

export interface LoadedSources {
  listing: SourceListing
  inputs: NoteInput[]
  /** Files of the source folder each note's includes read, for cache keys and the dev watcher. */
  dependencies: Map<SourcePath, SourcePath[]>
  /** Notes that other notes include: fragments, not pages, unless SUMMARY lists them. */
  included: Set<SourcePath>
  /** The topics file's topics (none when the file is missing or indexes are off). */
  topics: TopicDef[]
}

export interface LoadOptions {
  config: Config
  diagnostics: Diagnostics
  /** Absolute path → path shown in diagnostics. */
  display: (absolute: string) => string
}

/**
 * The wiki's own theme folders (`themes/<name>/index.ts` beside book.toml, or
 * beside the notes when there is none): code, never published as assets.
 */
function wikiThemeFolders(root: string): string[] {
  const dir = path.join(root, 'themes')
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return []
  }
  return names.map((name) => path.join(dir, name)).filter((folder) => fs.existsSync(path.join(folder, 'index.ts')))
}

/**
 * docsify's parts of every page, in any folder (it loads the nearest one up
 * from the page's): the sidebar, the navbar and the cover page, no pages.
 */
const DOCSIFY_PARTS = ['_sidebar.md', '_navbar.md', '_coverpage.md']

/** Find the notes and assets of the source folder, leaving out the output folder and the wiki's themes. */
export function discoverSources({ config, diagnostics, display }: LoadOptions): SourceListing {
  // A GitHub wiki's sidebar and footer are parts of every page there, no pages of their own.
  const wikiParts = config.githubWiki ? ['_Sidebar.md', '_Footer.md'] : []
  // A legacy GitBook's book.json is its configuration, no asset of the site (as book.toml is none).
  const bookJson = config.bookJson ? ['book.json'] : []
  // MkDocs publishes nothing of `docs_dir`'s `/templates/` (its default `exclude_docs`) nor what `exclude_docs` matches.
  const mkdocsExcluded = config.mkdocs ? ['/templates/', ...(config.mkdocsSite?.excludeDocs ?? [])] : undefined
  // mkdocs.yml inside its own `docs_dir` (`docs_dir: .`, which MkDocs refuses) is still no file of the site.
  const mkdocsFile = config.mkdocsSite ? toSourcePath(path.relative(config.src, config.mkdocsSite.file)) : undefined
  // docsify's shell page is its program, not a page of the site (and would be the home page's `index.html`).
  const docsifyShell = config.docsify ? ['index.html'] : []
  // Jekyll leaves out `_` files and folders (`_layouts`, `_includes`, `_site`) but its collections, and what `exclude` names.
  const ignored = [...(mkdocsExcluded ?? []), ...(config.jekyll?.ignore ?? [])]
  const configNames = [...(config.docusaurus ? CATEGORY_FILES : []), ...(config.docsify ? DOCSIFY_PARTS : [])]
  const listing = discover({ src: config.src, exclude: [config.out, ...wikiThemeFolders(config.root)], configFiles: [config.topicsFile, ...wikiParts, ...bookJson, ...docsifyShell, config.summary, ...(mkdocsFile ? [mkdocsFile] : [])], diagnostics, display, dotFolders: config.gitbook ? ['.gitbook'] : [], publicDir: config.vitepress ? 'public' : undefined, staticDir: config.staticDir, configNames, mdx: config.docusaurus, ignore: ignored.length ? ignored : undefined })
  return config.mkdocs ? withoutShadowedReadmes(listing, (source) => display(path.join(config.src, source)), diagnostics) : listing
}

/**
 * An MkDocs site's listing without the README.md of a folder that has an
 * index.md too: both would be the folder's page, and MkDocs keeps index.md,
 * leaving the README out of the site with a warning.
 */
function withoutShadowedReadmes(listing: SourceListing, displaySource: (source: SourcePath) => string, diagnostics: Diagnostics): SourceListing {
  const notes = new Set(listing.notes)
  const shadowed = listing.notes.filter((note) => {
    const name = path.posix.basename(note)
    if (name !== 'README.md') return false
    const index = path.posix.join(path.posix.dirname(note), 'index.md') as SourcePath
    if (!notes.has(index)) return false
    diagnostics.warn(displaySource(note), `Left out of the site: \`${index}\` is this folder's page, as MkDocs keeps it over README.md`, 'mkdocs-readme')
    return true
  })
  return shadowed.length ? { ...listing, notes: listing.notes.filter((n) => !shadowed.includes(n)) } : listing
}

/** One note read and expanded, or only the reasons it could not be. */
export interface LoadedNote {
  /** Undefined when the note could not be read (too large, not UTF-8). */
  input?: NoteInput
  /** Files of the source folder its includes read. */
  dependencies: SourcePath[]
  /** Files of the source folder its includes looked for and could not read: the dev server reads the note again when one appears. */
  missing: SourcePath[]
  /**
   * Files outside the source folder (absolute) its includes read or looked for, such as the
   * listings real books keep beside `src/`: the dev server watches them too.
   */
  outside: string[]
  diagnostics: Diagnostic[]
}

export interface LoadNoteOptions {
  config: Config
  /** Read a file (absolute path): its text, undefined when it does not exist, or why it cannot be read. */
  read: (file: string) => string | Unreadable | undefined
  displaySource: (source: SourcePath) => string
}

/**
 * A reader of files (absolute paths) that reads each file once (includes share
 * files): a file's text, undefined when there is none, or why it cannot be
 * read (a folder, a denied permission, bytes that are not UTF-8).
 */
export function sourceReader(): (file: string) => string | Unreadable | undefined {
  const texts = new Map<string, string | Unreadable | undefined>()
  return (file) => {
    if (texts.has(file)) return texts.get(file)
    const text = readSource(file)
    texts.set(file, text)
    return text
  }
}

function readSource(file: string): string | Unreadable | undefined {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // Not there, or a path through a file (`a.rs/b`): nothing to read. Anything else is there, unreadable.
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : { unreadable: `cannot be read: ${code ?? String(error)}` }
  }
  if (stat.isDirectory()) return { unreadable: 'is a folder' }
  // A FIFO or a device would block the read or never end.
  if (!stat.isFile()) return { unreadable: 'is not a regular file' }
  try {
    return readText(file)
  } catch (error) {
    if (error instanceof DecodeError) return { unreadable: `is not valid UTF-8: ${error.message.replace(/^File is not valid UTF-8: /, '')} (its line ${error.line}, column ${error.column})` }
    return { unreadable: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }
  }
}

/** Read one note and expand its includes. */
export function loadNote(source: SourcePath, { config, read, displaySource }: LoadNoteOptions): LoadedNote {
  const file = path.join(config.src, source)
  const diagnostics: Diagnostic[] = []
  const error = (message: string, rule: string): LoadedNote => {
    diagnostics.push({ file: displaySource(source), severity: 'error', message, rule })
    return { dependencies: [], missing: [], outside: [], diagnostics }
  }
  let size: number
  try {
    size = fs.statSync(file).size
  } catch {
    // Deleted between discovery and reading: a later watch event reports it.
    return error('Note vanished while it was being read', 'read')
  }
  if (size > config.maxNoteBytes) return error(`Note is ${size} bytes, over the ${config.maxNoteBytes}-byte limit (max-note-bytes)`, 'note-size')
  let text: string
  try {
    text = readText(file)
  } catch (e) {
    if (e instanceof DecodeError) {
      diagnostics.push({ file: displaySource(source), line: e.line, column: e.column, severity: 'error', message: e.message, rule: 'encoding' })
      return { dependencies: [], missing: [], outside: [], diagnostics }
    }
    throw e
  }
  const unprintable = findUnprintable(text, consumedAnsiEscapes(text))
  if (unprintable) {
    const { codePoint, count, index } = unprintable
    const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
    const more = count > 1 ? ` (${count} in this note)` : ''
    const message = `Character ${code} cannot appear in a web page; shown as ${showUnprintable(String.fromCodePoint(codePoint))}${more}`
    diagnostics.push({ file: displaySource(source), severity: 'warning', message, rule: 'unprintable', ...lineColumn(text, index) })
  }
  const display = (absolute: string) => {
    const inside = toSourcePath(path.relative(config.src, absolute))
    return inside ? displaySource(inside) : path.relative(process.cwd(), absolute)
  }
  // mkdocs-macros renders the page before snippets are read, so a snippet's `{{ }}` stays as written there too.
  const variables = config.mkdocsMarkdown?.macroVariables
  const rendered = variables ? replaceMacroVariables(text, variables) : { text, shifts: [] }
  const expansion = expandIncludes(rendered.text, { file, root: config.includeRoot, read, display, vitepress: config.vitepress ? { srcRoot: config.src } : undefined, docsify: config.docsify ? { srcRoot: config.src } : undefined, snippets: config.mkdocsMarkdown?.snippets })
  diagnostics.push(...expansion.diagnostics)
  // Hugo's `[x]({{< ref "y" >}})` and its other shortcodes: only within a line, so every line keeps its number.
  // An mdBook's chapter is written for mdBook, where a shortcode is text (a chapter about Hugo shows one).
  const refs = replaceHugoRefs(expansion.text)
  const hugo = isMdBook(config) ? { text: refs, calls: [] } : readHugoShortcodes(refs)
  const warned = new Set<string>()
  for (const call of hugo.calls) {
    // Hugo's `highlight` is a code block here as there, its `figure` an image.
    if (call.name === 'highlight' || call.kind === 'figure' || warned.has(call.name)) continue
    warned.add(call.name)
    const what = call.kind === 'link' ? "the link's text is kept, unlinked" : call.kind === 'paired' ? 'its body is kept, the tags dropped' : 'shown as written'
    diagnostics.push({ file: displaySource(source), line: call.line, column: call.column, severity: 'warning', message: `Hugo shortcode \`${call.name}\` is not rendered (it is the site's own template): ${what}`, rule: 'hugo-shortcode' })
  }
  // A Jekyll page's Liquid: what means something without Jekyll is markdown, the rest one warning per construct.
  const liquid = config.jekyll ? readJekyllLiquid(hugo.text) : { text: hugo.text, calls: [] }
  const told = new Set<string>()
  for (const call of liquid.calls) {
    if (told.has(call.name)) continue
    told.add(call.name)
    const shown = call.name === '{{ }}' ? '`{{ … }}`' : `\`{% ${call.name} %}\``
    const what = call.kind === 'kept' ? 'shown as written' : call.name === 'include' ? 'the line is dropped' : 'the tag is dropped, what it encloses kept'
    diagnostics.push({ file: displaySource(source), line: call.line, column: call.column, severity: 'warning', message: `Liquid ${shown} is not run (it needs Jekyll and the site's data): ${what}`, rule: 'jekyll-liquid' })
  }
  return {
    input: { source, text: liquid.text, segments: expansion.segments, includeTitle: expansion.title, ...(rendered.shifts.length > 0 && { columnShifts: rendered.shifts }) },
    dependencies: insideSource(config, expansion.dependencies),
    missing: insideSource(config, expansion.missing),
    outside: [...expansion.dependencies, ...expansion.missing].filter((file) => !sourcePathOf(config, file)).sort(),
    diagnostics,
  }
}

/** The source path of an absolute file, when it is inside the source folder. */
export function sourcePathOf(config: Config, file: string): SourcePath | undefined {
  return toSourcePath(path.relative(config.src, file))
}

/** The source paths of the absolute `files` that are inside the source folder. */
function insideSource(config: Config, files: string[]): SourcePath[] {
  return files.flatMap((file) => {
    const inside = sourcePathOf(config, file)
    return inside ? [inside] : []
  })
}

/** Notes that other notes include (`.md` dependencies). */
export function includedNotes(dependencies: Iterable<[SourcePath, SourcePath[]]> | Map<SourcePath, SourcePath[]>): Set<SourcePath> {
  const out = new Set<SourcePath>()
  for (const [, deps] of dependencies) for (const d of deps) if (/\.md$/i.test(d)) out.add(d)
  return out
}

export interface LoadSourcesOptions extends LoadOptions {
  /**
   * Called once the notes are listed and the topics file read, before any
   * note is read: the build starts its threads there, while the notes load.
   */
  onListed?: (notes: readonly SourcePath[], topics: readonly TopicDef[]) => void
}

/** Read and expand every note of the source folder. */
export function loadSources({ config, diagnostics, display, onListed }: LoadSourcesOptions): LoadedSources {
  const displaySource = (source: SourcePath) => display(path.join(config.src, source))
  const listing = discoverSources({ config, diagnostics, display })
  const topics = loadTopics({ config, diagnostics, display })
  onListed?.(listing.notes, topics)
  const read = sourceReader()

  const inputs: NoteInput[] = []
  const dependencies = new Map<SourcePath, SourcePath[]>()
  for (const source of listing.notes) {
    const loaded = loadNote(source, { config, read, displaySource })
    for (const d of loaded.diagnostics) diagnostics.add(d)
    if (!loaded.input) continue
    if (loaded.dependencies.length) dependencies.set(source, loaded.dependencies)
    inputs.push(loaded.input)
  }
  return { listing, inputs, dependencies, included: includedNotes(dependencies), topics }
}

/** Read the topics file beside the notes; a missing file means no topics. */
export function loadTopics({ config, diagnostics, display }: LoadOptions): TopicDef[] {
  if (!config.indices) return []
  const file = path.join(config.src, config.topicsFile)
  if (!fs.existsSync(file)) return []
  let text: string
  try {
    text = readText(file)
  } catch (error) {
    if (error instanceof DecodeError) {
      diagnostics.error(display(file), error.message, 'encoding')
      return []
    }
    throw error
  }
  const { topics, diagnostics: found } = parseTopicsFile(text, display(file))
  for (const d of found) diagnostics.add(d)
  return topics
}

/** 1-based line and column (in UTF-16 code units) of `index` in `text`. */
function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index)
  return { line: before.split('\n').length, column: index - (before.lastIndexOf('\n') + 1) + 1 }
}
