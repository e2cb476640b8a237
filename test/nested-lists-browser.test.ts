/**
 * Nested lists as a reader sees them in headless Chromium with both built-in
 * themes: an item after one holding a sublist sits as close to it as any
 * other item does, as GitHub and mdBook show a list. The rustc-dev-guide's
 * mdbook-toc tables of contents nest every chapter's sections so, and a
 * sublist carrying a paragraph's bottom margin opened a gap before each
 * next section.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveInBothThemes, type ThemedSites } from './helpers/themes.ts'

const NOTE = ['# Contribution Procedures', '', '- New Features', '  - Breaking Changes', '  - Major Changes', '- Pull Requests', '- Writing Documentation', ''].join('\n')

let themed: ThemedSites

beforeAll(async () => {
  themed = await serveInBothThemes({ 'README.md': '# Home\n', 'lists.md': NOTE }, 'slugwiki-lists-')
})
afterAll(async () => {
  await themed?.close()
})

async function open(theme: 'default' | 'paper'): Promise<Page> {
  const context = await themed.context({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${themed.sites[theme].url}lists.html`)
  return page
}

describe.each(['default', 'paper'] as const)('%s theme', (theme) => {
  it('spaces the item after a sublist as it spaces any other item', async () => {
    const page = await open(theme)
    const gaps = await page.evaluate(() => {
      const items = [...document.querySelectorAll('.note-body > ul > li')]
      const box = (i: number) => items[i]!.getBoundingClientRect()
      return { afterSublist: box(1).top - box(0).bottom, afterItem: box(2).top - box(1).bottom }
    })
    expect(gaps.afterSublist).toBeCloseTo(gaps.afterItem, 0)
  })
})
