/**
 * A page model's fingerprint: the model as JSON with each note body standing
 * by its note's key, the body never read.
 */
import { describe, expect, it } from 'vitest'
import { fingerprint, type BodyKey } from '../src/pages/fingerprint.ts'
import type { Slug } from '../src/paths.ts'

const keys: BodyKey = (slug) => ({ 'a.html': 'key-a', 'b.html': 'key-b' })[slug as string]

/** A model whose body getter counts its reads, as the pages' models load bodies from the cache. */
function model(slug: string, extra: Record<string, unknown> = {}) {
  const reads = { count: 0 }
  const page = {
    kind: 'note',
    slug: slug as Slug,
    title: 'A',
    get body() {
      reads.count++
      return { type: 'root', children: [] }
    },
    ...extra,
  }
  return { page, reads }
}

describe('page fingerprints', () => {
  it('never reads a body whose note has a key, at any depth', () => {
    const a = model('a.html')
    const b = model('b.html')
    const print = { kind: 'print', slug: 'print.html', chapters: [a.page, b.page] }
    expect(fingerprint(print, keys)).toMatch(/^[\w-]{43}$/)
    expect(fingerprint(a.page, keys)).toMatch(/^[\w-]{43}$/)
    expect(a.reads.count + b.reads.count).toBe(0)
  })

  it('changes with the body key, any field, and the order of a list', () => {
    const base = fingerprint(model('a.html').page, keys)
    expect(fingerprint(model('a.html').page, keys)).toBe(base)
    expect(fingerprint(model('a.html').page, (s) => (keys(s) ? `${keys(s)}-edited` : undefined))).not.toBe(base)
    expect(fingerprint(model('a.html', { title: 'B' }).page, keys)).not.toBe(base)
    expect(fingerprint([1, 2], keys)).not.toBe(fingerprint([2, 1], keys))
  })

  it('reads the body of a model no note stands for', () => {
    const other = model('c.html')
    const first = fingerprint(other.page, keys)
    expect(other.reads.count).toBe(1)
    expect(first).toBe(fingerprint(model('c.html').page, keys))
  })

  it('leaves out what JSON leaves out', () => {
    expect(fingerprint({ a: 1, b: undefined, c: () => 0 })).toBe(fingerprint({ a: 1 }))
    expect(fingerprint(undefined)).toBe(fingerprint(null))
  })
})
