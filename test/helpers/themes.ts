/**
 * A wiki built with both built-in themes, each served, and a browser whose
 * contexts close with it: the setup of the browser tests that check the
 * default and paper themes alike.
 */
import path from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { expect } from 'vitest'
import { build } from '../../src/build.ts'
import { launchBrowser, serveSite, type ServedSite } from './browser.ts'
import { tempSite } from './site.ts'

export type BuiltinTheme = 'default' | 'paper'

export interface ThemedSites {
  sites: Record<BuiltinTheme, ServedSite>
  /** A new browser context, closed by `close`. */
  context(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>
  close(): Promise<void>
}

/** Build `files` (paths → markdown) with each built-in theme and serve each build. */
export async function serveInBothThemes(files: Record<string, string>, prefix: string): Promise<ThemedSites> {
  const wiki = tempSite(files, prefix)
  const sites: Partial<Record<BuiltinTheme, ServedSite>> = {}
  const contexts: BrowserContext[] = []
  let browser: Browser | undefined
  const close = async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    for (const site of Object.values(sites)) await site.close()
    wiki.cleanup()
  }
  try {
    for (const theme of ['default', 'paper'] as const) {
      const out = path.join(wiki.root, theme)
      expect((await build({ src: wiki.src, out, theme, quiet: true, cache: false })).written).toBe(true)
      sites[theme] = await serveSite(out)
    }
    browser = await launchBrowser()
  } catch (error) {
    await close()
    throw error
  }
  const started = browser
  return {
    sites: sites as Record<BuiltinTheme, ServedSite>,
    async context(options) {
      const context = await started.newContext(options)
      contexts.push(context)
      return context
    },
    close,
  }
}
