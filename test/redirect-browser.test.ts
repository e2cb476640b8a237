/**
 * Redirect pages in headless Chromium, in both themes: a reader arriving at an
 * old URL with a `#fragment` lands on that heading of the new page (a meta
 * refresh alone drops it), unless the redirect names a heading of its own or
 * mdBook's fragment map sends that fragment elsewhere; and a redirect page is
 * only what it takes to send the reader on, no sidebar.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveInBothThemes, type ThemedSites } from './helpers/themes.ts'

let themed: ThemedSites

beforeAll(async () => {
  themed = await serveInBothThemes(
    {
      'book.toml': [
        '[book]',
        'title = "Redirects"',
        '',
        '[output.html.redirect]',
        '"/old.html" = "other.html"',
        '"/moved.html" = "other.html#deep-part"',
        '"/mapped.html" = "other.html"',
        '"/mapped.html#legacy" = "other.html#second-part"',
        '',
      ].join('\n'),
      'src/SUMMARY.md': '# Summary\n\n- [Home](index.md)\n- [Other](other.md)\n',
      'src/index.md': '# Home\n',
      'src/other.md': `# Other\n\n${'Filler.\n\n'.repeat(80)}## Deep part\n\n${'Filler.\n\n'.repeat(80)}## Second part\n\n${'Filler.\n\n'.repeat(80)}`,
    },
    'slugwiki-redirect-browser-',
  )
})
afterAll(async () => {
  await themed?.close()
})

async function visit(theme: 'default' | 'paper', rel: string, expected: string): Promise<Page> {
  const context = await themed.context({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' })
  const page = await context.newPage()
  const base = themed.sites[theme].url
  await page.goto(`${base}${rel}`)
  await page.waitForURL(`${base}${expected}`)
  return page
}

describe.each(['default', 'paper'] as const)('a redirect page in the %s theme', (theme) => {
  it('keeps the reader’s #fragment when the redirect names none', async () => {
    const page = await visit(theme, 'old.html#deep-part', 'other.html#deep-part')
    await expect.poll(() => page.locator('h2#deep-part').evaluate((e) => Math.round(e.getBoundingClientRect().top) < 200)).toBe(true)
    await visit(theme, 'old.html', 'other.html')
  })

  it('goes to the heading a redirect names, whatever the reader came with', async () => {
    await visit(theme, 'moved.html', 'other.html#deep-part')
    await visit(theme, 'moved.html#second-part', 'other.html#deep-part')
  })

  it('sends a fragment mdBook’s map names where the map says, and keeps any other', async () => {
    await visit(theme, 'mapped.html#legacy', 'other.html#second-part')
    await visit(theme, 'mapped.html#deep-part', 'other.html#deep-part')
  })

  it('has no sidebar', async () => {
    const response = await fetch(`${themed.sites[theme].url}old.html`)
    const html = await response.text()
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=other.html">')
    expect(html).not.toContain('class="sidebar')
    expect(html).not.toContain('id="sidebar"')
  })
})
