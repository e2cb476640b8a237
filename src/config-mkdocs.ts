/**
 * An MkDocs site's `mkdocs.yml` (or `mkdocs.yaml`), read as MkDocs reads it:
 * `docs_dir` (default `docs`, relative to the file) holds the notes; the
 * site's name, description, author, URL, repository, edit links, copyright,
 * language (Material's `theme.language`), extra CSS and JavaScript, `nav`,
 * `not_in_nav` and `exclude_docs`. Parsed with `yaml` for line and column
 * positions. MkDocs configs carry Python-specific tags
 * (`!!python/name:material.extensions.emoji.twemoji`,
 * `!!python/object/apply:…`, `!relative`): `yaml` keeps a node with a tag it
 * does not know as its plain value, which is what we want, since we never
 * read those keys; `!ENV` is resolved as MkDocs resolves it. Keys MkDocs
 * documents that slugwiki does not use, and unknown keys, are ignored, as
 * MkDocs ignores unknown keys (with a warning of its own).
 *
 * ```yaml
 * site_name: Kernel notes
 * docs_dir: docs
 * nav:
 *   - Home: index.md
 *   - Memory:
 *       - mm/index.md
 *       - Page tables: mm/page-tables.md
 *   - Source: https://example.org/src
 * ```
 */
import fs from 'node:fs'
import path from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Document, type Node as YamlNode } from 'yaml'
import { configFileIn } from './config-file-in.ts'
import type { Diagnostic } from './report.ts'
import { placeKey, type TomlPlace, type TomlPlaces } from './toml-places.ts'

/** The names MkDocs reads its config from, in its order. */
const CONFIG_NAMES = ['mkdocs.yml', 'mkdocs.yaml']

/** One entry of `nav`, with where it is written. */
export type MkdocsNavItem =
  | { kind: 'page'; path: string; title?: string; place?: TomlPlace }
  | { kind: 'link'; url: string; title: string; place?: TomlPlace }
  | { kind: 'section'; title: string; children: MkdocsNavItem[]; place?: TomlPlace }

/** The MkDocs markdown extensions slugwiki reads, as `markdown_extensions` turns them on. */
export interface MkdocsMarkdown {
  /** `!!! note` (Python-Markdown's `admonition`). */
  admonition: boolean
  /** `??? note` and `???+ note` (`pymdownx.details`). */
  details: boolean
  /** `=== "Tab"` (`pymdownx.tabbed`). */
  tabbed: boolean
  /** `*[HTML]: Hyper Text Markup Language` (Python-Markdown's `abbr`). */
  abbr: boolean
  /** `++ctrl+alt+del++` (`pymdownx.keys`). */
  keys: boolean
  /** `Term` over `:   Definition` (Python-Markdown's `def_list`). */
  defList: boolean
  /** `[Start](start.md){ .md-button }` (Python-Markdown's `attr_list`). */
  attrList: boolean
  /** `<div markdown>` (Python-Markdown's `md_in_html`). */
  mdInHtml: boolean
  /** `==mark==` (`pymdownx.mark`). */
  mark: boolean
  /** `:warning:` shortcodes (`pymdownx.emoji`). */
  emoji: boolean
  /** `pymdownx.emoji`'s `options.custom_icons`: folders of SVG files, absolute, each `a/b.svg` the icon `:a-b:` (Material's custom icons). */
  customIcons?: string[]
  /** mkdocs-macros (`plugins: [macros]`): its Jinja is shown as written, with a warning a page (remark-mkdocs-macros). */
  macros?: true
  /**
   * mkdocs-macros's variables, as its `on_config` gathers them: its
   * `include_yaml` files merged in order, `extra` (mkdocs.yml's, those
   * files' merged over it) and each of `extra`'s keys, and `config` (the
   * file's settings). `{{ name }}` and `{{ extra.name }}` are replaced by
   * content/mkdocs-macros.ts.
   */
  macroVariables?: Record<string, unknown>
  /** mkdocs-macros's `include_yaml` files, absolute: the dev server reads the config again when one changes. */
  macroFiles?: string[]
  /** `` `#!c int x;` `` as highlighted inline code (`pymdownx.inlinehilite`). */
  inlineHilite: boolean
  /** Material's `content.code.annotate` (in `theme.features`, though read with the markdown): every code block's annotations are read. */
  codeAnnotate?: boolean
  /** `--8<-- "file"` (`pymdownx.snippets`): the folders its paths are relative to, absolute, tried in order, and the files `auto_append` ends every page with. */
  snippets?: { basePaths: string[]; autoAppend: string[] }
}

