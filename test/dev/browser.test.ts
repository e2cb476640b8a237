/**
 * The dev server in headless Chromium, as the author sees it beside the
 * editor: a saved note reloads the tab showing it (and only that tab) at the
 * same scroll position, a broken note shows an overlay until it is fixed, a
 * stylesheet edit restyles without a reload, a template edit reloads all,
 * and a link preview works under the server's base path.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../helpers/browser.ts'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

const THEME = (marker: string) => `export default {
  extends: 'default',
  templates: { tags: (ctx) => ctx.h('p.live-marker', '${marker}') },
  styles: ['style.css', 'live.css'],
}
`

let f: DevFixture
let browser: Browser
let context: BrowserContext
let rcu: Page
let go: Page

/** Mark the page's window; a reload loses the mark. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { devMark: boolean }).devMark = true))
const marked = (page: Page) => page.evaluate(() => (window as unknown as { devMark?: boolean }).devMark === true)
/** Open a page and wait for its reload socket to be greeted. */
async function open(rel: string): Promise<Page> {
  const page = await context.newPage()
  const before = f.dev.clients
  await page.goto(new URL(rel, f.dev.url).href)
  while (f.dev.clients === before) await page.waitForTimeout(20)
  return page
}

beforeAll(async () => {
  f = await startFixture('mdbook', { theme: 'live' }, (dir) => {
    fs.mkdirSync(path.join(dir, 'themes/live/assets'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'themes/live/index.ts'), THEME('template v1'))
    fs.writeFileSync(path.join(dir, 'themes/live/assets/live.css'), '.live-marker { color: rgb(0, 0, 255); }\n')
  })
  browser = await launchBrowser()
  context = await browser.newContext({ viewport: { width: 900, height: 400 } })
  rcu = await open('kernel/rcu.html')
  go = await open('go.html')
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await f?.close()
})

