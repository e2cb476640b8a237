/**
 * Highlight fenced code with shiki (both colour schemes in one pass, whose
 * scopes are kept for rehype-code-symbols), render
 * kernel logs, and honour fence meta: title, highlighted lines, line numbers,
 * and mdBook's hidden lines (Rust's `#`, other languages' `hidelines` prefix).
 * shiki's `// [!code ++]` notation comments mark lines as VitePress marks
 * them, and a block in a VitePress `::: code-group` is titled with its tab's
 * `[label]`; in a Docusaurus site, its magic comments (`// highlight-next-line`)
 * mark lines as `{2}` does.
 * An unknown language is a warning and renders as plain text. A block the
 * note's previous version had unchanged is reused from the cache, and a block
 * whose highlighting overran the time budget (`file.data.highlight`, set by
 * the worker pool) stays plain, with a warning.
 */
import { createHash } from 'node:crypto'
import type { Element, ElementContent, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { h } from 'hastscript'
import type { ShikiTransformer } from 'shiki'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { parseCodeMeta, splitLanguageMeta, type CodeMeta } from './code-meta.ts'
import { readMagicComments } from './code-magic-comments.ts'
import { NOTATIONS, mayHoldNotation } from './code-notations.ts'
import { annotationItems, annotationMarkers, findAnnotationList, findAnnotationMarkers, markAnnotationList, mayHoldAnnotation, type AnnotationMarker } from './code-annotations.ts'
import type { CodeHighlighter } from './highlighter.ts'
import type { ScopedToken } from './tokenize.ts'
import { isKernelLog, renderKernelLog } from './kernel-log.ts'
import type { CodeBlockInfo, HighlightControl } from './data.ts'
import { sectionAt } from './sections.ts'

export interface RehypeCodeOptions {
  highlighter: CodeHighlighter
  /** Fence language → prefix that hides a line (`[output.html.code.hidelines]`; default none). */
  hideLines?: Readonly<Record<string, string>>
  /** Fence languages a preprocessor of the book renders, shown as plain text without a warning (default none). */
  plainLangs?: ReadonlySet<string>
  /** Docusaurus's magic comments (`// highlight-next-line`, `// highlight-start` … `// highlight-end`; default false). */
  magicComments?: boolean
  /** Expressive Code's file name comment on a block's first line, `// src/main.rs`, as its title (Starlight; default false). */
  fileNameComments?: boolean
  /**
   * Material for MkDocs's code annotations (code-annotations.ts): in `all`
   * blocks (its `content.code.annotate`) or those of `class` `.annotate`
   * (default: not read).
   */
  annotations?: 'all' | 'class'
  /** A marker's accessible name, `{n}` its number (default `Annotation {n}`). */
  annotationLabel?: string
}

/**
 * A first line that is only a comment naming a file, as Expressive Code's frames read it (`// my-test-file.js`,
 * `# src-tauri/Cargo.toml`, `<!-- index.html -->`, `/* a.css *\/`): a path with an extension, nothing else.
 */
const FILE_NAME_COMMENT = /^[^\S\n]*(?:(?:\/\/|#|--|;)[^\S\n]*([\w@~.\/-]*\w\.[A-Za-z0-9]+)|<!--[^\S\n]*([\w@~.\/-]*\w\.[A-Za-z0-9]+)[^\S\n]*-->|\/\*[^\S\n]*([\w@~.\/-]*\w\.[A-Za-z0-9]+)[^\S\n]*\*\/)[^\S\n]*(?:\n|$)/

/** Fence names that may hold a kernel log. */
const LOG_LANGS = new Set(['', 'log', 'dmesg', 'kmsg'])

interface Block {
  pre: Element
  parent: Element | Root
  /** In a `::: code-group`, where the block is a tab. */
  grouped: boolean
  index: number
  /** The fence's first word: its language, then mdBook's attributes after commas. */
  info: string
  lang: string
  code: string
  meta: CodeMeta
}

/** The fence's first word (`rust,ignore`, `console,editable`, `python,hidelines=!!!`), or empty. */
function infoOf(code: Element): string {
  const classes = code.properties.className
  const list = Array.isArray(classes) ? classes : []
  const found = list.find((c) => typeof c === 'string' && c.startsWith('language-'))
  return typeof found === 'string' ? found.slice('language-'.length) : ''
}

/**
 * rustdoc's test attributes, which Rust books also write alone (```` ```ignore ```` over compiler output,
 * as Rust by Example does): no language, so mdBook's highlight.js leaves the block plain, as we do, unlabelled
 * and without an unknown-language warning.
 */
const RUSTDOC_ATTRIBUTES = new Set(['ignore', 'should_panic', 'no_run', 'compile_fail', 'test_harness', 'allow_fail', 'editable', 'noplayground', 'noplaypen', 'mdbook-runnable', 'edition2015', 'edition2018', 'edition2021', 'edition2024'])

/** The fence's language: mdBook writes attributes after a comma; an attribute alone is none. */
function languageOf(info: string): string {
  const first = info.split(',')[0]!.trim()
  return RUSTDOC_ATTRIBUTES.has(first) ? '' : first
}

/** A character of Rust's Unicode `\w`, which mdBook's patterns use. */
const WORD = String.raw`\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}`
/** A block's own prefix, `hidelines=…` among the fence's attributes. */
const HIDELINES = new RegExp(String.raw`(?<![${WORD}])hidelines=(\S+)`, 'u')
/** The language `[output.html.code.hidelines]` is looked up by: the word after `language-` (`c` for `c++`). */
const LANGUAGE_WORD = new RegExp(String.raw`(?<![${WORD}])language-([${WORD}]+)`, 'u')

/**
 * The prefix that hides lines of a non-Rust block, as mdBook 0.4.30+ finds it:
 * on the `<code>` classes, where the fence's commas became spaces, the block's
 * `hidelines=` first, then the book's table by language.
 */
function hiddenLinePrefix(info: string, table: Readonly<Record<string, string>>): string | undefined {
  if (info === '') return undefined
  const classes = `language-${info.replaceAll(',', ' ')}`
  const own = HIDELINES.exec(classes)
  if (own) return own[1]
  const word = LANGUAGE_WORD.exec(classes)?.[1]
  return word !== undefined && Object.hasOwn(table, word) ? table[word] : undefined
}

/**
 * mdBook (like rustdoc) hides Rust lines starting with `# ` or a lone `#`;
 * `##` stands for a literal `#`. Returns the code without the markers and the
 * hidden line numbers; the theme shows them on request.
 */
function rustHiddenLines(code: string): { code: string; hidden: Set<number> } {
  const hidden = new Set<number>()
  const lines = code.split('\n').map((line, i) => {
    const match = /^(\s*)#(?: (.*)|$)/.exec(line)
    if (match) {
      hidden.add(i + 1)
      return match[1]! + (match[2] ?? '')
    }
    return line.replace(/^(\s*)##/, '$1#')
  })
  return { code: lines.join('\n'), hidden }
}

/**
 * mdBook's hidden lines for other languages: a line whose first non-blank
 * characters are `prefix` is hidden; shown, it keeps its indent and loses
 * only the prefix (a space after it stays, unlike Rust's `# `).
 */
function prefixHiddenLines(code: string, prefix: string): { code: string; hidden: Set<number> } {
  const hidden = new Set<number>()
  const lines = code.split('\n').map((line, i) => {
    const indent = line.length - line.trimStart().length
    if (!line.startsWith(prefix, indent)) return line
    hidden.add(i + 1)
    return line.slice(0, indent) + line.slice(indent + prefix.length)
  })
  return { code: lines.join('\n'), hidden }
}

function markLines(meta: CodeMeta, hidden: Set<number>): ShikiTransformer {
  return {
    name: 'slugwiki:lines',
    line(node, line) {
      if (meta.highlight.has(line)) this.addClassToHast(node, 'highlighted')
      // Expressive Code's `ins={4}` and `del={5}`: the classes shiki's `// [!code ++]` and `--` give, styled and copied alike.
      if (meta.inserted?.has(line)) this.addClassToHast(node, ['diff', 'add'])
      if (meta.deleted?.has(line)) this.addClassToHast(node, ['diff', 'remove'])
      if (hidden.has(line)) this.addClassToHast(node, 'hidden-line')
    },
    code(node) {
      if (hidden.size === 0) return
      // Hidden lines carry their own newline, so hiding them leaves no blank line behind.
      const kept: ElementContent[] = []
      let line = 0
      let previousHidden: Element | undefined
      for (const child of node.children) {
        if (child.type === 'element') {
          line += 1
          previousHidden = hidden.has(line) ? child : undefined
          kept.push(child)
        } else if (previousHidden && child.type === 'text' && child.value === '\n') {
          previousHidden.children.push(child)
          previousHidden = undefined
        } else kept.push(child)
      }
      node.children = kept
    },
  }
}

interface HighlightJob {
  highlighter: CodeHighlighter
  control: HighlightControl
  index: number
  code: string
  lang: string
  meta: CodeMeta
  hidden: Set<number>
  /** Material's code annotations: the block's id, how many items its list has (0: none follows), a marker's name. */
  annotate?: { id: string; items: number; label: string }
}

/** Everything that shapes a block's `pre`; the salt stands for the tool, themes and settings. */
function blockKey(job: HighlightJob): string {
  const { meta } = job
  const numbers = (set: Set<number>) => [...set].sort((a, b) => a - b)
  return createHash('sha256')
    .update(JSON.stringify([job.control.salt ?? '', job.lang, job.code, numbers(meta.highlight), numbers(meta.inserted ?? new Set()), numbers(meta.deleted ?? new Set()), numbers(job.hidden), meta.lineNumbers, meta.startLine]))
    .digest('base64url')
}

/**
 * Highlight one block, with the scopes of its tokens, or reuse the `pre` of an
 * identical block from the note's previous version (then without scopes).
 */
async function highlightBlock(job: HighlightJob, key: string | undefined): Promise<{ pre: Element; scopes?: ScopedToken[][]; markers?: AnnotationMarker[] }> {
  const { control, meta } = job
  const hit = key === undefined ? undefined : control.blocks?.get(key)
  // A copy: the stored tree is the cache's, and later plugins may change this one.
  if (hit) return { pre: structuredClone(hit) }
  control.enter?.(job.index)
  // Lines first: the notations remove lines (a comment alone on its line), which would shift their numbers.
  const transformers = mayHoldNotation(job.code) ? [markLines(meta, job.hidden), ...NOTATIONS] : [markLines(meta, job.hidden)]
  let markers: AnnotationMarker[] | undefined
  const { annotate } = job
  const { tree, scopes } = await job.highlighter.highlight(
    job.code,
    job.lang,
    annotate
      ? (lines) => {
          markers = findAnnotationMarkers(lines)
          // A marker without its item stays as written, as Material leaves it.
          return [annotationMarkers(markers.filter((m) => m.number >= 1 && m.number <= annotate.items), annotate.id, annotate.label), ...transformers]
        }
      : transformers,
  )
  control.leave?.(job.index)
  const pre = tree.children[0] as Element
  if (meta.lineNumbers) {
    pre.properties.dataLineNumbers = ''
    if (meta.startLine !== 1) pre.properties.style = `counter-reset:line ${meta.startLine - 1}`
  }
  return { pre, scopes, markers }
}

/**
 * Warn of each annotation marker whose item the list after the block lacks,
 * at the marker. A block with no list after it has no annotations, as in
 * Material: a page showing the syntax (`# (1)!` in a markdown block) is no mistake.
 */
function annotationWarnings(markers: AnnotationMarker[], items: number, pre: Element, file: VFile): void {
  const start = pre.position?.start
  for (const m of markers) {
    if (m.number >= 1 && m.number <= items) continue
    const written = `(${m.number})${m.strip ? '!' : ''}`
    // The block's first line is the one after the fence; columns from the fence's own.
    const place = start && { line: start.line + m.line, column: start.column + m.start }
    file.message(`Code annotation \`${written}\` has no item ${m.number} in the list after the block; shown as written`, place ?? pre.position, 'slugwiki:code-annotation')
  }
}

/** A VitePress `::: code-group` (remark-vitepress-containers). */
function isCodeGroup(node: Element | Root): boolean {
  const classes = node.type === 'element' ? node.properties.className : undefined
  return node.type === 'element' && node.tagName === 'div' && Array.isArray(classes) && classes.includes('code-group')
}

/** Fence languages of blocks that Obsidian (or one of its plugins) runs as a query in the app, and what each is. */
const PLUGIN_QUERIES: Readonly<Record<string, string>> = {
  dataview: 'a Dataview query',
  dataviewjs: 'a Dataview script',
  tasks: 'a Tasks plugin query',
  query: 'an embedded search',
  base: 'an embedded base',
}

export default function rehypeCode(options: RehypeCodeOptions) {
  const { highlighter } = options
  const hideLines = options.hideLines ?? {}
  return async (tree: Root, file: VFile) => {
    const control = file.data.highlight ?? {}
    const blocks: Block[] = []
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code')
      if (!code) return
      const info = infoOf(code)
      // VitePress writes line marks against the language (```` ```js{4} ````, ```` ```ts:line-numbers ````).
      const { lang, meta: langMeta } = splitLanguageMeta(languageOf(info))
      // remark-math marks display math as a `language-math` fence; KaTeX renders it.
      if (lang === 'math') return
      const meta = parseCodeMeta([langMeta, (code.data as { meta?: string } | undefined)?.meta].filter(Boolean).join(' '))
      blocks.push({ pre: node, parent, index, grouped: isCodeGroup(parent), info, lang, code: toString(code), meta })
      return 'skip'
    })

    const infos: CodeBlockInfo[] = []
    const scopes = new Map<string, ScopedToken[][]>()
    const unknown = new Set<string>()
    // One warning per unknown language a note uses, at its first block, counting the others: a
    // chapter of twenty ```` ```pseudo ```` blocks says so once, not twenty times.
    const unknownWarnings = new Map<string, { message: ReturnType<VFile['message']>; more: number }>()
    for (const [n, block] of blocks.entries()) {
      const id = `code-${n + 1}`
      const line = block.pre.position?.start.line
      let code = block.code.replace(/\n$/, '')
      let meta = block.meta
      // Docusaurus's `// highlight-next-line` and its kin: removed from the code, their lines highlighted as `{2}` would.
      const magic = options.magicComments ? readMagicComments(code, block.lang) : undefined
      if (magic) {
        code = magic.code
        meta = { ...meta, highlight: new Set([...meta.highlight, ...magic.highlight]) }
      }
      // Expressive Code's file name comment: the block's title, its line removed (only without line marks, which count it).
      const named = options.fileNameComments && meta.title === undefined && meta.highlight.size === 0 && !meta.inserted && !meta.deleted ? FILE_NAME_COMMENT.exec(code) : null
      if (named) {
        meta = { ...meta, title: named[1] ?? named[2] ?? named[3] }
        // The caption reads the block's own meta.
        block.meta = { ...block.meta, title: meta.title }
        code = code.slice(named[0].length)
      }
      let rendered: Element
      let hiddenLines = 0
      let lang = block.lang
      let key: string | undefined
      if (LOG_LANGS.has(lang.toLowerCase()) && isKernelLog(code)) {
        rendered = renderKernelLog(code)
        lang = 'log'
      } else {
        let resolved = highlighter.resolve(lang)
        if (resolved === undefined) {
          unknown.add(lang)
          const plugin = PLUGIN_QUERIES[lang.toLowerCase()]
          // A language the book's preprocessor renders (mdbook-spec's `grammar`): its source is what we can show.
          if (options.plainLangs?.has(lang)) resolved = 'text'
          else if (plugin) file.message(`\`${lang}\` block: ${plugin}, which Obsidian runs and a static site cannot; its source is shown as code`, block.pre.position, 'slugwiki:plugin-query')
          else {
            const seen = unknownWarnings.get(lang)
            if (seen) seen.more++
            else unknownWarnings.set(lang, { message: file.message(`Unknown code language \`${lang}\`, rendered as plain text`, block.pre.position, 'slugwiki:unknown-language'), more: 0 })
          }
          resolved = 'text'
        }
        // As in mdBook, Rust always hides its own way; a `hidelines` prefix is for the other languages.
        const prefix = resolved === 'rust' ? undefined : hiddenLinePrefix(block.info, hideLines)
        const shown = resolved === 'rust' ? rustHiddenLines(code) : prefix !== undefined ? prefixHiddenLines(code, prefix) : { code, hidden: new Set<number>() }
        hiddenLines = shown.hidden.size
        let grammar = resolved
        if (control.plain?.has(n) && resolved !== 'text') {
          file.message(
            `Highlighting this \`${resolved}\` block took longer than ${control.timeoutMs ?? '?'} ms (note-timeout-ms); rendered as plain text`,
            block.pre.position,
            'slugwiki:highlight-timeout',
          )
          grammar = 'text'
        }
        // Material's code annotations, when an ordered list follows (else the block is unchanged, as in Material).
        // Their markers are read from the grammar's comments, so such a block is highlighted afresh rather than
        // taken from the cache, which keeps its `pre` but not its scopes.
        const annotating = options.annotations && grammar !== 'text' && mayHoldAnnotation(shown.code) && (options.annotations === 'all' || block.meta.annotate === true)
        const list = annotating ? findAnnotationList(block.parent, block.index) : undefined
        const annotate = list && { id, items: annotationItems(list).length, label: options.annotationLabel ?? 'Annotation {n}' }
        const job: HighlightJob = { highlighter, control, index: n, code: shown.code, lang: grammar, meta, hidden: shown.hidden, ...(annotate && { annotate }) }
        key = annotate ? undefined : blockKey(job)
        const highlighted = await highlightBlock(job, key)
        if (annotate && highlighted.markers) {
          annotationWarnings(highlighted.markers, annotate.items, block.pre, file)
          if (highlighted.markers.some((m) => m.number >= 1 && m.number <= annotate.items)) markAnnotationList(list, id)
        }
        rendered = highlighted.pre
        // A block left plain has no symbols: reading them would run its runaway grammar again.
        if (grammar !== resolved) scopes.set(id, [])
        else if (highlighted.scopes) scopes.set(id, highlighted.scopes)
        lang = resolved
      }
      const children: ElementContent[] = []
      // A tab needs a name: VitePress's `[label]`, else the language as written. Outside a group VitePress's
      // preWrapper drops the `[label]`, but vitepress.dev (vitepress-plugin-group-icons) shows it as a title
      // bar, as mdBook and Docusaurus users expect of `title="…"`: a caption, never a change to the code.
      const title = block.grouped ? (block.meta.label ?? block.meta.title ?? (block.lang || 'text')) : (block.meta.title ?? block.meta.label)
      if (title) children.push(h('figcaption.code-title', title))
      children.push(rendered)
      // The theme labels a block with its language: as the author wrote it (`bash`, `console`), not shiki's name for it.
      const label = block.lang && block.lang !== lang ? block.lang : undefined
      const figure = h('figure.code', { id, dataLang: lang, dataLabel: label, dataHiddenLines: hiddenLines || undefined }, children)
      figure.position = block.pre.position
      block.parent.children[block.index] = figure
      infos.push({ id, lang, line, section: sectionAt(file.data.headings ?? [], line), ...(key && { key }) })
    }
    file.data.codeBlocks = infos
    file.data.codeScopes = scopes
    for (const { message, more } of unknownWarnings.values()) {
      if (more === 0) continue
      message.reason += ` (and ${more} more block${more === 1 ? '' : 's'} of it in this note)`
      message.message = message.reason
    }
    file.data.unknownLanguages = [...unknown].sort()
  }
}