/** What `mkdocs.yml` says that slugwiki reads. */
export interface MkdocsSettings {
  /** The file, absolute. */
  file: string
  /** The project folder (the file's), absolute. */
  root: string
  /** `docs_dir`, absolute. */
  docs: string
  siteName?: string
  description?: string
  author?: string
  siteUrl?: string
  repoUrl?: string
  repoName?: string
  /** The edit link of a page with `{path}` its path under `docs_dir` (from `repo_url`, `edit_uri` or `edit_uri_template`). */
  editUrlTemplate?: string
  /** Whether mkdocs.yml writes `edit_uri` or `edit_uri_template` (so their branch is the book's), rather than MkDocs's default. */
  editUriNamed?: boolean
  /** `copyright`: HTML, shown in the footer (sanitised as notes' HTML is). */
  copyright?: string
  language?: string
  /** Material's `theme.logo` and `theme.favicon`: files of `docs_dir` (relative to it), with where the file names them. */
  logo?: { path: string; place?: TomlPlace }
  favicon?: { path: string; place?: TomlPlace }
  /** `extra_css` and `extra_javascript` that are files of `docs_dir` (relative to it); URLs are left out with a warning. */
  extraCss: string[]
  extraJs: string[]
  /** Material's `navigation.indexes` (in `theme.features`): a section's index page is the section's own. */
  sectionIndexes: boolean
  /** `use_directory_urls` (default true): MkDocs published `a/b.md` at `a/b/`, where slugwiki writes a redirect to `a/b.html`. */
  directoryUrls: boolean
  /** mkdocs-literate-nav's file (its `nav_file`, default `SUMMARY.md`), when `plugins` lists it: the nav, in markdown. */
  literateNav?: string
  /** `nav`, undefined when the file has none (MkDocs's own order then). */
  nav?: MkdocsNavItem[]
  /**
   * What its `markdown_extensions` turn on that slugwiki reads: Python-Markdown's
   * `admonition`, PyMdown's `details`, `tabbed`, and `snippets` with its
   * `base_path`s (absolute; default the project folder, where MkDocs runs).
   */
  markdown: MkdocsMarkdown
  /** `not_in_nav` and `exclude_docs`, gitignore-style patterns relative to `docs_dir`. */
  notInNav: string[]
  excludeDocs: string[]
  /** Where each key is written, under the path of the book.toml key it stands for (see `configPlace`). */
  places: TomlPlaces
  /** Its warnings; a broken file is an error. */
  diagnostics: Diagnostic[]
}

/** The MkDocs config file in `dir`, if any. */
const configIn = (dir: string) => configFileIn(dir, CONFIG_NAMES)

/**
 * The MkDocs site of `srcArg`: `srcArg` itself when it holds `mkdocs.yml`, or
 * the folder above when its `docs_dir` is `srcArg` (`--src docs`). A file
 * above that names another `docs_dir` belongs to another layout: ignored.
 */
export function findMkdocsSite(srcArg: string, display: (p: string) => string): MkdocsSettings | undefined {
  const own = configIn(srcArg)
  if (own) return readMkdocsYaml(own, display)
  const parent = path.dirname(srcArg)
  const above = parent === srcArg ? undefined : configIn(parent)
  if (!above) return undefined
  const settings = readMkdocsYaml(above, display)
  if (path.resolve(settings.docs) === path.resolve(srcArg)) return settings
  return undefined
}

