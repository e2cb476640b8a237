/**
 * The dev server and a Docusaurus site's `static/` folder, beside `docs/`:
 * its files are served at the site's root, an edited one is served anew and
 * reloads the pages showing it, and one added ends its missing-file warning.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture
beforeAll(async () => {
  f = await startFixture('docusaurus', {}, (dir) => {
    fs.mkdirSync(path.join(dir, 'static/img'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'static/img/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" id="first"/>\n')
    fs.writeFileSync(path.join(dir, 'docs/shows-logo.md'), '# Shows the logo\n\n![Logo](/img/logo.svg)\n\n![Later](/img/later.png)\n')
  })
})
afterAll(async () => {
  await f?.close()
})

describe('static/ in the dev server', () => {
  it('serves `static/img/logo.svg` at `/img/logo.svg`, and an edit of it reloads the page showing it, not the others', { timeout: 30_000 }, async () => {
    expect(await (await f.get('img/logo.svg')).text()).toContain('id="first"')
    expect(await (await f.get('shows-logo.html')).text()).toContain('<img src="img/logo.svg" alt="Logo">')
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, 'static/img/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" id="second"/>\n')
    const result = await rebuilt
    expect(result.changed.has('img/logo.svg')).toBe(true)
    expect(result.changed.has('shows-logo.html')).toBe(true)
    expect(result.changed.has('intro.html')).toBe(false)
    expect(await (await f.get('img/logo.svg')).text()).toContain('id="second"')
  })

  it('publishes a file added to static/, and its missing-file warning goes', { timeout: 30_000 }, async () => {
    const missing = (diagnostics: Array<{ rule: string; message: string }>) => diagnostics.filter((d) => d.rule === 'missing-asset' && d.message.includes('/img/later.png'))
    expect(missing(f.dev.diagnostics())).toHaveLength(1)
    expect((await f.get('img/later.png')).status).toBe(404)
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, 'static/img/later.png'), 'png\n')
    const result = await rebuilt
    expect(missing(result.diagnostics)).toEqual([])
    expect(await (await f.get('img/later.png')).text()).toBe('png\n')
  })
})
