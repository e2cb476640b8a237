/**
 * Obsidian's (and Quartz's) inline footnotes: `text.^[The note itself.]` is
 * a footnote whose text is written where it is called, numbered and listed
 * with the note's `[^1]` footnotes, as Obsidian's reading view shows it.
 *
 * remark-gfm reads only `[^label]` footnotes; the package that read inline
 * ones (micromark-extension-footnote, `inlineNotes`) is legacy, superseded by
 * the GFM extension remark-gfm uses, and both cannot parse one note. So the
 * notes are taken from the parsed tree: `^[` in a text node opens one, and
 * the `]` that balances it (counting the brackets of text nodes only, so a
 * `]` in inline code or a link's URL does not count) closes it, over any
 * phrasing between them (emphasis, code, wikilinks, math). Each becomes a
 * `footnoteReference` and a `footnoteDefinition` with a label no footnote of
 * the note has, and remark-rehype numbers and lists them with the others.
 * `^[` in code is not read, and one without its `]` in the same paragraph
 * stays text.
 */
import type { FootnoteDefinition, FootnoteReference, Parent, PhrasingContent, Root, Text } from 'mdast'
import { visit } from 'unist-util-visit'

/** Where a bracket balancing the opening `^[` is: the child index and the offset in its text. */
function closing(children: PhrasingContent[], from: number, offset: number): { index: number; at: number } | undefined {
  let depth = 1
  for (let i = from; i < children.length; i++) {
    const child = children[i]!
    if (child.type !== 'text') continue
    for (let at = i === from ? offset : 0; at < child.value.length; at++) {
      const c = child.value[at]
      if (c === '[') depth++
      else if (c === ']' && --depth === 0) return { index: i, at }
    }
  }
  return undefined
}

/** Turn each `^[…]` of the note into a footnote reference and its definition. */
export default function remarkInlineFootnotes() {
  return (tree: Root) => {
    const taken = new Set<string>()
    visit(tree, (node) => {
      if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference') taken.add(node.identifier)
    })
    const definitions: FootnoteDefinition[] = []
    let count = 0
    const label = () => {
      let name: string
      do name = `inline-${++count}`
      while (taken.has(name))
      return name
    }
    visit(tree, (node) => {
      // A footnote call inside a link would nest a link in a link.
      if (node.type === 'link' || node.type === 'linkReference' || !('children' in node)) return
      const parent = node as Parent
      if (!parent.children.some((c) => c.type === 'text' && c.value.includes('^['))) return
      const children = parent.children as PhrasingContent[]
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!
        if (child.type !== 'text') continue
        const open = child.value.indexOf('^[')
        if (open === -1) continue
        const end = closing(children, i, open + 2)
        if (!end) continue
        const last = children[end.index] as Text
        const content: PhrasingContent[] =
          end.index === i
            ? [{ type: 'text', value: child.value.slice(open + 2, end.at) }]
            : [{ type: 'text', value: child.value.slice(open + 2) }, ...children.slice(i + 1, end.index), { type: 'text', value: last.value.slice(0, end.at) }]
        const identifier = label()
        const start = child.position?.start
        const reference: FootnoteReference = {
          type: 'footnoteReference',
          identifier,
          label: identifier,
          ...(start && start.offset !== undefined && { position: { start: { line: start.line, column: start.column + open, offset: start.offset + open }, end: { line: start.line, column: start.column + open + 2, offset: start.offset + open + 2 } } }),
        }
        definitions.push({ type: 'footnoteDefinition', identifier, label: identifier, children: [{ type: 'paragraph', children: content.filter((c) => c.type !== 'text' || c.value !== '') }] })
        const before: Text = { type: 'text', value: child.value.slice(0, open) }
        const after: Text = { type: 'text', value: last.value.slice(end.at + 1) }
        const replacement = [before, reference, after].filter((c) => c.type !== 'text' || c.value !== '')
        children.splice(i, end.index - i + 1, ...replacement)
        // Go on after the reference: the text after it may open another note.
        i += replacement.indexOf(reference)
      }
    })
    tree.children.push(...definitions)
  }
}
