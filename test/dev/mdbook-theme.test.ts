/**
 * The dev server watches mdBook's theme folder as configuration: a favicon
 * put there is published and linked from every page without a restart.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture

beforeAll(async () => {
  f = await startFixture('mdbook', {}, (dir) => fs.mkdirSync(path.join(dir, 'theme')))
})
afterAll(async () => {
  await f?.close()
})

describe('dev server and mdBook’s theme folder', () => {
  it('publishes and links a favicon added there, and drops it when it goes', async () => {
    // Until then the theme's own icon stands in.
    const icons = async () => (await (await f.get('go.html')).text()).match(/<link rel="(?:shortcut )?icon"[^>]*>/g)
    expect(await icons()).toEqual(['<link rel="icon" href="_slugwiki/favicon.svg">'])
    let rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, 'theme/favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    let result = await rebuilt
    expect(result.everything).toBe(true)
    expect(await icons()).toEqual(['<link rel="icon" href="favicon.svg">'])
    expect((await f.get('favicon.svg')).status).toBe(200)

    rebuilt = f.nextRebuild()
    fs.rmSync(path.join(f.dir, 'theme/favicon.svg'))
    result = await rebuilt
    expect(result.everything).toBe(true)
    expect(await icons()).toEqual(['<link rel="icon" href="_slugwiki/favicon.svg">'])
    expect((await f.get('favicon.svg')).status).toBe(404)
  })
})
