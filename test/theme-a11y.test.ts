/**
 * The real wiki (`content/`) in headless Chromium: axe-core finds no serious
 * or critical accessibility violation on the home page, a long note, a
 * section page and the 404 page, in both colour schemes; screenshots of the
 * home page and the cgroup note go to test/artifacts/ for a person to look at.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { axe } from './helpers/axe.ts'
import { launchBrowser, serveSite, type ServedSite } from './helpers/browser.ts'
import { projectRoot } from './helpers/cli.ts'

/** Where screenshots go (git-ignored; named in the README). */
export const ARTIFACTS = path.join(projectRoot, 'test/artifacts')

let tmp: string
let site: ServedSite
let browser: Browser

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-a11y-'))
  const result = await build({ src: path.join(projectRoot, 'content'), out: path.join(tmp, 'out'), quiet: true })
  expect(result.written).toBe(true)
  site = await serveSite(result.config.out, result.config.base)
  browser = await launchBrowser()
  fs.mkdirSync(ARTIFACTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

type Scheme = 'light' | 'dark'

async function open(pathname: string, scheme: Scheme, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 })
  const page = await context.newPage()
  await page.goto(site.url + pathname)
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme)
  return page
}

const PAGES = [
  ['home page', ''],
  ['long note', 'kernel-mm/rcu.html'],
  ['section page', 'kernel-mm/'],
  ['404 page', 'no/such/page.html'],
] as const

describe.each(['light', 'dark'] as const)('accessibility, %s scheme', (scheme) => {
  it.each(PAGES)('axe finds nothing serious on the %s', async (_name, pathname) => {
    const page = await open(pathname, scheme)
    expect(await axe(page)).toEqual([])
    await page.context().close()
  })

  it('axe finds nothing serious with call traces unfolded, nor in the open phone drawer', async () => {
    const page = await open('kernel-mm/rcu.html', scheme)
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)))
    expect(await axe(page)).toEqual([])
    await page.context().close()
    const phone = await open('kernel-mm/rcu.html', scheme, { width: 390, height: 844 })
    await phone.locator('.nav-toggle').click()
    await phone.locator('#sidebar').waitFor({ state: 'visible' })
    expect(await axe(phone)).toEqual([])
    await phone.context().close()
  })
})

describe('screenshots in test/artifacts/', () => {
  it.each(['light', 'dark'] as const)('home page and cgroup note, %s', async (scheme) => {
    for (const [name, pathname] of [['home', ''], ['cgroup', 'kernel-mm/cgroup.html']]) {
      const page = await open(pathname!, scheme)
      const file = path.join(ARTIFACTS, `${name}-${scheme}.png`)
      await page.screenshot({ path: file })
      expect(fs.statSync(file).size).toBeGreaterThan(10_000)
      await page.context().close()
    }
    const phone = await open('kernel-mm/cgroup.html', scheme, { width: 390, height: 844 })
    await phone.screenshot({ path: path.join(ARTIFACTS, `cgroup-phone-${scheme}.png`) })
    await phone.locator('.nav-toggle').click()
    await phone.waitForTimeout(300)
    await phone.screenshot({ path: path.join(ARTIFACTS, `drawer-phone-${scheme}.png`) })
    await phone.context().close()
  })
})
