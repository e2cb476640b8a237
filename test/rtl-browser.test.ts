/**
 * A right-to-left book in headless Chromium, beyond the layout that
 * theme-browser.test.ts checks (sidebar, table of contents, previous/next,
 * keys, drawer): an mdBook whose `language` is Arabic has its quotation and
 * alert bars and table cells on the right; code blocks with their buttons,
 * a code group's tabs and math read left to right; link and topic previews
 * line up on their link's right edge; the search box, the topic list and an
 * open section's chevron mirror; axe finds nothing serious in either scheme,
 * the phone drawer open too.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { axe } from './helpers/axe.ts'
import { launchBrowser, serveSite, type ServedSite } from './helpers/browser.ts'
import { tempSite, type TempSite } from './helpers/site.ts'

const BOOK = {
  // No text-direction: Arabic reads right to left. mdbook-katex's table: `$…$` is math.
  '../book.toml': '[book]\ntitle = "كتاب النواة"\nlanguage = "ar"\n\n[preprocessor.katex]\n',
  'SUMMARY.md': '# Summary\n\n[المقدمة](README.md)\n\n- [النواة](kernel.md)\n  - [الذاكرة](memory.md)\n',
  'README.md': '# المقدمة\n\nمرحبا.\n',
  'kernel.md': [
    '# النواة',
    '',
    'تستدعي الدالة `synchronize_rcu()` عند الكتابة. اقرأ [الذاكرة](memory.md) أيضا.',
    '',
    'آلية RCU للمزامنة، والمعادلة $a + b = c$ هنا.',
    '',
    '> اقتباس من كتاب.',
    '',
    '> [!NOTE]',
    '> ملاحظة مهمة.',
    '',
    '```c',
    'void synchronize_rcu(void);',
    '```',
    '',
    '::: code-group',
    '```c [a.c]',
    'int a;',
    '```',
    '```go [b.go]',
    'var b int',
    '```',
    ':::',
    '',
    '| العمود | القيمة |',
    '|---|---|',
    '| أ | ١ |',
  ].join('\n'),
  'memory.md': '# الذاكرة\n\nنص عن الذاكرة.\n',
  'topics.yml': 'RCU:\n  aliases: [RCU]\n  description: آلية مزامنة.\n',
}

let wiki: TempSite
let site: ServedSite
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  wiki = tempSite(BOOK, 'slugwiki-rtl-')
  const result = await build({ src: wiki.root, out: wiki.out, quiet: true })
  expect(result.written).toBe(true)
  expect(result.config.textDirection).toBe('rtl')
  site = await serveSite(wiki.out, result.config.base)
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await site?.close()
  wiki?.cleanup()
})

type Scheme = 'light' | 'dark'

async function open(pathname: string, scheme: Scheme = 'light', viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, colorScheme: scheme })
  contexts.push(context)
  const page = await context.newPage()
  const response = await page.goto(site.url + pathname)
  expect(response?.status(), pathname).toBe(pathname.startsWith('no/') ? 404 : 200)
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
  return page
}

const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!
const style = (page: Page, selector: string, property: string) =>
  page.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property)
/** Left and right of an element's text, from a range over its contents. */
const textEdges = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const range = document.createRange()
    range.selectNodeContents(el)
    const r = range.getBoundingClientRect()
    return { left: r.left, right: r.right }
  })

