/**
 * The three kinds of path the build handles, and the only conversions
 * between them.
 *
 * - `SourcePath`: a note or asset, relative to the source folder, POSIX
 *   separators, never starting with `/` or `..` (`kernel-mm/rcu.md`).
 * - `Slug`: an output file, relative to the output folder
 *   (`kernel-mm/rcu.html`, `kernel-mm/index.html`).
 * - `Href`: what goes in an `href` attribute (relative, or prefixed with the
 *   base path), already percent-encoded.
 */
import path from 'node:path'
import { slug as githubSlug } from 'github-slugger'

declare const brand: unique symbol
type Brand<T, B extends string> = T & { readonly [brand]: B }

export type SourcePath = Brand<string, 'SourcePath'>
export type Slug = Brand<string, 'Slug'>
export type Href = Brand<string, 'Href'>

/**
 * Turn a path relative to the source folder into a `SourcePath`, or `undefined`
 * when it is absolute or leaves the folder.
 */
export function toSourcePath(relative: string): SourcePath | undefined {
  const posix = relative.split(path.sep).join('/')
  if (posix.startsWith('/') || /^[a-zA-Z]:/.test(posix)) return undefined
  const normal = path.posix.normalize(posix)
  if (normal === '.' || normal === '..' || normal.startsWith('../')) return undefined
  if (normal.includes('\0')) return undefined
  return normal.replace(/\/$/, '') as SourcePath
}

/** Resolve `target` (a decoded, relative URL path) against the folder of `from`. */
export function resolveSource(from: SourcePath, target: string): SourcePath | undefined {
  if (target.startsWith('/')) return toSourcePath(target.slice(1))
  return toSourcePath(path.posix.join(path.posix.dirname(from), target))
}

/**
 * True when the file name makes the note its folder's section page:
 * `README.md` (mdBook's, GitHub's), `index.md`, or `_index.md` (Hugo's and
 * Zola's section page, as the MLIR docs have it in every folder).
 */
export function isIndexNote(source: SourcePath): boolean {
  const base = path.posix.basename(source).toLowerCase()
  return /^(?:readme|_?index)\.mdx?$/.test(base)
}

/** The file names of a folder's section page, the one that wins first (mdBook prefers README.md). */
export const INDEX_NAMES = ['README.md', 'index.md', '_index.md'] as const

/** The section page of `folder` (`''` for the top) among `has`'s notes, by INDEX_NAMES's order. */
export function folderIndex(folder: string, has: (source: SourcePath) => boolean): SourcePath | undefined {
  for (const name of INDEX_NAMES) {
    const candidate = (folder ? `${folder}/${name}` : name) as SourcePath
    if (has(candidate)) return candidate
  }
  return undefined
}

/**
 * The output file of a note: `a/b.md` → `a/b.html`, `a/README.md` →
 * `a/index.html`, as mdBook lays out its output (`a/_index.md` too, where
 * Hugo serves a section's page).
 */
export function slugOf(source: SourcePath): Slug {
  if (isIndexNote(source)) {
    const dir = path.posix.dirname(source)
    return (dir === '.' ? 'index.html' : `${dir}/index.html`) as Slug
  }
  // `.mdx`: a Docusaurus doc, the only place one is a note.
  return source.replace(/\.mdx?$/i, '.html') as Slug
}

/** The page of a URL path of the site (`/old/page`, `old/`, `old.html`): `old/page.html`, `old/index.html`, `old.html`; undefined outside the site. */
export function pathSlug(urlPath: string): Slug | undefined {
  const clean = toSourcePath(urlPath.replace(/^\/+/, '').replace(/\/+$/, '/index'))
  if (!clean) return undefined
  return /\.(md|html)$/i.test(clean) ? slugOf(clean.replace(/\.html$/i, '.md') as SourcePath) : slug(`${clean}.html`)
}

/** A slug for a generated page or asset, from a trusted literal path. */
export function slug(value: string): Slug {
  return value.replace(/^\/+/, '') as Slug
}

/** The relative href from the page `from` to the output file `to`, with an optional `#fragment`. */
export function hrefTo(from: Slug, to: Slug, fragment?: string): Href {
  const fromDir = path.posix.dirname(from)
  // `index.html` is kept (as mdBook does): a bare folder link opens a directory listing from disk.
  const rel = path.posix.relative(fromDir === '.' ? '' : fromDir, to)
  const encoded = encodePath(rel || path.posix.basename(to))
  return (fragment ? `${encoded}#${encodeURIComponent(fragment)}` : encoded) as Href
}

