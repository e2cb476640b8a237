/**
 * Link previews as a reader meets them, in headless Chromium on a small wiki
 * built under a base path: a wikilink's page shown on hover and gone when
 * the pointer leaves, a heading link's preview scrolled to its heading,
 * keyboard focus, Alt+ArrowDown into it and Escape, the page's Tab order
 * unchanged, nothing for other sites or this page's own
 * headings, no ids or scripts imported, axe with a preview open, nothing
 * from file://, and nothing at all with `popovers = false`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { axe } from './helpers/axe.ts'
import { launchBrowser, serveSite, type ServedSite } from './helpers/browser.ts'
import { tempSite, type TempSite } from './helpers/site.ts'


const filler = Array.from({ length: 30 }, (_, i) => `Filler paragraph ${i + 1} of the beta note, long enough to push the heading down.`).join('\n\n')

const NOTES = {
  'index.md': [
    '# Home',
    '',
    'Read [[Alpha]], then [[Beta#Deep heading|the deep part]] and [the guide](https://example.com/guide.html).',
    '',
    'Back to [this page’s section](#home-section).',
    '',
    '## Home section',
    '',
    'Nothing more.[^1]',
    '',
    '[^1]: A footnote, whose ids a preview of another page with a footnote would double.',
    '',
    'Last, [[Gamma]].',
  ].join('\n'),
  'notes/Alpha.md': [
    '# Alpha',
    '',
    'The alpha marker text, with a link to [[Beta]] and an ![image](pic.png).',
    '',
    '<script>window.previewRan = true</script>',
    '',
    '## Alpha details',
    '',
    '```rust',
    'fn main() {}',
    '```',
  ].join('\n'),
  'notes/pic.png': Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
  // Nothing to focus in its preview but the preview itself.
  'Gamma.md': ['# Gamma', '', filler.replaceAll('beta', 'gamma')].join('\n'),
  'Beta.md': ['# Beta', '', 'Beta intro.', '', filler, '', '## Deep heading', '', 'The deep marker text.[^1]', '', filler, '', '[^1]: Beta’s footnote.'].join('\n'),
}

let on: TempSite
let off: TempSite
let site: ServedSite
let offSite: ServedSite
let browser: Browser

beforeAll(async () => {
  // Trusted, so Alpha keeps its <script>: the preview must still not run or import it.
  on = tempSite({ ...NOTES, 'slugwiki.toml': 'trusted = true\n' }, 'slugwiki-popovers-')
  off = tempSite({ ...NOTES, 'slugwiki.toml': 'popovers = false\n' }, 'slugwiki-popovers-off-')
  const built = await build({ src: on.src, out: on.out, base: '/wiki/', quiet: true })
  expect(built.written).toBe(true)
  const builtOff = await build({ src: off.src, out: off.out, base: '/wiki/', quiet: true })
  expect(builtOff.written).toBe(true)
  site = await serveSite(on.out, '/wiki/')
  offSite = await serveSite(off.out, '/wiki/')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
  await offSite?.close()
  on?.cleanup()
  off?.cleanup()
})

async function open(url: string, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme })
  const page = await context.newPage()
  await page.goto(url)
  return page
}

const popover = (page: Page) => page.locator('.popover')

describe('link previews', () => {
  it('show the linked note after a pause on hover, and hide when the pointer leaves', async () => {
    const page = await open(site.url)
    const link = page.locator('.note-body a', { hasText: 'Alpha' })
    // When the pointer arrived and when the preview appeared, as the page saw them.
    await page.evaluate(() => {
      const times: Record<string, number> = {}
      ;(window as unknown as { times: Record<string, number> }).times = times
      document.addEventListener('mouseover', () => (times.over ??= performance.now()))
      new MutationObserver(() => document.querySelector('.popover') && (times.shown ??= performance.now())).observe(document.body, { childList: true, subtree: true })
    })
    await link.hover()
    await popover(page).waitFor({ state: 'visible' })
    // Passing over a link shows nothing: the preview waits.
    const times = await page.evaluate(() => (window as unknown as { times: Record<string, number> }).times)
    expect(times.shown! - times.over!).toBeGreaterThanOrEqual(250)
    expect(await popover(page).getAttribute('role')).toBe('dialog')
    expect(await popover(page).getAttribute('aria-label')).toBe('Preview: Alpha')
    expect(await popover(page).locator('h1').innerText()).toBe('Alpha')
    expect(await popover(page).textContent()).toContain('The alpha marker text')
    // Quartz's size at most, scrolling inside.
    const box = (await page.locator('.popover-inner').boundingBox())!
    expect(box.width).toBeLessThanOrEqual(30 * 16 + 2)
    expect(box.height).toBeLessThanOrEqual(20 * 16 + 2)
    // Alpha lives in notes/: its relative links and images lead where they do on its own page.
    expect(await popover(page).locator('a', { hasText: 'Beta' }).evaluate((a: HTMLAnchorElement) => a.href)).toBe(`${site.url}Beta.html`)
    expect(await popover(page).locator('img').evaluate((img: HTMLImageElement) => img.src)).toBe(`${site.url}notes/pic.png`)
    // The imported page brings no script, and none of it ran.
    expect(await popover(page).locator('script').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { previewRan?: boolean }).previewRan)).toBeUndefined()
    await page.mouse.move(5, 880)
    await popover(page).waitFor({ state: 'detached' })
    await page.context().close()
  })

  it('a pointer that leaves before the pause shows nothing', async () => {
    const page = await open(site.url)
    await page.locator('.note-body a', { hasText: 'Alpha' }).hover()
    await page.waitForTimeout(100)
    await page.mouse.move(5, 880)
    await page.waitForTimeout(600)
    expect(await popover(page).isVisible()).toBe(false)
    // Staying shows it.
    await page.locator('.note-body a', { hasText: 'Alpha' }).hover()
    await popover(page).waitFor({ state: 'visible' })
    await page.context().close()
  })

  it('a link to a heading shows the note scrolled to that heading', async () => {
    const page = await open(site.url)
    await page.locator('.note-body a', { hasText: 'the deep part' }).hover()
    await popover(page).waitFor({ state: 'visible' })
    const inner = (await page.locator('.popover-inner').boundingBox())!
    const heading = (await popover(page).locator('h2', { hasText: 'Deep heading' }).boundingBox())!
    expect(await page.locator('.popover-inner').evaluate((el) => el.scrollTop)).toBeGreaterThan(100)
    expect(heading.y).toBeGreaterThanOrEqual(inner.y - 1)
    expect(heading.y + heading.height).toBeLessThanOrEqual(inner.y + inner.height + 1)
    await page.context().close()
  })

  it('nothing for a link to another site or to a heading of this page', async () => {
    const page = await open(site.url)
    const requests: string[] = []
    // The browser asks for the page's icon on its own, when it likes: no fetch of the previews'.
    page.on('request', (r) => !r.url().endsWith('/_slugwiki/favicon.svg') && requests.push(r.url()))
    for (const text of ['the guide', 'this page’s section']) {
      await page.locator('.note-body a', { hasText: text }).hover()
      await page.waitForTimeout(700)
      expect(await popover(page).isVisible(), text).toBe(false)
    }
    expect(requests).toEqual([])
    // The same page previews a link to a note.
    await page.locator('.note-body a', { hasText: 'Alpha' }).hover()
    await popover(page).waitFor({ state: 'visible' })
    expect(requests[0]).toBe(`${site.url}notes/Alpha.html`)
    // With the code colours Alpha's page loads and this one does not.
    expect(requests.filter((r) => /\/_slugwiki\/code-\w+\.css$/.test(r))).toHaveLength(1)
    await page.context().close()
  })

  it('shows on keyboard focus, closes with Escape and keeps the focus on the link', async () => {
    const page = await open(site.url)
    const link = page.locator('.note-body a', { hasText: 'Alpha' })
    for (let i = 0; i < 80 && !(await link.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab')
    expect(await link.evaluate((a) => a === document.activeElement)).toBe(true)
    await popover(page).waitFor({ state: 'visible' })
    expect(await popover(page).textContent()).toContain('The alpha marker text')
    await page.keyboard.press('Escape')
    await popover(page).waitFor({ state: 'detached' })
    expect(await link.evaluate((a) => a === document.activeElement)).toBe(true)
    // Focused again, the preview shows; Tab goes on to the page's next link, whose preview replaces it.
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab')
    await popover(page).waitFor({ state: 'visible' })
    await page.keyboard.press('Tab')
    const deep = page.locator('.note-body a', { hasText: 'the deep part' })
    expect(await deep.evaluate((a) => a === document.activeElement)).toBe(true)
    await popover(page).locator('h1', { hasText: 'Beta' }).waitFor()
    expect(await popover(page).count()).toBe(1)
    // Its own links are not stops either (the page holds them).
    expect(await popover(page).locator('a:not([tabindex="-1"]), summary:not([tabindex="-1"])').count()).toBe(0)
    // Alt+ArrowDown enters it, to scroll it with the keys.
    expect(await page.locator('.popover-inner').getAttribute('aria-keyshortcuts')).toBe('Alt+ArrowDown')
    await page.keyboard.press('Alt+ArrowDown')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('popover-inner')
    const at = await page.locator('.popover-inner').evaluate((el) => el.scrollTop)
    await page.keyboard.press('PageDown')
    await page.waitForFunction((top) => document.querySelector('.popover-inner')!.scrollTop > top, at)
    // Escape from inside the preview goes back to its link.
    await page.keyboard.press('Escape')
    expect(await deep.evaluate((a) => a === document.activeElement)).toBe(true)
    await popover(page).waitFor({ state: 'detached' })
    // Entered again: Shift+Tab goes back to the link, Tab on to the link's next stop.
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab')
    await popover(page).waitFor({ state: 'visible' })
    await page.keyboard.press('Alt+ArrowDown')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('popover-inner')
    await page.keyboard.press('Shift+Tab')
    expect(await deep.evaluate((a) => a === document.activeElement)).toBe(true)
    expect(await popover(page).isVisible()).toBe(true)
    await page.keyboard.press('Alt+ArrowDown')
    await page.keyboard.press('Tab')
    expect(await page.locator('.note-body a', { hasText: 'the guide' }).evaluate((a) => a === document.activeElement)).toBe(true)
    await popover(page).waitFor({ state: 'detached' })
    await page.context().close()
  })

  it('leaves the page\'s Tab order as it is without the script, a preview open at each of its links', async () => {
    /** The page's tab stops, in order, each as its tag, text and link. */
    const stops = async (url: string, previews: boolean) => {
      const page = await open(url)
      const seen: string[] = []
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab')
        // Until the focus leaves the page or comes round to a stop it had.
        const stop = await page.evaluate(() => {
          const el = document.activeElement
          const visited = ((window as unknown as { visited?: WeakSet<Element> }).visited ??= new WeakSet())
          if (!el || el === document.body || visited.has(el)) return undefined
          visited.add(el)
          const text = (el.textContent ?? '').trim()
          return { name: `${el.tagName.toLowerCase()} ${text.slice(0, 40)} ${el.getAttribute('href') ?? ''}`, note: !!el.closest('.note-body') && ['Alpha', 'the deep part', 'Gamma'].includes(text) }
        })
        if (stop === undefined) break
        seen.push(stop.name)
        // At a link to a note, its preview is open before the next Tab.
        if (previews && stop.note) await popover(page).waitFor({ state: 'visible' })
      }
      await page.context().close()
      return seen
    }
    const withPreviews = await stops(site.url, true)
    for (const text of ['Alpha', 'the deep part', 'Gamma']) expect(withPreviews.filter((s) => s.startsWith(`a ${text} `)).length, text).toBeGreaterThan(0)
    expect(withPreviews).toEqual(await stops(offSite.url, false))
  })

  it.each(['light', 'dark'] as const)('axe finds nothing serious with a preview open, and no id is doubled (%s)', async (scheme) => {
    const page = await open(site.url, scheme)
    await page.locator('.note-body a', { hasText: 'the deep part' }).hover()
    await popover(page).waitFor({ state: 'visible' })
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id))
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
    expect(await popover(page).locator('[id], [aria-labelledby], [aria-describedby]').count()).toBe(0)
    // The preview is a dialog beside its link, not part of a heading's name.
    expect(await popover(page).evaluate((el) => el.closest('h1, h2, h3, h4, h5, h6'))).toBeNull()
    expect(await axe(page)).toEqual([])
    // The card follows the scheme.
    const colours = await popover(page).evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(colours).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(15, 19, 24)')
    await page.context().close()
  })

  it('axe finds nothing serious with the preview of a note without links', async () => {
    const page = await open(site.url)
    await page.locator('.note-body a', { hasText: 'Gamma' }).hover()
    await popover(page).locator('h1', { hasText: 'Gamma' }).waitFor()
    expect(await page.locator('.popover-inner').evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    expect(await axe(page)).toEqual([])
    await page.context().close()
  })

  it('from file:// shows nothing and logs nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(pathToFileURL(path.join(on.out, 'index.html')).href)
    // The script is there, and stands down.
    expect(await page.locator('script[src$="popovers.js"]').count()).toBe(1)
    await page.locator('.note-body a', { hasText: 'Alpha' }).hover()
    await page.waitForTimeout(700)
    expect(await popover(page).count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('popovers = false', () => {
  it('loads no preview script and previews nothing', async () => {
    const html = fs.readFileSync(path.join(off.out, 'index.html'), 'utf8')
    expect(html).not.toContain('popovers.js')
    expect(html).not.toContain('popovers.css')
    expect(fs.readFileSync(path.join(on.out, 'index.html'), 'utf8')).toContain('popovers.js')
    const page = await open(offSite.url)
    const link = page.locator('.note-body a', { hasText: 'Alpha' })
    await link.hover()
    await page.waitForTimeout(700)
    await link.focus()
    await page.waitForTimeout(200)
    expect(await popover(page).count()).toBe(0)
    await page.context().close()
  })
})