/** `!ENV VAR` and `!ENV [VAR, …, default]`: the first variable set, else the default (null without one), as MkDocs's `pyyaml_env_tag` resolves them. */
function resolveEnvTags(doc: Document, env: NodeJS.ProcessEnv): void {
  visit(doc, {
    Node(_, node) {
      if ((node as { tag?: string }).tag !== '!ENV') return undefined
      let names: string[] = []
      let fallback: unknown = null
      if (isScalar(node)) names = [String(node.value)]
      else if (isSeq(node)) {
        const items = node.items as YamlNode[]
        if (items.length > 1) fallback = (items.at(-1) as YamlNode).toJSON()
        names = items.slice(0, items.length > 1 ? -1 : undefined).map((item) => String(isScalar(item) ? item.value : ''))
      }
      const set = names.find((name) => env[name] !== undefined)
      const scalar = new Scalar(set !== undefined ? env[set] : fallback)
      scalar.range = node.range
      return scalar
    },
  })
}

/** A readable message of a broken file, or what it says. */
export function parseMkdocsYaml(source: string, file: string, env: NodeJS.ProcessEnv = process.env): { data: Record<string, unknown>; doc?: Document; lineCounter: LineCounter; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false })
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!
    const pos = lineCounter.linePos(error.pos[0])
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    return { data: {}, lineCounter, diagnostics: [{ file, line: pos.line, column: pos.col, severity: 'error', message: `Broken YAML: ${message}`, rule: 'mkdocs' }] }
  }
  resolveEnvTags(doc, env)
  const data = doc.toJS() as unknown
  if (data === null || data === undefined) return { data: {}, doc, lineCounter, diagnostics: [] }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { data: {}, doc, lineCounter, diagnostics: [{ file, line: 1, column: 1, severity: 'error', message: '`mkdocs.yml` should be a mapping of settings', rule: 'mkdocs' }] }
  }
  return { data: data as Record<string, unknown>, doc, lineCounter, diagnostics: [] }
}

