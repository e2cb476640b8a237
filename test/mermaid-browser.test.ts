/**
 * Mermaid diagrams in headless Chromium: a wiki built under a base path and
 * served as a static host would, then read as a reader does: diagrams drawn
 * from the site's own files, drawn again in the other scheme, a broken one
 * left readable; on the print page, in the paper theme, from disk, and in
 * the dev server after an edit.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { launchBrowser, serveSite, type ServedSite } from './helpers/browser.ts'
import { startFixture, type DevFixture } from './helpers/dev.ts'
import { tempSite, type TempSite } from './helpers/site.ts'

const FLOW = 'graph TD\n    A[Start here] --> B{"x < 1 && y > 2"}\n    B -->|yes| C[Done]'
const SEQUENCE = 'sequenceDiagram\n    Alice->>Bob: Hello & welcome'
const BROKEN = 'graph TD\n    A --> (((\n    <b>not html</b>'
/** A label with an event handler, and a click that calls a function: neither may run under securityLevel 'strict'. */
const HOSTILE = 'graph TD\n    A["<img src=x onerror=window.pwned=1>label"] --> B\n    click A call pwn()\n    click B href "javascript:window.pwned=2"'
const fence = (source: string) => `\`\`\`mermaid\n${source}\n\`\`\`\n`

let wiki: TempSite
let site: ServedSite
let paper: ServedSite
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  wiki = tempSite({
    'index.md': '# Home\n\nNo diagram here.\n',
    'guide/flow.md': `# Flow\n\n${fence(FLOW)}\nAnd a sequence:\n\n${fence(SEQUENCE)}`,
    'guide/hostile.md': `# Hostile\n\n${fence(HOSTILE)}`,
    'guide/broken.md': `# Broken\n\n${fence(BROKEN)}\nA good one after it:\n\n${fence(SEQUENCE)}`,
  }, 'slugwiki-mermaid-browser-')
  const result = await build({ src: wiki.src, out: wiki.out, base: '/wiki/', quiet: true, cache: false })
  expect(result.written).toBe(true)
  const paperOut = path.join(wiki.root, 'paper')
  expect((await build({ src: wiki.src, out: paperOut, base: '/wiki/', theme: 'paper', quiet: true, cache: false })).written).toBe(true)
  site = await serveSite(wiki.out, '/wiki/')
  paper = await serveSite(paperOut, '/wiki/')
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await site?.close()
  await paper?.close()
  wiki?.cleanup()
})

async function open(url: string, options: Parameters<Browser['newContext']>[0] = {}, before?: (page: Page) => void): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', ...options })
  contexts.push(context)
  const page = await context.newPage()
  before?.(page)
  const response = await page.goto(url)
  if (!url.startsWith('file:')) expect(response?.status(), url).toBeLessThan(400)
  return page
}

/** The relative luminance (0 black … 1 white) of the fill of the diagram's first node. */
function nodeFill(page: Page, nth = 0): Promise<number> {
  return page.locator('pre.mermaid').nth(nth).evaluate((pre) => {
    const shape = pre.querySelector('svg .node rect, svg .node polygon, svg rect.actor')
    if (!shape) throw new Error('no node in the diagram')
    const [r, g, b] = getComputedStyle(shape).fill.match(/[\d.]+/g)!.map(Number).map((c) => c / 255)
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  })
}

const drawn = (page: Page, count: number, scheme: 'light' | 'dark') =>
  page.waitForFunction(
    ([n, s]) => document.querySelectorAll(`pre.mermaid[data-drawn="${s}"] > svg`).length === n,
    [count, scheme] as const,
  )

describe('a page with diagrams', () => {
  it('draws each as an SVG, with mermaid loaded afterwards from the site itself under its base path', async () => {
    const requests: string[] = []
    const page = await open(`${site.url}guide/flow.html`, {}, (p) => p.on('request', (r) => requests.push(r.url())))
    await drawn(page, 2, 'light')
    const texts = await page.locator('pre.mermaid svg').allTextContents()
    expect(texts[0]).toContain('Start here')
    expect(texts[0]).toContain('x < 1 && y > 2')
    expect(texts[1]).toContain('Hello & welcome')
    // No CDN: every file, mermaid's included, comes from the site.
    expect(requests.filter((r) => !r.startsWith(site.url))).toEqual([])
    expect(requests).toContain(`${site.url}_slugwiki/mermaid/mermaid.min.js`)
    // Not in the page's HTML: the drawing script adds it, async, so the page never waits for it.
    const html = fs.readFileSync(path.join(wiki.out, 'guide/flow.html'), 'utf8')
    expect(html).not.toContain('mermaid.min.js')
    expect(await page.locator('script[src$="mermaid.min.js"]').evaluate((s) => (s as HTMLScriptElement).async)).toBe(true)
  })

  it('is not loaded by a page without a diagram', async () => {
    const requests: string[] = []
    const page = await open(site.url, {}, (p) => p.on('request', (r) => requests.push(r.url())))
    await page.waitForLoadState('load')
    await page.waitForTimeout(300)
    expect(requests.filter((r) => r.includes('mermaid'))).toEqual([])
  })

  it('draws again in dark colours when the reader switches to dark, and follows the system’s scheme', async () => {
    const page = await open(`${site.url}guide/flow.html`)
    await drawn(page, 2, 'light')
    const firstId = await page.locator('pre.mermaid svg').first().getAttribute('id')
    expect(await nodeFill(page)).toBeGreaterThan(0.7)
    const toggle = page.locator('.scheme-toggle')
    await toggle.click() // system → light: the same scheme, nothing to draw again
    await toggle.click() // light → dark
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    await drawn(page, 2, 'dark')
    expect(await page.locator('pre.mermaid svg').first().getAttribute('id')).not.toBe(firstId)
    expect(await nodeFill(page)).toBeLessThan(0.3)
    expect(await nodeFill(page, 1)).toBeLessThan(0.3)
    await toggle.click() // dark → system, which is light
    await drawn(page, 2, 'light')
    expect(await nodeFill(page)).toBeGreaterThan(0.7)
    await page.emulateMedia({ colorScheme: 'dark' })
    await drawn(page, 2, 'dark')
    expect(await nodeFill(page)).toBeLessThan(0.3)
  })

  it('starts in dark colours on a page opened in the dark scheme', async () => {
    const page = await open(`${site.url}guide/flow.html`, { colorScheme: 'dark' })
    await drawn(page, 2, 'dark')
    expect(await nodeFill(page)).toBeLessThan(0.3)
  })
})

