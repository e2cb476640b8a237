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
 */
import type { Html, Paragraph, Root } from 'mdast'
import type { VFile } from 'vfile'
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

/** Read paragraphs that are JSX tags with expression attributes as raw HTML. */
export default function remarkJsxParagraphs() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value)
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
