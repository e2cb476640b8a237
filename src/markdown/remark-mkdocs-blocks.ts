/**
 * MkDocs's indented blocks, read in an MkDocs site as Python-Markdown and
 * PyMdown Extensions read them:
 *
 * - admonitions (`admonition`): `!!! note`, `!!! warning "Custom title"`,
 *   `!!! note ""` (no title bar), extra classes after the type
 *   (`!!! danger highlight`);
 * - collapsible ones (`pymdownx.details`): `??? note` (closed), `???+ note`
 *   (open), `??? "Title"`;
 * - content tabs (`pymdownx.tabbed`): `=== "C"`; consecutive ones are one
 *   tab set (`===!` starts a new one, `===+` is the tab shown first);
 * - a fence's attributes in braces (`pymdownx.superfences`):
 *   ```` ``` { .py title="x.py" } ```` is a `py` block with that meta.
 *
 * Each opens on a line of its own and holds the lines after it indented by
 * four more spaces (blank lines between), which are markdown: lists, code,
 * nested blocks. No remark plugin reads this syntax (remark-admonitions is
 * Docusaurus's `:::`; remark-directive's is `:::` too), and CommonMark has
 * already read such a body as something else (a paragraph's lazy lines, an
 * indented code block after a blank line). So the blocks are found in the
 * note's source, by the line each paragraph starts on, and the body's
 * lines, dedented, are parsed again with this processor's own parser (every
 * syntax the note has), their positions moved back to where they sit in the
 * note: a problem inside one is reported at the note's line and column.
 * remark-mdbook-admonish reads mdbook-admonish's bodies the same way.
 *
 * An admonition becomes the node mdbook-admonish's blocks become (a `div` of
 * its title's paragraph and its body, with an `AdmonitionPlace`), which
 * rehype-mdbook-admonish renders as the theme's callouts, the Obsidian
 * callouts' frames, icons and folds, in Material's types and aliases. A tab
 * set becomes the theme's tabs as Docusaurus's `<Tabs>` do (a
 * `div.code-group.tabs` of `div.tab-panel`s, each opening with its
 * `div.tab-title`, the `===+` one also `tab-default`), which the theme
 * switches as tabs.
 */
