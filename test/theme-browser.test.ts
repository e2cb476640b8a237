/**
 * The default theme in a real browser: the fixture book, built and served
 * under its base path by a static server, driven in headless Chromium as a
 * reader would use it.
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
let out: string
let site: ServedSite
let browser: Browser
const contexts: BrowserContext[] = []

/** Code of a block whose line numbers are shown: copying must give the code alone. */
const NUMBERED = 'fn main() {\n    let x = 1;\n\n    println!("{x}");\n}'

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-browser-'))
  const book = path.join(tmp, 'book')
  fs.cpSync(path.join(projectRoot, 'test/sites/mdbook'), book, { recursive: true })
  fs.writeFileSync(path.join(book, 'src/numbered.md'), `# Numbered\n\n\`\`\`rust showLineNumbers{7}\n${NUMBERED}\n\`\`\`\n`)
  fs.writeFileSync(path.join(book, 'src/sections.md'), '# Sections\n\nIntro.\n\n---\n\n## After a rule\n\nText.\n\n## Plain\n\nText.\n')
  fs.writeFileSync(path.join(book, 'src/mdbook-classes.md'), '# Classes\n\n<div class="hidden">Not for readers.</div>\n\n<div class="warning">\n\nMind the gap.\n\n</div>\n')
  // The Little Book of Rust Macros hand-colours code in an HTML <pre> (its hygiene chapter), with no <code> inside.
  fs.writeFileSync(
    path.join(book, 'src/raw-pre.md'),
    '# Raw pre\n\n<pre class="rust rust-example-rendered"><span class="synctx-0">macro_rules! using_a {&#xa;    ($e:expr) =&gt; { let a = 42; $e }&#xa;}&#xa;let four = using_a!(a / 10); // a long line that runs on past the width of a phone screen</span></pre>\n\n```rust\nfn main() {}\n```\n',
  )
  out = path.join(tmp, 'out')
  const result = await build({ src: book, out, quiet: true })
  expect(result.written).toBe(true)
  site = await serveSite(out, result.config.base)
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await site?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

async function open(pathname: string, options: Parameters<Browser['newContext']>[0] = {}, before?: (page: Page) => void): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', ...options })
  contexts.push(context)
  const page = await context.newPage()
  before?.(page)
  const response = await page.goto(site.url + pathname)
  expect(response?.status(), pathname).toBeLessThan(400)
  return page
}

const pathOf = (page: Page) => new URL(page.url()).pathname.replace(new URL(site.url).pathname, '')

describe('sidebar', () => {
  it('marks the current page, opens its section and shows it', async () => {
    const requests: string[] = []
    const page = await open('kernel/rcu.html', {}, (p) => p.on('request', (r) => requests.push(r.url())))
    // The shared tree is fetched only when a reader unfolds another section.
    expect(requests.filter((r) => r.endsWith('nav.js'))).toEqual([])
    // Everything (styles, script, KaTeX's CSS and fonts) comes from the site itself: no CDN.
    expect(requests.length).toBeGreaterThan(3)
    expect(requests.filter((r) => !r.startsWith(site.url))).toEqual([])
    const current = page.locator('#sidebar a[aria-current="page"]')
    await expect(current.textContent()).resolves.toBe('1.1. RCU')
    expect(await current.isVisible()).toBe(true)
    expect(await page.locator('#sidebar li[data-nav-id="2"] > .chapter-row .fold').getAttribute('aria-expanded')).toBe('true')
    // Parts and drafts are listed; the generated index pages close the sidebar as their own part.
    expect(await page.locator('#sidebar .part-title').allTextContents()).toEqual(['Kernel', 'Languages', 'Index'])
    expect(await page.locator('#sidebar .draft').allTextContents()).toEqual(['2. Tracing', '3. Missing chapter'])
  })

  it('folds a section, and unfolds another from the shared nav.js', async () => {
    const page = await open('go.html')
    const memory = page.locator('#sidebar li[data-nav-id="2"]')
    expect(await memory.locator('a', { hasText: 'RCU' }).count()).toBe(0)
    const navRequest = page.waitForRequest((r) => r.url().endsWith('/_slugwiki/nav.js'))
    await memory.locator('.fold').click()
    await navRequest
    await memory.locator('a', { hasText: 'RCU' }).waitFor()
    expect(await memory.locator('ol a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))).toEqual([
      `${site.url}kernel/rcu.html`,
      `${site.url}kernel/cgroup.html`,
    ])
    await memory.locator('.fold').click()
    expect(await memory.locator('ol').isVisible()).toBe(false)
  })
})

