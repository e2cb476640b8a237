/**
 * What a Docusaurus doc's frontmatter adds to its page, in a Docusaurus site
 * (plugin-content-docs's front matter): `hide_title`, `unlisted` (noindex),
 * `keywords` and `image` for the page's head, and `pagination_prev` /
 * `pagination_next` (a doc id, or `null` for none) with the target's
 * `pagination_label` over the reading order's neighbours.
 */
import { docId } from '../content/docusaurus-outline.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import { encodePath, hrefTo, slug, slugOf, toSourcePath, type SourcePath } from '../paths.ts'
import type { PageLink } from './model.ts'

/** The page's head and title facts from its frontmatter. */
export interface DocusaurusPageFacts {
  hideTitle?: true
  noindex?: true
  keywords?: string[]
  image?: string
}

/**
 * The facts of the doc at `source`; `problem` receives what is ignored (key,
 * message). `siteUrl` is the site's absolute URL with its base path, when known.
 */
export function docusaurusPageFacts(graph: SiteGraph, source: SourcePath, siteUrl: string | undefined, problem?: (key: string, message: string) => void): DocusaurusPageFacts {
  const { frontmatter } = graph.notes.get(source)!
  const facts: DocusaurusPageFacts = {}
  if (frontmatter.hide_title === true) facts.hideTitle = true
  if (graph.hidden.has(source)) facts.noindex = true
  const { keywords, image } = frontmatter
  if (Array.isArray(keywords) && keywords.every((k) => typeof k === 'string' || typeof k === 'number')) {
    const list = keywords.map((k) => String(k).trim()).filter(Boolean)
    if (list.length) facts.keywords = list
  } else if (typeof keywords === 'string' && keywords.trim()) facts.keywords = keywords.split(',').map((k) => k.trim()).filter(Boolean)
  else if (keywords !== undefined && keywords !== null) problem?.('keywords', 'Frontmatter `keywords` should be a list of strings; ignored')
  if (typeof image === 'string' && /^https?:\/\//i.test(image)) facts.image = image
  else if (typeof image === 'string' && image.startsWith('/') && !image.startsWith('//')) {
    // Docusaurus's `/img/x.png` is a file of the site's root (its `static/` folder), made absolute with the site's URL
    // (its `useBaseUrl(image, {absolute: true})`); without one known, relative to the page, as its other links are.
    const file = siteFile(image)
    if (file && graph.assets.has(file)) facts.image = siteUrl ? new URL(encodePath(file), siteUrl).href : hrefTo(graph.slugs.get(source) ?? slugOf(source), slug(file))
    else problem?.('image', `Frontmatter \`image\` names no file of the site: \`${image}\` (in \`static/\` or beside the docs); ignored`)
  } else if (image !== undefined && image !== null) problem?.('image', 'Frontmatter `image` should be a path from the site\'s root (`/img/x.png`) or an absolute http(s) URL (the page\'s `og:image`); ignored')
  return facts
}

/** The file a root path names (`/img/a%20b.png` → `img/a b.png`), without its query or fragment. */
function siteFile(rootPath: string): SourcePath | undefined {
  const bare = rootPath.replace(/[?#].*$/, '')
  try {
    return toSourcePath(decodeURIComponent(bare.slice(1)))
  } catch {
    return toSourcePath(bare.slice(1))
  }
}

// The doc ids of each graph, found once: pagination names docs by id. Keyed by the graph, so nothing outlives a build.
const idTables = new WeakMap<SiteGraph, Map<string, SourcePath>>()

function idsOf(graph: SiteGraph): Map<string, SourcePath> {
  let ids = idTables.get(graph)
  if (!ids) {
    ids = new Map()
    for (const source of graph.all) {
      const note = graph.notes.get(source)!
      const id = docId({ source, title: note.title, frontmatter: note.frontmatter })
      if (!ids.has(id)) ids.set(id, source)
    }
    idTables.set(graph, ids)
  }
  return ids
}

/** The label of a doc in the previous/next links: its `pagination_label`, else its sidebar label. */
function paginationLabel(graph: SiteGraph, source: SourcePath, fallback: string): string {
  const own = graph.notes.get(source)!.frontmatter.pagination_label
  return typeof own === 'string' && own.trim() ? own : fallback
}

/**
 * The previous or next link of a doc: `pagination_prev`/`_next` naming a
 * doc by id, `null` for none, else `auto` (the reading order's neighbour at
 * `autoSource`), relabelled by the target's `pagination_label`. An id of no
 * doc keeps `auto`, with a problem to report.
 */
export function docusaurusNeighbour(graph: SiteGraph, source: SourcePath, key: 'prev' | 'next', auto: PageLink | undefined, autoSource: SourcePath | undefined): { link?: PageLink; problem?: string } {
  const name = `pagination_${key}`
  const value = graph.notes.get(source)!.frontmatter[name]
  if (value === null) return {}
  if (typeof value === 'string') {
    const target = idsOf(graph).get(value.trim())
    if (target) return { link: { title: paginationLabel(graph, target, graph.places.get(target)?.chapter.title ?? graph.notes.get(target)!.title), slug: graph.slugs.get(target)! } }
    return { link: auto, problem: `Frontmatter \`${name}\` names no doc: \`${value}\` (a doc id, such as \`guides/intro\`)` }
  }
  const problem = value === undefined ? undefined : `Frontmatter \`${name}\` should be a doc id or null; ignored`
  // The neighbour VitePress's `prev`/`next` may have replaced keeps its link as it is.
  if (auto && autoSource && auto.slug === graph.slugs.get(autoSource) && auto.fragment === undefined) return { link: { ...auto, title: paginationLabel(graph, autoSource, auto.title) }, problem }
  return { link: auto, problem }
}
