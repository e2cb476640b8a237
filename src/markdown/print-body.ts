/**
 * A note's body as a chapter of the print page, serialised in its worker:
 * ids prefixed by the chapter's anchor so they stay unique on one page, and
 * links made to work from `print.html`. A link to another note becomes a
 * link within the print page when that note is a chapter, which only the
 * whole site knows: each such `href` is a slot holding both answers, and
 * the print page picks one (`fillPrintChapter`).
 */
import type { Element, ElementContent, Root } from 'hast'
import { hrefTo, PRINT_PAGE, printAnchor, sitePathOf, slug as toSlug, type Slug } from '../paths.ts'
import { replaceUnprintable, replaceUnprintableInTree } from '../unprintable.ts'
import { mapSourceSet } from './source-set.ts'
import { walk } from './walk.ts'
import { attributeValue, fillSlots, toSlottedHtml, type Mark, type SlottedHtml } from './slotted-html.ts'
import { fillEmbedSlot, isUrl, type EmbedRef, type TargetOf } from './wikilink-slots.ts'

/**
 * An `href` to another page: which output path it names, and its value either way, escaped.
 * For a wikilink's `href` or `src` the graph stage knows the path: `wiki` names it, the rest is empty.
 */
export interface PrintSlot {
  /** A note embed (`![[Note]]`), whose slot holds all of its HTML: the print page fills it as a note page does. */
  embed?: EmbedRef
  /** `written`: a markdown link's own value (escaped), for when its path names nothing. */
  wiki?: { name: string; attribute: 'href' | 'src'; fragment?: string; id?: string; written?: string }
  /** The output path the link points at (`kernel/rcu.html`). */
  path: string
  /** The attribute value when that page is a chapter: a link within the print page. */
  chapter: string
  /** The attribute value otherwise: a link from `print.html` to the page. */
  other: string
}

/** The output path and fragment of a relative href written on page `from` (a root-absolute one is left as written). */
function resolveHref(from: Slug, href: string): { path: string; fragment?: string } | undefined {
  return href.startsWith('/') ? undefined : sitePathOf(href, from)
}

/**
 * Serialise the body of the note at `slug` as a print chapter. Changes
 * `tree`: pass a copy when the tree is needed afterwards.
 */
export function printChapterHtml(tree: Root, slug: Slug): SlottedHtml<PrintSlot> {
  const anchor = printAnchor(slug)
  return toSlottedHtml<PrintSlot>(tree, (mark) => {
    markEmbeds(tree, mark)
    walk(tree, (node) => {
      if (node.type !== 'element') return
      if (typeof node.properties.id === 'string') node.properties.id = `${anchor}--${node.properties.id}`
      if (typeof node.properties.dataWikilink === 'string' && ['a', 'img', 'audio', 'video'].includes(node.tagName)) {
        const fragment = typeof node.properties.dataWikiFragment === 'string' ? node.properties.dataWikiFragment : undefined
        const id = typeof node.properties.dataWikiId === 'string' ? node.properties.dataWikiId : undefined
        delete node.properties.dataWikiId
        const attribute = node.tagName === 'a' ? 'href' : 'src'
        const own = node.properties[attribute]
        const written = typeof own === 'string' ? printedHref(slug, anchor, own) : undefined
        node.properties[attribute] = mark({ path: '', chapter: '', other: '', wiki: { name: node.properties.dataWikilink, attribute, fragment, ...(id !== undefined && { id }), written } })
        // A markdown link without an extension is an ordinary link on the page, whatever it names.
        if (written !== undefined) {
          delete node.properties.dataWikilink
          delete node.properties.dataWikiFragment
        }
        return
      }
      // A video's poster is a file as an image's `src` is.
      for (const attribute of ['href', 'src', 'poster'] as const) {
        const value = node.properties[attribute]
        if (typeof value !== 'string') continue
        if (value.startsWith('#')) {
          node.properties[attribute] = `#${anchor}--${value.slice(1)}`
          continue
        }
        const resolved = resolveHref(slug, value)
        if (!resolved) continue
        if (attribute !== 'href') {
          node.properties[attribute] = hrefTo(PRINT_PAGE, toSlug(resolved.path), resolved.fragment)
          continue
        }
        node.properties.href = mark({ path: resolved.path, ...printValues(resolved.path, resolved.fragment) })
      }
      const set = node.properties.srcSet
      if (typeof set === 'string') {
        node.properties.srcSet =
          mapSourceSet(set, (url) => {
            const resolved = url.startsWith('#') ? undefined : resolveHref(slug, url)
            return resolved ? hrefTo(PRINT_PAGE, toSlug(resolved.path), resolved.fragment) : url
          }) ?? set
      }
    })
    replaceUnprintableInTree(tree)
  })
}

