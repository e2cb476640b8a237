/** The dev server and VitePress's `public/` folder: an edited public file is served anew, and the pages showing it reload. */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture
beforeAll(async () => {
  f = await startFixture('vitepress-public')
})
afterAll(async () => {
  await f.close()
})

describe('public/ in the dev server', () => {
  it('serves `public/logo.svg` at `/logo.svg`, and an edit of it reloads the page showing it, not the others', async () => {
    expect(await (await f.get('logo.svg')).text()).toContain('id="first"')
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.src, 'public/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" id="second"/>\n')
    const result = await rebuilt
    expect(result.changed.has('logo.svg')).toBe(true)
    expect(result.changed.has('index.html')).toBe(true)
    expect(result.changed.has('guide/intro.html')).toBe(false)
    expect(await (await f.get('logo.svg')).text()).toContain('id="second"')
  })
})
