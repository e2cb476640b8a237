/**
 * Code as a reader sees it, in headless Chromium, in both themes and both
 * schemes, on a 500 px viewport and a desktop one: a code block's language
 * label never sits on the code (however long, numbered, highlighted, marked or
 * scrolled its first line), and a link's underline leaves the underscores of
 * the code it holds visible (`mem_cgroup` must not read `mem cgroup`); nor do
 * its Copy button and "show hidden lines" toggle, shown on hover or always on a
 * touch screen, and showing them moves no line.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveInBothThemes, type ThemedSites } from './helpers/themes.ts'

/** A first line wider than any block, in each kind of labelled block the theme draws. */
const LONG = 'static struct mem_cgroup *mem_cgroup_from_task(struct task_struct *p) { return rcu_dereference(p->cgroups)->subsys[memory_cgrp_id]; }'

const CODE = [
  '# Code',
  '',
  'Links: [`mem_cgroup`](other.md), [the `__GFP_NOWARN` flag](other.md#flags), and the symbol `mem_cgroup_from_task`.',
  '',
  '```bash',
  `echo "${LONG}"`,
  'echo done',
  '```',
  '',
  '```c showLineNumbers',
  LONG,
  'int x;',
  '```',
  '',
  '```c {1}',
  LONG,
  'int x;',
  '```',
  '',
  '```js',
  `const removed = "${LONG}" // [!code --]`,
  'const added = 2 // [!code ++]',
  '```',
  '',
  '```sh',
  'short',
  '```',
  '',
  '```c title="mm/memcontrol.c"',
  LONG,
  '```',
  '',
  '```text',
  LONG,
  '```',
  '',
  '::: code-group',
  '```c [kernel/memcontrol.c]',
  LONG,
  '```',
  '```sh',
  'echo grouped',
  '```',
  ':::',
  '',
].join('\n')

/** Every kind of block a Copy button or hidden-lines toggle is drawn on, labelled or not, each first line long. */
const BUTTONS = [
  '# Buttons',
  '',
  '```bash',
  `echo "${LONG}"`,
  '```',
  '',
  '```c showLineNumbers',
  LONG,
  '```',
  '',
  '```c {1}',
  LONG,
  '```',
  '',
  '```js',
  `const removed = "${LONG}" // [!code --]`,
  '```',
  '',
  '```c title="mm/memcontrol.c"',
  LONG,
  '```',
  '',
  '```text',
  LONG,
  '```',
  '',
  '```',
  LONG,
  '```',
  '',
  '```rust',
  `# fn hidden() { ${LONG} }`,
  `fn shown() { ${LONG} }`,
  '```',
  '',
  '```rust title="src/main.rs"',
  `# fn hidden() { ${LONG} }`,
  `fn shown() { ${LONG} }`,
  '```',
  '',
  '```sh',
  'short',
  '```',
  '',
  '::: code-group',
  '```c [kernel/memcontrol.c]',
  LONG,
  '```',
  '```text [notes.txt]',
  LONG,
  '```',
  ':::',
  '',
].join('\n')

let themed: ThemedSites

beforeAll(async () => {
  themed = await serveInBothThemes({ 'index.md': '# Home\n\nSee [Code](code.md).\n', 'code.md': CODE, 'buttons.md': BUTTONS, 'other.md': '# Other\n\n## Flags\n' }, 'slugwiki-code-reading-')
})
afterAll(async () => {
  await themed?.close()
})

type Scheme = 'light' | 'dark'
type Theme = 'default' | 'paper'

async function open(theme: Theme, colorScheme: Scheme, width: number, deviceScaleFactor = 1): Promise<Page> {
  const context = await themed.context({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor })
  const page = await context.newPage()
  // No link previews: one opened by hovering would lie over the pixels measured.
  await page.route('**/_slugwiki/popovers.js', (route) => route.abort())
  const response = await page.goto(`${themed.sites[theme].url}code.html`)
  expect(response?.status()).toBeLessThan(400)
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme)
  return page
}

interface Box { left: number; top: number; right: number; bottom: number }