/** `INHERIT`'s parent merged under the child as MkDocs merges them: mappings key by key, everything else replaced. */
function merge(parent: Record<string, unknown>, child: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...parent }
  for (const [key, value] of Object.entries(child)) {
    const base = out[key]
    const mergeable = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
    out[key] = mergeable(base) && mergeable(value) ? merge(base, value) : value
  }
  return out
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined)
/** Whether a `mkdocs.yml` value names a URL (a scheme, or `//host`) rather than a file of `docs_dir`. */
export const isUrl = (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')

/** The settings of an `mkdocs.yml` that sets nothing: MkDocs's defaults, no extension on. */
function unset(file: string, diagnostics: Diagnostic[]): MkdocsSettings {
  const root = path.dirname(file)
  const markdown: MkdocsMarkdown = { admonition: false, details: false, tabbed: false, abbr: false, defList: false, keys: false, attrList: false, mdInHtml: false, mark: false, emoji: false, inlineHilite: false }
  return { file, root, docs: path.join(root, 'docs'), extraCss: [], extraJs: [], markdown, sectionIndexes: false, directoryUrls: true, notInNav: [], excludeDocs: [], places: {}, diagnostics }
}

/**
 * Read `mkdocs.yml`. Broken YAML, or a file that is no mapping, is an error at
 * its line and column (read by `resolveConfig`, which stops there); keys of
 * the wrong type are warnings and read as unset.
 */
export function readMkdocsYaml(file: string, display: (p: string) => string, env: NodeJS.ProcessEnv = process.env): MkdocsSettings {
  const shown = display(file)
  const root = path.dirname(file)
  let source: string
  try {
    source = fs.readFileSync(file, 'utf8')
  } catch (error) {
    const message = `Cannot read ${path.basename(file)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`
    return unset(file, [{ file: shown, severity: 'error', message, rule: 'mkdocs' }])
  }
  const parsed = parseMkdocsYaml(source, shown, env)
  const diagnostics = [...parsed.diagnostics]
  const settings = unset(file, diagnostics)
  if (diagnostics.some((d) => d.severity === 'error')) return settings

  const placeOfNode = (node: unknown): TomlPlace | undefined => {
    const offset = (node as { range?: [number, number, number] } | null | undefined)?.range?.[0]
    if (offset === undefined) return undefined
    const pos = parsed.lineCounter.linePos(offset)
    return { line: pos.line, column: pos.col }
  }
  /** The node of a top-level key (its value), for places. */
  const nodeOf = (key: string): YamlNode | undefined => {
    const contents = parsed.doc?.contents
    if (!isMap(contents)) return undefined
    const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === key)
    return (pair?.value as YamlNode | undefined) ?? (pair?.key as YamlNode | undefined)
  }
  const placeOf = (key: string) => placeOfNode(nodeOf(key))
  const warn = (message: string, key: string, node?: unknown) =>
    diagnostics.push({ file: shown, ...(node != null ? placeOfNode(node) : placeOf(key)), severity: 'warning', message, rule: 'mkdocs' })

  let data = parsed.data
  // INHERIT: a parent config, relative to this one, merged beneath it.
  const inherit = text(data.INHERIT)
  if (inherit !== undefined) {
    const parentFile = path.resolve(root, inherit)
    let parentText: string | undefined
    try {
      parentText = fs.readFileSync(parentFile, 'utf8')
    } catch (error) {
      warn(`\`INHERIT\`: cannot read \`${inherit}\` (${(error as NodeJS.ErrnoException).code ?? String(error)}); ignored`, 'INHERIT')
    }
    if (parentText !== undefined) {
      const parent = parseMkdocsYaml(parentText, display(parentFile), env)
      diagnostics.push(...parent.diagnostics.map((d) => ({ ...d, severity: 'warning' as const, message: `${d.message} (\`INHERIT\`ed; ignored)` })))
      if (parent.diagnostics.length === 0) data = merge(parent.data, data)
    }
  }

  /** A string key; one of another type is a warning and read as unset. */
  const str = (key: string): string | undefined => {
    const value = data[key]
    if (value === undefined || value === null) return undefined
    const t = text(value)
    if (t === undefined) warn(`\`${key}\` should be a string; ignored`, key)
    return t
  }
  const strings = (key: string): string[] => {
    const value = data[key]
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) {
      warn(`\`${key}\` should be a list; ignored`, key)
      return []
    }
    // MkDocs 1.5's `extra_javascript` items may be mappings (`path`, `type`, `async`).
    return value.flatMap((item) => text(item) ?? text((item as Record<string, unknown> | null)?.path) ?? [])
  }
  /** gitignore-style patterns, one per line (MkDocs's `exclude_docs` and `not_in_nav` are multi-line strings). */
  const patterns = (key: string): string[] => {
    const value = str(key)
    return value === undefined ? [] : value.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'))
  }

  const docsDir = str('docs_dir') ?? 'docs'
  settings.docs = path.resolve(root, docsDir)
  settings.siteName = str('site_name')
  settings.description = str('site_description')
  settings.author = str('site_author')
  settings.siteUrl = str('site_url') || undefined
  settings.repoUrl = str('repo_url') || undefined
  settings.repoName = str('repo_name')
  settings.copyright = str('copyright')
  const directoryUrls = data.use_directory_urls
  if (typeof directoryUrls === 'boolean') settings.directoryUrls = directoryUrls
  else if (directoryUrls !== undefined && directoryUrls !== null) warn('`use_directory_urls` should be true or false; read as true, its default', 'use_directory_urls')
  const theme = data.theme
  let codeAnnotate = false
  if (theme !== null && typeof theme === 'object' && !Array.isArray(theme)) {
    settings.language = text((theme as Record<string, unknown>).language)
    const features = (theme as Record<string, unknown>).features
    settings.sectionIndexes = Array.isArray(features) && features.includes('navigation.indexes')
    codeAnnotate = Array.isArray(features) && features.includes('content.code.annotate')
    // The theme mapping's own node, when this file (not an `INHERIT`ed one) writes it: the places of its keys.
    const themeNode = 'theme' in parsed.data ? nodeOf('theme') : undefined
    for (const key of ['logo', 'favicon'] as const) {
      const value = (theme as Record<string, unknown>)[key]
      if (value === undefined || value === null) continue
      const node = isMap(themeNode) ? themeNode.items.find((p) => isScalar(p.key) && p.key.value === key)?.value : undefined
      const file = text(value)
      if (file === undefined || file.trim() === '') warn(`\`theme.${key}\` should be a file of \`docs_dir\`; ignored`, 'theme', node)
      else settings[key] = { path: file.trim(), place: placeOfNode(node ?? themeNode) }
    }
  }
  // `edit_uri:` left empty is unset (MkDocs's default then); `edit_uri: ''` turns edit links off.
  settings.editUriNamed = (data.edit_uri !== undefined && data.edit_uri !== null) || text(data.edit_uri_template) !== undefined
  settings.editUrlTemplate = editTemplate(settings.repoUrl, data.edit_uri === undefined || data.edit_uri === null ? undefined : (text(data.edit_uri) ?? ''), text(data.edit_uri_template))
  for (const [key, list] of [['extra_css', settings.extraCss], ['extra_javascript', settings.extraJs]] as const) {
    // The item's own node, when this file (not an `INHERIT`ed one) writes the list.
    const written = key in parsed.data ? nodeOf(key) : undefined
    strings(key).forEach((item, i) => {
      if (isUrl(item)) warn(`\`${key}\`: \`${item}\` is a URL; slugwiki adds files of \`docs_dir\` only, so it is left out`, key, isSeq(written) ? written.items[i] : undefined)
      else list.push(item)
    })
  }
  settings.markdown = markdownExtensions(data.markdown_extensions, root)
  if (codeAnnotate) settings.markdown.codeAnnotate = true
  // `plugins` is a list of names or one-key mappings, as `markdown_extensions` is.
  const plugins = Array.isArray(data.plugins) ? data.plugins : data.plugins !== null && typeof data.plugins === 'object' ? [data.plugins] : []
  for (const plugin of plugins) {
    const [name, options] = typeof plugin === 'string' ? [plugin, {}] : plugin !== null && typeof plugin === 'object' ? (Object.entries(plugin)[0] ?? ['', {}]) : ['', {}]
    if (name === 'literate-nav') settings.literateNav = text((options as Record<string, unknown> | null)?.nav_file) ?? 'SUMMARY.md'
    if (name === 'macros') {
      settings.markdown.macros = true
      const includeYaml = (options as Record<string, unknown> | null)?.include_yaml
      settings.markdown.macroVariables = macroVariables(data, includeYaml, root, (message) => warn(message, 'plugins'))
      settings.markdown.macroFiles = includedYamlFiles(includeYaml).map(([, name]) => path.resolve(root, name))
    }
  }
  settings.notInNav = patterns('not_in_nav')
  settings.excludeDocs = patterns('exclude_docs')

  const navNode = nodeOf('nav')
  if (data.nav !== undefined && data.nav !== null) {
    if (isSeq(navNode)) settings.nav = navItems(navNode.items as YamlNode[], placeOfNode, (message, node) => warn(message, 'nav', node))
    else warn('`nav` should be a list of pages and sections; ignored', 'nav')
  }

  // Places under the book.toml keys each setting stands for, so the diagnostics about them name mkdocs.yml:line:col.
  const places: Record<string, TomlPlace> = {}
  const alias = (key: string, tomlPath: (string | number)[]) => {
    const place = placeOf(key)
    if (place) places[placeKey(tomlPath)] = place
  }
  alias('extra_css', ['output', 'html', 'additional-css'])
  alias('extra_javascript', ['output', 'html', 'additional-js'])
  alias('site_url', ['slugwiki', 'url'])
  alias('repo_url', ['output', 'html', 'git-repository-url'])
  alias('edit_uri', ['output', 'html', 'edit-url-template'])
  alias('nav', ['nav'])
  alias('docs_dir', ['docs_dir'])
  alias('copyright', ['copyright'])
  settings.places = places
  return settings
}

