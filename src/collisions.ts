/**
 * Output paths that collide. Two files of the site must not claim the same
 * URL, and "the same" is judged as the hosts that will serve the site judge
 * it: case-insensitive file systems (macOS, Windows) and hosts make
 * `Foo.html` and `foo.html` one file, and hosts with clean URLs serve both
 * `a.html` and `a/index.html` at `/a`. The check runs on every build, even on
 * a case-sensitive file system, so a wiki that builds here publishes anywhere.
 */

/** One output path and who puts it there. */
export interface Claim {
  /** Output-relative path (`kernel/rcu.html`). */
  path: string
  /** Who claims it, as the user knows it (`content/kernel/rcu.md`, `the print page`). */
  owner: string
  /** The source file to report the problem at, when the claim comes from one. */
  file?: string
  /**
   * The output path a redirect page claiming `path` leads to. A redirect to
   * another claim of its own URL is no collision: MkDocs's `a/b/` (the file
   * `a/b/index.html`) leading to `a/b.html`, which a clean-URL host serves
   * at `/a/b`, sends its reader where that host would have.
   */
  redirectsTo?: string
}

/** The URL a path is served at, as the most forgiving host matches it. */
export function urlKey(path: string): string {
  const lower = path.toLowerCase()
  if (lower === 'index.html') return ''
  if (lower.endsWith('/index.html')) return lower.slice(0, -'/index.html'.length)
  return lower.endsWith('.html') ? lower.slice(0, -'.html'.length) : lower
}

/** Groups of two or more claims on one URL, in claim order; claims of one owner on one path are not collisions. */
export function findCollisions(claims: Claim[]): Claim[][] {
  const byKey = new Map<string, Claim[]>()
  for (const claim of claims) {
    const key = urlKey(claim.path)
    const group = byKey.get(key)
    if (!group) byKey.set(key, [claim])
    else if (!group.some((c) => c.owner === claim.owner && c.path === claim.path)) group.push(claim)
  }
  return [...byKey.values()]
    .map((group) => group.filter((claim) => !(claim.redirectsTo !== undefined && claim.redirectsTo !== claim.path && group.some((other) => other.path === claim.redirectsTo))))
    .filter((group) => group.length > 1)
}
