/**
 * The dev server's pages: each page model with everything else its HTML
 * depends on. A rebuild compares each new model with the last one to find
 * the pages whose output changed; HTML is rendered when a page is first
 * asked for and kept until its model changes.
 */
import type { SiteGraph } from '../graph/site-graph.ts'
import type { CompiledNote } from '../markdown/compile.ts'
import type { Page } from '../pages/model.ts'
import type { Slug } from '../paths.ts'
import type { SitePlan } from '../render-site.ts'
import { renderPage } from '../theme/render.ts'

interface PageEntry {
  page: Page
  /** Everything besides the page model that its HTML depends on (its stylesheets and scripts). */
  extra: unknown
  html?: string
}

export interface PageTableUpdate {
  plan: SitePlan
  graph: SiteGraph
  /** Content key of a compiled note, so pages compare bodies without reading them. */
  keyOf: (note: CompiledNote) => string | undefined
  /** What every page shows (the outline, the theme version); when it changes, every page changed. */
  shared: unknown
}

/** Pages by slug, rendered on demand. */
export interface PageTable {
  /**
   * Take the pages of a new plan; returns the slugs whose HTML is now
   * different (added and removed ones included), and whether that is every
   * page because what they all share changed.
   */
  update(next: PageTableUpdate): { changed: Set<Slug>; everything: boolean }
  /** Take a plan known to differ from the last one only in the pages `slugs`, without comparing the others. */
  patch(next: Omit<PageTableUpdate, 'shared'>, slugs: readonly Slug[]): void
  has(slug: string): boolean
  /** The page's HTML, rendered now if needed. Throws what a template throws. */
  html(slug: string): string | undefined
  readonly size: number
}

/** The content key of the note at a slug, if a note is there. */
type BodyKey = (slug: Slug) => string | undefined

/**
 * Whether two page models (or parts of them) are the same. Identity comes
 * first: an unchanged note hands over the very same tree and lists. A `body`
 * beside a `slug` (a note page, a print chapter) is compared by the content
 * key of the note at that slug and never read: bodies are the bulk of a
 * model, and the print page builds its chapters' bodies only when read.
 */
function same(a: unknown, b: unknown, before: BodyKey, after: BodyKey): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((item, i) => same(item, b[i], before, after))
  }
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  const keys = Object.keys(x)
  if (keys.length !== Object.keys(y).length) return false
  for (const key of keys) {
    if (!Object.hasOwn(y, key)) return false
    if (key === 'body' && typeof x.slug === 'string' && x.slug === y.slug) {
      const was = before(x.slug as Slug)
      const is = after(y.slug as Slug)
      if (was !== undefined && is !== undefined) {
        if (was !== is) return false
        continue
      }
    }
    if (!same(x[key], y[key], before, after)) return false
  }
  return true
}

/** Create an empty table; `extraScripts` are added to every page (the reload client). */
export function createPageTable(extraScripts: string[]): PageTable {
  let entries = new Map<string, PageEntry>()
  let shared: unknown
  let plan: SitePlan | undefined
  let bodyKey: BodyKey = () => undefined
  const keysOf =
    (next: Omit<PageTableUpdate, 'shared'>): BodyKey =>
    (slug) => {
      const source = next.graph.bySlug.get(slug)
      const note = source && next.graph.notes.get(source)
      return note && next.keyOf(note)
    }

  return {
    update(next) {
      const noKey: BodyKey = () => undefined
      const everything = !same(shared, next.shared, noKey, noKey)
      shared = next.shared
      plan = next.plan
      const before = bodyKey
      const after = keysOf(next)
      bodyKey = after
      const changed = new Set<Slug>()
      const fresh = new Map<string, PageEntry>()
      for (const page of next.plan.pages) {
        const options = next.plan.renderOptions(page)
        const extra = [options.extraStyles, options.extraScripts]
        const old = entries.get(page.slug)
        if (!everything && old && same(old.page, page, before, after) && same(old.extra, extra, before, after)) {
          fresh.set(page.slug, { page, extra, html: old.html })
        } else {
          fresh.set(page.slug, { page, extra })
          changed.add(page.slug)
        }
      }
      for (const slug of entries.keys()) if (!fresh.has(slug)) changed.add(slug as Slug)
      entries = fresh
      return { changed, everything }
    },
    patch(next, slugs) {
      plan = next.plan
      bodyKey = keysOf(next)
      const replaced = new Set<string>(slugs)
      for (const page of next.plan.pages) {
        if (!replaced.has(page.slug)) continue
        const options = next.plan.renderOptions(page)
        entries.set(page.slug, { page, extra: [options.extraStyles, options.extraScripts] })
      }
    },
    has: (slug) => entries.has(slug),
    html(slug) {
      const entry = entries.get(slug)
      if (!entry || !plan) return undefined
      entry.html ??= renderPage(entry.page, { ...plan.renderOptions(entry.page), extraScripts })
      return entry.html
    },
    get size() {
      return entries.size
    },
  }
}