describe('from disk', () => {
  it('opened as file://, the sidebar still unfolds from nav.js', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto(`file://${path.join(out, 'go.html')}`)
    const memory = page.locator('#sidebar li[data-nav-id="2"]')
    await memory.locator('.fold').click()
    await memory.locator('a', { hasText: 'RCU' }).click()
    await page.waitForURL(/kernel\/rcu\.html$/)
    expect(await page.locator('#sidebar a[aria-current="page"]').textContent()).toBe('1.1. RCU')
  })
})

describe("mdBook's classes", () => {
  it('hide a .hidden block and box a .warning, as mdBook’s stylesheet does', async () => {
    const page = await open('mdbook-classes.html')
    expect(await page.locator('.note-body .hidden').count()).toBe(1)
    expect(await page.locator('.note-body .hidden').isVisible()).toBe(false)
    const warning = page.locator('.note-body .warning')
    expect(await warning.isVisible()).toBe(true)
    expect(await warning.evaluate((e) => getComputedStyle(e).borderLeftWidth)).toBe('4px')
  })
})

describe('a <pre> written as HTML', () => {
  it('is boxed as a code block is, and scrolls its long lines inside the box on a phone', async () => {
    const page = await open('raw-pre.html', { viewport: { width: 390, height: 844 }, isMobile: true })
    const style = (selector: string) =>
      page.locator(selector).first().evaluate((e) => {
        const s = getComputedStyle(e)
        return { background: s.backgroundColor, border: s.borderTopWidth, padding: s.paddingLeft, overflowX: s.overflowX }
      })
    const raw = await style('.note-body > pre.rust-example-rendered')
    const fenced = await style('.note-body figure.code')
    expect(raw.background).toBe(fenced.background)
    expect(raw.border).toBe('1px')
    expect(parseFloat(raw.padding)).toBeGreaterThan(8)
    expect(raw.overflowX).toBe('auto')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  })
})

describe('section headings', () => {
  it('draw one line between sections, the author’s --- when there is one, not a second under it', async () => {
    const page = await open('sections.html')
    const border = (text: string) => page.locator('.note-body h2', { hasText: text }).evaluate((e) => getComputedStyle(e).borderTopWidth)
    expect(await page.locator('.note-body hr').count()).toBe(1)
    expect(await border('After a rule')).toBe('0px')
    expect(await border('Plain')).toBe('1px')
  })
})

