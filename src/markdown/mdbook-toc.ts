/**
 * mdbook-toc's table of contents, for a book whose book.toml has
 * `[preprocessor.toc]` (the rustc-dev-guide puts `<!-- toc -->` at the top
 * of most chapters): the first place the note writes the marker (`<!-- toc
 * -->`, or the table's `marker`, such as GitLab's `[[_TOC_]]`) becomes a
 * nested list of links to the headings after it, down to `max-level`
 * (default 4), a level the headings skip taken up by the next, as the
 * preprocessor writes it. Without the preprocessor the comment shows
 * nothing, and another marker is text.
 *
 * Two steps, as the headings' ids are given after markdown is read: the
 * remark plugin puts a `div.mdbook-toc` where the marker is (found by its
 * source text, so a marker of several lines is found too), and the rehype
 * plugin, after ids are given, fills it.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import { toString } from 'hast-util-to-string'
import type { Root } from 'mdast'
import { visit, EXIT, SKIP } from 'unist-util-visit'
import type { VFile } from 'vfile'

export interface TocOptions {
  /** The marker as book.toml writes it (default `<!-- toc -->`). */
  marker?: string
  /** The deepest heading listed (default 4). */
  maxLevel?: number
}

/** The placeholder's class, which kramdown's `{:toc}` (remark-kramdown-ial.ts) puts down too. */
export const TOC_CLASS = 'mdbook-toc'
/** A placeholder's second class: list every level (a class, as sanitising keeps classes and drops data attributes). */
export const TOC_ALL_LEVELS = 'toc-all-levels'
const CLASS = TOC_CLASS

/** Put a placeholder where the note first writes the marker. */
export function remarkTocMarker(options: TocOptions = {}) {
  const marker = (options.marker ?? '<!-- toc -->').trim()
  return (tree: Root, file: VFile) => {
    const text = String(file.value)
    visit(tree, (node, index, parent) => {
      if ((node.type !== 'html' && node.type !== 'paragraph') || !parent || index === undefined) return
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined || text.slice(start, end).trim() !== marker) return
      parent.children[index] = { type: 'paragraph', children: [], position: node.position, data: { hName: 'div', hProperties: { className: [CLASS] } } } as (typeof parent.children)[number]
      return EXIT
    })
  }
}

/** Fill the placeholder with links to the headings after it. */
export function rehypeTocFill(options: TocOptions = {}) {
  return (tree: HastRoot) => {
    let maxLevel = options.maxLevel ?? 4
    let placeholder: Element | undefined
    const headings: Array<{ level: number; id: string; children: ElementContent[] }> = []
    visit(tree, 'element', (node) => {
      // The footnotes' heading is remark-gfm's, not the author's: mdbook-toc
      // reads the markdown, where footnote definitions have none.
      if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) return SKIP
      if (!placeholder) {
        if (node.tagName === 'div' && Array.isArray(node.properties.className) && node.properties.className.includes(CLASS)) {
          placeholder = node
          // kramdown's `{:toc}` lists every level.
          if (node.properties.className.includes(TOC_ALL_LEVELS)) {
            maxLevel = 6
            node.properties.className = node.properties.className.filter((c) => c !== TOC_ALL_LEVELS)
          }
        }
        return
      }
      const level = /^h([1-6])$/.exec(node.tagName)?.[1]
      if (level === undefined || Number(level) > maxLevel || typeof node.properties.id !== 'string') return
      // kramdown's `{: .no_toc }` keeps a heading out of the table.
      if (Array.isArray(node.properties.className) && node.properties.className.includes('no_toc')) return
      headings.push({ level: Number(level), id: node.properties.id, children: headingText(node) })
    })
    if (!placeholder) return
    placeholder.tagName = 'ul'
    placeholder.children = nest(headings)
  }
}

/** A heading's text as the list shows it: its text, its inline code as code. */
export function headingText(heading: Element): ElementContent[] {
  return heading.children.map((child): ElementContent =>
    child.type === 'element' && child.tagName === 'code' ? { ...child, properties: {} } : { type: 'text', value: toString(child) },
  )
}

/**
 * The headings as nested `li`s. As mdbook-toc does, a heading more than one
 * level below the one before it is taken one level down only, and the
 * shallowest heading listed is the top level.
 */
export function nest(headings: ReadonlyArray<{ level: number; id: string; children: ElementContent[] }>): Element[] {
  const min = Math.min(...headings.map((h) => h.level))
  let lastLower = headings[0]?.level ?? 0
  const top: Element[] = []
  const stack: Array<{ depth: number; items: Element[] }> = [{ depth: 0, items: top }]
  for (const heading of headings) {
    let level = heading.level
    if (lastLower + 1 < level) level = lastLower + 1
    else lastLower = level
    const depth = level - min
    const item: Element = {
      type: 'element',
      tagName: 'li',
      properties: {},
      children: [{ type: 'element', tagName: 'a', properties: { href: `#${heading.id}` }, children: heading.children }],
    }
    while (stack.length > 1 && stack[stack.length - 1]!.depth > depth) stack.pop()
    let current = stack[stack.length - 1]!
    if (current.depth < depth) {
      // A deeper heading: a list inside the last item (or a new one, when none is there).
      const parent = current.items[current.items.length - 1]
      const list: Element = { type: 'element', tagName: 'ul', properties: {}, children: [] }
      if (parent) parent.children.push(list)
      else current.items.push({ type: 'element', tagName: 'li', properties: {}, children: [list] })
      current = { depth, items: list.children as Element[] }
      stack.push(current)
    }
    current.items.push(item)
  }
  return top
}
