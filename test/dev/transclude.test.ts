/**
 * The dev server and note embeds: a prose edit of an embedded note (the
 * patched path) and an edit that changes its headings (a full rebuild) both
 * re-render the page embedding it, and a page embedding that page's note.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture

beforeAll(async () => {
  f = await startFixture('quartz', {}, (dir) => {
    fs.writeFileSync(path.join(dir, 'embed-host.md'), '# Embed host\n\n![[Embedded]]\n')
    fs.writeFileSync(path.join(dir, 'embed-outer.md'), '# Embed outer\n\n![[embed-host]]\n')
    fs.writeFileSync(path.join(dir, 'embedded.md'), '# Embedded\n\nThe first text.\n')
  })
})
afterAll(async () => {
  await f?.close()
})

const page = async (rel: string) => (await f.get(rel)).text()

describe('dev server and note embeds', () => {
  it('re-renders the pages embedding a note whose prose changed', async () => {
    expect(await page('embed-host.html')).toContain('The first text.')
    expect(await page('embed-outer.html')).toContain('The first text.')
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.src, 'embedded.md'), '# Embedded\n\nThe second text.\n')
    const result = await rebuilt
    expect(result.patched).toBe(true)
    expect([...result.changed]).toEqual(expect.arrayContaining(['embedded.html', 'embed-host.html', 'embed-outer.html']))
    expect(await page('embed-host.html')).toContain('The second text.')
    expect(await page('embed-outer.html')).toContain('The second text.')
  })

  it('re-renders them after an edit the graph sees too', async () => {
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.src, 'embedded.md'), '# Embedded\n\nThe third text.\n\n## A new heading\n')
    const result = await rebuilt
    expect(result.patched).toBe(false)
    expect([...result.changed]).toEqual(expect.arrayContaining(['embed-host.html', 'embed-outer.html']))
    expect(await page('embed-host.html')).toContain('The third text.')
  })
})
