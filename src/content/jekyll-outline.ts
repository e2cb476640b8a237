/**
 * The sidebar of a Jekyll site on the just-the-docs theme, as its
 * `_includes/nav.html` builds it from the pages' front matter, not from the
 * folders: a page with a `title` is listed (`nav_exclude: true` leaves it
 * out), under the page its `parent` names by title (`grand_parent`, or
 * `ancestor`, picks among parents of one title), ordered by `nav_order`:
 * numbers first, lowest first, then the rest by `nav_order` written as text
 * or else by title, capitals before lowercase unless `nav_sort:
 * case_insensitive` (just-the-docs' docs/navigation/main/order.md).
 * `has_children` is not needed: a page's children are the pages naming it.
 */
import path from 'node:path'
import type { Diagnostic } from '../report.ts'
import type { SourcePath } from '../paths.ts'
import type { OutlineChapter, OutlineItem } from './summary.ts'

/** A note as the sidebar reads it. */
export interface JekyllNavNote {
  source: SourcePath
  /** The title shown (front matter's, else the first heading's). */
  title: string
  frontmatter: Readonly<Record<string, unknown>>
  /** Lines of front matter keys (`parent`), for diagnostics. */
  lines?: Readonly<Record<string, number>>
}

export interface JekyllOutlineOptions {
  /** `nav_sort: case_insensitive` in `_config.yml` (default false: capitals first). */
  caseInsensitive?: boolean
  /** The file shown in a diagnostic for a note. */
  display: (source: SourcePath) => string
}

/** Whether the notes arrange themselves as just-the-docs reads front matter: any `parent` or `nav_order`. */
export function usesJustTheDocsNav(notes: readonly JekyllNavNote[]): boolean {
  return notes.some((n) => typeof n.frontmatter.parent === 'string' || n.frontmatter.nav_order !== undefined)
}

/** Build the sidebar from the notes' front matter; a `parent` no page has is a warning, the page listed at the top. */
export function justTheDocsOutline(notes: readonly JekyllNavNote[], options: JekyllOutlineOptions): { items: OutlineItem[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined)
  // just-the-docs lists only pages with a title of their own in the front matter.
  const listed = notes.filter((n) => text(n.frontmatter.title) !== undefined && n.frontmatter.nav_exclude !== true)
  const titleOf = (n: JekyllNavNote) => text(n.frontmatter.title)!
  const parentName = (n: JekyllNavNote) => text(n.frontmatter.parent)
  // The site's home page comes first whether it asks to be listed or not: it is the site's `index.html`.
  const home = notes.find((n) => n.source === 'index.md' || n.source === 'README.md')

  const parentOf = new Map<SourcePath, JekyllNavNote | undefined>()
  const resolve = (n: JekyllNavNote): JekyllNavNote | undefined => {
    const name = parentName(n)
    if (name === undefined) return undefined
    const grand = text(n.frontmatter.grand_parent)
    const ancestor = text(n.frontmatter.ancestor)
    const candidates = listed.filter((p) => p !== n && titleOf(p) === name)
    const fits = (p: JekyllNavNote) =>
      (grand === undefined || parentName(p) === grand) && (ancestor === undefined || ancestorsOf(p).some((a) => titleOf(a) === ancestor))
    return candidates.find(fits) ?? candidates[0]
  }
  // A parent's own ancestors, by its `parent` titles, stopping at a loop.
  const ancestorsOf = (n: JekyllNavNote): JekyllNavNote[] => {
    const chain: JekyllNavNote[] = []
    let at: JekyllNavNote | undefined = n
    while (at && parentName(at) !== undefined) {
      const up: JekyllNavNote | undefined = listed.find((p) => p !== at && titleOf(p) === parentName(at!))
      if (!up || chain.includes(up)) break
      chain.push(up)
      at = up
    }
    return chain
  }
  for (const n of listed) {
    const parent = resolve(n)
    if (parentName(n) !== undefined && !parent) {
      const line = n.lines?.parent
      diagnostics.push({ file: options.display(n.source), ...(line !== undefined && { line, column: 1 }), severity: 'warning', message: `\`parent: ${parentName(n)}\`: no page has this title; listed at the top of the sidebar`, rule: 'jekyll-nav' })
    }
    parentOf.set(n.source, parent)
  }
  // A page that is its own ancestor (`parent` titles in a loop) is listed at the top, as no tree can hold it.
  for (const n of listed) {
    const seen = new Set<SourcePath>([n.source])
    let up = parentOf.get(n.source)
    while (up) {
      if (seen.has(up.source)) {
        parentOf.set(n.source, undefined)
        break
      }
      seen.add(up.source)
      up = parentOf.get(up.source)
    }
  }

  const compare = sortKey(options.caseInsensitive ?? false)
  const chapter = (n: JekyllNavNote, trail: Set<SourcePath>): OutlineChapter => {
    const kids = listed.filter((c) => parentOf.get(c.source) === n && !trail.has(c.source) && c !== home).sort(compare)
    const next = new Set([...trail, n.source])
    return { kind: 'chapter', title: n.title, source: n.source, children: kids.map((c) => chapter(c, next)) }
  }
  const top = listed.filter((n) => parentOf.get(n.source) === undefined && n !== home).sort(compare)
  const items: OutlineItem[] = top.map((n) => chapter(n, new Set()))
  if (home) items.unshift({ kind: 'chapter', title: home.title, source: home.source, children: [] })
  return { items, diagnostics }
}

const collator = new Intl.Collator('en', { numeric: true })

/**
 * just-the-docs' order: a numeric `nav_order` first, by value; then the others by
 * `nav_order` as text, else the title, by code point (capitals first) or ignoring
 * case. Ties keep the paths' order.
 */
function sortKey(caseInsensitive: boolean): (a: JekyllNavNote, b: JekyllNavNote) => number {
  const key = (n: JekyllNavNote) => {
    const order = n.frontmatter.nav_order
    if (typeof order === 'number' && Number.isFinite(order)) return { number: order, text: '' }
    const written = typeof order === 'string' && order.trim() ? order.trim() : (typeof n.frontmatter.title === 'string' ? n.frontmatter.title.trim() : n.title)
    return { number: undefined, text: caseInsensitive ? written.toLowerCase() : written }
  }
  return (a, b) => {
    const ka = key(a)
    const kb = key(b)
    if (ka.number !== undefined && kb.number !== undefined && ka.number !== kb.number) return ka.number - kb.number
    if ((ka.number === undefined) !== (kb.number === undefined)) return ka.number !== undefined ? -1 : 1
    if (ka.text !== kb.text) return ka.text < kb.text ? -1 : 1
    return collator.compare(path.posix.basename(a.source), path.posix.basename(b.source)) || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)
  }
}