describe('page navigation', () => {
  it('previous/next follow SUMMARY order, skipping drafts', async () => {
    const page = await open('')
    const visited: string[] = []
    while (await page.locator('.page-nav a.next').count()) {
      const from = page.url()
      await Promise.all([page.waitForURL((url) => url.href !== from), page.locator('.page-nav a.next').click()])
      visited.push(pathOf(page))
    }
    expect(visited).toEqual(['kernel/index.html', 'kernel/rcu.html', 'kernel/cgroup.html', 'go.html', 'shell.html', 'appendix.html'])
    await Promise.all([page.waitForURL(/shell\.html$/), page.locator('.page-nav a.prev').click()])
    expect(pathOf(page)).toBe('shell.html')
  })

  it('← and → open the previous and next page, as in mdBook, but not while typing, in code or with a modifier', async () => {
    const page = await open('kernel/rcu.html')
    await Promise.all([page.waitForURL(/kernel\/cgroup\.html$/), page.keyboard.press('ArrowRight')])
    await Promise.all([page.waitForURL(/kernel\/rcu\.html$/), page.keyboard.press('ArrowLeft')])
    await Promise.all([page.waitForURL(/kernel\/index\.html$/), page.keyboard.press('ArrowLeft')])
    // Focus in a code block (its arrows scroll it), in the search box, or with Alt held: the page stays.
    await open('go.html').then(async (go) => {
      const stays = async (press: () => Promise<void>) => {
        await press()
        // A navigation would have started by now; the page must still be go.html.
        await go.waitForTimeout(300)
        expect(pathOf(go)).toBe('go.html')
      }
      await go.locator('pre').first().focus()
      await stays(() => go.keyboard.press('ArrowRight'))
      await go.locator('pre').first().evaluate((el) => (el as HTMLElement).blur())
      await stays(() => go.keyboard.press('Alt+ArrowRight'))
      await go.keyboard.press('/')
      await go.locator('input[type="search"]').waitFor()
      await stays(() => go.keyboard.press('ArrowRight'))
    })
  })

  it('highlights the heading being read in the table of contents', async () => {
    const page = await open('kernel/rcu.html', { viewport: { width: 1440, height: 500 } })
    const toc = page.locator('.page-toc')
    expect(await toc.isVisible()).toBe(true)
    expect(await page.locator('.toc-details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
    const active = () => page.evaluate(() => document.querySelector('.page-toc a.active')?.getAttribute('href') ?? null)
    await page.evaluate(() => document.getElementById('grace-period')!.scrollIntoView())
    await expect.poll(active).toBe('#grace-period')
    await page.evaluate(() => document.getElementById('pitfalls')!.scrollIntoView())
    await expect.poll(active).toBe('#pitfalls')
    expect(await page.locator('.page-toc a.active').getAttribute('aria-current')).toBe('location')
    await page.evaluate(() => scrollTo(0, 0))
    await expect.poll(active).toBe(null)
    // Following a TOC link lands the heading where it counts as being read.
    await page.locator('.page-toc a', { hasText: 'Grace period' }).click()
    await expect.poll(active).toBe('#grace-period')
  })

  it('folds the table of contents above the text on narrower screens', async () => {
    const page = await open('kernel/rcu.html', { viewport: { width: 1100, height: 800 } })
    const link = page.locator('.page-toc a', { hasText: 'Pitfalls' })
    expect(await link.isVisible()).toBe(false)
    const toc = await page.locator('.page-toc').boundingBox()
    const title = await page.locator('article.note h1').first().boundingBox()
    expect(toc!.y).toBeLessThan(title!.y)
    await page.locator('.page-toc summary').click()
    expect(await link.isVisible()).toBe(true)
  })
})

describe('colour scheme', () => {
  it('follows the system until chosen, then persists the choice with no flash', async () => {
    const page = await open('kernel/rcu.html', { colorScheme: 'dark' })
    const theme = () => page.evaluate(() => [document.documentElement.dataset.scheme, document.documentElement.dataset.theme])
    expect(await theme()).toEqual(['system', 'dark'])
    await page.emulateMedia({ colorScheme: 'light' })
    await expect.poll(theme).toEqual(['system', 'light'])
    const toggle = page.locator('.scheme-toggle')
    await toggle.click()
    expect(await theme()).toEqual(['light', 'light'])
    await toggle.click()
    expect(await theme()).toEqual(['dark', 'dark'])
    expect(await toggle.getAttribute('aria-label')).toBe('Colour scheme: dark (switch to system)')

    // Record the scheme at the first animation frame, i.e. before first paint.
    await page.addInitScript(() => {
      requestAnimationFrame(() => {
        ;(window as unknown as { firstFrame: unknown }).firstFrame = [document.documentElement.dataset.theme, getComputedStyle(document.documentElement).backgroundColor]
      })
    })
    await page.reload()
    expect(await page.evaluate(() => (window as unknown as { firstFrame: unknown }).firstFrame)).toEqual(['dark', 'rgb(15, 19, 24)'])
    // The head's inline script does it, not the deferred theme script.
    await page.route('**/_slugwiki/theme.js', (route) => route.abort())
    await page.reload()
    expect(await theme()).toEqual(['dark', 'dark'])
  })

  it('applies both schemes of highlighted code without re-highlighting', async () => {
    const page = await open('kernel/cgroup.html')
    const keyword = page.locator('figure.code .shiki .line > span', { hasText: /^static\b/ }).first()
    const light = await keyword.evaluate((el) => getComputedStyle(el).color)
    await page.locator('.scheme-toggle').click()
    await page.locator('.scheme-toggle').click()
    const dark = await keyword.evaluate((el) => getComputedStyle(el).color)
    expect(light).toBe('rgb(207, 34, 46)')
    expect(dark).toBe('rgb(255, 123, 114)')
  })
})

describe('code blocks', () => {
  it('copies exactly the code, without line numbers', async () => {
    const page = await open('numbered.html')
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin })
    const figure = page.locator('figure.code')
    expect(await figure.locator('.line').first().evaluate((el) => getComputedStyle(el, '::before').content)).toBe('counter(line)')
    expect(await figure.locator('.line').first().evaluate((el) => getComputedStyle(el.closest('pre')!).counterReset)).toBe('line 6')
    await figure.hover()
    await figure.locator('.copy-button').click()
    await expect.poll(() => figure.locator('.copy-button').textContent()).toBe('Copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(NUMBERED)
  })

  it('copies a titled block with a highlighted line as written', async () => {
    const page = await open('kernel/cgroup.html')
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin })
    const figure = page.locator('figure.code').first()
    expect(await figure.locator('.code-title').textContent()).toBe('mm/memcontrol.c')
    await figure.hover()
    await figure.locator('.copy-button').click()
    const source = fs.readFileSync(path.join(projectRoot, 'test/sites/mdbook/src/kernel/cgroup.md'), 'utf8')
    const code = /```c title="mm\/memcontrol.c" \{3\}\n([^]*?)\n```/.exec(source)![1]
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code)
  })

  it('folds a long call trace behind a toggle that needs no script', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await open('kernel/rcu.html', { javaScriptEnabled })
      const fold = page.locator('details.log-fold')
      expect(await fold.locator('summary').textContent()).toBe('Call Trace: show 11 lines')
      expect(await fold.locator('pre').isVisible()).toBe(false)
      await fold.locator('summary').click()
      expect(await fold.locator('pre').isVisible()).toBe(true)
      expect(await fold.locator('pre').textContent()).toContain('__schedule+0x7a/0x1290')
    }
  })

  it('scrolls a long line inside the block, never the page', async () => {
    const page = await open('kernel/rcu.html', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    const pre = page.locator('.log pre').first()
    expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  })
})

