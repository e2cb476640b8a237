/**
 * The dev server of a GitBook repository whose `.gitbook.yaml` puts the notes
 * in `docs/`: the file sits outside the notes' folder and is watched too, so
 * an edit to it (a redirect added) reloads the configuration; so does one to
 * slugwiki.toml beside it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture

beforeAll(async () => {
  f = await startFixture('gitbook')
})
afterAll(async () => {
  await f?.close()
})

describe('.gitbook.yaml edited while serving', () => {
  it('serves the notes of `root` and a redirect added to the file', { timeout: 30_000 }, async () => {
    expect((await f.get('product-tour.html')).status).toBe(200)
    expect((await f.get('faq.html')).status).toBe(404)
    const file = path.join(f.dir, '.gitbook.yaml')
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('redirects:\n', 'redirects:\n  faq: ./support.md\n'))
    await rebuilt
    const page = await f.get('faq.html')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<meta http-equiv="refresh" content="0; url=support.html">')
  })

  it('reloads slugwiki.toml beside it, outside the notes\' folder', { timeout: 30_000 }, async () => {
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, 'slugwiki.toml'), 'title = "Tour guide"\n')
    await rebuilt
    expect(await (await f.get('product-tour.html')).text()).toContain('Tour guide')
  })
})