describe('a diagram mermaid cannot read', () => {
  it('keeps its source, marked as broken with the reason, and the page’s other diagrams are drawn', async () => {
    const page = await open(`${site.url}guide/broken.html`)
    await drawn(page, 1, 'light')
    const broken = page.locator('pre.mermaid.mermaid-error')
    await broken.waitFor()
    expect(await broken.textContent()).toBe(BROKEN)
    expect(await broken.locator('svg').count()).toBe(0)
    expect(await broken.getAttribute('title')).toMatch(/^Mermaid could not draw this diagram: Parse error on line 2/)
    expect(await broken.isVisible()).toBe(true)
    // The theme says so above the source.
    expect(await broken.evaluate((e) => getComputedStyle(e, '::before').content)).toContain('Mermaid could not draw this diagram')
    // Neither mermaid's error picture nor its scratch copies are anywhere in the page.
    expect(await page.locator('body').textContent()).not.toContain('Syntax error in text')
    expect(await page.locator('svg[aria-roledescription="error"]').count()).toBe(0)
    expect(await page.locator('body > [id*="slugwiki-mermaid"]').count()).toBe(0)
  })
})

describe('an author’s script in a diagram', () => {
  it('never runs: no event handler in a label, no click callback or javascript: link', async () => {
    const page = await open(`${site.url}guide/hostile.html`)
    await page.evaluate(() => Object.assign(window, { pwn: () => ((window as unknown as { pwned: number }).pwned = 3) }))
    await drawn(page, 1, 'light')
    await page.waitForTimeout(300)
    for (const node of await page.locator('pre.mermaid svg .node').all()) await node.click({ force: true })
    await page.waitForTimeout(300)
    expect(page.url()).toBe(`${site.url}guide/hostile.html`)
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
    expect(await page.locator('pre.mermaid svg [onerror], pre.mermaid svg a[href^="javascript:"]').count()).toBe(0)
  })
})

describe('elsewhere', () => {
  it('the print page draws every chapter’s diagrams', async () => {
    const page = await open(`${site.url}print.html`)
    await drawn(page, 4, 'light')
    expect(await page.locator('pre.mermaid.mermaid-error').count()).toBe(1)
  })

  it('the paper theme draws them, in its own type', async () => {
    const page = await open(`${paper.url}guide/flow.html`)
    await drawn(page, 2, 'light')
    const font = await page.locator('pre.mermaid svg').first().evaluate((svg) => getComputedStyle(svg).fontFamily)
    expect(font).toMatch(/Charter|serif/)
  })

  it('a site opened from disk draws them too', async () => {
    const page = await open(`file://${path.join(wiki.out, 'guide/flow.html')}`)
    await drawn(page, 2, 'light')
  })
})

describe('the dev server', () => {
  let f: DevFixture
  beforeAll(async () => {
    f = await startFixture('plain', {}, (dir) => fs.writeFileSync(path.join(dir, 'flow.md'), `# Flow\n\n${fence('graph LR\n    A[Before edit] --> B')}`))
  })
  afterAll(async () => {
    await f?.close()
    if (f) fs.rmSync(f.dir, { recursive: true, force: true })
  })

  it('shows the new diagram after the note is saved', async () => {
    const before = f.dev.clients
    const page = await open(new URL('flow.html', f.dev.url).href)
    // Its reload socket is greeted before the edit.
    while (f.dev.clients === before) await page.waitForTimeout(20)
    await drawn(page, 1, 'light')
    expect(await page.locator('pre.mermaid svg').textContent()).toContain('Before edit')
    const reloaded = page.waitForEvent('load')
    const rebuilt = f.nextRebuild()
    f.write('flow.md', `# Flow\n\n${fence('graph LR\n    A[After edit] --> B --> C')}`)
    await rebuilt
    await reloaded
    await drawn(page, 1, 'light')
    expect(await page.locator('pre.mermaid svg').textContent()).toContain('After edit')
  })

  it('draws the first diagram of a note that had none, its page now loading mermaid', async () => {
    const before = f.dev.clients
    const page = await open(new URL('2-first.html', f.dev.url).href)
    while (f.dev.clients === before) await page.waitForTimeout(20)
    expect(await page.locator('script[src$="diagrams.js"]').count()).toBe(0)
    const reloaded = page.waitForEvent('load')
    const rebuilt = f.nextRebuild()
    fs.appendFileSync(path.join(f.src, '2-first.md'), `\n${fence('graph LR\n    A[First diagram] --> B')}`)
    expect((await rebuilt).patched).toBe(false)
    await reloaded
    await drawn(page, 1, 'light')
    expect(await page.locator('pre.mermaid svg').textContent()).toContain('First diagram')
  })
})
