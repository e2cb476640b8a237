/**
 * MkDocs's directory URLs (`use_directory_urls`, its default): MkDocs
 * published `a/b.md` at `a/b/` (the file `a/b/index.html`) and `a/index.md`
 * (or `a/README.md`) at `a/`, where slugwiki keeps mdBook's `a/b.html`. Each
 * MkDocs URL that is not the page's own file becomes a redirect page to it,
 * as a Docusaurus URL does, so the old site's links keep working.
 */
import path from 'node:path'
import { urlKey } from '../collisions.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import { hrefTo, slug, slugOf, toSourcePath, type Slug, type SourcePath } from '../paths.ts'
import type { Diagnostic } from '../report.ts'
import type { RedirectPage } from './model.ts'

/**
 * The file MkDocs writes a page to with directory URLs, as its
 * `File._get_dest_path` names it: `a/b.md` → `a/b/index.html`, `a/index.md`
 * and `a/README.md` → `a/index.html` (those two names exactly, in that case).
 */
export function mkdocsDirectoryFile(source: SourcePath): Slug {
  const dir = path.posix.dirname(source)
  const stem = path.posix.basename(source).replace(/\.md$/i, '')
  const folder = stem === 'index' || stem === 'README' ? dir : dir === '.' ? stem : `${dir}/${stem}`
  return slug(folder === '.' ? 'index.html' : `${folder}/index.html`)
}

export interface MkdocsRedirectOptions {
  /** The title a redirect names its page by (its sidebar title). */
  titleOf: (source: SourcePath) => string
  display: (source: SourcePath) => string
}

/**
 * A redirect page at each note's MkDocs URL that is not its own page,
 * leading to the page and keeping the reader's `#fragment` (MkDocs's heading
 * ids are the page's). A URL that another page (in `taken`) or a copied file
 * of the site has, as the output's collision check judges URLs, is no
 * redirect, and a `mkdocs` warning at the note names both (unless that
 * claim is on the note's own page's URL too, an output collision: an error
 * already names them); `taken` gains the pages made.
 */
export function mkdocsRedirects(graph: SiteGraph, taken: Set<string>, diagnostics: Diagnostic[], options: MkdocsRedirectOptions): RedirectPage[] {
  // Who has each URL, as the output's collision check judges URLs (case aside, `a.html` is `a/index.html`'s).
  const owners = new Map<string, Array<{ path: string; owner: string }>>()
  const claim = (at: string, owner: string) => {
    const key = urlKey(at)
    owners.set(key, [...(owners.get(key) ?? []), { path: at, owner }])
  }
  for (const [at, source] of graph.bySlug) claim(at, `the page of \`${options.display(source)}\``)
  for (const file of graph.assets) claim(file, `the file \`${options.display(file)}\``)
  const notePages = new Set<string>(graph.bySlug.keys())
  for (const at of taken) if (!notePages.has(at)) claim(at, `the generated \`${at}\``)
  const pages: RedirectPage[] = []
  for (const source of graph.all) {
    const own = slugOf(source)
    const at = mkdocsDirectoryFile(source)
    if (at === own) continue
    const url = at === 'index.html' ? '/' : `/${at.slice(0, -'index.html'.length)}`
    // The note's own page has the same URL on a clean-URL host (`a/b.html` is served at `/a/b`): the redirect leads there.
    const there = owners.get(urlKey(at))?.find((o) => o.path !== own)?.owner
    if (there !== undefined) {
      // Another claim on the own page's URL is an output collision already, an error naming both: no second word on it.
      if (urlKey(at) !== urlKey(own)) diagnostics.push({ file: options.display(source), severity: 'warning', message: `MkDocs URL \`${url}\` is \`${at}\`, ${there}; no redirect there`, rule: 'mkdocs' })
      continue
    }
    taken.add(at)
    pages.push({ kind: 'redirect', slug: at, title: options.titleOf(source), to: hrefTo(at, own) })
  }
  return pages
}