/** Replace each note embed's element by a mark holding it (it is filled whole, like the page form's `[[` slots). */
function markEmbeds(parent: Root | Element, mark: Mark<PrintSlot>): void {
  const children = parent.children as ElementContent[]
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!
    if (child.type !== 'element') continue
    const { dataWikilink: name, dataWikiFragment: fragment, dataWikiEmbed: shown } = child.properties
    if (child.tagName === 'blockquote' && typeof name === 'string' && shown !== undefined) {
      const embed: EmbedRef = { name, ...(typeof fragment === 'string' && { fragment }), shown: String(shown) }
      children[i] = { type: 'text', value: mark({ path: '', chapter: '', other: '', embed }) }
      continue
    }
    markEmbeds(child, mark)
  }
}

/** The href (unescaped) from the print page of the output path `path`: within the page when it is a chapter. */
export function printHref(path: string, fragment: string | undefined, isChapter: (path: string) => boolean): string {
  if (!isChapter(path)) return hrefTo(PRINT_PAGE, toSlug(path), fragment)
  const target = printAnchor(path as Slug)
  return fragment ? `#${target}--${encodeURIComponent(fragment)}` : `#${target}`
}

/** The value of a link written `href` on page `slug`, from the print page, escaped (as any other link it names no page of). */
function printedHref(slug: Slug, anchor: string, href: string): string {
  if (href.startsWith('#')) return attributeValue(replaceUnprintable(`#${anchor}--${href.slice(1)}`))
  const resolved = resolveHref(slug, href)
  return attributeValue(replaceUnprintable(resolved ? hrefTo(PRINT_PAGE, toSlug(resolved.path), resolved.fragment) : href))
}

/** Both values of a print-page link to the output path `path`. */
function printValues(path: string, fragment: string | undefined): { chapter: string; other: string } {
  const target = printAnchor(path as Slug)
  const chapter = fragment ? `#${target}--${encodeURIComponent(fragment)}` : `#${target}`
  // The page shows every value with its unprintable characters replaced, escaped by the serialiser.
  return { chapter: attributeValue(replaceUnprintable(chapter)), other: attributeValue(replaceUnprintable(hrefTo(PRINT_PAGE, toSlug(path), fragment))) }
}

/**
 * The chapter's HTML, each link to another note within the page when
 * `isChapter` says that note is a chapter; wikilinks point where `targetOf`
 * says (an output path), or nowhere (`#`).
 */
export function fillPrintChapter(
  html: SlottedHtml<PrintSlot>,
  isChapter: (path: string) => boolean,
  targetOf: TargetOf = () => undefined,
  embed?: (embed: EmbedRef, to: string) => string,
): string {
  return fillSlots(html, (slot) => {
    if (slot.embed) {
      return fillEmbedSlot(slot.embed, targetOf(slot.embed.name), (path, fragment) => printHref(path, fragment, isChapter), embed)
    }
    if (!slot.wiki) return isChapter(slot.path) ? slot.chapter : slot.other
    const to = targetOf(slot.wiki.name)
    if (to === undefined) return slot.wiki.written ?? '#'
    if (isUrl(to)) return attributeValue(replaceUnprintable(to))
    // `[[Other#MyId]]`: the id as written when that note has it (see LinkInfo.fragmentAs).
    const { id } = slot.wiki
    const values = printValues(to, id !== undefined && targetOf.hasId?.(slot.wiki.name, id) ? id : slot.wiki.fragment)
    return slot.wiki.attribute === 'href' && isChapter(to) ? values.chapter : values.other
  })
}
