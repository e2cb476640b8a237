/**
 * A code theme's font styles (one-light and material-theme write comments in
 * italics; material-theme also `return`) show in the scheme they belong to:
 * the code stylesheet gives them per scheme as shiki's custom properties,
 * which the theme's CSS must apply, with or without JavaScript, and printed.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveInBothThemes, type ThemedSites } from './helpers/themes.ts'

let themed: ThemedSites

beforeAll(async () => {
  themed = await serveInBothThemes(
    {
      'slugwiki.toml': 'light-theme = "one-light"\ndark-theme = "material-theme"\n',
      'index.md': '# Code\n\n```c\n/* c */ int main(void) { return 0; }\n```\n',
    },
    'slugwiki-code-font-style-',
  )
})
afterAll(async () => {
  await themed?.close()
})

/** The computed font style and weight of the token spans holding each of `words`. */
function stylesOf(page: Page, words: string[]) {
  return page.evaluate((words) => {
    const spans = [...document.querySelectorAll<HTMLElement>('.shiki .line span')]
    return Object.fromEntries(
      words.map((word) => {
        const span = spans.find((s) => s.textContent?.trim() === word)!
        const style = getComputedStyle(span)
        return [word, `${style.fontStyle} ${style.fontWeight}`]
      }),
    )
  }, words)
}

const WORDS = ['/* c */', 'int', 'return']

describe('a code theme’s italics', () => {
  for (const theme of ['default', 'paper'] as const) {
    it(`show in the light scheme as one-light has them, in the dark one as material-theme has them (${theme} theme)`, async () => {
      for (const [colorScheme, expected] of [
        ['light', { '/* c */': 'italic 400', int: 'normal 400', return: 'normal 400' }],
        ['dark', { '/* c */': 'italic 400', int: 'normal 400', return: 'italic 400' }],
      ] as const) {
        const page = await (await themed.context({ colorScheme })).newPage()
        await page.goto(themed.sites[theme].url)
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme)
        expect(await stylesOf(page, WORDS), colorScheme).toEqual(expected)
        // The scheme switched by the reader, not the system.
        await page.evaluate((next) => (document.documentElement.dataset.theme = next), colorScheme === 'light' ? 'dark' : 'light')
        expect((await stylesOf(page, ['return'])).return, `switched from ${colorScheme}`).toBe(colorScheme === 'light' ? 'italic 400' : 'normal 400')
      }
    })

    it(`follow the system's scheme without JavaScript, and print as the light scheme (${theme} theme)`, async () => {
      const page = await (await themed.context({ colorScheme: 'dark', javaScriptEnabled: false })).newPage()
      await page.goto(themed.sites[theme].url)
      expect(await page.evaluate(() => document.documentElement.dataset.theme ?? 'none')).toBe('none')
      expect((await stylesOf(page, ['return'])).return).toBe('italic 400')
      await page.emulateMedia({ media: 'print' })
      expect((await stylesOf(page, ['return'])).return).toBe('normal 400')
    })
  }
})
