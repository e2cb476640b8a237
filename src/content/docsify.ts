/**
 * docsify's routes, as its router reads a link (`History.getFile` and
 * `toURL`): `#/guide` is the route `/guide`, a route names the file of the
 * same path with `.md` added (`/guide` is `guide.md`), a folder's route its
 * README.md (`/guide/` is `guide/README.md`, `/` the home page), and
 * `?id=setup` is the heading `#setup` of the page. Without docsify's
 * `relativePath` a route is read from the site's root, whichever page links
 * it (`guide.md` from `zh-cn/README.md` is `/guide.md`).
 */
import { posix } from 'node:path'

/** How a docsify site's notes are read (the markdown stage's settings). */
export interface DocsifyOptions {
  /** docsify's `relativePath`: a route not starting with `/` is read from the linking page's folder (default false: from the root). */
  relativePath?: boolean
}

export interface DocsifyRoute {
  /** The file the route names, from the site's root, without a leading `/` (`guide/README.md`). */
  path: string
  /** The heading it names (`#setup` or `?id=setup`), undecoded. */
  fragment?: string
}

/** The file (and heading) of a link written as docsify reads it; undefined for a URL with a scheme, `//host` or a fragment alone. */
export function docsifyRoute(written: string): DocsifyRoute | undefined {
  let url = written.startsWith('#/') ? written.slice(1) : written
  if (url.startsWith('#') || url.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined
  let fragment: string | undefined
  const hashAt = url.indexOf('#')
  if (hashAt !== -1) {
    fragment = url.slice(hashAt + 1) || undefined
    url = url.slice(0, hashAt)
  }
  const queryAt = url.indexOf('?')
  if (queryAt !== -1) {
    // docsify names a heading in the query (`guide?id=setup`), as its hash holds the route.
    fragment ??= new URLSearchParams(url.slice(queryAt + 1)).get('id') ?? undefined
    url = url.slice(0, queryAt)
  }
  // From the root, `..` climbing no higher, as docsify's `cleanPath('/' + path)` and the browser read it.
  let file = posix.normalize(`/${url}`).replace(/^\/+/, '')
  if (file === '' || file === '.' || file.endsWith('/')) file = `${file === '.' ? '' : file}README.md`
  else if (!/\.[a-z0-9]+$/i.test(posix.basename(file))) file += '.md'
  return { path: file, ...(fragment !== undefined && { fragment }) }
}
