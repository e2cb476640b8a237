/**
 * Long words in prose and short code in tables, as a reader sees them in
 * headless Chromium with both built-in themes: a path written in a sentence
 * (`/sys/kernel/debug/tracing/events/category/event/format`, as bcc's
 * reference guide has it) wraps on a 390 px phone instead of widening the
 * page, as GitHub's `.markdown-body` wraps it; and a table's column of short
 * inline code (MLIR's `dim0`, `inferredDim`) is as wide as the code, not
 * squeezed to two letters a line, while a long code token in prose still
 * breaks where it must.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveInBothThemes, type ThemedSites } from './helpers/themes.ts'

const PATH = '/sys/kernel/debug/tracing/events/category/event/format/and/some/more/of/it'
const TOKEN = 'a_very_long_inline_code_token_that_cannot_fit_on_a_phone_line_at_all'

const NOTE = [
  '# Wrapping',
  '',
  `One way to list these is to cat the relevant format file under ${PATH}.`,
  '',
  `A long token in prose: \`${TOKEN}\`.`,
  '',
  '| `dim0` | `dim1` | `inferredDim` | Notes |',
  '| -------- | -------- | ------------- | ----- |',
  '| ? | ? | ? | If `RuntimeSize(dim0)` is 1, dimension `dim0` is broadcast to `RuntimeSize(dim1)`. If `RuntimeSize(dim1)` is 1, dimension `dim1` is broadcast to `RuntimeSize(dim0)`. The operation produces undefined behavior if both runtime sizes are greater than 1 and not equal. |',
  '| 1 | >1 | `dim1` | Dimension `dim0` is broadcast to `dim1`. |',
  '',
].join('\n')

let themed: ThemedSites

beforeAll(async () => {
  themed = await serveInBothThemes({ 'README.md': '# Home\n', 'wrap.md': NOTE }, 'slugwiki-wrap-')
})
afterAll(async () => {
  await themed?.close()
})

async function open(theme: 'default' | 'paper', width: number): Promise<Page> {
  const context = await themed.context({ viewport: { width, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${themed.sites[theme].url}wrap.html`)
  return page
}

describe.each(['default', 'paper'] as const)('%s theme', (theme) => {
  it('wraps a long path in a sentence on a phone instead of widening the page', async () => {
    const page = await open(theme, 390)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBe(0)
    const right = await page.locator('.note-body p', { hasText: 'format file' }).evaluate((p) => p.getBoundingClientRect().right)
    expect(right).toBeLessThanOrEqual(390)
  })

  it('keeps a long code token in prose within the page on a phone', async () => {
    const page = await open(theme, 390)
    const box = await page.locator('.note-body p code', { hasText: TOKEN }).evaluate((c) => {
      const r = c.getBoundingClientRect()
      return { right: r.right, lines: c.getClientRects().length }
    })
    expect(box.right).toBeLessThanOrEqual(390)
    expect(box.lines).toBeGreaterThan(1)
  })

  it.each([1280, 390])('sizes a table column of short code to the code (%i px)', async (width) => {
    const page = await open(theme, width)
    for (const text of ['dim0', 'dim1', 'inferredDim']) {
      const code = page.locator('th code', { hasText: text })
      // One line: the code is not broken between its letters to narrow the column.
      const lines = await code.evaluate((c) => c.getClientRects().length)
      expect(lines, `${theme} ${width}px th \`${text}\``).toBe(1)
    }
  })
})
