/**
 * A JSX tag whose attributes hold an expression (`<Badge text="Custom"
 * style={{ fontStyle: 'italic' }} />`, `<Card icon={star}>`) in an MDX doc
 * of a Starlight site: markdown's HTML has no `{…}` attribute value, so the
 * tag was a paragraph of its source text, JSX noise on the page. A
 * paragraph that is only such tags becomes raw HTML, the tags with their
 * expression attributes left out (an expression is JavaScript, never run
 * here), for rehype-starlight-components and sanitising to read as any
 * component. MDX's own parser (micromark-extension-mdx-jsx, with acorn)
 * would also read every `<` and `{` of the prose as JSX and fail on plain
 * markdown, so only such a paragraph is read, by a scanner that matches
 * the braces (and skips strings inside them).
 *
 * Two more of MDX's readings, where markdown's differ: a start tag over
 * several lines whose `>` stands on a line of its own (Prettier's form,
 * `<LinkButton⏎\thref="…"⏎>`) was a paragraph and an empty block quote; and
 * in an `.mdx` doc, which has no indented code (MDX removed it), a
 * component's indented children (`\tRelated: Astro`) were a code block:
 * they are the component's markdown, parsed as the note's, at their place.
 */
import type { Blockquote, Code, Html, Paragraph, Parent, Root, RootContent } from 'mdast'
import type { Processor } from 'unified'
import type { Point } from 'unist'
import { VFile } from 'vfile'
import { visit, SKIP } from 'unist-util-visit'

/** The end of a JSX tag starting at `from` (a `<`), with its expression attributes dropped, or undefined when it is none. */
function readTag(text: string, from: number): { end: number; html: string; dropped: boolean } | undefined {
  const head = /^<\/?[A-Za-z][\w.:-]*/.exec(text.slice(from))
  if (!head) return undefined
  let html = head[0]
  let i = from + head[0].length
  let dropped = false
  while (i < text.length) {
    const rest = text.slice(i)
    const close = /^\s*\/?>/.exec(rest)
    if (close) return { end: i + close[0].length, html: html + close[0].trimStart(), dropped }
    const name = /^\s+[A-Za-z_:][\w:.-]*/.exec(rest)
    if (!name) return undefined
    i += name[0].length
    const equals = /^\s*=\s*/.exec(text.slice(i))
    if (!equals) {
      html += name[0]
      continue
    }
    i += equals[0].length
    const quoted = /^(?:"[^"]*"|'[^']*')/.exec(text.slice(i))
    if (quoted) {
      html += `${name[0]}=${quoted[0]}`
      i += quoted[0].length
      continue
    }
    if (text[i] !== '{') return undefined
    const end = braceEnd(text, i)
    if (end === undefined) return undefined
    // The expression attribute is left out.
    dropped = true
    i = end
  }
  return undefined
}

/** Just past the `}` matching the `{` at `from`, skipping quoted strings and template literals. */
function braceEnd(text: string, from: number): number | undefined {
  let depth = 0
  for (let i = from; i < text.length; i++) {
    const c = text[i]!
    if (c === '"' || c === "'" || c === '`') {
      const close = text.indexOf(c, i + 1)
      if (close === -1) return undefined
      i = close
    } else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return i + 1
  }
  return undefined
}

/** The raw HTML of a paragraph made only of JSX tags (and blanks), when one holds an expression attribute. */
function tagsOnly(source: string): string | undefined {
  let html = ''
  let expression = false
  let i = 0
  while (i < source.length) {
    const blank = /^\s+/.exec(source.slice(i))
    if (blank) {
      html += blank[0]
      i += blank[0].length
      continue
    }
    if (source[i] !== '<') return undefined
    const tag = readTag(source, i)
    if (!tag) return undefined
    expression ||= tag.dropped
    html += tag.html
    i = tag.end
  }
  return expression ? html : undefined
}

/** Read paragraphs that are JSX tags with expression attributes as raw HTML, and MDX's other forms above. */
export default function remarkJsxParagraphs(this: Processor) {
  const processor = this
  return (tree: Root, file: VFile) => {
    const text = String(file.value)
    joinSplitTags(tree, text)
    if (/\.mdx$/i.test(file.path ?? '')) unindent(processor, tree, text)
    if (!text.includes('={')) return
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined || index === undefined || !parent) return
      const source = text.slice(start, end)
      if (!source.startsWith('<') || !source.includes('={')) return
      const html = tagsOnly(source)
      if (html === undefined) return
      const raw: Html = { type: 'html', value: html, position: node.position }
      parent.children.splice(index, 1, raw as Paragraph['children'][number] & Html)
      return SKIP
    })
  }
}

/** A start tag's `>` alone on its line: the paragraph before it (`<LinkButton` and its attributes) and the empty quote it made are the tag. */
function joinSplitTags(tree: Root, text: string): void {
  visit(tree, (node) => {
    if (!('children' in node)) return
    const children = (node as Parent).children as RootContent[]
    for (let i = 0; i + 1 < children.length; i++) {
      const paragraph = children[i]!
      const quote = children[i + 1]!
      if (paragraph.type !== 'paragraph' || quote.type !== 'blockquote' || (quote as Blockquote).children.length !== 0) continue
      const start = paragraph.position?.start.offset
      const end = quote.position?.end.offset
      if (start === undefined || end === undefined) continue
      const source = text.slice(start, end)
      if (!/^<[A-Z][\w.]*\s[\s\S]*\n[^\S\n]*>$/.test(source)) continue
      const tag = readTag(source.replace(/\n[^\S\n]*>$/, '>'), 0)
      if (!tag || tag.end !== source.replace(/\n[^\S\n]*>$/, '>').length) continue
      const html: Html = { type: 'html', value: tag.html, position: { start: paragraph.position!.start, end: quote.position!.end } }
      children.splice(i, 2, html as RootContent)
    }
  })
}

/**
 * An `.mdx` doc's indented code (no fence in its source) is markdown, as MDX
 * reads it: parsed with the note's parser, its positions moved to where its
 * lines are in the note (or left out where a tab was split into spaces).
 */
function unindent(processor: Processor, tree: Root, text: string): void {
  const lineStarts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  visit(tree, 'code', (node: Code, index, parent) => {
    const start = node.position?.start
    if (!start || start.offset === undefined || index === undefined || !parent || node.lang || /^[^\S\n]*(?:`{3,}|~{3,})/.test(text.slice(start.offset))) return
    const parsed = processor.parse(new VFile({ value: node.value })) as Root
    // How many characters of each of its lines the indentation took, when each line of the value ends its source line.
    const lines = node.value.split('\n')
    const cut = lines.map((line, j) => {
      const at = lineStarts[start.line - 1 + j]
      const next = lineStarts[start.line + j]
      if (at === undefined) return undefined
      const source = text.slice(at, next === undefined ? undefined : next - 1).replace(/\r$/, '')
      return source.endsWith(line) ? source.length - line.length : undefined
    })
    const place = (point: Point | undefined): Point | undefined => {
      const removed = point && cut[point.line - 1]
      if (!point || removed === undefined) return undefined
      const line = start.line - 1 + point.line
      return { line, column: point.column + removed, offset: lineStarts[line - 1]! + point.column - 1 + removed }
    }
    visit(parsed, (child) => {
      const from = place(child.position?.start)
      const to = place(child.position?.end)
      if (from && to) child.position = { start: from, end: to }
      else delete child.position
    })
    parent.children.splice(index, 1, ...(parsed.children as typeof parent.children))
    return index
  })
}
