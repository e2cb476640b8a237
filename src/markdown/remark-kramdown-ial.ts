/**
 * kramdown's block inline attribute lists, as a Jekyll site writes them (the
 * just-the-docs theme's callouts, labels and font sizes): a line that is only
 * `{: .class #id }` sets the id and classes of the block just before
 * it (no blank line between: `# Title` then `{: .no_toc }`, or a paragraph's
 * last line), else of the block after it (`{: .warning }` then a paragraph or
 * a block quote). The line itself is not shown. `1. TOC` then `{:toc}` (or
 * `* TOC`) is kramdown's table of contents: the placeholder mdbook-toc.ts
 * fills with the headings after it, leaving out those with `.no_toc`.
 * Attribute definitions (`{:name: .class}`) and references are dropped.
 *
 * just-the-docs' callouts: a paragraph or block quote whose class is one
 * `_config.yml` lists under `callouts` is a callout in the theme's alert
 * frame, titled with the callout's `title`; with `<name>-title` a block
 * quote's first paragraph is its title. Its `color` picks the frame:
 * blue, green, purple, yellow and red are GitHub's note, tip, important,
 * warning and caution; another colour a neutral frame.
 *
 * To CommonMark the line is text: a paragraph of its own, or the first or
 * last line of the paragraph it sticks to. No remark plugin reads kramdown's
 * syntax (remark-attr reads another, for remark's old tokenizer); the
 * attributes are read as remark-attr-list.ts reads Python-Markdown's, which
 * kramdown's inline lists (`[Button](url){: .btn }`) are too.
 */
import type { Parent, Root, RootContent, Text } from 'mdast'
import { visit } from 'unist-util-visit'
import { readAttributeList } from './remark-attr-list.ts'
import { TOC_ALL_LEVELS, TOC_CLASS } from './mdbook-toc.ts'

/** A whole line that is a block IAL: `{: … }` (or `{:toc}`), its content. */
const IAL_LINE = /^[ \t]*\{:(?![a-zA-Z][\w-]*:)[ \t]*([^}\n]*?)[ \t]*\}[ \t]*$/
/** An attribute list definition, `{:name: .class}`: dropped, as no reference is read. */
const ALD_LINE = /^[ \t]*\{:[a-zA-Z][\w-]*:[^}\n]*\}[ \t]*$/

/** A just-the-docs callout as `_config.yml` defines it. */
export interface KramdownCallout {
  title?: string
  color?: string
}

export interface KramdownIalOptions {
  /** just-the-docs' `callouts` of `_config.yml`, by name (default none). */
  callouts?: Readonly<Record<string, KramdownCallout>>
}

/** The theme's alert style of a just-the-docs colour (GitHub's alerts' palette). */
const STYLE: Record<string, string> = { blue: 'note', green: 'tip', purple: 'important', yellow: 'warning', red: 'caution' }

/** Read kramdown's block IALs and `{:toc}`, then just-the-docs' callouts. */
export default function remarkKramdownIal(options: KramdownIalOptions = {}) {
  const callouts = options.callouts ?? {}
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!('children' in node) || node.type === 'paragraph' || node.type === 'heading') return
      readBlocks(node as Parent)
    })
    if (Object.keys(callouts).length === 0) return
    visit(tree, (node) => {
      if (node.type === 'paragraph' || node.type === 'blockquote') frame(node, callouts)
    })
  }
}

