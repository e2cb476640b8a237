/**
 * MkDocs's content tabs (`=== "Cargo"`) holding a code block, in headless
 * Chromium: the tab bar and its panel share their edges at a phone's width
 * (the bar used to reach the screen's edges while the panel kept the text's
 * margin), and the panel's code sits at the panel's top, not below an empty
 * band (aya-rs/book's install tabs).
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveInBothThemes, type ThemedSites } from './helpers/themes.ts'

let themed: ThemedSites

beforeAll(async () => {
  themed = await serveInBothThemes({
    'mkdocs.yml': 'site_name: Aya\nmarkdown_extensions:\n  - pymdownx.superfences\n  - pymdownx.tabbed:\n      alternate_style: true\n',
    'docs/index.md': '# Aya\n\nInstall it.\n\n=== "Cargo"\n\n    ```console\n    $ cargo install bpf-linker\n    ```\n\n=== "Nix"\n\n    ```console\n    $ nix-shell -p bpf-linker\n    ```\n',
  }, 'slugwiki-mkdocs-tabs-')
})
afterAll(async () => {
  await themed?.close()
})

describe('MkDocs content tabs holding code', () => {
  for (const theme of ['default', 'paper'] as const) {
    for (const width of [390, 1280]) {
      it(`line the tab bar up with its panel, the code at the panel's top (${theme} theme, ${width} px)`, async () => {
        const context = await themed.context({ viewport: { width, height: 900 } })
        const page: Page = await context.newPage()
        await page.goto(`${themed.sites[theme].url}index.html`)
        const bar = (await page.getByRole('tablist').boundingBox())!
        const panel = (await page.locator('.code-group > .tab-panel:visible').boundingBox())!
        const code = (await page.locator('.code-group > .tab-panel:visible figure.code').boundingBox())!
        expect(Math.abs(bar.x - panel.x)).toBeLessThanOrEqual(1)
        expect(Math.abs(bar.x + bar.width - (panel.x + panel.width))).toBeLessThanOrEqual(1)
        expect(code.y - panel.y).toBeLessThanOrEqual(17)
        await context.close()
      })
    }
  }
})
