/**
 * The Rust Reference's rule markers, as its mdbook-spec preprocessor renders
 * them for a book whose book.toml has `[preprocessor.spec]`: a line that is
 * exactly `r[items.union.intro]`, at the start of a line outside any
 * container, becomes
 *
 * ```html
 * <div class="rule" id="r-items.union.intro"><a class="rule-link" href="#r-items.union.intro" title="items.union.intro"><span>[items<wbr>.union<wbr>.intro]</span></a></div>
 * ```
 *
 * before the block that follows it, so `tokens.md#r-lex.token.byte.syntax`
 * links land on their rule. The preprocessor finds these lines with a regular
 * expression over the source before markdown is read; here the parsed tree is
 * used instead, so positions stay exact: the marker is the first line of a
 * top-level paragraph (markdown joins it to the text below it), split off
 * from the rest of that paragraph.
 */
import type { Element, ElementContent } from 'hast'
import type { Paragraph, Root, RootContent, Text } from 'mdast'

/** mdbook-spec's `^r\[([^]]+)]$`, on the first line of a paragraph's text. */
const RULE = /^r\[([^\]\n]+)\](?:\n|$)/

/** Render `r[rule.id]` lines as mdbook-spec's linkable rule markers. */
export default function remarkSpecRules() {
  return (tree: Root) => {
    const out: RootContent[] = []
    for (const node of tree.children) {
      out.push(...splitRule(node))
    }
    tree.children = out
  }
}

/** The node, or the rule it starts with and what is left of it. */
function splitRule(node: RootContent): RootContent[] {
  if (node.type !== 'paragraph' || node.position?.start.column !== 1) return [node]
  const first = node.children[0]
  if (first?.type !== 'text') return [node]
  const match = RULE.exec(first.value)
  if (!match) return [node]
  const id = match[1]!
  const start = node.position.start
  const rule: Paragraph = {
    type: 'paragraph',
    children: [],
    position: { start, end: { line: start.line, column: start.column + match[0].replace(/\n$/, '').length, offset: start.offset === undefined ? undefined : start.offset + match[0].replace(/\n$/, '').length } },
    data: { hName: 'div', hProperties: { className: ['rule'], id: `r-${id}` }, hChildren: [ruleLink(id)] },
  }
  const rest: Text = { ...first, value: first.value.slice(match[0].length) }
  const children = rest.value ? [rest, ...node.children.slice(1)] : node.children.slice(1)
  if (children.length === 0) return [rule]
  const restStart = first.position && match[0].endsWith('\n') ? { line: first.position.start.line + 1, column: 1, offset: (first.position.start.offset ?? 0) + match[0].length } : start
  if (rest.value && rest.position) rest.position = { ...rest.position, start: restStart }
  return [rule, { ...node, children, position: { start: restStart, end: node.position.end } }]
}

/** `<a class="rule-link" href="#r-id" title="id"><span>[a<wbr>.b]</span></a>`: the id may break at its dots. */
function ruleLink(id: string): Element {
  const parts: ElementContent[] = []
  id.split('.').forEach((part, i) => {
    if (i > 0) parts.push({ type: 'element', tagName: 'wbr', properties: {}, children: [] })
    parts.push({ type: 'text', value: i > 0 ? `.${part}` : `[${part}` })
  })
  parts.push({ type: 'text', value: ']' })
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['rule-link'], href: `#r-${id}`, title: id },
    children: [{ type: 'element', tagName: 'span', properties: {}, children: parts }],
  }
}
