/**
 * Wikilinks in a serialised body. Where `[[RCU]]` points is known only once
 * every note is compiled (the graph stage resolves it), but bodies are
 * serialised in their workers. So each wikilink element of the page body is
 * replaced by a pair of slots around its content, and the page fills them:
 * with a link to the note or file, or with a marked `span` when the name
 * resolved to nothing. The slots are strings (as inline-code slots are),
 * told apart by a prefix no identifier starts with.
 */
import type { Element, ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { hrefTo, type Slug } from '../paths.ts'
import { replaceUnprintable } from '../unprintable.ts'
import { openTag, type Mark } from './slotted-html.ts'

const PREFIX = '[['

/** Whether a wikilink's target is a URL (another file of the repository, on its host) rather than an output path. */
export function isUrl(to: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(to)
}

/** Whether a page-body slot stands for a wikilink (otherwise it names inline code). */
export function isWikiSlot(slot: string): boolean {
  return slot.startsWith(PREFIX)
}

/** The wikilink element as remark-wikilinks made it, without its content. */
function slotOf(element: Element): string {
  return PREFIX + JSON.stringify({ tagName: element.tagName, properties: element.properties })
}

/** Embeds of a file the page plays (remark-wikilinks): the file in `src`, as an image's. */
const PLAYERS = new Set(['audio', 'video'])

/** Whether `element` is a wikilink's: a link, an image, a player, or a note embed (remark-wikilinks). */
function isWikiElement(element: Element): boolean {
  if (typeof element.properties.dataWikilink !== 'string') return false
  return element.tagName === 'a' || element.tagName === 'img' || PLAYERS.has(element.tagName) || (element.tagName === 'blockquote' && element.properties.dataWikiEmbed !== undefined)
}

/** Replace each wikilink element of `tree` by its content between two marks (an image or an embed: two adjacent marks). */
export function markWikilinks(tree: Root | Element, mark: Mark<string>): void {
  const children: ElementContent[] = []
  let changed = false
  for (const child of tree.children as ElementContent[]) {
    if (child.type === 'element' && isWikiElement(child)) {
      const slot = slotOf(child)
      children.push({ type: 'text', value: mark(slot) }, ...child.children, { type: 'text', value: mark(slot) })
      changed = true
      continue
    }
    if (child.type === 'element') markWikilinks(child, mark)
    children.push(child)
  }
  if (changed) tree.children = children
}

/** A note embed as its page fills it: the name, the heading or block id, and the text of its link. */
export interface EmbedRef {
  name: string
  fragment?: string
  /** The alias, or the name (and heading) as written. */
  shown: string
}

/** How a page fills wikilink slots besides their targets (the print page's links, embeds). */
/**
 * The output path a wikilink name resolved to on this page (none: broken),
 * and whether its target has an id as written (`[[Other#MyId]]` → `{#MyId}`).
 */
export type TargetOf = ((name: string) => string | undefined) & { hasId?: (name: string, id: string) => boolean }

/** The fragment a link's element names: its id as written when the target has it, else its heading's id. */
export function slotFragment(properties: Element['properties'], name: string, targetOf: TargetOf): string | undefined {
  const exact = properties.dataWikiId
  if (typeof exact === 'string' && targetOf.hasId?.(name, exact)) return exact
  return typeof properties.dataWikiFragment === 'string' ? properties.dataWikiFragment : undefined
}

export interface WikiSlotOptions {
  /** The href of an output path and fragment from the page (default: relative to `from`). */
  href?: (to: string, fragment: string | undefined) => string
  /** The HTML of a note embed whose name resolved to the output path `to` (default: a link to it). */
  embed?: (embed: EmbedRef, to: string) => string
}

/**
 * What a wikilink's pair of slots holds on the page at `from`: the start and
 * end of a link to `targetOf(name)` (an output path), or of a broken-link
 * `span` when it gives nothing (a markdown link keeps its href as written
 * instead). A note embed's first slot holds all of it: what `options.embed`
 * makes, or a link. Every string comes from the body's serialiser.
 */
export function fillWikiSlot(slot: string, from: Slug, targetOf: TargetOf, options: WikiSlotOptions = {}): { open: string; close: string } {
  const { open, close } = wikiSlotHtml(slot, from, targetOf, options)
  // The slot holds the element as the note wrote it, before its tree's unprintable characters were replaced.
  return { open: replaceUnprintable(open), close }
}

function wikiSlotHtml(slot: string, from: Slug, targetOf: TargetOf, options: WikiSlotOptions): { open: string; close: string } {
  const element = JSON.parse(slot.slice(PREFIX.length)) as Pick<Element, 'tagName' | 'properties'>
  const name = String(element.properties.dataWikilink)
  const to = targetOf(name)
  const pageHref = options.href ?? ((path: string, fragment: string | undefined) => hrefTo(from, path as Slug, fragment))
  // A link leaving the source folder resolves to the repository's URL of its file (graph/wikilinks.ts), fragment and all.
  const hrefOf = (path: string, fragment: string | undefined) => (isUrl(path) ? path : pageHref(path, fragment))
  const properties = element.properties
  const fragment = slotFragment(properties, name, targetOf)
  // A name in brackets that no rule of the Reference has (remark-spec-rules): the text as written.
  if (to === undefined && name.startsWith('r?[')) return { open: '[', close: ']' }
  if (typeof element.properties.href === 'string') {
    // A markdown link without an extension (rehype-links): an ordinary link, to where it resolved or as written.
    const { dataWikilink: _name, dataWikiFragment: _fragment, dataWikiId: _id, ...rest } = element.properties
    const href = to === undefined ? element.properties.href : hrefOf(to, fragment)
    return { open: openTag({ type: 'element', tagName: 'a', properties: { ...rest, href }, children: [] }), close: '</a>' }
  }
  if (element.tagName === 'blockquote') {
    const embed: EmbedRef = { name, ...(fragment !== undefined && { fragment }), shown: String(properties.dataWikiEmbed ?? name) }
    return { open: fillEmbedSlot(embed, to, hrefOf, options.embed), close: '' }
  }
  if (to === undefined) {
    // A broken embed shows its alt text, as an image that fails to load would.
    if (element.tagName === 'img') return { open: brokenLink(name, String(properties.alt ?? name)), close: '' }
    if (PLAYERS.has(element.tagName)) return { open: brokenLink(name, name), close: '' }
    return { open: openTag(brokenSpan(name)), close: '</span>' }
  }
  const href = hrefOf(to, fragment)
  // An image of the repository (a URL) is no wikilink of the site: popovers and the print page pass it by.
  if (element.tagName === 'img' && isUrl(to)) {
    const { dataWikilink: _name, ...own } = properties
    return { open: toHtml({ type: 'element', tagName: 'img', properties: { ...own, src: href }, children: [] }), close: '' }
  }
  if (element.tagName === 'img') return { open: toHtml({ type: 'element', tagName: 'img', properties: { ...properties, src: href }, children: [] }), close: '' }
  if (PLAYERS.has(element.tagName)) return { open: openTag({ type: 'element', tagName: element.tagName, properties: { ...properties, src: href }, children: [] }), close: `</${element.tagName}>` }
  // The id as written did its work choosing the href; the page keeps the fragment it links to.
  const { dataWikiId: _id, ...kept } = properties
  return { open: openTag({ type: 'element', tagName: 'a', properties: { ...kept, ...(fragment !== undefined && { dataWikiFragment: fragment }), href }, children: [] }), close: '</a>' }
}

/**
 * A note embed's HTML, given the output path `to` its name resolved to (none:
 * a broken link): what `embed` makes of it, or a link to it.
 */
export function fillEmbedSlot(embed: EmbedRef, to: string | undefined, hrefOf: (path: string, fragment: string | undefined) => string, fill?: (embed: EmbedRef, to: string) => string): string {
  if (to === undefined) return brokenLink(embed.name, embed.shown)
  if (fill) return fill(embed, to)
  return toHtml({ type: 'element', tagName: 'a', properties: { dataWikilink: embed.name, href: hrefOf(to, embed.fragment) }, children: [{ type: 'text', value: embed.shown }] })
}

function brokenSpan(name: string): Element {
  return { type: 'element', tagName: 'span', properties: { className: ['broken-link'], dataWikilink: name }, children: [] }
}

/** A wikilink that names nothing, with its text, as the page shows it. */
export function brokenLink(name: string, text: string): string {
  return toHtml({ ...brokenSpan(name), children: [{ type: 'text', value: text }] })
}
