/**
 * A note's body as other notes embed it (`![[Note]]`), serialised in its
 * worker like the page and print forms, so the page that embeds it only
 * fills slots. It differs from the page form in three ways:
 *
 * - it has no ids (nor attributes naming ids: `aria-describedby`, `for`),
 *   so the page it lands on, which has ids of its own and may embed the same
 *   note twice, never holds one id twice; a link to a heading or footnote of
 *   the note leads to the note's own page instead;
 * - every relative URL is a slot holding the output path it names, written
 *   from the embedding page (or the print page) when it is filled, since the
 *   note's links were written for its own page's folder;
 * - each heading's section (the heading and what follows it up to the next
 *   heading of the same or a higher level) and each Obsidian block lies
 *   between two cut slots named by its id, so `![[Note#Heading]]` and
 *   `![[Note#^block]]` take that slice without reading the HTML.
 *
 * Inline code and wikilinks have the page form's slots (`[[` for a wikilink
 * and for a nested embed).
 */
import type { Element, ElementContent, Root } from 'hast'
import { headingRank } from 'hast-util-heading-rank'
import { sitePathOf, slugOf, type Slug } from '../paths.ts'
import { replaceUnprintable, replaceUnprintableInTree } from '../unprintable.ts'
import type { CompiledTree } from './compile.ts'
import { attributeValue, fillSlots, toSlottedHtml, type Mark, type SlottedHtml } from './slotted-html.ts'
import { mapSourceSet } from './source-set.ts'
import { walk } from './walk.ts'
import { isWikiSlot, markWikilinks } from './wikilink-slots.ts'

/** A slot of the embed form: inline code's or a wikilink's (a string, as in the page form), a URL, or a cut. */
export type EmbedSlot = string | { url: string; fragment?: string } | { cut: string; end: boolean }

/** Attributes whose value names ids of the same page, dropped with the ids. */
const ID_REFERENCES = ['ariaDescribedBy', 'ariaLabelledBy', 'ariaControls', 'ariaOwns', 'ariaActiveDescendant', 'ariaDetails', 'ariaErrorMessage', 'ariaFlowTo', 'htmlFor'] as const

/** Put a cut slot before and after each section or block whose id is in `cuts`, at any depth. */
function plantCuts(parent: Root | Element, cuts: ReadonlySet<string>, mark: Mark<EmbedSlot>): void {
  const children = parent.children as ElementContent[]
  const starts = new Map<number, string[]>()
  const ends = new Map<number, string[]>()
  const add = (map: Map<number, string[]>, at: number, id: string) => map.set(at, [...(map.get(at) ?? []), id])
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!
    if (child.type !== 'element') continue
    const id = child.properties.id
    if (typeof id === 'string' && cuts.has(id)) {
      const rank = headingRank(child)
      let end = i + 1
      if (rank) while (end < children.length && !((headingRank(children[end] as Element) ?? 7) <= rank)) end++
      add(starts, i, id)
      add(ends, end, id)
    }
    plantCuts(child, cuts, mark)
  }
  if (starts.size === 0) return
  const next: ElementContent[] = []
  const text = (slot: EmbedSlot): ElementContent => ({ type: 'text', value: mark(slot) })
  for (let i = 0; i <= children.length; i++) {
    for (const id of ends.get(i) ?? []) next.push(text({ cut: id, end: true }))
    for (const id of starts.get(i) ?? []) next.push(text({ cut: id, end: false }))
    if (i < children.length) next.push(children[i]!)
  }
  parent.children = next
}

/**
 * Serialise a compiled note's body as others embed it. Changes `tree`:
 * pass a copy. `markInlineCode` is the page form's (body.ts).
 */
