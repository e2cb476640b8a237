/**
 * The site's navigation tree, shared by every page. Pages render only the top
 * level and their own branch of the outline (so page size does not grow with
 * the wiki); the whole tree is written once, as `_slugwiki/nav.js`, for the
 * client script to fill in the rest on demand.
 */
import type { OutlineChapter, OutlineItem } from '../content/summary.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import { hrefTo, slug, slugOf, type SourcePath } from '../paths.ts'

/** Output name of the navigation tree, under `_slugwiki/`. */
export const NAV_ASSET = 'nav.js'

/**
 * One outline entry in the shared tree: `t`itle, `h`ref from the site root
 * (absent for a draft or a `f`older without a page), `u`rl of a link out of
 * the site (MkDocs's `nav`), chapter `n`umber,
 * `c`hildren; `p`art title; `s`eparator.
 */
export type NavEntry = { t: string; h?: string; u?: string; f?: 1; n?: string; c?: NavEntry[] } | { p: string } | { s: 1 }

/** The id of an outline item: its index path from the top (`3.0.2`). */
export function navId(parent: string, index: number): string {
  return parent === '' ? String(index) : `${parent}.${index}`
}

/** The printed number of a chapter (`1.2.`), or undefined for prefix and suffix chapters and when the book shows none (`labels` false: mdBook's `no-section-label`). */
export function chapterNumber(chapter: OutlineChapter, labels = true): string | undefined {
  return labels && chapter.number ? `${chapter.number.join('.')}.` : undefined
}

/** The tree as plain data, in outline order; chapter numbers only with `labels` (default true). */
export function navTree(graph: SiteGraph, items: OutlineItem[] = graph.outline, labels = true): NavEntry[] {
  const root = slug('index.html')
  return items.map((item): NavEntry => {
    if (item.kind === 'part') return { p: item.title }
    if (item.kind === 'separator') return { s: 1 }
    const entry: { t: string; h?: string; u?: string; f?: 1; n?: string; c?: NavEntry[] } = { t: item.title }
    if (item.source && graph.notes.has(item.source)) entry.h = hrefTo(root, slugOf(item.source as SourcePath))
    else if (item.generatedIndex) entry.h = hrefTo(root, item.generatedIndex.slug)
    else if (item.url) entry.u = item.url
    else if (item.folder) entry.f = 1
    const n = chapterNumber(item, labels)
    if (n) entry.n = n
    if (item.children.length) entry.c = navTree(graph, item.children, labels)
    return entry
  })
}

/** The shared `nav.js`: assigns the tree to `self.slugwikiNav`. JSON is valid script text. */
export function navScript(graph: SiteGraph, labels = true): string {
  return `self.slugwikiNav=${JSON.stringify(navTree(graph, graph.outline, labels))};\n`
}

/** Lists longer than this show only a window around the current entry. */
export const NAV_LIST_LIMIT = 40
/** Entries shown on each side of the current one in a long list. */
export const NAV_WINDOW = 12

/**
 * The `[start, end)` range of a list to render around `focus` (-1: none), so
 * a section with thousands of notes costs each page a bounded number of links.
 */
export function navWindow(length: number, focus: number): [number, number] {
  if (length <= NAV_LIST_LIMIT) return [0, length]
  const span = 2 * NAV_WINDOW + 1
  if (focus < 0) return [0, span]
  const end = Math.min(length, Math.max(0, focus - NAV_WINDOW) + span)
  return [Math.max(0, end - span), end]
}
