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
import { openTag, type Mark } from './slotted-html.ts'

const PREFIX = '[['

/** Whether a page-body slot stands for a wikilink (otherwise it names inline code). */
export function isWikiSlot(slot: string): boolean {
  return slot.startsWith(PREFIX)
}

/** The wikilink element as remark-wikilinks made it, without its content. */
function slotOf(element: Element): string {
  return PREFIX + JSON.stringify({ tagName: element.tagName, properties: element.properties })
}

/** Replace each wikilink element of `tree` by its content between two marks (an image: two adjacent marks). */
export function markWikilinks(tree: Root | Element, mark: Mark<string>): void {
  const children: ElementContent[] = []
  let changed = false
  for (const child of tree.children as ElementContent[]) {
    if (child.type === 'element' && typeof child.properties.dataWikilink === 'string' && (child.tagName === 'a' || child.tagName === 'img')) {
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

/**
 * What a wikilink's pair of slots holds on the page at `from`: the start and
 * end of a link to `targetOf(name)` (an output path), or of a broken-link
 * `span` when it gives nothing (a markdown link keeps its href as written
 * instead). Every string comes from the body's serialiser.
 */
export function fillWikiSlot(slot: string, from: Slug, targetOf: (name: string) => string | undefined): { open: string; close: string } {
  const element = JSON.parse(slot.slice(PREFIX.length)) as Pick<Element, 'tagName' | 'properties'>
  const name = String(element.properties.dataWikilink)
  const to = targetOf(name)
  if (typeof element.properties.href === 'string') {
    // A markdown link without an extension (rehype-links): an ordinary link, to where it resolved or as written.
    const { dataWikilink: _name, dataWikiFragment: fragment, ...properties } = element.properties
    const href = to === undefined ? element.properties.href : hrefTo(from, to as Slug, typeof fragment === 'string' ? fragment : undefined)
    return { open: openTag({ type: 'element', tagName: 'a', properties: { ...properties, href }, children: [] }), close: '</a>' }
  }
  const properties = element.properties
  if (to === undefined) {
    const span: Element = { type: 'element', tagName: 'span', properties: { className: ['broken-link'], dataWikilink: name }, children: [] }
    // A broken embed shows its alt text, as an image that fails to load would.
    if (element.tagName === 'img') return { open: toHtml({ ...span, children: [{ type: 'text', value: String(properties.alt ?? name) }] }), close: '' }
    return { open: openTag(span), close: '</span>' }
  }
  const fragment = typeof properties.dataWikiFragment === 'string' ? properties.dataWikiFragment : undefined
  const href = hrefTo(from, to as Slug, fragment)
  if (element.tagName === 'img') return { open: toHtml({ type: 'element', tagName: 'img', properties: { ...properties, src: href }, children: [] }), close: '' }
  return { open: openTag({ type: 'element', tagName: 'a', properties: { ...properties, href }, children: [] }), close: '</a>' }
}
