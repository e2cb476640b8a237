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
 * - `toctree` is Sphinx's navigation, not content: it is dropped with one
 *   `myst-toctree` warning per note (the folders give the sidebar);
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
import type { Code, Heading, InlineCode, Link, Parent, PhrasingContent, Root, Text } from 'mdast'
import { toString } from 'mdast-util-to-string'
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
/** A role before an inline code: `{doc}`. */
const ROLE_BEFORE = /\{(doc|ref)\}$/
/** A target line: `(label)=`. */
const TARGET = /^\(([^()\s]+)\)=$/
/** A role's text with its target: `text <target>`. */
const TITLED = /^([\s\S]*?)\s*<([^<>]+)>$/

/** What a note's reading has found, for its directives' bodies too. */
interface MystState {
  toctreeReported: boolean
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
    const state: MystState = { toctreeReported: false, labels: new Map() }
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
    for (; k < lines.length; k++) {
      const option = OPTION.exec(lines[k]!)
      if (!option) break
      options[option[1]!.toLowerCase()] = (option[2] ?? '').trim()
    }
    const body = lines.slice(k).join('\n').replace(/^\n+/, '')
    if (name === 'toctree') {
      if (!state.toctreeReported) file.message('Sphinx `toctree` dropped: the folders give the sidebar', node, 'slugwiki:myst-toctree')
      state.toctreeReported = true
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
    if (CODE.has(name)) {
      node.lang = argument.split(/\s+/)[0] || null
      node.meta = null
      node.value = body
      return
    }
    if (name === 'math') {
      const math: Math = { type: 'math', value: body, position: node.position }
      parent.children.splice(index, 1, math)
      return
    }
    const type = ADMONITIONS[name]
    if (!type) return
    const version = VERSION_TITLES[name]
    const title = version ? `${version} ${argument}`.trim() : argument || (name === 'admonition' ? '' : name === 'seealso' ? 'See also' : name.charAt(0).toUpperCase() + name.slice(1))
    const classes = (options.class ?? '').split(/[\s,]+/).filter(Boolean)
    const shown = name === 'admonition' ? (classes.map((c) => ADMONITIONS[c]).find(Boolean) ?? 'note') : type
    const meta = [`type=${JSON.stringify(shown)}`]
    if (title) meta.push(`title=${JSON.stringify(title)}`)
    if (classes.includes('dropdown')) meta.push('collapsible=true')
    if (options.name) meta.push(`id=${JSON.stringify(options.name)}`)
    node.lang = 'admonish'
    // Option lines become blank lines: the body keeps its lines in the note, for diagnostics.
    node.meta = meta.join(' ')
    node.value = [...lines.slice(0, k).map(() => ''), ...lines.slice(k)].join('\n')
    return
  })
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
    const target = TARGET.exec(node.children[0]!.value.trim())
    if (!target) return
    const next = parent.children[index + 1]
    if (next?.type === 'heading') state.labels.set(target[1]!, { id: ids.get(next)!, text: toString(next) })
    parent.children.splice(index, 1)
    return [SKIP, index]
  })
}

/** The `{doc}` and `{ref}` roles. */
function roles(tree: Root, file: VFile, state: MystState): void {
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
    if (role[1] === 'ref') {
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
