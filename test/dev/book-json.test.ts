/**
 * The dev server of a legacy GitBook book: its `book.json` beside the notes is
 * configuration, so an edit to it (a new title) reloads the configuration
 * instead of being copied as an asset.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture

beforeAll(async () => {
  f = await startFixture('plain', {}, (dir) => fs.writeFileSync(path.join(dir, 'book.json'), '{ "title": "Old insides" }\n'))
})
afterAll(async () => {
  await f?.close()
})

describe('book.json edited while serving', () => {
  it('takes the new title and is never served', { timeout: 30_000 }, async () => {
    expect(await (await f.get('2-first.html')).text()).toContain('Old insides')
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, 'book.json'), '{ "title": "New insides" }\n')
    await rebuilt
    const text = await (await f.get('2-first.html')).text()
    expect(text).toContain('New insides')
    expect(text).not.toContain('Old insides')
    expect((await f.get('book.json')).status).toBe(404)
  })
})
