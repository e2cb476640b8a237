/**
 * Docusaurus's `<Tabs>` in headless Chromium, in both themes: the panels
 * become tabs, the `default` one shown first; a click shows another; the
 * markdown in a panel is the page's.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveInBothThemes, type ThemedSites } from './helpers/themes.ts'

let themed: ThemedSites

beforeAll(async () => {
  themed = await serveInBothThemes({
    'slugwiki.toml': 'docusaurus = true\n',
    'index.md': '# Home\n',
    'install.mdx': [
      "import Tabs from '@theme/Tabs';",
      "import TabItem from '@theme/TabItem';",
      '',
      '# Install',
      '',
      '<Tabs groupId="pm">',
      '  <TabItem value="npm">',
      '',
      'Run `npm install`.',
      '',
      '  </TabItem>',
      '  <TabItem value="yarn" label="Yarn" default>',
      '',
      '- Run **`yarn add`**.',
      '',
      '  </TabItem>',
      '</Tabs>',
      '',
    ].join('\n'),
  }, 'slugwiki-docusaurus-tabs-')
})
afterAll(async () => {
  await themed?.close()
})

describe('Docusaurus tabs', () => {
  for (const theme of ['default', 'paper'] as const) {
    it(`show the default panel under a tab per panel, and another on a click (${theme} theme)`, async () => {
      const context = await themed.context({ viewport: { width: 1280, height: 900 } })
      const page: Page = await context.newPage()
      await page.goto(`${themed.sites[theme].url}install.html`)
      const tabs = page.getByRole('tab')
      expect(await tabs.allTextContents()).toEqual(['npm', 'Yarn'])
      expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true')
      const panels = page.locator('.code-group > .tab-panel')
      expect(await panels.nth(0).isVisible()).toBe(false)
      expect(await panels.nth(1).isVisible()).toBe(true)
      expect(await panels.nth(1).locator('li strong code').textContent()).toBe('yarn add')
      // The label is the tab's: not shown again inside the panel.
      expect(await panels.nth(1).locator('.tab-title').isVisible()).toBe(false)
      await tabs.nth(0).click()
      expect(await panels.nth(0).isVisible()).toBe(true)
      expect(await panels.nth(1).isVisible()).toBe(false)
      expect(await panels.nth(0).textContent()).toContain('Run npm install.')
    })
  }
})
