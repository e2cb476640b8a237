/**
 * The dev server of a docsify site: its `index.html` shell is configuration
 * (never served, README.md is the home page), an edit to `_sidebar.md`
 * reorders the sidebar, and a `_sidebar.md` added beside README.md makes a
 * folder a docsify site.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

const SHELL = '<html><body><div id="app"></div><script>window.$docsify = { loadSidebar: true }</script></body></html>\n'

/** The links of a page's sidebar, in order. */
const sidebarLinks = (html: string) => [...(/<nav class="sidebar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(/<a [^>]*?href="([^"]*)"/g)].map((m) => m[1])

let f: DevFixture
let g: DevFixture

beforeAll(async () => {
  f = await startFixture('plain', {}, (dir) => {
    fs.writeFileSync(path.join(dir, 'index.html'), SHELL)
    fs.writeFileSync(path.join(dir, 'README.md'), '# Home of the plain site\n')
    fs.writeFileSync(path.join(dir, '_sidebar.md'), '* [Home](/)\n* [First](2-first)\n* [Second](10-second.md)\n')
  })
  g = await startFixture('plain', {}, (dir) => fs.writeFileSync(path.join(dir, 'README.md'), '# Home of the plain site\n'))
})
afterAll(async () => {
  await f?.close()
  await g?.close()
})

describe('a docsify site while serving', () => {
  it('serves README.md as the home page, never the shell, and follows an edit to _sidebar.md', { timeout: 30_000 }, async () => {
    const home = await (await f.get('index.html')).text()
    expect(home).toContain('Home of the plain site')
    expect(home).not.toContain('window.$docsify')
    expect(sidebarLinks(await (await f.get('2-first.html')).text()).slice(0, 3)).toEqual(['index.html', '2-first.html', '10-second.html'])
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, '_sidebar.md'), '* [Home](/)\n* [Second](10-second.md)\n* [First](2-first)\n')
    await rebuilt
    expect(sidebarLinks(await (await f.get('2-first.html')).text()).slice(0, 3)).toEqual(['index.html', '10-second.html', '2-first.html'])
    expect((await f.get('_sidebar.html')).status).toBe(404)
  })

  it('becomes a docsify site when _sidebar.md is added beside README.md', { timeout: 30_000 }, async () => {
    expect((await g.get('2-first.html')).status).toBe(200)
    const rebuilt = g.nextRebuild()
    fs.writeFileSync(path.join(g.dir, '_sidebar.md'), '* [Home](/)\n* [Second](10-second.md)\n')
    await rebuilt
    expect(sidebarLinks(await (await g.get('10-second.html')).text()).slice(0, 2)).toEqual(['index.html', '10-second.html'])
    expect((await g.get('_sidebar.html')).status).toBe(404)
  })
})
