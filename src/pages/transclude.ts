/**
 * Note embeds (`![[Note]]`, `![[Note#Heading]]`, `![[Note#^block]]`) as a
 * page shows them: the embedded note's body in its embed form (its worker
 * serialised it without ids, with its URLs and its sections' extents as
 * slots: markdown/embed-body.ts), cut to the section or block, its slots
 * filled from the page it lands on, inside `blockquote.transclude` with a
 * link to the note, as Quartz marks it up. An embed inside an embed is
 * filled the same way; one that would show a note already being shown (a
 * cycle), or past `MAX_EMBED_DEPTH`, is a link instead.
 */
import { toHtml } from 'hast-util-to-html'
import type { Element } from 'hast'
import { MAX_EMBED_DEPTH } from '../graph/embeds.ts'
import { wikiTargets, type WikiTarget } from '../graph/wikilinks.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import { fillEmbed, sliceEmbed } from '../markdown/embed-body.ts'
import { openTag } from '../markdown/slotted-html.ts'
import { brokenLink, fillWikiSlot, type EmbedRef } from '../markdown/wikilink-slots.ts'
import type { Slug, SourcePath } from '../paths.ts'
import { targetLookup } from './link-wikilinks.ts'

/** A note a page shows through embeds: what of it the page's HTML depends on, for its fingerprint. */
export interface EmbeddedNote {
  source: SourcePath
  /** The note's content key: its body changed when this did. */
  key: string
  /** Where its wikilinks point. */
  wikiLinks: WikiTarget[]
}

/** The notes an embed link of `source` names, in link order, once each. */
export function embedTargets(graph: Pick<SiteGraph, 'notes'>, source: SourcePath): SourcePath[] {
  const note = graph.notes.get(source)
  const out: SourcePath[] = []
  for (const link of note?.links ?? []) {
    if (link.embed && !link.problem && link.kind === 'page' && graph.notes.has(link.target) && !out.includes(link.target)) out.push(link.target)
  }
  return out
}

/** Every note the page of `source` may show through embeds, nested ones included (each once; not `source` itself). */
export function embeddedNotes(graph: SiteGraph, source: SourcePath): EmbeddedNote[] {
  const seen = new Set<SourcePath>([source])
  const out: EmbeddedNote[] = []
  let level = embedTargets(graph, source)
  for (let depth = 1; depth <= MAX_EMBED_DEPTH && level.length > 0; depth++) {
    const next: SourcePath[] = []
    for (const target of level) {
      if (seen.has(target)) continue
      seen.add(target)
      const note = graph.notes.get(target)!
      out.push({ source: target, key: note.key, wikiLinks: wikiTargets(note) })
      next.push(...embedTargets(graph, target))
    }
    level = next
  }
  return out
}

/** Where embedded content's links point from the page showing it. */
export interface EmbedPlace {
  /** The page's path, for wikilinks' hrefs when `href` is not given. */
  from: Slug
  /** The href of an output path and fragment from the page. */
  href: (path: string, fragment: string | undefined) => string
  /** The href an inline code's name links to on the page (none on the print page). */
  symbol: (name: string) => string | undefined
}

/**
 * The function that fills an embed slot (`WikiSlotOptions.embed`) of the
 * note `host` on a page at `place`. `to` is the output path the name
 * resolved to.
 */
export function embedFiller(graph: SiteGraph, host: SourcePath, place: EmbedPlace): (embed: EmbedRef, to: string) => string {
  const render = (embed: EmbedRef, to: string, stack: readonly SourcePath[]): string => {
    const link = (className: string) =>
      toHtml({ type: 'element', tagName: 'a', properties: { className: [className], dataWikilink: embed.name, href: place.href(to, embed.fragment) }, children: [{ type: 'text', value: embed.shown }] })
    const target = graph.bySlug.get(to as Slug)
    // A file (`![[spec.pdf]]`) is linked, as before notes were embedded.
    if (target === undefined) return link('transclude-link')
    // The graph stage warns of the cycle and of the depth (graph/embeds.ts); here it only has to end.
    if (stack.includes(target) || stack.length > MAX_EMBED_DEPTH) return link('transclude-link')
    const note = graph.notes.get(target)!
    const whole = graph.bodies.embed(note.key)
    const part = embed.fragment === undefined ? whole : sliceEmbed(whole, embed.fragment)
    if (part === undefined) return brokenLink(embed.name, embed.shown)
    const targetOf = targetLookup(wikiTargets(note))
    const inner = fillEmbed(part, {
      href: place.href,
      symbol: place.symbol,
      symbolOpen: (href) => openTag({ type: 'element', tagName: 'a', properties: { href, className: ['symbol-link'] }, children: [] }),
      wiki: (slot) => fillWikiSlot(slot, place.from, targetOf, { href: place.href, embed: (e, t) => render(e, t, [...stack, target]) }),
    })
    // Search indexes each note's own text (its worker's sections), never this; the attribute tells Pagefind the same.
    const frame: Element = {
      type: 'element',
      tagName: 'blockquote',
      properties: { className: ['transclude'], dataWikilink: embed.name, ...(embed.fragment !== undefined && { dataEmbedFragment: embed.fragment }), dataPagefindIgnore: '' },
      children: [],
    }
    return `${openTag(frame)}${inner}${link('transclude-src')}</blockquote>`
  }
  return (embed, to) => render(embed, to, [host])
}
