/**
 * The header on a phone, with a book's long title and a repository button
 * (The Little Book of Rust Macros at 390 px): the title gives way, the search
 * box stays wide enough to type in and clear of the buttons beside it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { launchBrowser, serveSite, type ServedSite } from './helpers/browser.ts'

let tmp: string
let site: ServedSite
let browser: Browser

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-header-'))
  const book = path.join(tmp, 'book')
  fs.mkdirSync(path.join(book, 'src'), { recursive: true })
  fs.writeFileSync(
    path.join(book, 'book.toml'),
    '[book]\ntitle = "The Little Book of Rust Macros"\n\n[output.html]\ngit-repository-url = "https://github.com/veykril/tlborm/"\n',
  )
  fs.writeFileSync(path.join(book, 'src/SUMMARY.md'), '# Summary\n\n- [Glossary](glossary.md)\n')
  fs.writeFileSync(path.join(book, 'src/glossary.md'), '# Glossary\n\nA place for obscure words.\n')
  const out = path.join(tmp, 'out')
  const result = await build({ src: book, out, quiet: true })
  expect(result.written).toBe(true)
  site = await serveSite(out, result.config.base)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe('a long title on a phone', () => {
  for (const width of [390, 360]) {
    it(`leaves the search box usable and clear of the buttons at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 700 }, isMobile: true, hasTouch: true })
      const page = await context.newPage()
      await page.goto(site.url + 'glossary.html')
      const box = (selector: string) =>
        page.locator(selector).first().evaluate((el) => {
          const r = el.getBoundingClientRect()
          return { left: r.left, right: r.right, width: r.width }
        })
      const input = await box('.search-input')
      const actions = await box('.header-actions')
      const toggle = await box('.nav-toggle')
      const title = await box('.site-title')
      expect(input.width).toBeGreaterThanOrEqual(80)
      expect(input.right).toBeLessThanOrEqual(actions.left)
      expect(title.right).toBeLessThanOrEqual(input.left)
      expect(toggle.width).toBeCloseTo(36, 0)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
      await context.close()
    })
  }
})
