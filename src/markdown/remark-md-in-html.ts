/**
 * Python-Markdown's Markdown in HTML (`md_in_html`, in an MkDocs site that
 * lists it): an HTML block whose opening tag has a `markdown` attribute
 * (`<div class="grid cards" markdown>`, `markdown="1"`, `"block"`, `"span"`)
 * holds markdown, with or without blank lines around it; the attribute is
 * the processor's, never the page's. CommonMark already reads markdown
 * between blank lines inside HTML; what it keeps as HTML (the lines right
 * after the opening tag) is parsed again here with this processor's parser,
 * at its place in the note, and the attribute is taken off so the sanitiser
 * does not report it as the author's HTML.
 */
import type { Html, Parent, Root, RootContent } from 'mdast'
import type { Point } from 'unist'
import type { Processor } from 'unified'
import { SKIP, visit } from 'unist-util-visit'

/** An opening tag at the start of an HTML block, and its attributes. */
const OPEN = /^<([A-Za-z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/
/** The `markdown` attribute among them. */
const MARKDOWN_ATTRIBUTE = /\s+markdown(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?(?=\s|$)/i

/** Read `<tag markdown>` blocks' markdown. */
export default function remarkMdInHtml(this: Processor) {
  const parse = (text: string) => this.parse(text) as Root
  const transform = (tree: Root | Parent) => {
    visit(tree as Root, 'html', (node: Html, index, parent) => {
      if (index === undefined || !parent) return
      const open = OPEN.exec(node.value)
      const attribute = open ? MARKDOWN_ATTRIBUTE.exec(open[2]!) : null
      if (!open || !attribute) return
      const mode = (attribute[1] ?? attribute[2] ?? attribute[3] ?? '1').toLowerCase()
      const opening = `<${open[1]}${open[2]!.replace(attribute[0], '')}>`
      const rest = node.value.slice(open[0].length)
      const close = new RegExp(`</${open[1]}\\s*>\\s*$`, 'i').exec(rest)
      const inner = close ? rest.slice(0, close.index) : rest
      if (inner.trim() === '' || mode === '0' || !node.position || node.position.start.offset === undefined) {
        node.value = opening + rest
        return
      }
      // Where the inner text starts in the note: positions of what is parsed are moved there.
      const start = node.position.start
      const lead = /^[ \t]*\n?/.exec(inner)![0]
      const body = inner.slice(lead.length)
      const before = node.value.slice(0, open[0].length + lead.length)
      const lines = before.split('\n')
      const at: Point = {
        line: start.line + lines.length - 1,
        column: lines.length > 1 ? lines.at(-1)!.length + 1 : start.column + before.length,
        offset: start.offset! + before.length,
      }
      const root = parse(body)
      visit(root, (child) => {
        if (child === root || !child.position) return
        const move = (p: Point): Point => ({ line: at.line + p.line - 1, column: p.line === 1 ? at.column + p.column - 1 : p.column, offset: at.offset! + (p.offset ?? 0) })
        child.position = { start: move(child.position.start), end: move(child.position.end) }
      })
      transform(root)
      // `markdown="span"`: the content is inline, not a paragraph of its own.
      const children = mode === 'span' && root.children.length === 1 && root.children[0]!.type === 'paragraph' ? (root.children[0].children as unknown as RootContent[]) : root.children
      const replaced: RootContent[] = [{ type: 'html', value: opening, position: { start, end: at } }, ...children]
      if (close) replaced.push({ type: 'html', value: close[0].trim(), position: { start: node.position.end, end: node.position.end } })
      parent.children.splice(index, 1, ...(replaced as never[]))
      return [SKIP, index + replaced.length]
    })
  }
  return (tree: Root) => transform(tree)
}