export function embedHtml(tree: Root, note: CompiledTree, markInlineCode: (tree: Root, mark: Mark<string>) => void): SlottedHtml<EmbedSlot> {
  const self = slugOf(note.source)
  const cuts = new Set([...note.headings.map((h) => h.id), ...note.blockIds].filter((id) => id !== ''))
  return toSlottedHtml<EmbedSlot>(tree, (mark) => {
    plantCuts(tree, cuts, mark)
    markInlineCode(tree, mark)
    markWikilinks(tree, mark)
    walk(tree, (node) => {
      if (node.type !== 'element') return
      delete node.properties.id
      for (const name of ID_REFERENCES) delete node.properties[name]
      for (const attribute of ['href', 'src', 'poster'] as const) {
        const value = node.properties[attribute]
        if (typeof value !== 'string') continue
        const resolved = urlOf(self, value)
        if (resolved) node.properties[attribute] = mark({ url: resolved.path, ...(resolved.fragment !== undefined && { fragment: resolved.fragment }) })
      }
      const set = node.properties.srcSet
      if (typeof set === 'string') {
        node.properties.srcSet =
          mapSourceSet(set, (url) => {
            const resolved = url.startsWith('#') ? undefined : urlOf(self, url)
            return resolved ? mark({ url: resolved.path, ...(resolved.fragment !== undefined && { fragment: resolved.fragment }) }) : url
          }) ?? set
      }
    })
    replaceUnprintableInTree(tree)
  })
}

/** The output path (and fragment) a URL written on the page `self` names; none for another site's or a root-absolute one. */
function urlOf(self: Slug, value: string): { path: string; fragment?: string } | undefined {
  if (value.startsWith('#')) {
    let fragment = value.slice(1)
    try {
      fragment = decodeURIComponent(fragment)
    } catch {
      // Kept as written.
    }
    return { path: self, fragment }
  }
  return value.startsWith('/') ? undefined : sitePathOf(value, self)
}

/** The section or block `id` of an embed form (its cut slots left out); undefined when the note has none of that id. */
export function sliceEmbed(html: SlottedHtml<EmbedSlot>, id: string): SlottedHtml<EmbedSlot> | undefined {
  const isCut = (slot: EmbedSlot, end: boolean) => typeof slot === 'object' && 'cut' in slot && slot.cut === id && slot.end === end
  const start = html.slots.findIndex((slot) => isCut(slot, false))
  if (start === -1) return undefined
  const end = html.slots.findIndex((slot, i) => i > start && isCut(slot, true))
  if (end === -1) return undefined
  return { parts: html.parts.slice(start + 1, end + 1), slots: html.slots.slice(start + 1, end) }
}

/** How to fill an embed form's slots on the page it is shown on. */
export interface EmbedFill {
  /** The href (unescaped) of an output path and fragment from that page. */
  href: (path: string, fragment: string | undefined) => string
  /** The href of the symbol entry an inline code's name links to, if any. */
  symbol: (name: string) => string | undefined
  /** The start and end of a wikilink's (or a nested embed's) element, for its slot. */
  wiki: (slot: string) => { open: string; close: string }
  /** The start tag of an inline code's symbol link. */
  symbolOpen: (href: string) => string
}

/**
 * The HTML of an embed form (or a slice of one). Pairs of code and wikilink
 * slots are told apart by their kind, not their place: a slice may start
 * anywhere between two pairs.
 */
export function fillEmbed(html: SlottedHtml<EmbedSlot>, fill: EmbedFill): string {
  let codeOpen: boolean | undefined
  let wikiClose: string | undefined
  return fillSlots(html, (slot) => {
    if (typeof slot === 'object') {
      if ('cut' in slot) return ''
      return attributeValue(replaceUnprintable(fill.href(slot.url, slot.fragment)))
    }
    if (isWikiSlot(slot)) {
      if (wikiClose !== undefined) {
        const close = wikiClose
        wikiClose = undefined
        return close
      }
      const { open, close } = fill.wiki(slot)
      wikiClose = close
      return open
    }
    if (codeOpen !== undefined) {
      const close = codeOpen ? '</a>' : ''
      codeOpen = undefined
      return close
    }
    const href = fill.symbol(slot)
    codeOpen = href !== undefined
    return href === undefined ? '' : fill.symbolOpen(href)
  })
}