/** `nav`'s items: `page.md`, `Title: page.md`, `Title: https://…`, `Section: [ … ]`. */
function navItems(nodes: YamlNode[], placeOf: (node: unknown) => TomlPlace | undefined, warn: (message: string, node: unknown) => void): MkdocsNavItem[] {
  const out: MkdocsNavItem[] = []
  const target = (value: string, title: string | undefined, node: unknown): MkdocsNavItem | undefined => {
    const place = placeOf(node)
    if (isUrl(value)) {
      if (title === undefined) {
        warn(`\`nav\`: the link \`${value}\` needs a title (\`- Title: ${value}\`); ignored`, node)
        return undefined
      }
      return { kind: 'link', url: value, title, place }
    }
    return { kind: 'page', path: value, ...(title !== undefined && { title }), place }
  }
  for (const node of nodes) {
    if (isScalar(node)) {
      const value = text(node.value)
      if (value === undefined || value.trim() === '') {
        warn('`nav`: an entry should be a page, `Title: page`, or `Section: [ … ]`; ignored', node)
        continue
      }
      const item = target(value.trim(), undefined, node)
      if (item) out.push(item)
      continue
    }
    if (isMap(node) && node.items.length === 1) {
      const pair = node.items[0]!
      const title = isScalar(pair.key) ? text(pair.key.value) : undefined
      const value = pair.value as YamlNode | null
      if (title !== undefined && isSeq(value)) {
        out.push({ kind: 'section', title, children: navItems(value.items as YamlNode[], placeOf, warn), place: placeOf(pair.key) })
        continue
      }
      const to = isScalar(value) ? text(value.value) : undefined
      if (title !== undefined && to !== undefined && to.trim() !== '') {
        const item = target(to.trim(), title, pair.key)
        if (item) out.push(item)
        continue
      }
    }
    warn('`nav`: an entry should be a page, `Title: page`, or `Section: [ … ]`; ignored', node)
  }
  return out
}

