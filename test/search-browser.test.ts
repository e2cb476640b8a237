/**
 * Search in a real browser: the search fixture wiki, built and served under
 * its base path `/wiki/`, driven in headless Chromium with the keyboard as a
 * reader would.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { launchBrowser, serveSite, type ServedSite } from './helpers/browser.ts'
import { projectRoot } from './helpers/cli.ts'

let tmp: string
let site: ServedSite
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-search-browser-'))
  const result = await build({ src: path.join(projectRoot, 'test/sites/search'), out: path.join(tmp, 'out'), quiet: true })
  expect(result.written).toBe(true)
  expect(result.config.base).toBe('/wiki/')
  site = await serveSite(result.config.out, result.config.base)
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await site?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

interface Opened {
  page: Page
  requests: string[]
  errors: string[]
  dialogs: string[]
}

async function open(pathname: string, viewport = { width: 1280, height: 800 }, status = 200): Promise<Opened> {
  const context = await browser.newContext({ viewport })
  contexts.push(context)
  const page = await context.newPage()
  const opened: Opened = { page, requests: [], errors: [], dialogs: [] }
  page.on('request', (r) => opened.requests.push(r.url()))
  page.on('pageerror', (e) => opened.errors.push(e.message))
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message())
    void d.dismiss()
  })
  const response = await page.goto(site.url + pathname)
  expect(response?.status(), pathname).toBe(status)
  return opened
}

const hits = (page: Page) => page.locator('#search-results [role="option"]')

async function type(page: Page, query: string): Promise<void> {
  await page.keyboard.press('/')
  await page.keyboard.type(query)
  // Typing fires a search per keystroke; wait for the one for the whole query.
  await expect.poll(() => page.locator('#search-results').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false')
  await expect.poll(() => page.locator('.search-status').textContent(), { timeout: 20_000 }).not.toBe('')
}

describe('search box', () => {
  it('loads nothing of the index until it is used, then / focuses it', async () => {
    const { page, requests } = await open('kernel/cftype.html')
    expect(requests.filter((r) => r.includes('/_slugwiki/search/'))).toEqual([])
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-input'))).toBe(true)
    // The slash opened search; it was not typed into the box.
    expect(await page.locator('.search-input').inputValue()).toBe('')
  })

  it('Ctrl-K focuses it from anywhere on the page', async () => {
    const { page } = await open('index.html')
    await page.locator('main').click()
    await page.keyboard.press('Control+k')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-input'))).toBe(true)
  })

  it('shows the note and heading that define an identifier, with the match marked', async () => {
    const { page, errors } = await open('index.html')
    await type(page, 'mem_cgroup_from_css')
    const first = hits(page).first()
    await expect.poll(() => first.locator('.search-hit-title').textContent(), { timeout: 20_000 }).toBe('Memory cgroup › mem_cgroup_from_css')
    expect(await first.locator('a').getAttribute('href')).toBe(`${site.url}kernel/memcg.html#mem_cgroup_from_css`)
    expect(await first.locator('mark').first().textContent()).toBe('mem_cgroup_from_css')
    expect(await first.locator('.search-hit-crumb').textContent()).toBe('Kernel')
    expect(errors).toEqual([])
  })

  it('navigates results with the arrow keys and opens one with Enter', async () => {
    const { page } = await open('kernel/')
    await type(page, 'zorblax_lookup_table')
    await expect.poll(() => hits(page).count(), { timeout: 20_000 }).toBe(2)
    expect(await hits(page).nth(0).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('ArrowDown')
    expect(await hits(page).nth(1).getAttribute('aria-selected')).toBe('true')
    expect(await page.locator('.search-input').getAttribute('aria-activedescendant')).toBe(await hits(page).nth(1).getAttribute('id'))
    await page.keyboard.press('ArrowDown')
    expect(await hits(page).nth(0).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('ArrowUp')
    await Promise.all([page.waitForURL(`${site.url}kernel/lookup-code.html#a-listing`), page.keyboard.press('Enter')])
  })

  it('closes with Escape', async () => {
    const { page } = await open('index.html')
    await type(page, 'grace period')
    expect(await page.locator('.search-panel').isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    expect(await page.locator('.search-panel').isVisible()).toBe(false)
    expect(await page.locator('.search-input').getAttribute('aria-expanded')).toBe('false')
  })

  it('says so when nothing matches', async () => {
    const { page } = await open('index.html')
    await type(page, 'qwertyuiopasdf')
    await expect.poll(() => page.locator('.search-status').textContent(), { timeout: 20_000 }).toBe('No results for “qwertyuiopasdf”')
    expect(await hits(page).count()).toBe(0)
  })

  it('finds CJK words inside a run of text with the browser’s own segmenter', async () => {
    const { page } = await open('index.html')
    await type(page, '回收')
    const first = hits(page).first()
    await expect.poll(() => first.locator('.search-hit-title').textContent(), { timeout: 20_000 }).toBe('内存管理')
    expect(await first.locator('mark').first().textContent()).toBe('回收')
  })

  it('renders a hostile note’s markup as text: no element, no script, no dialog', async () => {
    const { page, dialogs, errors } = await open('index.html')
    await type(page, 'xsspayload')
    await expect.poll(() => hits(page).count(), { timeout: 20_000 }).toBeGreaterThan(0)
    const panel = page.locator('.search-panel')
    expect(await panel.textContent()).toContain('<img src=x onerror=alert(3)>')
    expect(await panel.locator('img, script, b, [onerror], [onmouseover]').count()).toBe(0)
    await page.waitForTimeout(200)
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
  })

  it('works from a nested page and from the 404 page under the base path', async () => {
    for (const [pathname, status] of [['kernel/kprobes.html', 200], ['no/such/page.html', 404]] as const) {
      const { page } = await open(pathname, undefined, status)
      await type(page, 'kretprobe_trampoline_handler')
      const link = hits(page).first().locator('a')
      await expect.poll(() => link.getAttribute('href'), { timeout: 20_000 }).toBe(`${site.url}kernel/kprobes.html#return-probes`)
    }
  })

  it('is readable on a phone: results span the screen under the header', async () => {
    const { page } = await open('kernel/memcg.html', { width: 390, height: 844 })
    await type(page, 'cgroup')
    const box = await page.locator('.search-panel').boundingBox()
    expect(box?.x).toBe(0)
    expect(box?.width).toBe(390)
    const hit = await hits(page).first().boundingBox()
    expect(hit?.width).toBeGreaterThan(350)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    expect(overflow).toBe(false)
  })
})

describe('a search index in parts', () => {
  let split: ServedSite
  beforeAll(async () => {
    const src = path.join(tmp, 'split-src')
    fs.cpSync(path.join(projectRoot, 'test/sites/search'), src, { recursive: true })
    fs.appendFileSync(path.join(src, 'book.toml'), '\n[slugwiki]\nsearch-shard-pages = 2\n')
    const result = await build({ src, out: path.join(tmp, 'split-out'), quiet: true })
    expect(result.written).toBe(true)
    split = await serveSite(result.config.out, result.config.base)
  })
  afterAll(async () => {
    await split?.close()
  })

  it('merges every part into the first and finds pages of each', async () => {
    const { merge } = JSON.parse(fs.readFileSync(path.join(tmp, 'split-out/_slugwiki/search/shards.json'), 'utf8')) as { merge: string[] }
    expect(merge.length).toBeGreaterThan(1)
    const search = async (query: string) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      contexts.push(context)
      const page = await context.newPage()
      const requests: string[] = []
      const errors: string[] = []
      page.on('request', (r) => requests.push(r.url()))
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(split.url + 'index.html')
      await type(page, query)
      return { page, requests, errors }
    }
    const lookup = await search('zorblax_lookup_table')
    await expect.poll(() => hits(lookup.page).count(), { timeout: 20_000 }).toBe(2)
    const memcg = await search('mem_cgroup_from_css')
    await expect.poll(() => hits(memcg.page).first().locator('.search-hit-title').textContent(), { timeout: 20_000 }).toBe('Memory cgroup › mem_cgroup_from_css')
    // Each part's entry file was read: the parts were merged, not ignored.
    for (const part of merge) expect(memcg.requests.some((r) => r.startsWith(`${split.url}_slugwiki/search/${part}pagefind-entry.json`))).toBe(true)
    expect([...lookup.errors, ...memcg.errors]).toEqual([])
  })
})

describe('the paper theme’s search box', () => {
  let paper: ServedSite
  beforeAll(async () => {
    const result = await build({ src: path.join(projectRoot, 'test/sites/search'), out: path.join(tmp, 'paper'), theme: 'paper', quiet: true })
    expect(result.written).toBe(true)
    paper = await serveSite(result.config.out, result.config.base)
  })
  afterAll(async () => {
    await paper?.close()
  })

  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    it(`finds a note from the masthead, with the print and scheme buttons beside it (${viewport.width} px)`, async () => {
      const context = await browser.newContext({ viewport })
      contexts.push(context)
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      expect((await page.goto(`${paper.url}kernel/memcg.html`))?.status()).toBe(200)
      const input = page.locator('.masthead .search-slot input')
      await input.waitFor()
      // A box a reader can type in (5rem: its placeholder shows whole), on a phone too, and nothing wider than the screen.
      expect((await input.boundingBox())!.width).toBeGreaterThanOrEqual(80)
      expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false)
      expect(await page.locator('.masthead .header-actions a[href$="print.html"]').count()).toBe(1)
      await type(page, 'mem_cgroup_from_css')
      await expect.poll(() => hits(page).first().locator('.search-hit-title').textContent(), { timeout: 20_000 }).toBe('Memory cgroup › mem_cgroup_from_css')
      expect(errors).toEqual([])
    })
  }
})
