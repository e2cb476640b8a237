/**
 * MyST markdown (Sphinx's myst-parser, Jupyter Book): its directives written
 * as backtick fences, ```` ```{note} ````, and its `{doc}` role.
 *
 * mystmd's own packages (`myst-parser`, `myst-to-html` on npm) parse with
 * markdown-it into their own tree on unified 10, no remark plugin this
 * processor can use; so the common directives are read here, on the tree
 * micromark made:
 *
 * - an admonition (`note`, `warning`, `tip`, … `admonition`, `versionadded`,
 *   `deprecated`) becomes an mdbook-admonish block, so its body is the
 *   note's own markdown (remark-mdbook-admonish parses it): the directive's
 *   argument is its title, `:class: dropdown` folds it, the other option
 *   lines are dropped (blank lines keep the body's lines where they are);
 * - `code-block`, `code` and `sourcecode` are a code block in the language
 *   their argument names, their options dropped;
 * - `math` is display math;
 * - `toctree` is Sphinx's navigation, read into the sidebar by
 *   content/toctree.ts; one without `:hidden:` is a list of links to its
 *   entries here too, as Sphinx shows it;
 * - `` {doc}`path` `` and `` {doc}`text <path>` `` link to the note at that
 *   path (relative to the note, `/` from the source folder), as Sphinx does;
 * - a `(label)=` target line is no text: a `` {ref}`label` `` (or
 *   `` {ref}`text <label>` ``) in the same note links to the heading after it,
 *   shown with the heading's text as Sphinx shows it; a label of another
 *   note (Sphinx's labels are site-wide, which slugwiki does not collect
 *   yet) is shown as text with a `myst-ref` warning.
 *
 * Other directives stay code blocks, as before.
 */
