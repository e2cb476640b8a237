/**
 * The dev server of a Jekyll site: its `_config.yml` is configuration, so an
 * edit to it (a new title) reloads the configuration, and it is never served.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture

beforeAll(async () => {
  f = await startFixture('plain', {}, (dir) => fs.writeFileSync(path.join(dir, '_config.yml'), 'title: Old insides\n'))
})
afterAll(async () => {
  await f?.close()
})

describe('_config.yml edited while serving', () => {
  it('takes the new title and is never served', { timeout: 30_000 }, async () => {
    expect(await (await f.get('2-first.html')).text()).toContain('Old insides')
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, '_config.yml'), 'title: New insides\n')
    await rebuilt
    const text = await (await f.get('2-first.html')).text()
    expect(text).toContain('New insides')
    expect(text).not.toContain('Old insides')
    expect((await f.get('_config.yml')).status).toBe(404)
  })
})
