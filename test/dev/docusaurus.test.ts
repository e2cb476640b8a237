/**
 * The dev server of a Docusaurus site: an edit to a folder's `_category_`
 * file reorders and relabels the sidebar, and the site's config is watched:
 * removed, the folder is no Docusaurus site any more (its `docs/` no longer
 * read as the notes); a sidebars file added is named in a warning.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture

beforeAll(async () => {
  f = await startFixture('docusaurus', {}, (dir) => fs.rmSync(path.join(dir, 'sidebars.js')))
})
afterAll(async () => {
  await f?.close()
})

/** The sidebar's text on a page. */
async function sidebar(page: string): Promise<string> {
  const html = await (await f.get(page)).text()
  const start = html.indexOf('<nav class="sidebar"')
  return html.slice(start, html.indexOf('</nav>', start)).replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).join(' ')
}

describe('a Docusaurus site served', () => {
  it("follows an edit to a category file: the folder's label and place", { timeout: 30_000 }, async () => {
    expect(await sidebar('intro.html')).toBe('API reference Tutorial Intro extras Tutorial - Basics')
    const file = path.join(f.dir, 'docs/reference/_category_.yml')
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('label: API reference', 'label: Reference').replace('position: 0.5', 'position: 9'))
    await rebuilt
    expect(await sidebar('intro.html')).toBe('Tutorial Intro extras Tutorial - Basics Reference')
  })

  it('names a sidebars file added, and reads the folder as a plain wiki once the config is gone', { timeout: 30_000 }, async () => {
    let rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, 'sidebars.js'), 'module.exports = {}\n')
    expect((await rebuilt).diagnostics.map((d) => d.rule)).toContain('docusaurus')
    rebuilt = f.nextRebuild()
    fs.rmSync(path.join(f.dir, 'docusaurus.config.js'))
    await rebuilt
    expect(f.dev.config.docusaurus).toBe(false)
    // The site's folder is the notes now: the docs are under `docs/`.
    expect((await f.get('docs/intro.html')).status).toBe(200)
  })
})