/**
 * Each labelled block's label box (its ::before, where the label is drawn) and the boxes of its first line's
 * text that show inside the pre, the pre scrolled to `scroll` (0 = start, 1 = end).
 */
function labelsAndFirstLines(page: Page, scroll: number) {
  return page.evaluate((scroll) => {
    const box = (r: DOMRect | { left: number; top: number; right: number; bottom: number }) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })
    return [...document.querySelectorAll<HTMLElement>('figure.code')].flatMap((figure) => {
      const label = getComputedStyle(figure, '::before')
      if (label.content === 'none' || label.display === 'none') return []
      const pre = figure.querySelector('pre')!
      pre.scrollLeft = scroll * (pre.scrollWidth - pre.clientWidth)
      const f = figure.getBoundingClientRect()
      const fs = getComputedStyle(figure)
      const right = f.right - parseFloat(fs.borderRightWidth) - parseFloat(label.right)
      const top = f.top + parseFloat(fs.borderTopWidth) + parseFloat(label.top)
      const labelBox = { left: right - parseFloat(label.width), top, right, bottom: top + parseFloat(label.height) }
      const view = pre.getBoundingClientRect()
      const range = document.createRange()
      range.selectNodeContents(pre.querySelector('.line')!)
      const text = [...range.getClientRects()]
        .filter((r) => r.width > 0 && r.right > view.left && r.left < view.right)
        .map((r) => box({ left: Math.max(r.left, view.left), top: r.top, right: Math.min(r.right, view.right), bottom: r.bottom }))
      return [{ id: figure.id, label: labelBox, text, overflows: pre.scrollWidth > pre.clientWidth }]
    })
  }, scroll)
}

const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

describe('a code block’s language label', () => {
  for (const theme of ['default', 'paper'] as const) {
    for (const width of [500, 1440]) {
      it.each(['light', 'dark'] as const)(`covers no code text, scrolled or not (${theme} theme, ${width} px, %s)`, async (scheme) => {
        const page = await open(theme, scheme, width)
        for (const scroll of [0, 0.5, 1]) {
          const blocks = await labelsAndFirstLines(page, scroll)
          // The bash, numbered, highlighted, diff and short blocks are labelled; titled, text and grouped ones are not.
          expect(blocks.map((b) => b.id)).toEqual(['code-1', 'code-2', 'code-3', 'code-4', 'code-5'])
          // The long first lines do run the width of their block, under where the label is.
          expect(blocks.filter((b) => b.overflows).map((b) => b.id)).toEqual(['code-1', 'code-2', 'code-3', 'code-4'])
          for (const block of blocks) {
            expect(block.text.length, block.id).toBeGreaterThan(0)
            const under = block.text.filter((t) => intersects(t, block.label))
            expect(under, `${block.id} scrolled to ${scroll}: label ${JSON.stringify(block.label)}`).toEqual([])
          }
        }
      })
    }
  }

  it('fades on hover without moving a line', async () => {
    for (const width of [500, 1440]) {
      const page = await open('default', 'light', width)
      const figure = page.locator('figure.code').first()
      const firstLine = () => figure.locator('.line').first().evaluate((el) => JSON.stringify(el.getBoundingClientRect()))
      const before = await firstLine()
      await figure.hover()
      await expect.poll(() => figure.evaluate((el) => getComputedStyle(el, '::before').opacity)).toBe('0')
      expect(await firstLine()).toBe(before)
    }
  })

  it('makes room only where something sits: titled blocks (their bar holds the buttons), and, printed without buttons, text and grouped ones keep as much room above their code as below it', async () => {
    const page = await open('default', 'light', 1440)
    const evenly = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('figure.code')].flatMap((figure) => {
          const pre = getComputedStyle(figure.querySelector('pre')!)
          return pre.paddingTop === pre.paddingBottom ? [figure.id] : []
        }),
      )
    // On screen every untitled block holds its Copy button above its code.
    expect(await evenly()).toEqual(['code-6'])
    await page.emulateMedia({ media: 'print' })
    expect(await page.evaluate(() => [...document.querySelectorAll('.copy-button')].every((b) => getComputedStyle(b).display === 'none'))).toBe(true)
    expect(await evenly()).toEqual(['code-6', 'code-7', 'code-8', 'code-9'])
  })
})

