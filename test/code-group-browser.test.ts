/**
 * VitePress code groups and shiki's notations in headless Chromium, in both
 * themes and both schemes: the blocks of a group become tabs a reader picks
 * with the mouse or the keyboard; without JavaScript, on the print page and
 * printed, every block is there under its name; notated lines are marked
 * and copying gives the code without the notations or the removed lines.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axe } from './helpers/axe.ts'
import { serveInBothThemes, type ThemedSites } from './helpers/themes.ts'

const GROUP = [
  '::: code-group',
  '```c [kernel/rcu.c]',
  'void synchronize_rcu(void)',
  '{',
  '\twait_rcu_gp(call_rcu); // [!code focus]',
  '}',
  '```',
  '```go [rcu.go]',
  'func Synchronize() {',
  '\twaitGP() // [!code ++]',
  '}',
  '```',
  '```sh',
  'echo third',
  '```',
  ':::',
].join('\n')

const NOTATED = [
  '```js',
  'const removed = 1 // [!code --]',
  'const added = 2 // [!code ++]',
  'const kept = 3 // [!code highlight]',
  'throw new Error(kept) // [!code error]',
  'console.warn(added) // [!code warning]',
  '// [!code word:kept]',
  'return kept',
  '```',
].join('\n')

/** What the copy button must give for NOTATED: no notation comments, no removed line. */
const NOTATED_COPY = 'const added = 2\nconst kept = 3\nthrow new Error(kept)\nconsole.warn(added)\nreturn kept'

let themed: ThemedSites

beforeAll(async () => {
  themed = await serveInBothThemes({
    'index.md': '# Home\n\nSee [Groups](groups.md).\n',
    'groups.md': `# Groups\n\n${GROUP}\n\nAnd notations:\n\n${NOTATED}\n`,
    'diff.md': '# Diff\n\nThe only code of the page is notated.\n\n```c\nstatic int x; // [!code ++]\n```\n',
  }, 'slugwiki-code-group-')
})
afterAll(async () => {
  await themed?.close()
})

