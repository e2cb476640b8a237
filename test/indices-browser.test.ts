/**
 * The indexes as a reader meets them, in headless Chromium on the fixture
 * wiki: a topic link's preview on hover and on keyboard focus, gone with
 * Escape; the map and the index pages with JavaScript off; axe on the pages
 * this issue adds, in both colour schemes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { axe } from './helpers/axe.ts'
import { launchBrowser, serveSite, type ServedSite } from './helpers/browser.ts'
import { projectRoot } from './helpers/cli.ts'

let tmp: string
let site: ServedSite
let browser: Browser

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-indices-browser-'))
  const result = await build({ src: path.join(projectRoot, 'test/sites/topics'), out: path.join(tmp, 'out'), quiet: true })
  expect(result.written).toBe(true)
  site = await serveSite(result.config.out, result.config.base)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

async function open(pathname: string, options: { scheme?: 'light' | 'dark'; javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: options.scheme ?? 'light', javaScriptEnabled: options.javaScript ?? true })
  const page = await context.newPage()
  await page.goto(site.url + pathname)
  return page
}

describe('topic previews', () => {
  it('show the topic’s title and description on hover, and hide when the pointer leaves', async () => {
    const page = await open('kernel/memcg.html')
    const link = page.locator('a.topic-link', { hasText: 'memcg' }).first()
    const preview = page.locator('#topic-preview')
    await expect(preview.isHidden()).resolves.toBe(true)
    await link.hover()
    await expect(preview.isVisible()).resolves.toBe(true)
    expect(await preview.textContent()).toBe('cgroupControl groups and their memory controller.')
    expect(await link.getAttribute('aria-describedby')).toBe('topic-preview')
    await page.mouse.move(0, 0)
    await expect(preview.isHidden()).resolves.toBe(true)
    await page.context().close()
  })

  it('show on keyboard focus and close with Escape; the link still leads to the topic page', async () => {
    const page = await open('kernel/rcu.html')
    const link = page.locator('a.topic-link').first()
    await link.focus()
    const preview = page.locator('#topic-preview')
    await expect(preview.isVisible()).resolves.toBe(true)
    expect(await preview.locator('strong').textContent()).toBe('RCU')
    await page.keyboard.press('Escape')
    await expect(preview.isHidden()).resolves.toBe(true)
    await link.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/topics\/rcu\.html$/)
    expect(await page.locator('h1').textContent()).toBe('RCU')
    await page.context().close()
  })
})

describe('without JavaScript', () => {
  it('the map is drawn, and every note on it is a link that works', async () => {
    const page = await open('topics/index.html', { javaScript: false })
    const nodes = page.locator('figure.wiki-map svg a[href] circle.map-node')
    expect(await nodes.count()).toBe(7)
    const box = await page.locator('figure.wiki-map svg').boundingBox()
    expect(box!.width).toBeGreaterThan(300)
    await page.locator('figure.wiki-map svg a[aria-label="Scripts"]').click()
    await page.waitForURL(/\/scripts\.html$/)
    await page.context().close()
  })
})

describe.each(['light', 'dark'] as const)('accessibility of the index pages, %s scheme', (scheme) => {
  it.each([['topics and the map', 'topics/index.html'], ['a topic', 'topics/rcu.html'], ['symbols', 'symbols/index.html'], ['a tag', 'tags/kernel.html'], ['a note with backlinks and related notes', 'kernel/rcu.html']])(
    'axe finds nothing serious on %s',
    async (_name, pathname) => {
      const page = await open(pathname, { scheme })
      expect(await axe(page)).toEqual([])
      await page.context().close()
    },
  )
})
