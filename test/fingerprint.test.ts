/**
 * A page model's fingerprint: the model as JSON, each note body standing by
 * its note's content key, the body never read.
 */
import type { Root } from 'hast'
import { describe, expect, it } from 'vitest'
import { fingerprint, lazyBody } from '../src/pages/fingerprint.ts'

/** A model whose body counts its reads, as the pages' models load bodies from the cache. */
function model(slug: string, key = `key-${slug}`, extra: Record<string, unknown> = {}) {
  const reads = { count: 0 }
  const page = lazyBody({ kind: 'note', slug, title: 'A', ...extra }, key, (): Root => {
    reads.count++
    return { type: 'root', children: [{ type: 'text', value: `body of ${slug}` }] }
  })
  return { page, reads }
}

describe('page fingerprints', () => {
  it('never reads a body, at any depth', () => {
    const a = model('a.html')
    const b = model('b.html')
    const print = { kind: 'print', slug: 'print.html', chapters: [a.page, b.page] }
    expect(fingerprint(print)).toMatch(/^[\w-]{43}$/)
    expect(fingerprint(a.page)).toMatch(/^[\w-]{43}$/)
    expect(a.reads.count + b.reads.count).toBe(0)
  })

  it('changes with the body key, any field, and the order of a list', () => {
    const base = fingerprint(model('a.html').page)
    expect(fingerprint(model('a.html').page)).toBe(base)
    expect(fingerprint(model('a.html', 'key-a-edited').page)).not.toBe(base)
    expect(fingerprint(model('a.html', undefined, { title: 'B' }).page)).not.toBe(base)
    expect(fingerprint([1, 2])).not.toBe(fingerprint([2, 1]))
  })

  it('leaves the body readable, loaded again at each read', () => {
    const { page, reads } = model('a.html')
    expect(page.body.children).toEqual([{ type: 'text', value: 'body of a.html' }])
    expect(page.body).not.toBe(page.body)
    expect(reads.count).toBe(3)
    expect(page.bodyKey).toBe('key-a.html')
  })

  it('leaves out what JSON leaves out', () => {
    expect(fingerprint({ a: 1, b: undefined, c: () => 0 })).toBe(fingerprint({ a: 1 }))
    expect(fingerprint(undefined)).toBe(fingerprint(null))
  })
})
