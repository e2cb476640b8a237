/**
 * The dev server's pages: each page model with a fingerprint of everything
 * its HTML depends on. A rebuild compares fingerprints to find the pages
 * whose output changed; HTML is rendered when a page is first asked for and
 * kept until its fingerprint changes.
 */
import type { Root } from 'hast'
import type { SiteGraph } from '../graph/site-graph.ts'
import type { CompiledNote } from '../markdown/compile.ts'
import type { Page } from '../pages/model.ts'
import type { Slug } from '../paths.ts'
import type { SitePlan } from '../render-site.ts'
import { renderPage } from '../theme/render.ts'

interface PageEntry {
  page: Page
  fingerprint: string
  html?: string
}

export interface PageTableUpdate {
  plan: SitePlan
  graph: SiteGraph
  /** Content key of a compiled note, so a page fingerprints its body without serialising it. */
  keyOf: (note: CompiledNote) => string | undefined
  /** What every page shows (the outline, the theme version); when it changes, every page changed. */
  shared: string
}

/** Pages by slug, rendered on demand. */
export interface PageTable {
  /**
   * Take the pages of a new plan; returns the slugs whose HTML is now
   * different (added and removed ones included), and whether that is every
   * page because what they all share changed.
   */
  update(next: PageTableUpdate): { changed: Set<Slug>; everything: boolean }
  has(slug: string): boolean
  /** The page's HTML, rendered now if needed. Throws what a template throws. */
  html(slug: string): string | undefined
  readonly size: number
}

/** `[page, extra]` as a string, each note body replaced by its note's content key. */
function fingerprint(page: Page, extra: unknown, bodyKey: (slug: Slug) => string | undefined): string {
  return JSON.stringify([page, extra], function (this: unknown, key, value: unknown) {
    if (key === 'body' && value && typeof value === 'object' && (value as Root).type === 'root') {
      const holder = this as { slug?: Slug }
      const known = holder.slug ? bodyKey(holder.slug) : undefined
      if (known) return `note:${known}`
    }
    return value
  })
}

/** Create an empty table; `extraScripts` are added to every page (the reload client). */
export function createPageTable(extraScripts: string[]): PageTable {
  let entries = new Map<string, PageEntry>()
  let shared = ''
  let plan: SitePlan | undefined

  return {
    update(next) {
      const everything = next.shared !== shared
      shared = next.shared
      plan = next.plan
      // A body is the note's own tree (note page) or a copy made from it (print chapter): either way the note's key names it.
      const bodyKey = (slug: Slug) => {
        const source = next.graph.bySlug.get(slug)
        const note = source && next.graph.notes.get(source)
        return note && next.keyOf(note)
      }
      const changed = new Set<Slug>()
      const fresh = new Map<string, PageEntry>()
      for (const page of next.plan.pages) {
        const options = next.plan.renderOptions(page)
        const print = fingerprint(page, [options.extraStyles, options.extraScripts], bodyKey)
        const before = entries.get(page.slug)
        if (!everything && before && before.fingerprint === print) fresh.set(page.slug, { page, fingerprint: print, html: before.html })
        else {
          fresh.set(page.slug, { page, fingerprint: print })
          changed.add(page.slug)
        }
      }
      for (const slug of entries.keys()) if (!fresh.has(slug)) changed.add(slug as Slug)
      entries = fresh
      return { changed, everything }
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
