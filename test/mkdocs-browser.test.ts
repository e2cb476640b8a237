/**
 * An MkDocs site's content tabs and collapsible admonitions in headless
 * Chromium, in both themes: a tab set is the theme's code group, its panels
 * any markdown, `===+` the tab shown first; `???` is closed, `???+` open.
 * MkDocs's directory URLs (`/other/#deep-part`) lead to the page, fragment kept.
 * Material's code annotations are numbered links to the list under the block,
 * which Copy leaves out.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveInBothThemes, type ThemedSites } from './helpers/themes.ts'

const TABS = ['=== "C"', '    ```c', '    int x;', '    ```', '', '===+ "Prose"', '    A paragraph, *shown first*.', '', '=== "List"', '    - one', '    - two', ''].join('\n')
const FOLDS = ['??? note "Closed"', '    Hidden body.', '', '???+ tip "Open"', '    Shown body.', ''].join('\n')

const ANNOTATED = ['``` { .yaml .annotate }', 'env: dev  # (1)!', 'name: x # see (2)', '```', '', '1. The environment.', '2. The name.', ''].join('\n')

let themed: ThemedSites

beforeAll(async () => {
  themed = await serveInBothThemes(
    {
      'mkdocs.yml': 'site_name: Tabs\nnav:\n  - index.md\n  - Links:\n      - Kernel: https://kernel.org/\n      - other.md\nmarkdown_extensions:\n  - admonition\n  - pymdownx.details\n  - pymdownx.superfences\n  - pymdownx.tabbed:\n      alternate_style: true\n',
      'docs/index.md': `# Home\n\n${TABS}\n${FOLDS}\n!!! warning "Careful"\n    Warned body.\n`,
      'docs/other.md': '# Other\n\n## Deep part\n',
      'docs/annotated.md': `# Annotated\n\n${ANNOTATED}`,
    },
    'slugwiki-mkdocs-browser-',
  )
})
afterAll(async () => {
  await themed?.close()
})

async function open(theme: 'default' | 'paper', options: { javaScriptEnabled?: boolean } = {}, file = 'index.html'): Promise<Page> {
  const context = await themed.context({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', ...options })
  const page = await context.newPage()
  const response = await page.goto(`${themed.sites[theme].url}${file}`)
  expect(response?.status()).toBeLessThan(400)
  return page
}

describe.each(['default', 'paper'] as const)('MkDocs blocks in the %s theme', (theme) => {
  it('makes a tab per content tab, shows the `===+` one first, and switches on a click', async () => {
    const page = await open(theme)
    const tabs = page.getByRole('tab')
    expect(await tabs.allTextContents()).toEqual(['C', 'Prose', 'List'])
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true')
    const panels = page.locator('.code-group > .tab-panel')
    expect(await panels.nth(1).isVisible()).toBe(true)
    expect(await panels.nth(0).isVisible()).toBe(false)
    // The title is the tab's, not shown twice.
    expect(await panels.nth(1).locator('.tab-title').isVisible()).toBe(false)
    await tabs.nth(2).click()
    expect(await panels.nth(2).isVisible()).toBe(true)
    expect(await page.getByRole('tabpanel', { name: 'List' }).locator('li').allTextContents()).toEqual(['one', 'two'])
  })

  it('without JavaScript, shows every tab under its title', async () => {
    const page = await open(theme, { javaScriptEnabled: false })
    expect(await page.getByRole('tab').count()).toBe(0)
    expect(await page.locator('.tab-panel > .tab-title').evaluateAll((all) => all.map((t) => (t as HTMLElement).offsetHeight > 0 && t.textContent))).toEqual(['C', 'Prose', 'List'])
  })

  it("shows nav's links out of the site, in a section the sidebar's script opens too", async () => {
    const page = await open(theme)
    const section = page.locator('#sidebar li:has(> .chapter-row > .folder) > .chapter-row .fold')
    await section.click()
    const link = page.locator('#sidebar a.external')
    await link.waitFor()
    expect([await link.textContent(), await link.getAttribute('href')]).toEqual(['Kernel', 'https://kernel.org/'])
    // On the page of the section, the server renders it.
    const other = await open(theme)
    await other.goto(`${themed.sites[theme].url}other.html`)
    expect(await other.locator('#sidebar a.external').getAttribute('href')).toBe('https://kernel.org/')
  })

  it('folds `???` closed and `???+` open', async () => {
    const page = await open(theme)
    expect(await page.getByText('Hidden body.').isVisible()).toBe(false)
    expect(await page.getByText('Shown body.').isVisible()).toBe(true)
    await page.getByText('Closed').click()
    expect(await page.getByText('Hidden body.').isVisible()).toBe(true)
  })

  it("draws a `warning` admonition as a callout, without mdBook's `.warning` box and its ⓘ", async () => {
    const page = await open(theme)
    const callout = page.locator('.callout.warning')
    expect(await callout.count()).toBe(1)
    expect(await callout.evaluate((e) => getComputedStyle(e, '::before').content)).toBe('none')
  })

  it("shows Material's code annotations as numbered links to the list under the block, which Copy leaves out", async () => {
    const page = await open(theme, {}, 'annotated.html')
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(themed.sites[theme].url).origin })
    const marker = page.getByRole('link', { name: 'Annotation 1' })
    expect(await marker.isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: 'Annotation 2' }).textContent()).toBe('2')
    // A disc: its own colours, not the code's.
    const [colour, background] = await marker.evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor])
    expect(background).not.toBe('rgba(0, 0, 0, 0)')
    expect(colour).not.toBe(background)
    const item = page.locator('ol.code-annotations > li').first()
    expect(await item.isVisible()).toBe(true)
    // The list's own numbers, as discs; no list marker besides.
    expect(await item.evaluate((e) => getComputedStyle(e, '::before').content)).toBe('counter(annotation)')
    await marker.click()
    await page.waitForURL(/#code-1-annotation-1$/)
    expect(await page.locator('li:target').textContent()).toBe('The environment.')
    const figure = page.locator('figure.code')
    await figure.hover()
    await figure.locator('.copy-button').click()
    await expect.poll(() => figure.locator('.copy-button').textContent()).toBe('Copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('env: dev  \nname: x # see ')
  })

  it("sends a reader of MkDocs's directory URL to the page, the #fragment kept", async () => {
    const page = await open(theme)
    const base = themed.sites[theme].url
    // `/other/` served as GitHub Pages and the dev server serve a folder, from its index.html (sirv tries other.html first).
    await page.route(`${base}other/`, async (route) => route.fulfill({ response: await route.fetch({ url: `${base}other/index.html` }) }))
    await page.goto(`${base}other/#deep-part`)
    await page.waitForURL(`${base}other.html#deep-part`)
    expect(await page.locator('h2#deep-part').isVisible()).toBe(true)
    await page.goto(`${base}other/`)
    await page.waitForURL(`${base}other.html`)
  })
})