/** A book's style sheet that wraps long code lines rather than scrolling them, as mdBook books often add. */
const WRAP = 'figure.code pre { white-space: pre-wrap; overflow-wrap: anywhere; } figure.code pre > code { width: auto; }'

/** buttons.html, on a touch screen (no hover: the buttons always show) or a desktop, `css` appended to the theme's. */
async function openButtons(theme: Theme, colorScheme: Scheme, width: number, touch: boolean, css = ''): Promise<Page> {
  const context = await themed.context({ viewport: { width, height: 900 }, colorScheme, hasTouch: touch })
  const page = await context.newPage()
  if (css) {
    await page.route('**/_slugwiki/style.css', async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, body: `${await response.text()}\n${css}` })
    })
  }
  // No link previews: one opened by hovering would lie over the pixels measured.
  await page.route('**/_slugwiki/popovers.js', (route) => route.abort())
  const response = await page.goto(`${themed.sites[theme].url}buttons.html`)
  expect(response?.status()).toBeLessThan(400)
  expect(await page.evaluate(() => matchMedia('(hover: none)').matches)).toBe(touch)
  return page
}

interface Shown { id: string; buttons: Array<{ name: string; box: Box }>; text: Box[]; overflows: boolean; firstLine: string }

/**
 * A block's buttons (each with its computed opacity, which must be 1 to count as shown) and the boxes of its code's text
 * that show in its pre's scrollport, the pre scrolled to `scroll` (0 = start, 1 = end).
 */
function buttonsAndText(page: Page, id: string, scroll: number): Promise<Shown & { opacities: string[] }> {
  return page.evaluate(([id, scroll]) => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })
    const figure = document.getElementById(id)!
    const pre = figure.querySelector('pre')!
    pre.scrollLeft = scroll * (pre.scrollWidth - pre.clientWidth)
    const p = pre.getBoundingClientRect()
    const view = { left: p.left + pre.clientLeft, top: p.top + pre.clientTop, right: p.left + pre.clientLeft + pre.clientWidth, bottom: p.top + pre.clientTop + pre.clientHeight }
    const text: Array<{ left: number; top: number; right: number; bottom: number }> = []
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT)
    const range = document.createRange()
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      range.selectNodeContents(node)
      for (const r of range.getClientRects()) {
        if (r.width === 0 || r.right <= view.left || r.left >= view.right || r.bottom <= view.top || r.top >= view.bottom) continue
        text.push({ left: Math.max(r.left, view.left), top: Math.max(r.top, view.top), right: Math.min(r.right, view.right), bottom: Math.min(r.bottom, view.bottom) })
      }
    }
    const buttons = [...figure.querySelectorAll<HTMLElement>(':scope > .code-buttons > .copy-button, :scope > .code-buttons > .hidden-toggle')]
    const line = [...pre.querySelectorAll('.line')].find((l) => l.getClientRects().length > 0)!
    return {
      id,
      buttons: buttons.map((b) => ({ name: b.className, box: box(b.getBoundingClientRect()) })),
      opacities: buttons.map((b) => getComputedStyle(b).opacity),
      text,
      overflows: pre.scrollWidth > pre.clientWidth,
      // Where the first line is on the page (hovering may scroll the window to the block).
      firstLine: JSON.stringify(((r) => ({ left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY }))(line.getBoundingClientRect())),
    }
  }, [id, scroll] as const)
}

/** The ids of the blocks showing on the page (a code group shows one at a time). */
const shownBlocks = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('figure.code')].filter((f) => f.offsetParent).map((f) => f.id))

