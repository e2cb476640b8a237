import { describe, expect, it } from 'vitest'
import { absoluteHref, climbsAboveRoot, hrefTo, indexKey, normalizeBase, resolveSource, sitePathOf, slug, slugOf, toSourcePath, type SourcePath } from '../src/paths.ts'

const s = (v: string) => v as SourcePath

describe('slugOf', () => {
  it.each([
    ['README.md', 'index.html'],
    ['index.md', 'index.html'],
    ['kernel-mm/README.md', 'kernel-mm/index.html'],
    ['kernel-mm/rcu.md', 'kernel-mm/rcu.html'],
    ['c++/view.md', 'c++/view.html'],
    ['a/b/Readme.md', 'a/b/index.html'],
    // Hugo's and Zola's section page.
    ['Traits/_index.md', 'Traits/index.html'],
    ['a/_index.mdx', 'a/index.html'],
    ['a/__index.md', 'a/__index.html'],
    // Hugo's section page.
    ['_index.md', 'index.html'],
    ['docs/example/_index.md', 'docs/example/index.html'],
    ['docs/my_index.md', 'docs/my_index.html'],
  ])('%s → %s', (source, expected) => {
    expect(slugOf(s(source))).toBe(expected)
  })
})

describe('hrefTo', () => {
  it.each([
    ['index.html', 'kernel-mm/rcu.html', undefined, 'kernel-mm/rcu.html'],
    ['kernel-mm/rcu.html', 'index.html', undefined, '../index.html'],
    ['kernel-mm/rcu.html', 'kernel-mm/cgroup.html', 'v1-vs-v2', 'cgroup.html#v1-vs-v2'],
    ['kernel-mm/rcu.html', 'kernel-mm/index.html', undefined, 'index.html'],
    ['a/b/c.html', 'x/y.html', undefined, '../../x/y.html'],
    ['index.html', 'my note.html', undefined, 'my%20note.html'],
    ['index.html', 'c++/view.html', undefined, 'c%2B%2B/view.html'],
    ['index.html', 'a/b.html', '内存', 'a/b.html#%E5%86%85%E5%AD%98'],
    ['a.html', 'a.html', 'x', 'a.html#x'],
  ])('%s → %s#%s = %s', (from, to, fragment, expected) => {
    expect(hrefTo(slug(from), slug(to), fragment)).toBe(expected)
  })
})

describe('absoluteHref and normalizeBase', () => {
  it.each([
    ['/', '/'],
    ['wiki', '/wiki/'],
    ['/wiki/', '/wiki/'],
    ['//wiki//', '/wiki/'],
  ])('normalizeBase(%s) = %s', (base, expected) => expect(normalizeBase(base)).toBe(expected))

  it('prefixes the base and drops index.html', () => {
    expect(absoluteHref('/wiki/', slug('kernel-mm/index.html'))).toBe('/wiki/kernel-mm/')
    expect(absoluteHref('/wiki/', slug('index.html'))).toBe('/wiki/')
    expect(absoluteHref('/', slug('a/b.html'), 'x')).toBe('/a/b.html#x')
  })
})

describe('toSourcePath and resolveSource', () => {
  it.each([
    ['a/b.md', 'a/b.md'],
    ['./a/../b.md', 'b.md'],
    ['../x.md', undefined],
    ['/etc/passwd', undefined],
    ['a/../../x', undefined],
    ['C:/x.md', undefined],
  ])('toSourcePath(%s) = %s', (input, expected) => expect(toSourcePath(input)).toBe(expected))

  it('resolves relative to the note and root-relative to the source folder', () => {
    expect(resolveSource(s('kernel-mm/rcu.md'), 'cgroup.md')).toBe('kernel-mm/cgroup.md')
    expect(resolveSource(s('kernel-mm/rcu.md'), '../README.md')).toBe('README.md')
    expect(resolveSource(s('kernel-mm/rcu.md'), '/wasm/memory.md')).toBe('wasm/memory.md')
    expect(resolveSource(s('kernel-mm/rcu.md'), '../../etc/passwd')).toBeUndefined()
  })
})

describe('indexKey', () => {
  it.each([
    ['Read-Copy-Update', 'read-copy-update'],
    ['read copy update', 'read-copy-update'],
    ['C', 'c'],
    ['C++', 'c-plus-plus'],
    ['c#', 'c-sharp'],
    ['io_uring', 'io_uring'],
    ['内存', '内存'],
  ])('%s → %s', (name, key) => expect(indexKey(name)).toBe(key))
})

describe('sitePathOf: where a link written on a page leads, as the browser resolves it', () => {
  it.each([
    ['../kernel/rcu.html#grace', 'old/page.html', '/', { path: 'kernel/rcu.html', fragment: 'grace' }],
    ['sub/', 'a.html', '/', { path: 'sub/index.html' }],
    ['/book/go.html', 'a.html', '/book/', { path: 'go.html' }],
    ['../../above.html', 'a.html', '/', { path: 'above.html' }],
    ['../above.html', 'a.html', '/book/', undefined],
    ['https://example.com/', 'a.html', '/', undefined],
    ['//example.com/x', 'a.html', '/', undefined],
    ['%E0%A4%A.html', 'a.html', '/', undefined],
    // The page's own path is a path, whatever it holds: `#` and `?` in a folder name are not a fragment or a query.
    ['b.html', 'c#/a.html', '/', { path: 'c#/b.html' }],
    ['b.html', 'what?/a.html', '/', { path: 'what?/b.html' }],
  ])('%s on %s (base %s)', (href, from, base, expected) => {
    expect(sitePathOf(href, slug(from), base)).toEqual(expected)
  })
})

describe('climbsAboveRoot: a relative href that leaves the site for a sibling', () => {
  it.each([
    ['rust-2018/module-system/raw-identifiers.html', '../../../rust-by-example/x.html', true],
    ['rust-2018/module-system/index.html', '../path-changes.html', false],
    ['rust-2018/module-system/index.html', '../../index.html', false],
    ['rust-next/dbg-macro.html', '../../std/macro.dbg.html', true],
    ['old.html', '../x.html', true],
    ['old.html', 'a/../../x.html', true],
    ['old.html', 'a/../x.html#../..', false],
    ['old.html', '/x.html', false],
    ['old.html', 'https://example.com/../x', false],
    ['old.html', '#..', false],
  ])('from %s, %s: %s', (from, href, expected) => {
    expect(climbsAboveRoot(href, slug(from))).toBe(expected)
  })
})
