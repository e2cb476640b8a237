/**
 * mdBook's `[output.html.search] limit-results` in a real browser: a book of
 * many notes that each hold the query once lists as many results as the
 * setting asks for; without it, the theme's own count (one section from each
 * of the best eight pages).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { launchBrowser, serveSite } from './helpers/browser.ts'
import { tempSite, type TempSite } from './helpers/site.ts'

let browser: Browser
const sites: TempSite[] = []
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  for (const s of sites) s.cleanup()
})

/** A book of 40 chapters, each naming the word once, built with `toml` after `[book]`. */
async function resultsFor(toml: string): Promise<number> {
  const files: Record<string, string> = { 'SUMMARY.md': `# Summary\n\n${Array.from({ length: 40 }, (_, i) => `- [C${i}](c${i}.md)`).join('\n')}\n` }
  for (let i = 0; i < 40; i++) files[`c${i}.md`] = `# Chapter ${i}\n\nA placeholder chapter, number ${i}.\n`
  const site = tempSite(files)
  sites.push(site)
  fs.writeFileSync(path.join(site.root, 'book.toml'), `[book]\ntitle = "Lists"\nsrc = "src"\n\n${toml}`)
  const result = await build({ src: site.root, out: site.out, quiet: true, cache: false })
  expect(result.written).toBe(true)
  const served = await serveSite(site.out)
  try {
    const page = await browser.newPage()
    await page.goto(`${served.url}c0.html`)
    await page.keyboard.press('/')
    await page.keyboard.type('placeholder')
    // Typing fires a search per keystroke; wait for the one for the whole query.
    await expect.poll(() => page.locator('#search-results').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false')
    await expect.poll(() => page.locator('.search-status').textContent(), { timeout: 20_000 }).not.toBe('')
    const count = await page.locator('#search-results [role="option"]').count()
    await page.close()
    return count
  } finally {
    await served.close()
  }
}

describe('[output.html.search] limit-results', () => {
  it('lists as many results as it asks for (too-many-lists sets 30), where the default lists eight pages', async () => {
    expect(await resultsFor('[output.html.search]\nlimit-results = 30\n')).toBe(30)
    expect(await resultsFor('')).toBe(8)
  })
})