/** Every block shown (each panel of the code group in turn), shown as `show` shows its buttons, checked at start, middle and end. */
async function expectButtonsClearOfCode(page: Page, show: (id: string) => Promise<void>, wraps = false) {
  const seen: string[] = []
  const check = async () => {
    for (const id of await shownBlocks(page)) {
      if (seen.includes(id)) continue
      seen.push(id)
      await show(id)
      await expect.poll(async () => (await buttonsAndText(page, id, 0)).opacities.every((o) => o === '1'), { message: `${id}'s buttons show` }).toBe(true)
      for (const scroll of [0, 0.5, 1]) {
        const block = await buttonsAndText(page, id, scroll)
        expect(block.text.length, id).toBeGreaterThan(0)
        expect(block.buttons.map((b) => b.name), id).toContain('copy-button')
        for (const button of block.buttons) {
          const under = block.text.filter((t) => intersects(t, button.box))
          expect(under, `${id} scrolled to ${scroll}: ${button.name} ${JSON.stringify(button.box)}`).toEqual([])
        }
      }
    }
  }
  await check()
  // The group's second panel.
  await page.locator('.code-group-tabs [role="tab"]').nth(1).click()
  await check()
  await page.locator('.code-group-tabs [role="tab"]').nth(0).click()
  expect(seen).toEqual(['code-1', 'code-2', 'code-3', 'code-4', 'code-5', 'code-6', 'code-7', 'code-8', 'code-9', 'code-10', 'code-11', 'code-12'])
  // The long first lines do run the width of their block, under where the buttons are (or wrap to it).
  if (!wraps) {
    const overflowing = []
    for (const id of seen.slice(0, 9)) if ((await buttonsAndText(page, id, 0)).overflows) overflowing.push(id)
    expect(overflowing).toEqual(seen.slice(0, 9))
  }
}

/** Show or hide the hidden lines of every block that has them. */
const toggleHidden = (page: Page) => page.evaluate(() => document.querySelectorAll<HTMLElement>('.hidden-toggle').forEach((b) => b.click()))