import GithubSlugger from 'github-slugger'
import type { Code, Heading, Image, InlineCode, Link, ListItem, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { parse as parseYaml } from 'yaml'
import type { Math } from 'mdast-util-math'
import type { Processor } from 'unified'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { rewriteColonFences } from './myst-colon-fences.ts'

/** A directive fence's language: `{name}`. */
const DIRECTIVE = /^\{([\w-]+)\}$/
/** An option line at the top of a directive's body: `:name: value`. */
const OPTION = /^:([\w-]+):(?:\s+(.*))?$/
/** Directives that are callouts, and the admonish type they show as. */
const ADMONITIONS: Readonly<Record<string, string>> = {
  note: 'note', warning: 'warning', tip: 'tip', hint: 'tip', important: 'info', caution: 'warning',
  attention: 'warning', danger: 'danger', error: 'failure', seealso: 'info', admonition: 'note',
  versionadded: 'success', versionchanged: 'info', deprecated: 'warning', todo: 'note',
}
/** Sphinx's version directives: their argument is a version, shown in the title. */
const VERSION_TITLES: Readonly<Record<string, string>> = { versionadded: 'New in version', versionchanged: 'Changed in version', deprecated: 'Deprecated since version' }
const CODE = new Set(['code-block', 'code', 'sourcecode'])
/** An `{eval-rst}` block that only names the program its options are of. */
const PROGRAM_ONLY = /^\s*\.\. program::[^\n]*\s*$/
/** Directives that describe an object (`{option} --help, -h`): a term and its markdown description. */
const DESCRIPTIONS = new Set(['option', 'envvar', 'describe', 'object', 'confval'])
/** A role before an inline code: `{doc}`. */
const ROLE_BEFORE = /\{([\w:+.-]+)\}$/
/** A target line: `(label)=`. */
const TARGET = /^\(([^()\s]+)\)=$/
/** A role's text with its target: `text <target>`. */
const TITLED = /^([\s\S]*?)\s*<([^<>]+)>$/

/** What a note's reading has found, for its directives' bodies too. */
interface MystState {
  /** Directives already reported as not read, by name. */
  unread: Set<string>
  /** This processor's parser, for a directive's body. */
  parse: (text: string) => Root
  /** Each `(label)=` of the note and its heading's id and text. */
  labels: Map<string, { id: string; text: string }>
}

const states = new WeakMap<VFile, MystState>()

/** Read MyST's common directives, targets and the `{doc}` and `{ref}` roles. */
export default function remarkMyst(this: Processor) {
  // Colon fences and comments are read before micromark parses the note (see myst-colon-fences.ts).
  const parser = this.parser
  if (parser) this.parser = (document, file) => parser(rewriteColonFences(document), file)
  return (tree: Root, file: VFile) => {
    const state: MystState = { unread: new Set(), labels: new Map(), parse: (text) => this.parse(text) as Root }
    states.set(file, state)
    directives(tree, file, state)
    targets(tree, state)
    roles(tree, file, state)
  }
}

/** Read MyST in a directive's body, parsed on its own (remark-mdbook-admonish's): nested directives, targets and roles. */
export function mystBody(tree: Root, file: VFile): void {
  const state = states.get(file)
  if (!state) return
  directives(tree, file, state)
  targets(tree, state)
  roles(tree, file, state)
}

/** The directives in backtick (or rewritten colon) fences. */
function directives(tree: Root, file: VFile, state: MystState): void {
  visit(tree, 'code', (node: Code, index, parent) => {
    if (index === undefined || !parent || !node.lang) return
    const directive = DIRECTIVE.exec(node.lang)
    if (!directive) return
    const name = directive[1]!.toLowerCase()
    const argument = (node.meta ?? '').trim()
    const lines = node.value.split('\n')
    const options: Record<string, string> = {}
    let k = 0
    if (lines[0]?.trim() === '---') {
      // Options as a YAML block between `---` lines.
      const end = lines.indexOf('---', 1)
      if (end > 0) {
        let read: unknown
        try {
          read = parseYaml(lines.slice(1, end).join('\n'))
        } catch {
          file.message('Unreadable YAML options of a MyST directive: ignored', node, 'slugwiki:myst-directive')
        }
        if (read && typeof read === 'object') {
          for (const [key, value] of Object.entries(read)) options[key.toLowerCase()] = String(value).trim()
        }
        k = end + 1
      }
    }
    for (; k < lines.length; k++) {
      const option = OPTION.exec(lines[k]!)
      if (!option) break
      options[option[1]!.toLowerCase()] = (option[2] ?? '').trim()
    }
    // The body after the options and the blank lines that end them.
    const lead = Math.max(lines.slice(k).findIndex((line) => line.trim() !== ''), 0)
    const body = lines.slice(k + lead).join('\n')
    if (name === 'toctree') {
      // The sidebar is read from the toctrees (content/toctree.ts); a visible one is also its list of links here, as Sphinx shows it.
      const entries = options.hidden === undefined ? body.split('\n').map((line) => line.trim()).filter((line) => line && !/[*?[]/.test(line) && line !== 'self') : []
      const items: ListItem[] = entries.map((line) => {
        const titled = TITLED.exec(line)
        const target = titled ? titled[2]! : line
        const url = /^(https?:|mailto:)/i.test(target) || /\.md$/.test(target) ? target : `${target}.md`
        const text = (titled && titled[1]) || target.split('/').pop()!
        return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', value: text }], position: node.position }] }] }
      })
      const shown: RootContent[] = []
      if (items.length > 0 && options.caption) shown.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: options.caption }] }], position: node.position })
      if (items.length > 0) shown.push({ type: 'list', ordered: false, spread: false, children: items, position: node.position })
      parent.children.splice(index, 1, ...shown)
      return [SKIP, index + shown.length]
    }
    if (CODE.has(name)) {
      node.lang = argument.split(/\s+/)[0] || null
      node.meta = null
      node.value = body
      return
    }
    if (name === 'math') {
      const value = [argument, body].filter(Boolean).join('\n')
      // mdast-util-math's own shape: its hast (pre > code.math-display) is what KaTeX's plugin typesets.
      const math: Math = { type: 'math', value, position: node.position, data: { hName: 'pre', hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value }] }] } }
      parent.children.splice(index, 1, math)
      return
    }
    // Sphinx's program context for the `{option}`s after it: nothing to show.
    if (name === 'program' || (name === 'eval-rst' && PROGRAM_ONLY.test(node.value))) {
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
    const bodyAt = (node.position?.start.line ?? 1) + k + lead
    if (name === 'rubric') {
      const rubric: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: argument }] }], position: node.position }
      parent.children.splice(index, 1, rubric)
      return
    }
    if (name === 'image' || name === 'figure') {
      const image: Image = { type: 'image', url: argument, alt: options.alt ?? '', position: node.position }
      const caption = name === 'figure' ? parseBody(body, bodyAt, file, state) : []
      parent.children.splice(index, 1, { type: 'paragraph', children: [image], position: node.position }, ...caption)
      return [SKIP, index + 1 + caption.length]
    }
    if (DESCRIPTIONS.has(name)) {
      const term = { type: 'mystTerm', data: { hName: 'dt' }, children: [{ type: 'inlineCode', value: argument }] }
      const description = { type: 'mystDescription', data: { hName: 'dd' }, children: parseBody(body, bodyAt, file, state) }
      parent.children.splice(index, 1, { type: 'mystDescriptionList', data: { hName: 'dl', hProperties: { className: ['myst-' + name] } }, children: [term, description], position: node.position } as unknown as Code)
      return [SKIP, index + 1]
    }
    const type = ADMONITIONS[name]
    if (!type) {
      if (!state.unread.has(name)) file.message(`MyST directive \`{${name}}\` is not read: shown as its source`, node, 'slugwiki:myst-directive')
      state.unread.add(name)
      node.meta = null
      node.lang = null
      node.value = lines.join('\n')
      return
    }
    const version = VERSION_TITLES[name]
    // Sphinx's `note` and its kin take no argument: myst-parser reads text after the name as the
    // body's first line (```` ```{note} Only the NVRTC component… ```` in cuda-python); MyST's own
    // docs title a block with it when a body follows (`:::{tip} My custom title`). Both are kept.
    const inline = !version && name !== 'admonition' && argument !== '' && body.trim() === ''
    const title = version ? `${version} ${argument}`.trim() : (!inline && argument) || (name === 'admonition' ? '' : name === 'seealso' ? 'See also' : name.charAt(0).toUpperCase() + name.slice(1))
    const classes = (options.class ?? '').split(/[\s,]+/).filter(Boolean)
    const shown = name === 'admonition' ? (classes.map((c) => ADMONITIONS[c]).find(Boolean) ?? 'note') : type
    const meta = [`type=${JSON.stringify(shown)}`]
    if (title) meta.push(`title=${JSON.stringify(title)}`)
    if (classes.includes('dropdown')) meta.push('collapsible=true')
    if (options.name) meta.push(`id=${JSON.stringify(options.name)}`)
    node.lang = 'admonish'
    // Option lines become blank lines: the body keeps its lines in the note, for diagnostics.
    node.meta = meta.join(' ')
    node.value = inline ? argument : [...lines.slice(0, k).map(() => ''), ...lines.slice(k)].join('\n')
    return
  })
}

