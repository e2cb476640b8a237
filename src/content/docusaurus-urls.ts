/**
 * The URL Docusaurus gives a doc, from the docs root, as its
 * plugin-content-docs computes it (docs.ts, slug.ts): its folders and file
 * name without number prefixes (`02-extras/01-zeta.md` → `/extras/zeta`),
 * frontmatter `id` in place of the file name, `slug` in place of both
 * (`/x` from the docs root, `x` or `../x` from the doc's folder), and a
 * folder's category index (`index`, `README` or `<folder>` doc) at the
 * folder's own URL (`/guides/`). slugwiki keeps each page where its file
 * is, and makes this URL a redirect to it when it differs.
 *
 * A Starlight doc's URL is Astro's content collection slug: each folder and
 * the file name slugged by github-slugger (`Inter-Process Communication/` →
 * `/inter-process-communication/`), number prefixes kept, an `index` file at
 * its folder's URL, with Starlight's trailing slash; frontmatter `slug`
 * (from the docs root) in place of it.
 */
import path from 'node:path'
import { slug as githubSlug } from 'github-slugger'
import { isCategoryIndex, parseNumberPrefix } from './docusaurus-outline.ts'

/** A doc as its URL needs it. */
export interface UrlDoc {
  source: string
  frontmatter: Record<string, unknown>
}

/**
 * The doc's URL path from the docs root (`/extras/zeta`, `/guides/`). A
 * frontmatter `slug` or `id` that is no string is left out (the key's
 * problem is the caller's to report).
 */
export function docusaurusUrl(doc: UrlDoc, options: { starlight?: boolean } = {}): string {
  if (options.starlight) return starlightUrl(doc)
  const slug = typeof doc.frontmatter.slug === 'string' ? doc.frontmatter.slug : undefined
  const id = typeof doc.frontmatter.id === 'string' ? doc.frontmatter.id : undefined
  // `parse_number_prefixes: false` keeps them, in the folders' part too.
  const strip = doc.frontmatter.parse_number_prefixes !== false
  const dirName = path.posix.dirname(doc.source)
  const dir = dirName === '.' ? '/' : `/${dirName.split('/').map((p) => (strip ? parseNumberPrefix(p).name : p)).join('/')}/`
  if (slug?.startsWith('/')) return slug
  if (!slug && isCategoryIndex(doc.source)) return dir
  const file = path.posix.basename(doc.source).replace(/\.mdx?$/i, '')
  const base = slug || id || (strip ? parseNumberPrefix(file).name : file)
  // Docusaurus resolves the slug as a relative URL against the folder (resolve-pathname); WHATWG URL does the same.
  const resolved = new URL(base, `http://docs${encodeURI(dir)}`).pathname
  try {
    return decodeURIComponent(resolved)
  } catch {
    return resolved
  }
}

/** A Starlight doc's URL path from the docs root (`/concept/inter-process-communication/`, `/` for the top `index`). */
function starlightUrl(doc: UrlDoc): string {
  const slug = typeof doc.frontmatter.slug === 'string' ? doc.frontmatter.slug.replace(/^\/+|\/+$/g, '') : undefined
  // Astro slugs each segment of the path (its `getContentEntryIdAndSlug`), then drops a trailing `index`.
  const own = slug ?? doc.source.replace(/\.mdx?$/i, '').split('/').map((part) => githubSlug(part)).join('/').replace(/(?:^|\/)index$/, '')
  return own ? `/${own}/` : '/'
}