describe('phone layout', () => {
  it('opens the sidebar as a drawer at 390×844 and closes it with Escape', async () => {
    const page = await open('kernel/rcu.html', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const sidebar = page.locator('#sidebar')
    const toggle = page.locator('.nav-toggle')
    expect(await sidebar.isVisible()).toBe(false)
    await toggle.click()
    await expect.poll(() => sidebar.evaluate((el) => el.getBoundingClientRect().left)).toBe(0)
    expect(await sidebar.isVisible()).toBe(true)
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('page')
    await page.keyboard.press('Escape')
    await expect.poll(() => sidebar.isVisible()).toBe(false)
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await toggle.click()
    await page.locator('.backdrop').click({ position: { x: 380, y: 400 } })
    await expect.poll(() => sidebar.isVisible()).toBe(false)
  })
})

describe('without JavaScript', () => {
  it('navigation, contents and code are all there', async () => {
    const page = await open('kernel/rcu.html', { javaScriptEnabled: false })
    expect(await page.locator('#sidebar a').count()).toBeGreaterThan(5)
    expect(await page.locator('.page-toc a', { hasText: 'Pitfalls' }).isVisible()).toBe(true)
    expect(await page.locator('figure.code pre').first().isVisible()).toBe(true)
    await Promise.all([page.waitForURL(/cgroup\.html$/), page.locator('.page-nav a.next').click()])
    const phone = await open('kernel/rcu.html', { javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await phone.locator('.page-toc summary').click()
    expect(await phone.locator('.page-toc a', { hasText: 'Pitfalls' }).isVisible()).toBe(true)
  })
})

describe('keyboard', () => {
  it('skip link first, then the text; visible focus; sections unfold with Enter', async () => {
    const page = await open('go.html')
    await page.keyboard.press('Tab')
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        return { className: el.className, id: el.id, top: el.getBoundingClientRect().top, outline: getComputedStyle(el).outlineStyle }
      })
    expect(await focused()).toMatchObject({ className: 'skip-link', outline: 'solid' })
    expect((await focused()).top).toBeGreaterThanOrEqual(0)
    await page.keyboard.press('Enter')
    expect((await focused()).id).toBe('content')
    const fold = page.locator('#sidebar li[data-nav-id="2"] .fold')
    await fold.focus()
    expect((await focused()).outline).toBe('solid')
    await page.keyboard.press('Enter')
    await page.locator('#sidebar a', { hasText: 'Cgroup' }).waitFor()
    expect(await fold.getAttribute('aria-expanded')).toBe('true')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('1.1. RCU')
  })
})

describe('print', () => {
  it('drops the chrome and unfolds logs when printed', async () => {
    const page = await open('kernel/rcu.html')
    await page.emulateMedia({ media: 'print' })
    for (const chrome of ['.site-header', '#sidebar', '.page-toc', '.page-nav', '.note-footer']) {
      expect(await page.locator(chrome).isVisible(), chrome).toBe(false)
    }
    expect(await page.locator('details.log-fold pre').isVisible()).toBe(true)
    expect(await page.locator('figure.code pre').first().evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap')
    const print = await open('print.html')
    await print.emulateMedia({ media: 'print' })
    expect(await print.locator('.site-header').isVisible()).toBe(false)
    expect(await print.locator('article.print-chapter').count()).toBeGreaterThan(5)
  })
})

describe('weight', () => {
  /** Bytes of script and style a page loads, KaTeX's and search's own assets excluded (they have their own budgets). */
  function weigh(page: string): { js: number; css: number } {
    const html = fs.readFileSync(path.join(out, page), 'utf8')
    const file = (href: string) => {
      const url = new URL(href, new URL(page, 'http://site/book/'))
      return path.join(out, decodeURIComponent(url.pathname.replace(/^\/book\//, '')))
    }
    const own = (href: string) => !/\/katex\/|search/i.test(href)
    let js = 0
    let css = 0
    for (const [, src] of html.matchAll(/<script src="([^"]+)"/g)) if (own(src!)) js += fs.statSync(file(src!)).size
    for (const [, body] of html.matchAll(/<script>([^]*?)<\/script>/g)) js += Buffer.byteLength(body!)
    for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) if (own(href!)) css += fs.statSync(file(href!)).size
    return { js, css }
  }

  it('every page loads under 30 KB of JS and 50 KB of CSS (uncompressed)', () => {
    const pages = fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(8)
    for (const page of pages) {
      const { js, css } = weigh(page)
      expect(js, page).toBeGreaterThan(1000)
      expect(js, page).toBeLessThan(30 * 1024)
      expect(css, page).toBeGreaterThan(1000)
      expect(css, page).toBeLessThan(50 * 1024)
    }
    const note = weigh('kernel/rcu.html')
    console.log(`theme weight per page: ${note.js} B of JS, ${note.css} B of CSS`)
  })
})

describe('a right-to-left book', () => {
  // mdBook derives `dir="rtl"` from `language = "fa"` (or `text-direction = "rtl"`): its translations of the Rust book.
  let rtl: ServedSite
  beforeAll(async () => {
    const book = path.join(tmp, 'rtl-book')
    fs.mkdirSync(path.join(book, 'src/part'), { recursive: true })
    fs.writeFileSync(path.join(book, 'book.toml'), '[book]\ntitle = "کتاب"\nlanguage = "fa"\n')
    fs.writeFileSync(path.join(book, 'src/SUMMARY.md'), '# Summary\n\n- [آغاز](README.md)\n- [بخش](part/README.md)\n    - [فصل](part/chapter.md)\n- [پایان](end.md)\n')
    fs.writeFileSync(path.join(book, 'src/README.md'), '# آغاز\n\nمتن فارسی.\n')
    fs.writeFileSync(path.join(book, 'src/part/README.md'), '# بخش\n\nمتن.\n')
    fs.writeFileSync(path.join(book, 'src/part/chapter.md'), '# فصل\n\nبا `&mut guess` در متن.\n\n```rust\nlet mut guess = String::new();\n```\n\n## یک\n\n## دو\n')
    fs.writeFileSync(path.join(book, 'src/end.md'), '# پایان\n')
    const result = await build({ src: book, out: path.join(tmp, 'rtl-out'), quiet: true })
    expect(result.written).toBe(true)
    rtl = await serveSite(path.join(tmp, 'rtl-out'), result.config.base)
  })
  afterAll(async () => rtl?.close())

  async function openRtl(pathname: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', ...options })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto(rtl.url + pathname)
    return page
  }

  it('lays the page out from the right, its code still read left to right', async () => {
    const page = await openRtl('part/chapter.html')
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!
    const [sidebar, main, toc] = [await box('.sidebar'), await box('.note'), await box('.page-toc')]
    expect(sidebar.x).toBeGreaterThan(main.x + main.width - 1)
    expect(toc.x + toc.width).toBeLessThan(main.x + 1)
    const style = (selector: string, property: string) => page.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property)
    expect(await style('.note-body p', 'direction')).toBe('rtl')
    expect(await style('figure.code pre', 'direction')).toBe('ltr')
    expect(await style('.note-body p > code', 'direction')).toBe('ltr')
    // The nested chapter's rule and indent are on its right; the current page's marker on its right edge.
    expect(await style('.outline .outline', 'border-right-width')).toBe('1px')
    expect(await style('.outline .outline', 'border-left-width')).toBe('0px')
    expect(await style('.outline a[aria-current="page"]', 'box-shadow')).toContain('-3px 0px 0px 0px')
    // Previous sits on the right, its arrow pointing out of the page.
    const [prev, next] = [await box('.page-nav a.prev'), await box('.page-nav a.next')]
    expect(prev.x).toBeGreaterThan(next.x)
    expect(await style('.page-nav .prev .arrow', 'transform')).toBe('matrix(-1, 0, 0, 1, 0, 0)')
  })

  it('→ opens the previous page and ← the next, as mdBook’s keys go in a right-to-left book', async () => {
    const page = await openRtl('part/chapter.html')
    await Promise.all([page.waitForURL(/end\.html$/), page.keyboard.press('ArrowLeft')])
    await Promise.all([page.waitForURL(/chapter\.html$/), page.keyboard.press('ArrowRight')])
  })

  it('slides its drawer in from the right on a phone', async () => {
    const page = await openRtl('part/chapter.html', { viewport: { width: 390, height: 800 } })
    const sidebar = page.locator('.sidebar')
    const edges = () => sidebar.evaluate((el) => [Math.round(el.getBoundingClientRect().left), Math.round(el.getBoundingClientRect().right)])
    expect(await sidebar.isVisible()).toBe(false)
    // Closed, it waits beyond the right edge.
    expect((await edges())[0]).toBeGreaterThanOrEqual(390)
    await page.locator('.nav-toggle').click()
    await expect.poll(edges).toEqual([70, 390])
  })
})
