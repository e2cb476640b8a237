/**
 * HTML with holes: a note body serialised once, in its worker, with slots
 * the main thread fills in when it knows the rest of the site (whether
 * inline code links to the symbol index, whether a link points at another
 * chapter of the print page). The main thread never sees the body as a tree
 * and never serialises it; every byte of the result except the slots comes
 * from hast-util-to-html here, and every slot is filled only with strings
 * that serialiser wrote too (see `openTag`, `attributeValue`).
 */
import { randomBytes } from 'node:crypto'
import type { Element, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import type { Raw } from 'mdast-util-to-hast'

/** Brands the raw nodes `serialisedNode` makes; not exported, so no other code can make one. */
const SERIALISED = Symbol('slugwiki.serialised')

/**
 * A body made by this module's serialiser (slots filled by `fillSlots` with
 * its own strings), as a tree a template can place like any other: a root
 * holding one raw node. Page rendering writes such a node as it is and
 * escapes every other raw node as text (`isSerialised`), so HTML from
 * anywhere else is never written unescaped.
 */
export function serialisedBody(html: string): Root {
  return { type: 'root', children: [serialisedNode(html)] }
}

/** The raw node of `serialisedBody`, for HTML hast-util-to-html wrote (a theme's shared part, theme/render.ts). */
export function serialisedNode(html: string): Raw {
  const node: Raw & { [SERIALISED]?: true } = { type: 'raw', value: html }
  node[SERIALISED] = true
  return node
}

/** Whether `node` is a raw node made by `serialisedBody` or `deferredBody`. */
export function isSerialised(node: object): boolean {
  return (node as { [SERIALISED]?: true })[SERIALISED] === true
}

/** Brands the raw nodes `deferredBody` makes, holding the function that makes their HTML. */
const DEFERRED = Symbol('slugwiki.deferred')

/**
 * A body like `serialisedBody`'s whose HTML is made only when it is written:
 * its node's `value` makes it when read, and a page written in pieces
 * (`deferredMaker`) makes each such body as its turn comes, so a page of
 * every note (the print page) is never held whole in memory.
 */
export function deferredBody(make: () => string): Root {
  const node = { type: 'raw', [SERIALISED]: true, [DEFERRED]: make } as Raw & { [SERIALISED]: true; [DEFERRED]: () => string }
  Object.defineProperty(node, 'value', { get: make, enumerable: true, configurable: true })
  return { type: 'root', children: [node] }
}

/** The function that makes a deferred body's HTML, if `node` is a `deferredBody` node. */
export function deferredMaker(node: object): (() => string) | undefined {
  return (node as { [DEFERRED]?: () => string })[DEFERRED]
}

/** Serialised HTML with `slots.length` holes: `parts[0] slot[0] parts[1] … parts[n]`. */
export interface SlottedHtml<S> {
  parts: string[]
  slots: S[]
}

/** A mark to put in a text or attribute value of the tree, standing for one slot. */
export type Mark<S> = (slot: S) => string

/**
 * Serialise `tree` as the page renderer does, after `plant` has written
 * marks into it (as text nodes or attribute values). Each mark is a random
 * nonce in private-use characters, which the serialiser passes through
 * unescaped and a note cannot guess; each must come out exactly once.
 */
export function toSlottedHtml<S>(tree: Root, plant: (mark: Mark<S>) => void, { raw = false }: { raw?: boolean } = {}): SlottedHtml<S> {
  const nonce = randomBytes(12).toString('hex')
  const planted: S[] = []
  plant((slot) => `\uE000${nonce}:${planted.push(slot) - 1}\uE001`)
  // `raw`: the page renderer's trees, whose only raw nodes are bodies this module serialised.
  const html = toHtml(tree, { allowDangerousHtml: raw })
  if (planted.length === 0) return { parts: [html], slots: [] }
  const pieces = html.split(new RegExp(`\uE000${nonce}:(\\d+)\uE001`))
  const parts: string[] = []
  const slots: S[] = []
  const seen = new Set<number>()
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 0) {
      parts.push(pieces[i]!)
      continue
    }
    const index = Number(pieces[i])
    if (seen.has(index) || index >= planted.length) throw new Error('A slot mark came out of the serialiser twice')
    seen.add(index)
    slots.push(planted[index]!)
  }
  if (slots.length !== planted.length) throw new Error('A slot mark did not come out of the serialiser')
  return { parts, slots }
}

/** Join the parts with each slot replaced by `fill(slot, index)`. */
export function fillSlots<S>(html: SlottedHtml<S>, fill: (slot: S, index: number) => string): string {
  if (html.slots.length === 0) return html.parts[0]!
  let out = html.parts[0]!
  for (let i = 0; i < html.slots.length; i++) out += fill(html.slots[i]!, i) + html.parts[i + 1]!
  return out
}

/** The start tag of `element` as the serialiser writes it (its children and end tag left out). */
export function openTag(element: Element): string {
  const html = toHtml({ ...element, children: [] })
  const end = `</${element.tagName}>`
  if (!html.endsWith(end)) throw new Error(`<${element.tagName}> has no end tag to cut`)
  return html.slice(0, -end.length)
}

/** `value` escaped as the serialiser escapes a double-quoted attribute value. */
export function attributeValue(value: string): string {
  return openTag({ type: 'element', tagName: 'a', properties: { href: value }, children: [] }).slice('<a href="'.length, -'">'.length)
}

/**
 * `html` as one string for a file: a JSON line with the slots and the length
 * of each part, then the parts themselves, unescaped, so that writing and
 * reading a body costs no JSON escaping of its HTML.
 */
export function encodeSlotted<S>(html: SlottedHtml<S>): string {
  return `${JSON.stringify({ slots: html.slots, lengths: html.parts.map((p) => p.length) })}\n${html.parts.join('')}`
}

/** Read back what `encodeSlotted` wrote; undefined when it was cut short or is not one. */
export function decodeSlotted<S>(text: string): SlottedHtml<S> | undefined {
  const newline = text.indexOf('\n')
  if (newline === -1) return undefined
  let header: { slots?: unknown; lengths?: unknown }
  try {
    header = JSON.parse(text.slice(0, newline)) as typeof header
  } catch {
    return undefined
  }
  const { slots, lengths } = header
  if (!Array.isArray(slots) || !Array.isArray(lengths) || lengths.length !== slots.length + 1) return undefined
  if (!lengths.every((n) => Number.isInteger(n) && n >= 0)) return undefined
  const total = (lengths as number[]).reduce((a, b) => a + b, 0)
  if (total !== text.length - newline - 1) return undefined
  const parts: string[] = []
  let at = newline + 1
  for (const n of lengths as number[]) {
    parts.push(text.slice(at, at + n))
    at += n
  }
  return { parts, slots: slots as S[] }
}
