/**
 * The dev server of an MkDocs site: `mkdocs.yml` is its configuration, so an
 * edit to it (a new site name, a reordered `nav`) is read again, and the
 * file is never served; MkDocs's directory URLs are redirects to the pages.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture

beforeAll(async () => {
  f = await startFixture('mkdocs')
})
afterAll(async () => {
  await f?.close()
})

/** The sidebar's links on a page, in order. */
async function sidebarLinks(page: string): Promise<string[]> {
  const html = await (await f.get(page)).text()
  const start = html.indexOf('<nav class="sidebar"')
  const nav = html.slice(start, html.indexOf('</nav>', start))
  return [...nav.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!.trim())
}

describe('mkdocs.yml edited while serving', () => {
  it('takes the new site name and nav order, and is never served', { timeout: 30_000 }, async () => {
    expect(await (await f.get('index.html')).text()).toContain('Kernel notes')
    const before = await sidebarLinks('mm/page-tables.html')
    expect(before.indexOf('Page tables')).toBeLessThan(before.indexOf('Reclaim'))
    const file = path.join(f.dir, 'mkdocs.yml')
    const rebuilt = f.nextRebuild()
    const yaml = fs.readFileSync(file, 'utf8').replace('site_name: Kernel notes', 'site_name: Scheduler notes')
    fs.writeFileSync(file, yaml.replace('      - Page tables: mm/page-tables.md\n      - mm/reclaim.md\n', '      - mm/reclaim.md\n      - Page tables: mm/page-tables.md\n'))
    await rebuilt
    const text = await (await f.get('index.html')).text()
    expect(text).toContain('Scheduler notes')
    expect(text).not.toContain('Kernel notes')
    const after = await sidebarLinks('mm/page-tables.html')
    expect(after.indexOf('Reclaim')).toBeLessThan(after.indexOf('Page tables'))
    expect((await f.get('mkdocs.yml')).status).toBe(404)
  })

  it("serves a page at its own URL and the redirect of MkDocs's directory URL at `/a/b/`", async () => {
    expect(await (await f.get('mm/reclaim')).text()).toMatch(/<h1[^>]*>Reclaim/)
    const redirect = await (await f.get('mm/reclaim/')).text()
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=../reclaim.html">')
    expect(redirect).toContain('location.hash')
  })
})