/**
 * A page's edit link with `{path}` (its path under `docs_dir`), as MkDocs
 * makes it: `edit_uri_template`, else `edit_uri` (whose default is
 * `edit/master/docs/` on GitHub and GitLab, `src/default/docs/` on
 * Bitbucket, none elsewhere), joined to `repo_url`; `edit_uri: ''` turns
 * edit links off.
 */
export function editTemplate(repoUrl: string | undefined, editUri: string | undefined, editUriTemplate: string | undefined): string | undefined {
  const MARK = 'SLUGWIKI-PATH-MARK'
  const join = (relative: string): string | undefined => {
    let base = repoUrl ?? ''
    // MkDocs ends the repository URL with `/` so `urljoin` keeps its last segment.
    if (base && !relative.startsWith('?') && !relative.startsWith('#') && !base.endsWith('/')) base += '/'
    try {
      return new URL(relative, base || undefined).href.replace(MARK, '{path}')
    } catch {
      return undefined
    }
  }
  if (editUriTemplate) return join(editUriTemplate.replace('{path}', MARK))
  let uri = editUri
  if (uri === undefined && repoUrl) {
    let host = ''
    try {
      host = new URL(repoUrl).hostname.toLowerCase()
    } catch {
      // Not a URL: no edit links, as MkDocs derives none.
    }
    uri = host === 'github.com' || host === 'gitlab.com' ? 'edit/master/docs/' : host === 'bitbucket.org' ? 'src/default/docs/' : ''
  }
  if (!uri) return undefined
  if (!uri.endsWith('/')) uri += '/'
  return join(`${uri}${MARK}`)
}

const mapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** mkdocs-macros's `include_yaml` items: a file name, or `{key: file}` putting the file's content under that key. */
function includedYamlFiles(includeYaml: unknown): [string | undefined, string][] {
  return (Array.isArray(includeYaml) ? includeYaml : []).flatMap((item: unknown): [string | undefined, string][] => {
    const [key, name] = typeof item === 'string' ? [undefined, item] : mapping(item) ? (Object.entries(item)[0] ?? []) : []
    return typeof name === 'string' ? [[typeof key === 'string' ? key : undefined, name]] : []
  })
}

