/**
 * Map a request URL of the dev server to a file of the built site.
 *
 * The answer is always a key of the site's own file map, looked up by exact
 * match: no part of a URL is ever joined onto a folder and handed to the
 * file system, so there is nothing to escape from. The checks below refuse
 * ambiguous spellings (`..`, `%2f`, backslashes, NUL) early and loudly; the
 * WHATWG URL parser does the decoding and dot-segment removal.
 */

export type Resolution =
  | { kind: 'file'; key: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'forbidden'; reason: string }
  | { kind: 'not-found' }

/** Whether the site has an output file with this key (`kernel/rcu.html`). */
export type HasFile = (key: string) => boolean

/** Decode the path of a request target into its segments, or a reason to refuse it. */
function segmentsOf(target: string): string[] | { reason: string } {
  // A backslash, a NUL or an encoded slash means different paths to different parsers.
  if (/\\|%5c|%00|\0|%2f/i.test(target)) return { reason: 'encoded separator, backslash or NUL in the path' }
  if (!target.startsWith('/') || target.startsWith('//')) return { reason: 'not an origin-form request target' }
  let url: URL
  try {
    url = new URL(target, 'http://localhost')
  } catch {
    return { reason: 'malformed URL' }
  }
  const segments: string[] = []
  for (const raw of url.pathname.split('/').slice(1)) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return { reason: 'malformed percent-encoding' }
    }
    if (segment === '.' || segment === '..' || /[\\/\0]/.test(segment)) return { reason: 'dot segment or separator in the path' }
    segments.push(segment)
  }
  return segments
}

/**
 * Resolve `target` (the request's path and query, as sent) under `base`
 * (`/` or `/wiki/`): a page, a folder's index, or a redirect to the slash
 * form of a folder, as static hosts do.
 */
export function resolveRequest(target: string, base: string, has: HasFile): Resolution {
  const segments = segmentsOf(target)
  if (!Array.isArray(segments)) return { kind: 'forbidden', reason: segments.reason }
  const baseSegments = base.split('/').filter(Boolean)
  const inBase = baseSegments.every((s, i) => segments[i] === s)
  if (!inBase) {
    // `/wiki` → `/wiki/`, and `/` → the base, so a bare URL still finds the site.
    const joined = `/${segments.join('/')}`
    if (joined === '/' || `${joined}/` === base) return { kind: 'redirect', location: base }
    return { kind: 'not-found' }
  }
  const rest = segments.slice(baseSegments.length)
  if (rest.length === 0) return { kind: 'redirect', location: base }
  const key = rest.join('/')
  if (key === '' || key.endsWith('/')) {
    const index = `${key}index.html`
    return has(index) ? { kind: 'file', key: index } : { kind: 'not-found' }
  }
  if (has(key)) return { kind: 'file', key }
  // Pretty URLs: `/kernel/rcu` serves `kernel/rcu.html`, before a folder of that name (an MkDocs site's
  // `kernel/rcu/index.html`, the redirect of its old URL `/kernel/rcu/` to that page), as GitHub Pages does.
  if (has(`${key}.html`)) return { kind: 'file', key: `${key}.html` }
  if (has(`${key}/index.html`)) return { kind: 'redirect', location: `${base}${rest.map(encodeURIComponent).join('/')}/` }
  return { kind: 'not-found' }
}

/** The page a browser at `pathname` is looking at, for matching reload messages to clients. */
export function pageOf(pathname: string, base: string, has: HasFile): string | undefined {
  const resolved = resolveRequest(pathname, base, has)
  if (resolved.kind === 'file') return resolved.key
  if (resolved.kind === 'redirect' && resolved.location !== pathname) return pageOf(resolved.location, base, has)
  return undefined
}
