/** Output paths that one host would serve at one URL: a table of claims and the groups that collide. */
import { describe, expect, it } from 'vitest'
import { findCollisions, urlKey, type Claim } from '../src/collisions.ts'

const paths = (groups: Claim[][]) => groups.map((group) => group.map((c) => c.path))

describe('findCollisions', () => {
  it('judges URLs as the most forgiving host does: case aside, `a.html` is `a/index.html`', () => {
    expect(urlKey('A/B.html')).toBe('a/b')
    expect(urlKey('a/b/index.html')).toBe('a/b')
    expect(urlKey('index.html')).toBe('')
    expect(paths(findCollisions([{ path: 'a.html', owner: 'a.md' }, { path: 'A/index.html', owner: 'A/index.md' }]))).toEqual([['a.html', 'A/index.html']])
  })

  it('takes no redirect leading to another claim of its own URL for a collision (MkDocs\'s `a/b/` leading to `a/b.html`)', () => {
    const page: Claim = { path: 'a/b.html', owner: 'a/b.md' }
    expect(findCollisions([page, { path: 'a/b/index.html', owner: 'a redirect', redirectsTo: 'a/b.html' }])).toEqual([])
    // A redirect elsewhere, or to itself, still collides; so does a third claim beside them.
    expect(paths(findCollisions([page, { path: 'a/b/index.html', owner: 'a redirect', redirectsTo: 'c.html' }]))).toEqual([['a/b.html', 'a/b/index.html']])
    expect(paths(findCollisions([page, { path: 'a/b/index.html', owner: 'a redirect', redirectsTo: 'a/b/index.html' }]))).toEqual([['a/b.html', 'a/b/index.html']])
    expect(paths(findCollisions([page, { path: 'a/b/index.html', owner: 'a redirect', redirectsTo: 'a/b.html' }, { path: 'A/B.html', owner: 'A/B.md' }]))).toEqual([['a/b.html', 'A/B.html']])
  })
})