/** mkdocs-macros's variables (see `MkdocsMarkdown.macroVariables`); an `include_yaml` file it cannot read is a warning, as mkdocs-macros traces one. */
function macroVariables(data: Record<string, unknown>, includeYaml: unknown, root: string, warn: (message: string) => void): Record<string, unknown> {
  let variables: Record<string, unknown> = { extra: mapping(data.extra) ? data.extra : {} }
  for (const [key, name] of includedYamlFiles(includeYaml)) {
    let doc: Document
    try {
      doc = parseDocument(fs.readFileSync(path.resolve(root, name), 'utf8'))
    } catch (error) {
      warn(`mkdocs-macros's \`include_yaml\`: cannot read \`${name}\` (${(error as NodeJS.ErrnoException).code ?? String(error)}); its variables are unset`)
      continue
    }
    if (doc.errors.length > 0) {
      warn(`mkdocs-macros's \`include_yaml\`: \`${name}\` is no YAML (${doc.errors[0]!.message.split('\n')[0]}); its variables are unset`)
      continue
    }
    const content: unknown = doc.toJS()
    const merged = typeof key === 'string' ? { [key]: content } : content
    if (mapping(merged)) variables = merge(variables, merged)
  }
  const extra = variables.extra as Record<string, unknown>
  return { ...variables, config: data, ...extra }
}

/**
 * `markdown_extensions`: a list of names, or of one-key mappings of a name to
 * its options (MkDocs also takes a mapping of names), as MkDocs reads it.
 */
function markdownExtensions(value: unknown, root: string): MkdocsMarkdown {
  const options = new Map<string, Record<string, unknown>>()
  const add = (name: unknown, config: unknown) => {
    if (typeof name === 'string') options.set(name, config !== null && typeof config === 'object' && !Array.isArray(config) ? (config as Record<string, unknown>) : {})
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'string') add(item, {})
      else if (item !== null && typeof item === 'object') for (const [name, config] of Object.entries(item)) add(name, config)
    }
  } else if (value !== null && typeof value === 'object') for (const [name, config] of Object.entries(value)) add(name, config)
  // Python-Markdown also knows its extensions by their module paths.
  const has = (...names: string[]) => names.some((name) => options.has(name))
  const snippets = options.get('pymdownx.snippets')
  const emojiOptions = options.get('pymdownx.emoji')?.options
  const iconFolders = emojiOptions !== null && typeof emojiOptions === 'object' ? (emojiOptions as Record<string, unknown>).custom_icons : undefined
  // Material resolves them from the project folder, where MkDocs runs.
  const customIcons = (Array.isArray(iconFolders) ? iconFolders : []).filter((p): p is string => typeof p === 'string').map((p) => path.resolve(root, p))
  const base = snippets?.base_path
  const basePaths = (Array.isArray(base) ? base : typeof base === 'string' ? [base] : ['.']).filter((p): p is string => typeof p === 'string')
  return {
    admonition: has('admonition', 'markdown.extensions.admonition'),
    details: has('pymdownx.details'),
    tabbed: has('pymdownx.tabbed'),
    abbr: has('abbr', 'markdown.extensions.abbr'),
    defList: has('def_list', 'markdown.extensions.def_list'),
    keys: has('pymdownx.keys'),
    attrList: has('attr_list', 'markdown.extensions.attr_list'),
    mdInHtml: has('md_in_html', 'markdown.extensions.md_in_html'),
    mark: has('pymdownx.mark'),
    emoji: has('pymdownx.emoji'),
    ...(customIcons.length > 0 && { customIcons }),
    inlineHilite: has('pymdownx.inlinehilite'),
    ...(snippets && {
      snippets: {
        basePaths: basePaths.map((p) => path.resolve(root, p)),
        autoAppend: (Array.isArray(snippets.auto_append) ? snippets.auto_append : []).filter((p): p is string => typeof p === 'string'),
      },
    }),
  }
}