/** A directive's body, parsed as the note's markdown and read as MyST, its positions moved to the note's lines (`line` is its first). */
function parseBody(text: string, line: number, file: VFile, state: MystState): RootContent[] {
  // A first blank line keeps a body starting with `---` from being read as frontmatter.
  const root = state.parse(`\n${text}`)
  visit(root, (child) => {
    if (child === root || !child.position) return
    const move = (point: { line: number; column: number }) => ({ line: point.line + line - 1, column: point.column })
    child.position = { start: move(child.position.start), end: move(child.position.end) }
  })
  mystBody(root, file)
  return root.children
}

/** `(label)=` lines: dropped, each label naming the heading after it. */
function targets(tree: Root, state: MystState): void {
  // Targets, and the heading each names: its id is the one github-slugger gives, in the note's order.
  const slugger = new GithubSlugger()
  const ids = new Map<Heading, string>()
  visit(tree, 'heading', (heading: Heading) => {
    ids.set(heading, slugger.slug(toString(heading)))
  })
    visit(tree, 'paragraph', (node, index, parent) => {
    if (index === undefined || !parent || node.children.length !== 1 || node.children[0]!.type !== 'text') return
    // One target a line; several may name the same heading.
    const targets = node.children[0]!.value.split('\n').map((line) => TARGET.exec(line.trim()))
    if (!targets.every(Boolean)) return
    const next = parent.children[index + 1]
    if (next?.type === 'heading') for (const target of targets) state.labels.set(target![1]!, { id: ids.get(next)!, text: toString(next) })
    parent.children.splice(index, 1)
    return [SKIP, index]
  })
}

/** The `{doc}` and `{ref}` roles, and MyST's links to a label, `[text](#label)`. */
function roles(tree: Root, file: VFile, state: MystState): void {
  visit(tree, 'link', (node: Link) => {
    if (!node.url.startsWith('#')) return
    const label = state.labels.get(decodeURIComponent(node.url.slice(1)))
    if (!label) return
    node.url = `#${label.id}`
    // `[](#label)`: MyST shows the heading's text.
    if (node.children.length === 0) node.children = [{ type: 'text', value: label.text }]
  })
  visit(tree, 'inlineCode', (node: InlineCode, index, parent: Parent | undefined) => {
    if (index === undefined || !parent || index === 0) return
    const before = parent.children[index - 1]
    if (before?.type !== 'text') return
    const role = ROLE_BEFORE.exec((before as Text).value)
    if (!role) return
    const titled = TITLED.exec(node.value)
    const target = (titled ? titled[2]! : node.value).trim()
    let text = titled ? titled[1]! : target
    let replacement: PhrasingContent
    const name = role[1]!
    if (name === 'math') {
      // remark-math's inline math node: KaTeX typesets it when math is on, else it stays code.
      replacement = { type: 'inlineMath', value: node.value, data: { hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: [{ type: 'text', value: node.value }] }, position: node.position } as unknown as PhrasingContent
    } else if (name === 'program') {
      replacement = { type: 'strong', children: [{ type: 'text', value: node.value, position: node.position }], position: node.position }
    } else if (name !== 'doc' && name !== 'ref') {
      // Another role (`{option}`, `{manpage}`, `{term}`, `{py:class}`): its text, as code; its Sphinx target is not known here.
      replacement = { ...node, value: text }
    } else if (name === 'ref') {
      const label = state.labels.get(target)
      if (label) {
        text = titled ? text : label.text
        replacement = { type: 'link', url: `#${label.id}`, children: [{ type: 'text', value: text, position: node.position }], position: node.position }
      } else {
        file.message(`\`{ref}\` label \`${target}\` is not in this note: shown as text`, node, 'slugwiki:myst-ref')
        replacement = { type: 'text', value: text, position: node.position }
      }
    } else {
      const url = /\.[a-z]+$/i.test(target) ? target : `${target}.md`
      replacement = { type: 'link', url, children: [{ type: 'text', value: text, position: node.position }], position: node.position } satisfies Link
    }
    ;(before as Text).value = (before as Text).value.slice(0, -role[0].length)
    parent.children.splice(index, 1, replacement)
    if ((before as Text).value === '') {
      parent.children.splice(index - 1, 1)
      return [SKIP, index]
    }
    return [SKIP, index + 1]
  })
}
