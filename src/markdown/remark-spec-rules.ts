/**
 * The Rust Reference's rules, as its mdbook-spec preprocessor renders them
 * for a book whose book.toml has `[preprocessor.spec]`.
 *
 * A line that is exactly `r[items.union.intro]`, at the start of a line
 * outside any container, becomes
 *
 * ```html
 * <div class="rule" id="r-items.union.intro"><a class="rule-link" href="#r-items.union.intro" title="items.union.intro"><span>[items<wbr>.union<wbr>.intro]</span></a></div>
 * ```
 *
 * before the block that follows it, so `tokens.md#r-lex.token.byte.syntax`
 * links land on their rule. The preprocessor finds these lines with a regular
 * expression over the source before markdown is read; here the parsed tree is
 * used, so positions stay exact: the marker is the first line of a top-level
 * paragraph (markdown joins it to the text below it), split off from the rest
 * of that paragraph.
 *
 * A reference link to a rule by its name (`[the never type][type.never]`,
 * `[`!`]: type.never`, or the bare `[expr.block.diverging]`) is a link to
 * the rule's marker, wherever it is. mdbook-spec appends a definition of
 * every rule to every chapter; so does this plugin, for the names the note
 * writes in brackets, before the parser reads it (after the note's text, as
 * there: the note's own definitions come first and win). The note then names
 * the rule (`data-wikilink` `r[type.never]`) and the graph stage, which knows
 * every note's rules, finds it, as it finds a wikilink's note. A name of our
 * definitions (`r?[…]`) that is no rule stays text, brackets and all, as
 * mdbook-spec defines only the rules there are; one of the note's own is a
 * broken link, reported.
 *
 * A link to an item of the standard library by its path (`[`transmute`]:
 * std::mem::transmute`), which mdbook-spec resolves with rustdoc, leads to
 * rustdoc's search for that path on doc.rust-lang.org: the item's own page
 * needs its kind (`fn.`, `struct.`), which only rustdoc knows. Left as it
 * is, sanitising would drop it as a URL of an unknown scheme (`std:`). So
 * does such a path in brackets that nothing defines (`` [`std::ops::Fn`] ``),
 * which mdbook-spec hands to rustdoc as it is; it was shown as text.
 *
 * mdbook-spec's `> [!EDITION-2024]` admonition is titled "2024 Edition
 * differences", as it titles it; the callout is then Obsidian's, with that
 * title.
 */
import type { Element, ElementContent } from 'hast'
import type { Definition, Link, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import type { Processor } from 'unified'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

/** mdbook-spec's `^r\[([^]]+)]$`, a line of the source. */
const MARKER = /^r\[([^\]]+)\]$/

/** A rule's name as a link destination: dotted words (`type.never`, `expr.if.chains.or`), no path. */
const RULE_NAME = /^[a-z_][a-z0-9_-]*(?:\.[a-z0-9_-]+)+$/i

/** A file's name, which is no rule's (`glossary.html`, `diagram.svg`). */
const FILE_NAME = /\.(?:md|markdown|html?|png|jpe?g|gif|svg|webp|avif|pdf|txt|rs|toml|json|ya?ml|css|js|sh|py|c|h)$/i

/** Bracketed names that may be rules' (`[type.never]`, the label of `[text][type.never]`). */
const BRACKETED = /\[([a-z_][a-z0-9_-]*(?:\.[a-z0-9_-]+)+)\]/gi

const isRuleName = (name: string) => RULE_NAME.test(name) && !FILE_NAME.test(name)