describe('a right-to-left book’s notes', () => {
  it('put the bars of quotations and alerts on the right, and start table cells there', async () => {
    const page = await open('kernel.html')
    for (const selector of ['blockquote', '.markdown-alert']) {
      expect(await style(page, selector, 'border-right-width'), selector).toBe('4px')
      expect(await style(page, selector, 'border-left-width'), selector).toBe('0px')
    }
    const cell = await box(page, 'td')
    expect(cell.x + cell.width - (await textEdges(page, 'td')).right).toBeLessThan(20)
  })

  it('read a code block left to right, its line from the left edge and its copy button on the right', async () => {
    const page = await open('kernel.html')
    const figure = await box(page, 'figure.code')
    const line = await textEdges(page, 'figure.code .line')
    expect(line.left - figure.x).toBeLessThan(30)
    expect(line.right).toBeLessThan(figure.x + figure.width / 2)
    await page.locator('figure.code').first().hover()
    expect((await box(page, 'figure.code .copy-button')).x).toBeGreaterThan(figure.x + figure.width / 2)
  })

  it('keep a code group’s tabs in the code’s order, the first on the left, → choosing the next', async () => {
    const page = await open('kernel.html')
    const tabs = page.locator('.code-group [role="tab"]')
    await tabs.first().waitFor()
    expect(await style(page, '.code-group', 'direction')).toBe('ltr')
    const [first, second] = [(await tabs.nth(0).boundingBox())!, (await tabs.nth(1).boundingBox())!]
    expect(first.x).toBeLessThan(second.x)
    await tabs.first().focus()
    await page.keyboard.press('ArrowRight')
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true')
  })

  it('set math left to right: a + b reads from the left', async () => {
    const page = await open('kernel.html')
    const x = (text: string) => page.locator('.katex-html .mord', { hasText: text }).first().evaluate((el) => el.getBoundingClientRect().x)
    expect(await x('a')).toBeLessThan(await x('b'))
    expect(await x('b')).toBeLessThan(await x('c'))
  })

  it('line a link’s preview up on the link’s right edge, in the book’s direction', async () => {
    const page = await open('kernel.html')
    const link = page.locator('.note-body p a', { hasText: 'الذاكرة' })
    await link.hover()
    const popover = page.locator('.popover')
    await popover.waitFor({ state: 'visible' })
    const [linkBox, card] = [(await link.boundingBox())!, (await popover.boundingBox())!]
    expect(Math.abs(card.x + card.width - (linkBox.x + linkBox.width))).toBeLessThan(2)
    expect(await style(page, '.popover', 'direction')).toBe('rtl')
  })

  it('line a topic’s card up on its link’s right edge', async () => {
    const page = await open('kernel.html')
    const link = page.locator('a.topic-link').first()
    await link.hover()
    const card = page.locator('.topic-preview')
    await card.waitFor({ state: 'visible' })
    const [linkBox, cardBox] = [(await link.boundingBox())!, (await card.boundingBox())!]
    expect(Math.abs(cardBox.x + cardBox.width - (linkBox.x + linkBox.width))).toBeLessThan(2)
  })
})

describe('a right-to-left book’s chrome', () => {
  it('keeps the search box’s room for its key hint on the left, the key there, and indents the topic list from the right', async () => {
    const page = await open('kernel.html')
    expect(await style(page, '.search-input', 'padding-left')).toBe('36px')
    expect(await style(page, '.search-input', 'padding-right')).toBe('12px')
    const input = await box(page, '.search-input')
    expect((await box(page, '.search-key')).x).toBeLessThan(input.x + input.width / 2)
    const topics = await open('topics/index.html')
    expect(await style(topics, '.topic-list dd', 'margin-right')).toBe('16px')
    expect(await style(topics, '.topic-list dd', 'margin-left')).toBe('0px')
  })

  it('turns an open section’s chevron about its own offset, as left to right mirrored', async () => {
    const page = await open('kernel.html')
    const chevron = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el, '::before').transform)
    // translate(-.1rem, -.12rem) rotate(45deg): the x offset is the left-to-right one's, negated.
    expect(await chevron('#sidebar .fold[aria-expanded="true"]')).toMatch(/^matrix\(0\.707\d*, 0\.707\d*, -0\.707\d*, 0\.707\d*, -1\.6, -1\.92\)$/)
  })
})

describe.each(['light', 'dark'] as const)('accessibility of a right-to-left book, %s scheme', (scheme) => {
  it('axe finds nothing serious on a note, the home page and the 404 page', async () => {
    for (const pathname of ['kernel.html', '', 'no/such/page.html']) {
      const page = await open(pathname, scheme)
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme)
      expect(await axe(page), pathname).toEqual([])
    }
  })

  it('axe finds nothing serious in the open phone drawer', async () => {
    const phone = await open('kernel.html', scheme, { width: 390, height: 844 })
    await phone.locator('.nav-toggle').click()
    await phone.locator('#sidebar').waitFor({ state: 'visible' })
    expect(await axe(phone)).toEqual([])
  })
})
