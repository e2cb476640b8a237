/**
 * Link inline code in prose that names an indexed code symbol
 * (`` `container_of` ``) to the symbol's entry. The note's worker left a
 * slot around each such inline code (`NoteBody.page`); this fills them, so
 * the body is never parsed or copied on the main thread.
 */
import { fillSlots, openTag, type SlottedHtml } from '../markdown/slotted-html.ts'
import { fillWikiSlot, isWikiSlot, type EmbedRef, type TargetOf } from '../markdown/wikilink-slots.ts'
import type { Slug } from '../paths.ts'

/** How to fill a body's wikilink slots: the page they are on, and where each name points. */
export interface WikiFill {
  from: Slug
  targetOf: TargetOf
  /** The HTML of a note embed whose name resolved to `to` (pages/transclude.ts; default: a link). */
  embed?: (embed: EmbedRef, to: string) => string
}

/**
 * The page body's HTML with each inline code whose name `hrefOf` knows
 * wrapped in a link. Slots come in pairs (where a link opens, where it
 * closes), each naming the identifier.
 */
export function linkInlineSymbols(body: SlottedHtml<string>, hrefOf: (name: string) => string | undefined, wiki?: WikiFill): string {
  let open = false
  // Wikilinks' slots come in pairs too (wikilink-slots.ts), never inside another pair.
  let wikiClose: string | undefined
  return fillSlots(body, (name, index) => {
    if (index % 2 === 1) {
      if (wikiClose !== undefined) {
        const close = wikiClose
        wikiClose = undefined
        return close
      }
      const close = open ? '</a>' : ''
      open = false
      return close
    }
    if (isWikiSlot(name)) {
      // Without resolutions a wikilink is left as its text.
      const filled = wiki ? fillWikiSlot(name, wiki.from, wiki.targetOf, { embed: wiki.embed }) : { open: '', close: '' }
      wikiClose = filled.close
      return filled.open
    }
    const href = hrefOf(name)
    open = href !== undefined
    // The start tag is written by the same serialiser as the body, so its href is escaped alike.
    return href === undefined ? '' : openTag({ type: 'element', tagName: 'a', properties: { href, className: ['symbol-link'] }, children: [] })
  })
}