/** A path into the standard library's crates (`std::mem::transmute`, `core::ptr::NonNull::as_ptr`, `std::vec!`). */
const STD_PATH = /^(std|core|alloc|proc_macro|test)::([A-Za-z0-9_]+(?:::[A-Za-z0-9_]+)*!?)(?:#.*)?$/

/** A standard library path in brackets, as code or not (`` [`std::ops::Fn`] ``, `[std::vec!]`): rustdoc's intra-doc link. */
const STD_BRACKETED = /\[(`?)((?:std|core|alloc|proc_macro|test)::[A-Za-z0-9_]+(?:::[A-Za-z0-9_]+)*!?)\1\]/g

/** rustdoc's search for a standard library path, on doc.rust-lang.org. */
function stdSearch(url: string): string | undefined {
  const match = STD_PATH.exec(url)
  return match ? `https://doc.rust-lang.org/${match[1]}/?search=${encodeURIComponent(`${match[1]}::${match[2]!.replace(/!$/, '')}`)}` : undefined
}

/** Render `r[rule.id]` lines as mdbook-spec's linkable rule markers, and links to rules by name. */
export default function remarkSpecRules(this: Processor) {
  const parse = this.parser
  if (parse) this.parser = (doc, file) => parse(doc + ruleDefinitions(doc), file)
  return (tree: Root, file: VFile) => {
    const lines = String(file.value).split('\n')
    const out: RootContent[] = []
    for (const node of tree.children) out.push(...splitRule(node, lines))
    tree.children = out
    linkRules(tree, String(file.value).length)
    titleEditions(tree)
  }
}

/**
 * `[name]: name` for each bracketed rule-like name of `doc`, as mdbook-spec defines every rule, and
 * `` [`std::ops::Fn`]: std::ops::Fn `` for each bracketed standard library path: mdbook-spec hands
 * every reference nothing defines to rustdoc, which resolves such a path as an intra-doc link.
 */
function ruleDefinitions(doc: string): string {
  const labels = new Map<string, string>()
  for (const match of doc.matchAll(BRACKETED)) if (isRuleName(match[1]!)) labels.set(match[1]!, match[1]!)
  for (const match of doc.matchAll(STD_BRACKETED)) labels.set(`${match[1]}${match[2]}${match[1]}`, match[2]!)
  // The note's own definition wins anyway; ours after it would only be a second one, reported as such.
  for (const match of doc.matchAll(/^ {0,3}\[([^\]\n]+)\]:/gm)) {
    for (const label of labels.keys()) if (label.toLowerCase() === match[1]!.trim().toLowerCase()) labels.delete(label)
  }
  return labels.size === 0 ? '' : `\n\n${[...labels].map(([label, url]) => `[${label}]: ${url}`).join('\n')}\n`
}

/** The node, or the rule marker it starts with and what is left of it. */
function splitRule(node: RootContent, lines: readonly string[]): RootContent[] {
  if (node.type !== 'paragraph' || node.position?.start.column !== 1) return [node]
  const start = node.position.start
  const id = MARKER.exec((lines[start.line - 1] ?? '').replace(/\r$/, ''))?.[1]
  if (id === undefined) return [node]
  const width = id.length + 3
  const rule: Paragraph = {
    type: 'paragraph',
    children: [],
    position: { start, end: { line: start.line, column: start.column + width, offset: start.offset === undefined ? undefined : start.offset + width } },
    data: { hName: 'div', hProperties: { className: ['rule'], id: `r-${id}` }, hChildren: [ruleLink(id)] },
  }
  // The marker is `r[id]` as text, or `r` and a reference link to the rule when the note names it elsewhere too.
  const children: PhrasingContent[] = []
  for (const child of node.children) {
    const at = child.position
    if (at && at.end.line === start.line) continue
    if (children.length === 0 && child.type === 'text' && at && at.start.line === start.line) {
      const value = child.value.slice(child.value.indexOf('\n') + 1)
      const restStart = { line: start.line + 1, column: 1, offset: lineOffset(lines, start.line + 1, start.offset === undefined ? undefined : start.offset - (start.column - 1)) }
      if (value) children.push({ ...child, value, position: { ...at, start: restStart } })
      continue
    }
    children.push(child)
  }
  if (children.length === 0) return [rule]
  return [rule, { ...node, children, position: { start: children[0]!.position?.start ?? start, end: node.position.end } }]
}

/** The offset at which 1-based `line` starts, given the offset of the marker's line. */
function lineOffset(lines: readonly string[], line: number, markerLineOffset: number | undefined): number | undefined {
  return markerLineOffset === undefined ? undefined : markerLineOffset + (lines[line - 2] ?? '').length + 1
}

/** Make each reference link whose definition's destination is a rule's name a link to that rule; ours start at `length` or after. */
function linkRules(tree: Root, length: number): void {
  const definitions = new Map<string, Definition>()
  visit(tree, (node) => {
    if (node.type !== 'definition' && node.type !== 'link') return
    node.url = stdSearch(node.url) ?? node.url
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node)
  })
  visit(tree, 'linkReference', (node, index, parent) => {
    if (!parent || index === undefined) return
    const definition = definitions.get(node.identifier)
    if (!definition || !isRuleName(definition.url)) return
    const name = definition.url
    const ours = (definition.position?.start.offset ?? 0) >= length
    const link: Link = {
      type: 'link',
      url: name,
      title: definition.title,
      children: node.children,
      position: node.position,
      data: { hProperties: { dataWikilink: `${ours ? 'r?' : 'r'}[${name}]`, dataWikiFragment: `r-${name}` } },
    }
    parent.children[index] = link
    return SKIP
  })
}

/** `> [!EDITION-2024]` → `> [!EDITION-2024] 2024 Edition differences`, mdbook-spec's title for it. */
function titleEditions(tree: Root): void {
  visit(tree, 'blockquote', (node) => {
    const first = node.children[0]
    const text = first?.type === 'paragraph' ? first.children[0] : undefined
    if (text?.type !== 'text') return
    const match = /^\[!edition-(\w+)\][ \t]*(?=\n|$)/i.exec(text.value)
    if (match) text.value = `${match[0].trimEnd()} ${match[1]} Edition differences${text.value.slice(match[0].length)}`
  })
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
