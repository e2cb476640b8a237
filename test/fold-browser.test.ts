/**
 * mdBook's `[output.html.fold]` in a real browser: the entries the sidebar's
 * script adds from nav.js (a long list's "more") open as the page's own do.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { launchBrowser, serveSite, type ServedSite } from './helpers/browser.ts'

let tmp: string
let browser: Browser
const sites: ServedSite[] = []

/** A book of 60 chapters, the last holding a page that holds another, with `fold` as its `[output.html.fold]` table. */
async function book(name: string, fold: string): Promise<ServedSite> {
  const dir = path.join(tmp, name)
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'book.toml'), `[book]\ntitle = "Fold"\n\n[output.html.fold]\n${fold}\n`)
  const lines = ['# Summary', '']
  for (let i = 0; i < 60; i++) {
    fs.writeFileSync(path.join(dir, 'src', `c${i}.md`), `# C${i}\n`)
    lines.push(`- [C${i}](c${i}.md)`)
  }
  for (const [file, indent] of [['deep.md', '  '], ['deeper.md', '    ']] as const) {
    fs.writeFileSync(path.join(dir, 'src', file), `# ${file}\n`)
    lines.push(`${indent}- [${file}](${file})`)
  }
  fs.writeFileSync(path.join(dir, 'src/SUMMARY.md'), `${lines.join('\n')}\n`)
  const result = await build({ src: dir, out: path.join(tmp, `${name}-out`), quiet: true })
  expect(result.written).toBe(true)
  const site = await serveSite(path.join(tmp, `${name}-out`), result.config.base)
  sites.push(site)
  return site
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-fold-'))
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  for (const site of sites) await site.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe("the sidebar's more entries", () => {
  it('with enable = false come open, with no chevrons, as mdBook shows every chapter', async () => {
    const site = await book('off', 'enable = false')
    const page = await browser.newPage()
    await page.goto(`${site.url}c0.html`)
    expect(await page.locator('#sidebar a[href$="deeper.html"]').count()).toBe(0)
    await page.locator('#sidebar .more').last().click()
    await page.locator('#sidebar a[href$="deeper.html"]').waitFor()
    expect(await page.locator('#sidebar a[href$="deep.html"]').isVisible()).toBe(true)
    expect(await page.locator('#sidebar .fold').count()).toBe(0)
    await page.close()
  })

  it('with enable = true come open `level` deep or less, and fold by hand', async () => {
    const site = await book('one', 'enable = true\nlevel = 1')
    const page = await browser.newPage()
    await page.goto(`${site.url}c0.html`)
    await page.locator('#sidebar .more').last().click()
    await page.locator('#sidebar a[href$="deep.html"]').waitFor()
    // c59 (depth 1) is open; deep.html (depth 2) is not.
    expect(await page.locator('#sidebar a[href$="deeper.html"]').count()).toBe(0)
    const deep = page.locator('#sidebar li:has(> .chapter-row a[href$="deep.html"]) > .chapter-row .fold')
    expect(await deep.getAttribute('aria-expanded')).toBe('false')
    await deep.click()
    await page.locator('#sidebar a[href$="deeper.html"]').waitFor()
    await page.close()
  })
})