/** Make a paragraph or block quote with a callout's class a callout: its title, then its content in the frame. */
function frame(node: RootContent & { children: RootContent[] }, callouts: Readonly<Record<string, KramdownCallout>>) {
  const own = (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties
  const classes = Array.isArray(own?.className) ? (own.className as string[]) : []
  let name: string | undefined
  let titled = false
  for (const c of classes) {
    if (Object.hasOwn(callouts, c)) name = c
    else if (node.type === 'blockquote' && c.endsWith('-title') && Object.hasOwn(callouts, c.slice(0, -6))) {
      name = c.slice(0, -6)
      titled = true
    }
    if (name) break
  }
  if (!name) return
  const callout = callouts[name]!
  const content = [...node.children]
  // `<name>-title`: the quote's first paragraph is the title.
  const first = titled && content[0]?.type === 'paragraph' ? (content.shift() as RootContent & { children: RootContent[] }) : undefined
  const title = first ? first.children : callout.title ? [{ type: 'text', value: callout.title } as RootContent] : []
  // The content in the frame's content box: the paragraph itself, or the quote's blocks.
  const body = { type: 'blockquote', children: node.type === 'paragraph' ? [{ type: 'paragraph', children: node.children }] : content, data: { hName: 'div', hProperties: { className: ['callout-content'] } } } as RootContent
  const style = STYLE[callout.color ?? ''] ?? 'other'
  const rest = classes.filter((c) => c !== name && c !== `${name}-title`)
  const frameNode = node as unknown as { type: string; children: RootContent[]; data: { hName: string; hProperties: Record<string, unknown> } }
  frameNode.type = 'blockquote'
  frameNode.data = { hName: 'div', hProperties: { ...own, className: ['markdown-alert', `markdown-alert-${style}`, 'callout', ...rest] } }
  frameNode.children = [
    ...(title.length ? [{ type: 'paragraph', children: title, data: { hProperties: { className: ['markdown-alert-title', 'callout-title'] } } } as RootContent] : []),
    body,
  ]
}

function readBlocks(parent: Parent) {
  const children = parent.children as RootContent[]
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!
    // `1. TOC` / `{:toc}`: a list of one item whose text is `TOC` with the IAL.
    if (node.type === 'list' && node.children.length === 1 && isTocItem(node.children[0]!)) {
      // kramdown's `toc_levels` default is 1–6, where mdbook-toc's is 4.
      children[i] = { type: 'paragraph', children: [], position: node.position, data: { hName: 'div', hProperties: { className: [TOC_CLASS, TOC_ALL_LEVELS] } } }
      continue
    }
    if (node.type !== 'paragraph') continue
    const lines = paragraphLines(node)
    if (lines === undefined) continue
    // A paragraph of IAL lines only: the block before it when nothing is between, else the one after.
    if (lines.every((l) => IAL_LINE.test(l) || ALD_LINE.test(l))) {
      const before = children[i - 1]
      const touching = before && before.position && node.position && before.position.end.line + 1 === node.position.start.line
      const target = touching ? before : children[i + 1]
      for (const line of lines) if (target) apply(target, line)
      children.splice(i, 1)
      i--
      continue
    }
    // `{: .warning }` as a paragraph's first line, or `{: .fs-6 }` as its last: the paragraph's.
    const first = node.children[0]
    if (first?.type === 'text') {
      const m = /^([^\n]*)\n/.exec(first.value)
      if (m && (IAL_LINE.test(m[1]!) || ALD_LINE.test(m[1]!))) {
        first.value = first.value.slice(m[0].length)
        apply(node, m[1]!)
      }
    }
    const last = node.children[node.children.length - 1]
    if (last?.type === 'text') {
      const m = /\n([^\n]*)$/.exec(last.value)
      if (m && (IAL_LINE.test(m[1]!) || ALD_LINE.test(m[1]!))) {
        last.value = last.value.slice(0, m.index)
        apply(node, m[1]!)
      }
    }
  }
}

/** A paragraph's lines, when it is text only (an IAL paragraph is). */
function paragraphLines(node: { children: RootContent[] }): string[] | undefined {
  if (node.children.length === 0) return undefined
  const texts = node.children.filter((c): c is Text => c.type === 'text')
  if (texts.length === 0) return undefined
  // Only the first and last text can hold a whole IAL line; the rest is read there.
  if (node.children.length > 1) return ['']
  return texts[0]!.value.split('\n')
}

/** Whether a list item is kramdown's `TOC` line with `{:toc}` under it. */
function isTocItem(item: RootContent): boolean {
  if (item.type !== 'listItem' || item.children.length !== 1 || item.children[0]!.type !== 'paragraph') return false
  const lines = paragraphLines(item.children[0]!)
  return lines !== undefined && lines.length === 2 && lines[1]!.trim() === '{:toc}'
}

/** Set the attributes of an IAL line on a block (classes added to its own). */
function apply(node: RootContent, line: string) {
  const list = IAL_LINE.exec(line)?.[1]
  const read = list === undefined ? undefined : readAttributeList(list)
  // An id and classes only: other attributes (`data-kind="lead"`) would be taken off by the final sanitising pass anyway.
  const properties = read && { ...(read.id !== undefined && { id: read.id }), ...(read.className !== undefined && { className: read.className }) }
  if (!properties || Object.keys(properties).length === 0) return
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> }
  const own = (data.hProperties ??= {})
  const classes = [...(Array.isArray(own.className) ? own.className : []), ...((properties.className as string[] | undefined) ?? [])]
  Object.assign(own, properties)
  if (classes.length) own.className = classes
}