describe('live reload in the browser', () => {
  it('reloads the tab showing an edited note at the same scroll position, and not the other tab', async () => {
    await rcu.evaluate(() => window.scrollTo(0, 300))
    const scrolled = await rcu.evaluate(() => window.scrollY)
    expect(scrolled).toBeGreaterThan(100)
    await mark(rcu)
    await mark(go)
    const rebuilt = f.nextRebuild()
    const reloaded = rcu.waitForEvent('load')
    fs.appendFileSync(path.join(f.src, 'kernel/rcu.md'), '\nWritten in the editor a moment ago.\n')
    await rebuilt
    await reloaded
    await rcu.waitForFunction(() => document.body.textContent!.includes('Written in the editor a moment ago.'))
    expect(await marked(rcu)).toBe(false)
    await rcu.waitForFunction((y) => Math.abs(window.scrollY - y) <= 2, scrolled)
    // The unrelated tab kept its window: it never reloaded.
    await go.waitForTimeout(500)
    expect(await marked(go)).toBe(true)
  })

  it('shows an overlay with file:line:col for broken frontmatter, keeps the last good page, and clears it on a fix', async () => {
    const file = path.join(f.src, 'kernel/rcu.md')
    const good = fs.readFileSync(file, 'utf8')
    // As a right-to-left book's page is (the fix reloads the page, which ends it).
    await rcu.evaluate(() => (document.documentElement.dir = 'rtl'))
    fs.writeFileSync(file, `---\ntags: [open\n---\n${good}`)
    const overlay = rcu.locator('slugwiki-error-overlay')
    await overlay.waitFor({ state: 'attached' })
    const text = await overlay.evaluate((el) => el.shadowRoot!.textContent!)
    expect(text).toMatch(/kernel\/rcu\.md:2:\d+/)
    expect(text).toContain('Broken frontmatter YAML')
    // An English wiki's panel in English, the dialog named by its heading.
    const said = await overlay.evaluate((el) => {
      const root = el.shadowRoot!
      const dialog = root.querySelector('[role="alertdialog"]')!
      return [root.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent, root.querySelector('button')!.textContent, root.querySelector('p')!.textContent, root.querySelector('h2')!.lang]
    })
    expect(said).toEqual(['Build error', 'Close', 'The page shows its last good version. Fix the file and save: this clears by itself.', 'en'])
    // Paths, positions and messages read left to right whatever the page's direction.
    expect(await overlay.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('li')!).direction)).toBe('ltr')
    expect(await rcu.locator('.note-body').textContent()).toContain('Written in the editor a moment ago.')
    // Other tabs are not bothered with this note's error.
    expect(await go.locator('slugwiki-error-overlay').count()).toBe(0)
    await mark(rcu)
    fs.writeFileSync(file, `${good}\nAnd fixed.\n`)
    await rcu.waitForFunction(() => document.body.textContent!.includes('And fixed.'))
    expect(await rcu.locator('slugwiki-error-overlay').count()).toBe(0)
  })

  it('writes the error panel’s own words in the wiki’s language, the diagnostics left to right as written', async () => {
    const toml = path.join(f.dir, 'book.toml')
    const english = fs.readFileSync(toml, 'utf8')
    const file = path.join(f.src, 'kernel/rcu.md')
    const good = fs.readFileSync(file, 'utf8')
    fs.writeFileSync(toml, english.replace('language = "en"', 'language = "de"'))
    await rcu.waitForFunction(() => document.documentElement.lang === 'de')
    fs.writeFileSync(file, `---\ntags: [open\n---\n${good}`)
    const overlay = rcu.locator('slugwiki-error-overlay')
    await overlay.waitFor({ state: 'attached' })
    const said = await overlay.evaluate((el) => {
      const root = el.shadowRoot!
      const words = [...root.querySelectorAll<HTMLElement>('h2, button, p')].map((e) => [e.textContent, e.lang])
      return { words, item: root.querySelector('li')!.textContent, itemLang: root.querySelector('li')!.closest<HTMLElement>('[lang]')!.lang }
    })
    // In the panel's order: the close button, the heading, the hint below the list.
    expect(said.words).toEqual([
      ['Schließen', 'de'],
      ['Build-Fehler', 'de'],
      ['Die Seite zeigt ihre letzte fehlerfreie Fassung. Korrigiere die Datei und speichere sie: Dann verschwindet dies von selbst.', 'de'],
    ])
    expect(said.item).toMatch(/kernel\/rcu\.md:2:\d+  Broken frontmatter YAML/)
    expect(said.itemLang).toBe('en')
    fs.writeFileSync(file, good)
    await rcu.waitForFunction(() => !document.querySelector('slugwiki-error-overlay'))
    fs.writeFileSync(toml, english)
    await rcu.waitForFunction(() => document.documentElement.lang === 'en')
  })

  it('swaps the theme stylesheet without reloading', async () => {
    const color = () => rcu.locator('.live-marker').evaluate((el) => getComputedStyle(el).color)
    expect(await color()).toBe('rgb(0, 0, 255)')
    await mark(rcu)
    await mark(go)
    fs.writeFileSync(path.join(f.dir, 'themes/live/assets/live.css'), '.live-marker { color: rgb(255, 0, 0); }\n')
    for (const page of [rcu, go]) {
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.live-marker')!).color === 'rgb(255, 0, 0)')
      expect(await marked(page)).toBe(true)
    }
  })

  it('re-renders and reloads every page when a template changes', async () => {
    expect(await rcu.locator('.live-marker').textContent()).toBe('template v1')
    fs.writeFileSync(path.join(f.dir, 'themes/live/index.ts'), THEME('template v2'))
    await rcu.waitForFunction(() => document.querySelector('.live-marker')?.textContent === 'template v2')
    await go.waitForFunction(() => document.querySelector('.live-marker')?.textContent === 'template v2')
    expect(f.lines.at(-1)).toMatch(/^rebuilt .*themes\/live\/index\.ts → \d+ pages in \d+ ms$/)
  })

  it('previews a linked page under the base path, without its reload client or a socket of its own, and still reloads', async () => {
    // Both tabs connected: the template test before this one reloads them, and a tab still
    // reconnecting would be counted in the middle of this one.
    while (f.dev.clients < 2) await rcu.waitForTimeout(20)
    const clients = f.dev.clients
    expect(clients).toBe(2)
    await rcu.locator('.note-body a', { hasText: 'the intro' }).hover()
    const popover = rcu.locator('.popover')
    await popover.waitFor({ state: 'visible' })
    expect(await popover.locator('h1').innerText()).toBe('Fixture Book')
    expect(await popover.textContent()).toContain('Welcome.')
    expect(await popover.locator('script').count()).toBe(0)
    expect(f.dev.clients).toBe(clients)
    await mark(rcu)
    fs.appendFileSync(path.join(f.src, 'kernel/rcu.md'), '\nSaved after a preview.\n')
    await rcu.waitForFunction(() => document.body.textContent!.includes('Saved after a preview.'))
    expect(await marked(rcu)).toBe(false)
  })
})
