/**
 * The contract between the build and a theme: typed page models in, hast out.
 */
import type { Element, ElementContent, Root } from 'hast'
import type { h, s } from 'hastscript'
import type { Config } from '../config.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import type { Page } from '../pages/model.ts'
import type { Slug, SourcePath } from '../paths.ts'

export interface ThemeContext {
  config: Config
  /**
   * The site. Templates may read its outline, which notes are published and
   * the index pages that exist (`sharedPageInputs`); anything else a page
   * shows must come from its page model, which the page cache fingerprints,
   * or a page kept from the last build could show stale facts.
   */
  graph: SiteGraph
  /** The page being rendered. */
  page: Page
  /** Href from the current page to an output file (absolute under the base on the 404 page). */
  href(to: Slug, fragment?: string): string
  /** Href from the current page to a theme or site asset under `_slugwiki/`. */
  asset(name: string): string
  /** The navigation title of a note. */
  navTitle(source: SourcePath): string
  /**
   * A part that every page of one folder asking with the same `key` shows
   * alike: `make` runs, and its HTML is serialised, once per build and
   * folder (links from it, made with `href` and `asset`, are relative to the
   * folder). It may depend only on `key` and the site (outline, notes,
   * config, theme), never on which page of the folder is rendered: the
   * sidebar's closed sections are such parts, the current page's are not.
   */
  shared(key: string, make: () => Element): ElementContent
  /** Stylesheets and scripts the page must load, in order (already hrefs). */
  styles: string[]
  scripts: string[]
  /** The book's favicons (mdBook's `theme/favicon.svg`, `favicon.png`), each a `<link>`'s `rel` and `href`; empty when it has none. */
  favicons: Array<{ rel: string; href: string }>
  /** The site's feeds, each a `<link rel="alternate">`'s `type`, `title` and `href`; empty when none is written. */
  feeds: Array<{ type: string; title: string; href: string }>
  /** The href of the site's logo (Material for MkDocs's `theme.logo`), shown beside its title; none when it has none. */
  logo?: string
  /** What every page's footer says (MkDocs's `copyright`), sanitised hast; none when the site says nothing there. */
  footer?: ElementContent[]
  /** All templates, the theme's own over its parent's, so a template can call another. */
  templates: Templates
  /** hastscript's `h` and `s`, so a wiki's own theme folder needs no imports to build hast. */
  h: typeof h
  s: typeof s
}

/** A template renders part of a page. */
export type Template<T = Element | Root> = (ctx: ThemeContext) => T

export interface Templates {
  /** The whole document, `<!doctype html>` to `</html>`. */
  document: Template<Root>
  [name: string]: Template<Element | Root | Element[]>
}

/** What a theme's `index.ts` exports by default. */
export interface ThemeDefinition {
  /** Inherit every template and asset this theme does not provide. */
  extends?: string
  templates: Partial<Templates>
  /** Stylesheets under the theme's `assets/`, in load order. */
  styles?: string[]
  /** Scripts under the theme's `assets/`, loaded with `defer`. */
  scripts?: string[]
}

/** Identity helper for typed theme modules. */
export function defineTheme(theme: ThemeDefinition): ThemeDefinition {
  return theme
}