async function open(pathname: string, options: Parameters<Browser['newContext']>[0] = {}, theme: 'default' | 'paper' = 'default'): Promise<Page> {
  const context = await themed.context({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', ...options })
  const page = await context.newPage()
  const response = await page.goto(themed.sites[theme].url + pathname)
  expect(response?.status(), pathname).toBeLessThan(400)
  return page
}

const group = (page: Page) => page.locator('.code-group').first()
const panels = (page: Page) => group(page).locator(':scope > figure.code')

describe('code group', () => {
  it('shows the first block under a tab per block; a click on the second shows it and hides the first', async () => {
    const page = await open('groups.html')
    const tabs = page.getByRole('tab')
    expect(await tabs.allTextContents()).toEqual(['kernel/rcu.c', 'rcu.go', 'sh'])
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('true')
    expect(await panels(page).nth(0).isVisible()).toBe(true)
    expect(await panels(page).nth(1).isVisible()).toBe(false)
    await tabs.nth(1).click()
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true')
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('false')
    expect(await panels(page).nth(1).isVisible()).toBe(true)
    expect(await panels(page).nth(0).isVisible()).toBe(false)
    expect(await page.getByRole('tabpanel', { name: 'rcu.go' }).textContent()).toContain('func Synchronize()')
  })

  it('is chosen with the keyboard: Tab reaches the selected tab, arrows, Home and End move and select', async () => {
    const page = await open('groups.html')
    const tabs = page.getByRole('tab')
    await tabs.nth(0).focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('rcu.go')
    expect(await panels(page).nth(1).isVisible()).toBe(true)
    await page.keyboard.press('End')
    expect(await tabs.nth(2).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('ArrowRight')
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('ArrowLeft')
    expect(await tabs.nth(2).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Home')
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('true')
    // One tab stop for the list (roving tabindex); the next Tab goes into the shown block.
    expect(await tabs.evaluateAll((all) => all.map((t) => (t as HTMLElement).tabIndex))).toEqual([0, -1, -1])
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('figure')?.getAttribute('aria-labelledby'))).toBe(
      await tabs.nth(0).getAttribute('id'),
    )
  })

  it('without JavaScript, shows every block under its name', async () => {
    const page = await open('groups.html', { javaScriptEnabled: false })
    expect(await page.getByRole('tab').count()).toBe(0)
    for (let i = 0; i < 3; i++) expect(await panels(page).nth(i).isVisible()).toBe(true)
    expect(await group(page).locator('.code-title').allTextContents()).toEqual(['kernel/rcu.c', 'rcu.go', 'sh'])
  })

  it('prints every block under its name, and the print page stacks them', async () => {
    const page = await open('groups.html')
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.code-group-tabs').isVisible()).toBe(false)
    for (let i = 0; i < 3; i++) expect(await panels(page).nth(i).isVisible()).toBe(true)
    expect(await group(page).locator('.code-title').evaluateAll((all) => all.map((t) => (t as HTMLElement).offsetHeight > 0))).toEqual([true, true, true])
    // Printed, a focused block's other lines are sharp.
    await expect.poll(() => page.locator('.has-focused-lines .line').first().evaluate((el) => getComputedStyle(el).filter)).toBe('none')
    const print = await open('print.html')
    expect(await print.getByRole('tab').count()).toBe(0)
    for (let i = 0; i < 3; i++) expect(await panels(print).nth(i).isVisible()).toBe(true)
  })
})

describe('notations', () => {
  it('marks the lines and copies the code without notations or removed lines', async () => {
    const page = await open('groups.html')
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(themed.sites.default.url).origin })
    const figure = page.locator('figure.code').last()
    const lines = figure.locator('.line')
    expect(await lines.evaluateAll((all) => all.map((l) => l.className))).toEqual([
      'line diff remove',
      'line diff add',
      'line highlighted',
      'line highlighted error',
      'line highlighted warning',
      'line',
    ])
    expect(await lines.nth(0).evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"-"')
    expect(await lines.nth(1).evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"+"')
    // A word notation marks the word from its line on (here the line after it, the comment being alone on its own).
    expect(await figure.locator('.highlighted-word').allTextContents()).toEqual(['kept'])
    expect(await figure.locator('pre').textContent()).not.toContain('[!code')
    await figure.hover()
    await figure.locator('.copy-button').click()
    await expect.poll(() => figure.locator('.copy-button').textContent()).toBe('Copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(NOTATED_COPY)
  })

  it('colours a notated block as any other, and marks a warning line without the mdBook warning box', async () => {
    const page = await open('diff.html')
    const keyword = page.locator('figure.code .line > span', { hasText: /^static\b/ })
    expect(await keyword.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(207, 34, 46)')
    const groups = await open('groups.html')
    const warning = groups.locator('.line.warning')
    expect(await warning.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('none')
    expect(await warning.evaluate((el) => getComputedStyle(el).marginBottom)).toBe('0px')
  })

  it('blurs the unfocused lines of a focused block until the reader points at it or tabs into it', async () => {
    const page = await open('groups.html')
    const line = page.locator('.has-focused-lines .line:not(.focused)').first()
    expect(await line.evaluate((el) => getComputedStyle(el).filter)).toMatch(/^blur/)
    await page.locator('.has-focused-lines').focus()
    await expect.poll(() => line.evaluate((el) => getComputedStyle(el).filter)).toBe('none')
  })
})

describe.each(['default', 'paper'] as const)('accessibility, %s theme', (theme) => {
  it.each(['light', 'dark'] as const)('axe finds nothing serious on a page with a code group and notations, %s scheme', async (colorScheme) => {
    const page = await open('groups.html', { colorScheme }, theme)
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme)
    expect(await axe(page)).toEqual([])
    await page.getByRole('tab').nth(1).click()
    expect(await axe(page)).toEqual([])
  })
})