describe('a code block’s Copy button and hidden-lines toggle', () => {
  for (const theme of ['default', 'paper'] as const) {
    for (const width of [500, 1440]) {
      it.each(['light', 'dark'] as const)(`cover no code text on a touch screen, where they always show (${theme} theme, ${width} px, %s)`, async (scheme) => {
        const page = await openButtons(theme, scheme, width, true)
        expect(await page.locator('.hidden-toggle').count()).toBe(2)
        await expectButtonsClearOfCode(page, async () => {})
        // The hidden lines shown, the first line is the hidden one, as long.
        await toggleHidden(page)
        expect(await page.locator('.hidden-toggle[aria-pressed="true"]').count()).toBe(2)
        await expectButtonsClearOfCode(page, async () => {})
      })

      it.each(['light', 'dark'] as const)(`cover no code text on a desktop, shown by hovering, and move no line (${theme} theme, ${width} px, %s)`, async (scheme) => {
        const page = await openButtons(theme, scheme, width, false)
        await expectButtonsClearOfCode(page, async (id) => {
          await page.mouse.move(0, 0)
          const before = await buttonsAndText(page, id, 0)
          await page.locator(`#${id}`).hover()
          const after = await buttonsAndText(page, id, 0)
          expect(after.firstLine, `${id} hovered`).toBe(before.firstLine)
        })
      })
    }
    it(`leave a labelled block's language in sight on a touch screen, where they always show (${theme} theme)`, async () => {
      for (const width of [500, 1440]) {
        const page = await openButtons(theme, 'light', width, true)
        await page.locator('.copy-button').first().waitFor()
        const blocks = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('figure.code')]
            .filter((figure) => figure.offsetParent)
            .flatMap((figure) => {
              const label = getComputedStyle(figure, '::before')
              if (label.content === 'none' || label.display === 'none') return []
              const f = figure.getBoundingClientRect()
              const fs = getComputedStyle(figure)
              const top = f.top + parseFloat(fs.borderTopWidth) + parseFloat(label.top)
              const left =
                label.left !== 'auto'
                  ? f.left + parseFloat(fs.borderLeftWidth) + parseFloat(label.left)
                  : f.right - parseFloat(fs.borderRightWidth) - parseFloat(label.right) - parseFloat(label.width)
              const buttons = [...figure.querySelectorAll(':scope > .code-buttons > *')].map((b) => b.getBoundingClientRect())
              return [{
                id: figure.id,
                opacity: label.opacity,
                label: { left, top, right: left + parseFloat(label.width), bottom: top + parseFloat(label.height) },
                buttons: buttons.map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
              }]
            }),
        )
        // The bash, numbered, highlighted, diff, the two Rust and the short blocks are labelled.
        expect(blocks.length, `${width} px`).toBeGreaterThanOrEqual(6)
        for (const block of blocks) {
          expect(block.opacity, block.id).toBe('1')
          expect(block.buttons.length, block.id).toBeGreaterThan(0)
          for (const button of block.buttons) expect(intersects(block.label, button), `${block.id} at ${width} px: label ${JSON.stringify(block.label)} under ${JSON.stringify(button)}`).toBe(false)
        }
      }
    })

    it(`sit side by side, whatever their words (a translation, "Copy failed") (${theme} theme)`, async () => {
      const page = await openButtons(theme, 'light', 500, true)
      const rows = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('figure.code[data-hidden-lines]')].map((figure) => {
          const copy = figure.querySelector<HTMLElement>('.copy-button')!
          const toggle = figure.querySelector<HTMLElement>('.hidden-toggle')!
          copy.textContent = 'Копирование не удалось'
          toggle.textContent = 'Показать скрытые строки'
          const [c, t, f] = [copy.getBoundingClientRect(), toggle.getBoundingClientRect(), figure.getBoundingClientRect()]
          return { id: figure.id, apart: t.right <= c.left, inside: t.left >= f.left && c.right <= f.right, level: c.top === t.top }
        }),
      )
      expect(rows.length).toBe(2)
      for (const row of rows) expect(row, row.id).toMatchObject({ apart: true, inside: true, level: true })
    })
    it(`are not printed (${theme} theme)`, async () => {
      const page = await openButtons(theme, 'light', 1440, true)
      await page.emulateMedia({ media: 'print' })
      const shown = await page.evaluate(() => [...document.querySelectorAll('.copy-button, .hidden-toggle')].filter((b) => getComputedStyle(b).display !== 'none').length)
      expect(shown).toBe(0)
    })
    it(`cover no code text when a book wraps its code lines (${theme} theme)`, async () => {
      for (const width of [500, 1440]) {
        const page = await openButtons(theme, 'light', width, true, WRAP)
        await expectButtonsClearOfCode(page, async () => {}, true)
      }
    })
  }
})

/**
 * The page drawn three ways, each by its own page with a style sheet appended to the theme's: the links'
 * code without their underlines, the underlines without the code's text, and neither. Each is painted
 * from the start (a sheet swapped on a live page can leave an underline's pixels behind).
 */
const DRAWN = {
  text: '.note-body a:has(code), .note-body a code { text-decoration-color: transparent !important; }',
  line: '.note-body a code { color: transparent !important; text-decoration-color: var(--accent) !important; }',
  blank: '.note-body a:has(code), .note-body a code { color: transparent !important; text-decoration-color: transparent !important; }',
}

async function openDrawn(theme: Theme, colorScheme: Scheme, deviceScaleFactor: number, css: string): Promise<Page> {
  const context = await themed.context({ viewport: { width: deviceScaleFactor === 1 ? 1440 : 500, height: 900 }, colorScheme, deviceScaleFactor })
  const page = await context.newPage()
  await page.route('**/_slugwiki/style.css', async (route) => {
    const response = await route.fetch()
    await route.fulfill({ response, body: `${await response.text()}\n${css}` })
  })
  // No link previews: one opened by hovering would lie over the pixels measured.
  await page.route('**/_slugwiki/popovers.js', (route) => route.abort())
  await page.goto(`${themed.sites[theme].url}code.html`)
  return page
}

