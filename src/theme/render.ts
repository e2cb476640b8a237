/**
 * Render a page model to HTML through the theme's templates: one hast tree,
 * serialised once, so every string from a note is escaped by construction.
 * Note bodies arrive already serialised, by the same serialiser, in the
 * worker that compiled them (`serialisedBody`); they and the parts a theme
 * shares between pages (`ThemeContext.shared`, serialised here) are the only
 * raw HTML written as it is.
 */
import path from 'node:path'
import type { Element, ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h, s } from 'hastscript'
import { deferredMaker, isSerialised, serialisedNode, toSlottedHtml } from '../markdown/slotted-html.ts'
import { walk } from '../markdown/walk.ts'
import type { Config } from '../config.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import { navTitle } from '../pages/build-pages.ts'
import type { PageOutput } from '../output.ts'
import type { Page } from '../pages/model.ts'
import { absoluteHref, hrefTo, slug as toSlug, type Slug } from '../paths.ts'
import { replaceUnprintableInTree } from '../unprintable.ts'
import type { LoadedTheme } from './load.ts'
import type { ThemeContext } from './types.ts'

/** Output folder of theme and site assets. */
export const ASSET_DIR = '_slugwiki'

export interface RenderOptions {
  config: Config
  graph: SiteGraph
  theme: LoadedTheme
  /** Extra stylesheets for this page (asset names under `_slugwiki/`), e.g. KaTeX's. */
  extraStyles?: string[]
  /** Extra scripts for this page, e.g. the dev server's reload client. */
  extraScripts?: string[]
  /** Favicons at the site's root (from mdBook's theme folder), in `<link>` order. */
  favicons?: Array<{ name: string; rel: string }>
  /** The site's feeds (`index.xml`), each a `<link rel="alternate">` of every page; none when no feed is written. */
  feeds?: Array<{ name: string; type: string; title: string }>
  /** The site's logo, a file of the site shown beside its title (Material for MkDocs's `theme.logo`). */
  logo?: string
  /** What every page's footer says (MkDocs's `copyright`), already sanitised. */
  footer?: ElementContent[]
}

/** Shared parts (`ThemeContext.shared`) by site: graph, theme and config, each object standing for its build. */
const sharedParts = new WeakMap<SiteGraph, WeakMap<LoadedTheme, WeakMap<Config, Map<string, ElementContent>>>>()

function sharedPartsOf({ graph, theme, config }: RenderOptions): Map<string, ElementContent> {
  const byTheme = sharedParts.get(graph) ?? new WeakMap<LoadedTheme, WeakMap<Config, Map<string, ElementContent>>>()
  sharedParts.set(graph, byTheme)
  const byConfig = byTheme.get(theme) ?? new WeakMap<Config, Map<string, ElementContent>>()
  byTheme.set(theme, byConfig)
  const parts = byConfig.get(config) ?? new Map<string, ElementContent>()
  byConfig.set(config, parts)
  return parts
}

/**
 * `part` serialised as it would be within a page (unprintable characters shown, a template's raw HTML escaped),
 * as a node a page writes as it is. A shared part inside it (a sidebar entry the fold opens holds others) is
 * written as it is too, as the page writes it.
 */
function serialisedPart(part: Element): ElementContent {
  const tree: Root = { type: 'root', children: [part] }
  replaceUnprintableInTree(tree)
  escapeTemplateRaw(tree)
  return serialisedNode(toHtml(tree, { allowDangerousHtml: true }))
}

/** Turn every raw node a template made into text, as the serialiser does when raw HTML is not allowed; serialised parts stay. */
function escapeTemplateRaw(tree: Root): void {
  walk(tree, (node) => {
    // Turned into a text node in place: it has the same value, and the walk never lists children anew.
    if (node.type === 'raw' && !isSerialised(node)) (node as { type: string }).type = 'text'
  })
}

/** The theme context of one page. */
export function createContext(page: Page, options: RenderOptions): ThemeContext {
  // The 404 page is served at any URL, so its links must be absolute.
  const absolute = page.kind === 'not-found'
  // Relative links depend on the page's folder only; the 404 page's are absolute.
  const scope = absolute ? '\0absolute' : path.posix.dirname(page.slug)
  const parts = sharedPartsOf(options)
  const href = (to: Slug, fragment?: string) => (absolute ? absoluteHref(options.config.base, to, fragment) : hrefTo(page.slug, to, fragment))
  const asset = (name: string) => href(toSlug(`${ASSET_DIR}/${name}`))
  return {
    config: options.config,
    graph: options.graph,
    page,
    href,
    asset,
    navTitle: (source) => navTitle(options.graph, source),
    shared(key, make) {
      const id = `${scope}\0${key}`
      let part = parts.get(id)
      if (!part) parts.set(id, (part = serialisedPart(make())))
      return part
    },
    styles: [...options.theme.styles, ...(options.extraStyles ?? [])].map(asset),
    scripts: [...options.theme.scripts, ...(options.extraScripts ?? [])].map(asset),
    favicons: (options.favicons ?? []).map(({ name, rel }) => ({ rel, href: href(toSlug(name)) })),
    feeds: (options.feeds ?? []).map(({ name, type, title }) => ({ type, title, href: href(toSlug(name)) })),
    ...(options.logo !== undefined && { logo: href(toSlug(options.logo)) }),
    ...(options.footer?.length && { footer: options.footer }),
    templates: options.theme.templates,
    h,
    s,
  }
}

/** Build one page's document tree, ready to serialise. */
export function renderPageTree(page: Page, options: RenderOptions): Root {
  const ctx = createContext(page, options)
  const tree = ctx.templates.document(ctx)
  // A control character pasted into a note (or escaped in its YAML) would make the page malformed.
  replaceUnprintableInTree(tree)
  return tree
}

/** A page's tree with every raw node a template made turned into text, as the serialiser does when raw HTML is not allowed. */
function escapedPageTree(page: Page, options: RenderOptions): Root {
  const tree = renderPageTree(page, options)
  escapeTemplateRaw(tree)
  return tree
}

/** Render one page to an HTML string. */
export function renderPage(page: Page, options: RenderOptions): string {
  return toHtml(escapedPageTree(page, options), { allowDangerousHtml: true }) + '\n'
}

/**
 * Render one page for writing: its HTML, or, when it holds deferred bodies
 * (the print page's chapters), its HTML in pieces, each body made only when
 * the writer reaches it. The pieces join to what `renderPage` returns.
 */
export function renderPageOutput(page: Page, options: RenderOptions): PageOutput {
  const tree = escapedPageTree(page, options)
  const html = toSlottedHtml<() => string>(
    tree,
    (mark) =>
      walk(tree, (node) => {
        const make = node.type === 'raw' ? deferredMaker(node) : undefined
        if (make) Object.defineProperty(node, 'value', { value: mark(make) })
      }),
    { raw: true },
  )
  if (html.slots.length === 0) return html.parts[0]! + '\n'
  return {
    *chunks() {
      for (const [i, make] of html.slots.entries()) {
        yield html.parts[i]!
        yield make()
      }
      yield html.parts.at(-1)! + '\n'
    },
  }
}
