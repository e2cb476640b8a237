/** URL → site file: the table of what the dev server serves, redirects and refuses. */
import { describe, expect, it } from 'vitest'
import { pageOf, resolveRequest } from '../../src/dev/request-path.ts'

const files = new Set(['index.html', 'kernel/index.html', 'kernel/rcu.html', 'images/a b.png', '404.html', 'mm/reclaim.html', 'mm/reclaim/index.html'])
const has = (key: string) => files.has(key)

describe('resolveRequest under the base /wiki/', () => {
  const cases: Array<[string, ReturnType<typeof resolveRequest>]> = [
    ['/wiki/', { kind: 'file', key: 'index.html' }],
    ['/wiki/index.html', { kind: 'file', key: 'index.html' }],
    ['/wiki/kernel/rcu.html', { kind: 'file', key: 'kernel/rcu.html' }],
    ['/wiki/kernel/rcu.html?x=1#y', { kind: 'file', key: 'kernel/rcu.html' }],
    ['/wiki/kernel/rcu', { kind: 'file', key: 'kernel/rcu.html' }],
    ['/wiki/kernel/', { kind: 'file', key: 'kernel/index.html' }],
    ['/wiki/kernel', { kind: 'redirect', location: '/wiki/kernel/' }],
    // An MkDocs site's page and the redirect at its old URL: the page at `/mm/reclaim`, the redirect at `/mm/reclaim/`.
    ['/wiki/mm/reclaim', { kind: 'file', key: 'mm/reclaim.html' }],
    ['/wiki/mm/reclaim/', { kind: 'file', key: 'mm/reclaim/index.html' }],
    ['/wiki/images/a%20b.png', { kind: 'file', key: 'images/a b.png' }],
    ['/wiki', { kind: 'redirect', location: '/wiki/' }],
    ['/', { kind: 'redirect', location: '/wiki/' }],
    ['/wiki/nope.html', { kind: 'not-found' }],
    ['/other/index.html', { kind: 'not-found' }],
    // Hostile spellings: never a file outside the map, refused or not found.
    ['/wiki/../package.json', { kind: 'not-found' }],
    ['/wiki/%2e%2e/%2e%2e/package.json', { kind: 'not-found' }],
    ['/wiki/..%2fpackage.json', { kind: 'forbidden', reason: 'encoded separator, backslash or NUL in the path' }],
    ['/wiki/..%2Fpackage.json', { kind: 'forbidden', reason: 'encoded separator, backslash or NUL in the path' }],
    ['/wiki/index.html%00.png', { kind: 'forbidden', reason: 'encoded separator, backslash or NUL in the path' }],
    ['/wiki/..\\package.json', { kind: 'forbidden', reason: 'encoded separator, backslash or NUL in the path' }],
    ['/wiki/..%5cpackage.json', { kind: 'forbidden', reason: 'encoded separator, backslash or NUL in the path' }],
    ['//etc/passwd', { kind: 'forbidden', reason: 'not an origin-form request target' }],
    ['http://evil.example/wiki/', { kind: 'forbidden', reason: 'not an origin-form request target' }],
    ['/wiki/%E0%A4%A', { kind: 'forbidden', reason: 'malformed percent-encoding' }],
    ['/wiki//etc/passwd', { kind: 'not-found' }],
    ['/wiki/C:/Windows/win.ini', { kind: 'not-found' }],
  ]
  it.each(cases)('%s', (target, expected) => {
    expect(resolveRequest(target, '/wiki/', has)).toEqual(expected)
  })
})

describe('resolveRequest under the base /', () => {
  it('serves the index at / and pages below it', () => {
    expect(resolveRequest('/', '/', has)).toEqual({ kind: 'file', key: 'index.html' })
    expect(resolveRequest('/kernel/rcu.html', '/', has)).toEqual({ kind: 'file', key: 'kernel/rcu.html' })
    expect(resolveRequest('/../../etc/passwd', '/', has)).toEqual({ kind: 'not-found' })
  })
})

describe('pageOf', () => {
  it('names the page a browser at a path is looking at, following redirects', () => {
    expect(pageOf('/wiki/kernel', '/wiki/', has)).toBe('kernel/index.html')
    expect(pageOf('/wiki/', '/wiki/', has)).toBe('index.html')
    expect(pageOf('/wiki/gone.html', '/wiki/', has)).toBeUndefined()
  })
})