/** The columns of the first underscore of the code `selector` finds, from its top to half its height below it. */
function underscoreColumns(page: Page, selector: string): Promise<Box> {
  return page.locator(selector).first().evaluate((el) => {
    const text = el.firstChild!
    const range = document.createRange()
    const at = text.textContent!.indexOf('_')
    range.setStart(text, at)
    range.setEnd(text, at + 1)
    const glyph = range.getBoundingClientRect()
    const box = el.getBoundingClientRect()
    return { left: glyph.left, top: box.top, right: glyph.right, bottom: box.bottom + box.height / 2 }
  })
}

/** The rows (of device pixels) where the pictures `a` and `b` (PNGs of one clip) differ. */
function rowsDiffering(page: Page, a: Buffer, b: Buffer): Promise<number[]> {
  return page.evaluate(async ([a, b]) => {
    const pixels = async (png: string) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob())
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
      context.drawImage(bitmap, 0, 0)
      return { width: bitmap.width, data: context.getImageData(0, 0, bitmap.width, bitmap.height).data }
    }
    const [one, two] = [await pixels(a!), await pixels(b!)]
    const rows: number[] = []
    for (let y = 0; y < one.data.length / 4 / one.width; y++) {
      for (let x = 0; x < one.width; x++) {
        const i = (y * one.width + x) * 4
        const diff = Math.abs(one.data[i]! - two.data[i]!) + Math.abs(one.data[i + 1]! - two.data[i + 1]!) + Math.abs(one.data[i + 2]! - two.data[i + 2]!)
        if (diff > 48) {
          rows.push(y)
          break
        }
      }
    }
    return rows
  }, [a.toString('base64'), b.toString('base64')])
}

describe('a link holding code', () => {
  const LINKS = [
    ['a link of code alone', '.note-body a[href="other.html"] > code'],
    ['a link of words and code', '.note-body a[href="other.html#flags"] > code'],
    ['a link to a symbol', '.note-body a.symbol-link > code'],
  ] as const
  for (const theme of ['default', 'paper'] as const) {
    for (const deviceScaleFactor of [1, 2]) {
      it.each(['light', 'dark'] as const)(`underlines it below its underscores, a clear row between (${theme} theme, ${deviceScaleFactor}x, %s)`, async (scheme) => {
        const page = await open(theme, scheme, deviceScaleFactor === 1 ? 1440 : 500, deviceScaleFactor)
        const drawn = {
          text: await openDrawn(theme, scheme, deviceScaleFactor, DRAWN.text),
          line: await openDrawn(theme, scheme, deviceScaleFactor, DRAWN.line),
          blank: await openDrawn(theme, scheme, deviceScaleFactor, DRAWN.blank),
        }
        for (const [name, selector] of LINKS) {
          // An underline marks the link, not its colour alone.
          const decorated = await page.locator(selector).first().evaluate((code) => [code, code.parentElement!].map((el) => getComputedStyle(el).textDecorationLine))
          expect(decorated.some((line) => line.includes('underline')), name).toBe(true)
          const box = await underscoreColumns(drawn.text, selector)
          const clip = { x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top }
          for (const hovered of [false, true]) {
            const shots: Partial<Record<keyof typeof DRAWN, Buffer>> = {}
            for (const state of ['text', 'line', 'blank'] as const) {
              const link = drawn[state].locator(selector).first().locator('xpath=..')
              if (hovered) await link.hover()
              else await drawn[state].mouse.move(0, 0)
              shots[state] = await drawn[state].screenshot({ clip })
            }
            const text = await rowsDiffering(page, shots.text!, shots.blank!)
            const underline = await rowsDiffering(page, shots.line!, shots.blank!)
            const where = `${name}${hovered ? ', hovered' : ''}: text rows ${text}, underline rows ${underline}`
            expect(text.length, where).toBeGreaterThan(0)
            expect(underline.length, where).toBeGreaterThan(0)
            // The underline starts at least one clear row of pixels below the underscore's last.
            expect(Math.min(...underline), where).toBeGreaterThan(Math.max(...text) + 1)
          }
        }
      })
    }
  }
})