/** The same-page href of a fragment. */
export function fragmentHref(fragment: string): Href {
  return `#${encodeURIComponent(fragment)}` as Href
}

/** An absolute href under the site's base path (`/wiki/`), for pages served at any URL (404). */
export function absoluteHref(base: string, to: Slug, fragment?: string): Href {
  let rel: string = to
  if (rel === 'index.html') rel = ''
  else if (rel.endsWith('/index.html')) rel = rel.slice(0, -'index.html'.length)
  const url = normalizeBase(base) + encodePath(rel)
  return (fragment ? `${url}#${encodeURIComponent(fragment)}` : url) as Href
}

/** `wiki` → `/wiki/`, `` → `/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '')
  return trimmed ? `/${trimmed}/` : '/'
}

/**
 * The URL of the page at `from` under `base`, on a placeholder origin: what
 * a link written on that page is resolved against, as the browser resolves it.
 */
export function pageUrl(from: Slug, base = '/'): URL {
  return new URL(`http://site${normalizeBase(base)}${encodePath(from)}`)
}

/**
 * The site path (decoded; a folder as its `index.html`) and fragment that
 * `href`, written on the page at `from`, leads to under `base`. Undefined
 * for another site's URL, a path outside the base, or a malformed escape.
 */
export function sitePathOf(href: string, from: Slug, base = '/'): { path: string; fragment?: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return undefined
  const url = new URL(href, pageUrl(from, base))
  const root = normalizeBase(base)
  if (!url.pathname.startsWith(root)) return undefined
  try {
    const path = decodeURIComponent(url.pathname.slice(root.length))
    const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : undefined
    return { path: path === '' || path.endsWith('/') ? `${path}index.html` : path, fragment }
  } catch {
    return undefined
  }
}

/**
 * Whether a relative href climbs above the site's root from page `from`
 * (`../../../rust-by-example/x.html` from `a/b/old.html`): written for a site
 * served below a sibling's, as doc.rust-lang.org's books link each other.
 * A URL with a scheme, a root-relative path or a bare fragment never does.
 */
export function climbsAboveRoot(href: string, from: Slug): boolean {
  if (/^[a-z][a-z0-9+.-]*:|^[/#?]/i.test(href)) return false
  // Once above the root no later segment comes back: normalising keeps the leading `..`.
  const landed = path.posix.normalize(path.posix.join(dirOf(from), href.replace(/[?#].*$/s, '')))
  return landed === '..' || landed.startsWith('../')
}

/** Percent-encode each segment of a relative path, keeping `/`, `.` and `..`. */
export function encodePath(relative: string): string {
  return relative
    .split('/')
    .map((segment) => (segment === '.' || segment === '..' ? segment : encodeURIComponent(segment)))
    .join('/')
}

/** The folder slug a page sits in: `a/b.html` → `a`, `index.html` → ``. */
export function dirOf(s: Slug | SourcePath): string {
  const dir = path.posix.dirname(s)
  return dir === '.' ? '' : dir
}

/**
 * The file name of a generated index entry (a tag, a topic): GitHub's heading
 * slug of its name, so `Read-Copy-Update` and `read-copy-update` share a page.
 * `+` and `#` are spelt out first, so the languages `C`, `C++` and `C#` keep
 * pages of their own. Empty when the name has no letters or digits.
 */
export function indexKey(name: string): string {
  return githubSlug(name.replace(/\+/g, ' plus ').replace(/#/g, ' sharp ').replace(/\s+/g, ' ').trim())
}

/** The page of a tag, `tags/<key>.html`. */
export function tagSlug(tag: string): Slug {
  return `tags/${indexKey(tag) || 'tag'}.html` as Slug
}

/** The page of a topic, `topics/<id>.html`; `id` is already an index key. */
export function topicSlug(id: string): Slug {
  return `topics/${id}.html` as Slug
}

/** The fixed pages of the generated indexes. */
export const INDEX_PAGES = {
  tags: 'tags/index.html' as Slug,
  topics: 'topics/index.html' as Slug,
  symbols: 'symbols/index.html' as Slug,
} as const

/** The print page, every note in reading order. */
export const PRINT_PAGE = 'print.html' as Slug

/** The anchor of a chapter on the print page (`kernel-mm/rcu.html` → `kernel-mm-rcu`). */
export function printAnchor(s: Slug): string {
  return s.replace(/\.html$/, '').replace(/[^A-Za-z0-9_-]+/g, '-')
}
