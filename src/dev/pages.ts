/**
 * The dev server's pages: each page model with the fingerprint of
 * everything its HTML depends on. A rebuild compares each new fingerprint
 * with the last one to find the pages whose output changed; HTML is
 * rendered when a page is first asked for and kept until its model changes.
 */
import { fingerprint } from '../pages/fingerprint.ts'
import type { Page } from '../pages/model.ts'
import type { Slug } from '../paths.ts'
import type { SitePlan } from '../render-site.ts'
import { renderPage } from '../theme/render.ts'

interface PageEntry {
  page: Page
  /**
   * The fingerprint of the model and of what else its HTML depends on (its stylesheets and
   * scripts), or how to take it: a patched page's is taken only when the next full rebuild
   * compares it (the print page's covers every note: taking it on each save was a third of the save's rebuild).
   */
  fingerprint: string | (() => string)
  html?: string
}

function fingerprintOf(entry: PageEntry): string {
  if (typeof entry.fingerprint === 'function') entry.fingerprint = entry.fingerprint()
  return entry.fingerprint
}

export interface PageTableUpdate {
  plan: SitePlan
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

/** Create an empty table; `extraScripts` are added to every page (the reload client), after the page's own. */
export function createPageTable(extraScripts: string[]): PageTable {
  let entries = new Map<string, PageEntry>()
  let shared: string | undefined
  let plan: SitePlan | undefined

  return {
    update(next) {
      const nextShared = fingerprint(next.shared)
      const everything = shared !== nextShared
      shared = nextShared
      plan = next.plan
      const changed = new Set<Slug>()
      const fresh = new Map<string, PageEntry>()
      for (const page of next.plan.pages) {
        const print = next.plan.fingerprint(page)
        const old = entries.get(page.slug)
        const same = !everything && old !== undefined && fingerprintOf(old) === print
        fresh.set(page.slug, { page, fingerprint: print, html: same ? old.html : undefined })
        if (!same) changed.add(page.slug)
      }
      for (const slug of entries.keys()) if (!fresh.has(slug)) changed.add(slug as Slug)
      entries = fresh
      return { changed, everything }
    },
    patch(next, slugs) {
      plan = next.plan
      const replaced = new Set<string>(slugs)
      for (const page of next.plan.pages) {
        if (replaced.has(page.slug)) entries.set(page.slug, { page, fingerprint: () => next.plan.fingerprint(page) })
      }
    },
    has: (slug) => entries.has(slug),
    html(slug) {
      const entry = entries.get(slug)
      if (!entry || !plan) return undefined
      if (entry.html === undefined) {
        const options = plan.renderOptions(entry.page)
        // The page's own scripts (a diagram's, the book's additional-js) and then the reload client.
        entry.html = renderPage(entry.page, { ...options, extraScripts: [...(options.extraScripts ?? []), ...extraScripts] })
      }
      return entry.html
    },
    get size() {
      return entries.size
    },
  }
}