import type { Code, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import type { Point, Position } from 'unist'
import type { Processor } from 'unified'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { fenceAttributes } from './remark-fence-attributes.ts'
import type { AdmonitionPlace } from './data.ts'
import { definitionsOf } from './remark-mdbook-admonish.ts'
import { tabPanelNode, tabSetNode } from './tab-markup.ts'

/** Python-Markdown's `tab_length`: a body is indented by this many columns more than its opener. */
const INDENT = 4

/** Material for MkDocs's admonition types and aliases, each the callout type it renders as (all of them Obsidian's too). */
const MATERIAL_TYPES: ReadonlySet<string> = new Set([
  'note', 'abstract', 'summary', 'tldr', 'info', 'todo', 'tip', 'hint', 'important', 'success', 'check', 'done',
  'question', 'help', 'faq', 'warning', 'caution', 'attention', 'failure', 'fail', 'missing', 'danger', 'error',
  'bug', 'example', 'quote', 'cite',
])

/** Python-Markdown's admonition opener (its `RE`): a type and classes, an optional quoted title. */
const ADMONITION = /^!!![ \t]?([\w-]+(?:[ \t]+[\w-]+)*)(?:[ \t]+"(.*?)")?[ \t]*$/
/** pymdownx.details's opener: `???` or `???+`, classes and a title, either of them optional but not both. */
const DETAILS = /^\?\?\?(\+?)[ \t]?(?:([\w-]+(?:[ \t]+[\w-]+)*?)?(?:[ \t]+"(.*?)")|([\w-]+(?:[ \t]+[\w-]+)*?))[ \t]*$/
/** pymdownx.tabbed's opener: `=== "Title"`, with `!` (a new set) and `+` (selected) in either order. */
const TAB = /^===(!?\+?|\+?!?)[ \t]+"(.*?)"[ \t]*$/

/** What an opener line says. */
type Opener =
  | { kind: 'admonition'; classes: string[]; title?: string; collapsible: boolean; open: boolean }
  | { kind: 'tab'; title: string; newSet: boolean; selected: boolean }

/** Which of MkDocs's extensions are read, as the site's `markdown_extensions` turn them on (each default true). */
export interface MkdocsBlocks {
  /** `!!!` (Python-Markdown's `admonition`). */
  admonition?: boolean
  /** `???` and `???+` (`pymdownx.details`). */
  details?: boolean
  /** `===` (`pymdownx.tabbed`). */
  tabbed?: boolean
  /** `*[HTML]: …` (Python-Markdown's `abbr`, remark-abbr.ts). */
  abbr?: boolean
  /** `++ctrl+c++` (`pymdownx.keys`, remark-pymdown-keys.ts). */
  keys?: boolean
  /** `Term` over `:   Definition` (Python-Markdown's `def_list`, remark-def-list.ts). */
  defList?: boolean
  /** `[a](b){ .md-button }` (Python-Markdown's `attr_list`, remark-attr-list.ts). */
  attrList?: boolean
  /** `<div markdown>` (Python-Markdown's `md_in_html`, remark-md-in-html.ts). */
  mdInHtml?: boolean
  /** `pymdownx.inlinehilite`: `` `#!c int x;` `` is highlighted inline code (read by rehype-inline-hilite; default true). */
  inlineHilite?: boolean
  /** Folders of Material's custom icons (`pymdownx.emoji`'s `custom_icons`), absolute: read by rehype-mkdocs-icons. */
  customIcons?: string[]
  /** mkdocs-macros in `plugins`: its `{{ … }}` is warned of (remark-mkdocs-macros; default false). */
  macros?: boolean
  /** Material's `content.code.annotate` (in `theme.features`): every code block's annotations are read, not only `.annotate` ones' (rehype-code; default false). */
  codeAnnotate?: boolean
  /** A code annotation marker's accessible name in the wiki's language, `{n}` its number (default `Annotation {n}`). */
  codeAnnotationLabel?: string
}

/** Read an opener line (the text from its paragraph's column), of the kinds `on`. */
function readOpener(line: string, on: MkdocsBlocks): Opener | undefined {
  const split = (classes: string | undefined) => (classes ?? '').toLowerCase().split(/[ \t]+/).filter(Boolean)
  let m = on.admonition !== false ? ADMONITION.exec(line) : null
  if (m) return { kind: 'admonition', classes: split(m[1]), title: m[2], collapsible: false, open: false }
  m = on.details !== false ? DETAILS.exec(line) : null
  if (m) return { kind: 'admonition', classes: split(m[2] ?? m[4]), title: m[3], collapsible: true, open: m[1] === '+' }
  m = on.tabbed !== false ? TAB.exec(line) : null
  if (m) return { kind: 'tab', title: m[2]!, newSet: m[1]!.includes('!'), selected: m[1]!.includes('+') }
  return undefined
}

/** The visual width of a line's leading whitespace (a tab to the next multiple of four). */
function indentOf(line: string): number {
  let width = 0
  for (const char of line) {
    if (char === ' ') width++
    else if (char === '\t') width += INDENT - (width % INDENT)
    else break
  }
  return width
}

/** Blocks nested deeper than this are left as text: each level parses its body again, so a note of thousands would take minutes. */
const MAX_NESTING = 32

/** `line` without the markers of the `quotes` block quotes it is in (`> `, each with its optional space), and how many characters they took. */
function unquote(line: string, quotes: number): { text: string; cut: number } {
  let cut = 0
  for (let q = 0; q < quotes; q++) {
    const marker = /^ {0,3}> ?/.exec(line.slice(cut))
    // A lazy line of the quote: no marker.
    if (!marker) break
    cut += marker[0].length
  }
  return { text: line.slice(cut), cut }
}

/** `line` without up to `columns` columns of leading whitespace, and how many characters that took off. */
function dedent(line: string, columns: number): { text: string; cut: number } {
  let width = 0
  let i = 0
  while (i < line.length && width < columns) {
    const char = line[i]
    if (char === ' ') width++
    else if (char === '\t') {
      const next = width + INDENT - (width % INDENT)
      // A tab reaching past the cut leaves the rest of its width as spaces.
      if (next > columns) return { text: ' '.repeat(next - columns) + line.slice(i + 1), cut: i + 1 }
      width = next
    } else break
    i++
  }
  return { text: line.slice(i), cut: i }
}

interface BlockNode extends Parent {
  type: 'mkdocsBlock'
  children: RootContent[]
}

/** Read MkDocs's admonitions, collapsible blocks and content tabs. */
export default function remarkMkdocsBlocks(this: Processor, on: MkdocsBlocks = {}) {
  const parse = (text: string) => this.parse(text) as Root
  return (tree: Root, file: VFile) => {
    const source = String(file.value)
    // pymdownx.superfences' ```` ``` { .py title="x.py" } ````, before a block's body is read.
    if (source.includes('{')) fenceAttributes(tree)
    if (!/^[ \t]*(?:!!!|\?\?\?|===)/m.test(source)) return
    const lines = source.split('\n')
    const lineStarts = [0]
    for (const line of lines) lineStarts.push(lineStarts.at(-1)! + line.length + 1)
    const definitions = definitionsOf(tree)
    const places: AdmonitionPlace[] = []
    const tabSets = new WeakSet<object>()

    /**
     * Lines `from`..`to` of the note, each without the markers of the `quotes` block quotes
     * it is in and `columns` columns of indent, parsed, at their place in the note; blocks in
     * it are read `level` deep.
     */
    const fragment = (from: number, to: number, columns: number, quotes: number, level: number): RootContent[] => {
      if (to < from) return []
      const cuts: number[] = []
      const texts: string[] = []
      for (let line = from; line <= to; line++) {
        const quoted = unquote(lines[line - 1] ?? '', quotes)
        const { text, cut } = dedent(quoted.text, columns)
        texts.push(text)
        cuts.push(quoted.cut + cut)
      }
      // A first blank line keeps a body starting with `---` from being read as frontmatter.
      const text = `\n${texts.join('\n')}`
      const last = texts.length + 1
      let root: Root
      if (definitions && text.includes('[')) {
        root = parse(`${text}\n\n${definitions}`)
        // A body that leaves a construct open (a code fence) would take the definitions in: parse it alone.
        const spills = root.children.some((child) => child.position!.start.line <= last && child.position!.end.line > last)
        root.children = spills ? parse(text).children : root.children.filter((child) => child.position!.start.line <= last)
      } else root = parse(text)
      const move = (point: Point): Point => {
        const k = Math.min(Math.max(point.line - 2, 0), texts.length - 1)
        const line = from + k
        const column = point.column + (cuts[k] ?? 0)
        return { line, column, offset: (lineStarts[line - 1] ?? 0) + column - 1 }
      }
      visit(root, (child) => {
        if (child !== root && child.position) child.position = { start: move(child.position.start), end: move(child.position.end) }
      })
      expand(root, to, quotes, level)
      return root.children
    }

    /** A title's markdown, inline, pointing at the opener. */
    const titleOf = (title: string, at: Position): PhrasingContent[] => {
      // Words and plain punctuation are no markdown: most titles ("Data loss") skip a parse, which costs about a millisecond.
      if (/^[\p{L}\p{N} ,;'"()?/-]*$/u.test(title)) return title.trim() === '' ? [] : [{ type: 'text', value: title, position: at }]
      const parsed = parse(title).children
      const content: PhrasingContent[] = parsed.length === 1 && parsed[0]!.type === 'paragraph' ? parsed[0].children : [{ type: 'text', value: title }]
      for (const child of content) visit(child, (node) => void (node.position = at))
      return content
    }

    /**
     * Expand the blocks among `parent`'s children, which are in `quotes` block quotes and
     * `level` blocks deep; `end` is the last line of the note they may take.
     */
    function expand(parent: Parent, end: number, quotes: number, level: number): void {
      for (let i = 0; i < parent.children.length; i++) {
        const child = parent.children[i] as RootContent
        if (child.type !== 'paragraph' || !child.position) {
          if ('children' in child && child.position) expand(child as Parent, child.position.end.line, quotes + (child.type === 'blockquote' ? 1 : 0), level)
          continue
        }
        const { line: start, column } = child.position.start
        const opener = level < MAX_NESTING ? readOpener((lines[start - 1] ?? '').slice(column - 1), on) : undefined
        if (!opener) continue
        // The body: the lines after the opener indented four columns past it, blank lines between.
        const prefix = unquote(lines[start - 1] ?? '', quotes)
        const need = indentOf((lines[start - 1] ?? '').slice(prefix.cut, column - 1).replace(/[^\t]/g, ' ')) + INDENT
        let last = start
        for (let line = start + 1; line <= end; line++) {
          const text = unquote(lines[line - 1] ?? '', quotes).text
          if (text.trim() === '') continue
          if (indentOf(text) >= need) last = line
          else break
        }
        // The nodes CommonMark made of those lines; a paragraph running on past them (its lazy lines) is cut there.
        let j = i
        while (j < parent.children.length && (parent.children[j]!.position?.start.line ?? Infinity) <= last) j++
        const overrun = parent.children[j - 1]!.position!.end.line
        const at: Position = { start: child.position.start, end: { line: last, column: (lines[last - 1] ?? '').length + 1, offset: lineStarts[last]! - 1 } }
        const body = fragment(start + 1, last, need, quotes, level + 1)
        const rest = overrun > last ? fragment(last + 1, overrun, need - INDENT, quotes, level) : []
        const previous = parent.children[i - 1]
        if (opener.kind === 'tab') {
          const panel = tabPanel(opener, titleOf(opener.title, { start: at.start, end: at.start }), body, at)
          if (previous && tabSets.has(previous) && !opener.newSet) {
            // The tab set before it, with only blank lines between, takes it.
            ;(previous as unknown as BlockNode).children.push(panel as unknown as RootContent)
            if (previous.position) previous.position.end = at.end
            parent.children.splice(i, j - i, ...rest)
            i--
            continue
          }
          const set = tabSetNode('mkdocsBlock', [panel as unknown as RootContent], at) as unknown as BlockNode
          tabSets.add(set)
          parent.children.splice(i, j - i, set as unknown as RootContent, ...rest)
          continue
        }
        parent.children.splice(i, j - i, admonition(opener, body, at) as unknown as RootContent, ...rest)
      }
    }

    /** An admonition: the node rehype-mdbook-admonish renders, and its place. */
    const admonition = (opener: Extract<Opener, { kind: 'admonition' }>, body: RootContent[], at: Position): BlockNode => {
      const [first = '', ...extra] = opener.classes
      // Material styles a type it does not know as a note; its classes stay on the block.
      const type = MATERIAL_TYPES.has(first) ? first : 'note'
      // Python-Markdown's title: the one written (`""`: none), else the type's name capitalised.
      const title = opener.title ?? (first ? first.charAt(0).toUpperCase() + first.slice(1) : '')
      places.push({
        line: at.start.line,
        column: at.start.column,
        type,
        builtin: true,
        titled: title !== '',
        collapsible: opener.collapsible,
        open: opener.open,
        id: '',
        classes: ['admonition', ...(first ? [first] : []), ...extra],
      })
      const heading: Paragraph = { type: 'paragraph', children: title === '' ? [] : titleOf(title, { start: at.start, end: at.start }), position: { start: at.start, end: at.start } }
      return { type: 'mkdocsBlock', data: { hName: 'div' }, children: [heading, ...body], position: at }
    }

    expand(tree, lines.length, 0, 0)
    if (places.length > 0) file.data.admonitions = [...(file.data.admonitions ?? []), ...places]
  }
}

/** One tab: its title (hidden while the theme shows it as a tab) and its body. */
function tabPanel(opener: Extract<Opener, { kind: 'tab' }>, title: PhrasingContent[], body: RootContent[], at: Position): BlockNode {
  return tabPanelNode('mkdocsBlock', title, body, opener.selected, at) as unknown as BlockNode
}

