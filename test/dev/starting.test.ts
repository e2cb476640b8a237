/**
 * The dev server listens before its first build, which takes a minute on a
 * big wiki without a cache: a browser opened meanwhile is told the site is
 * being built (how far, in the wiki's language) and reloads into the page it
 * asked for once it is; a taken port is said before any note is compiled.
 */
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { buildingPage, PortInUseError } from '../../src/dev/server.ts'
import { wordsFor } from '../../src/words/index.ts'
import { launchBrowser } from '../helpers/browser.ts'
import WebSocket from 'ws'
import { startFixture } from '../helpers/dev.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('before the first build is done', () => {
  it('answers every page with the building page and the reload client, then serves the site', async () => {
    const seen: Array<{ status: number; retry: string | null; body: string }> = []
    let client: Response | undefined
    let root: Response | undefined
    let notes = 0
    const told: string[] = []
    let socket: WebSocket | undefined
    const f = await startFixture('mdbook', {
      onProgress: (_done, total) => (notes = total),
      async onListening(url) {
        // The reload client of a building page, connected while the build runs.
        const ws = new URL('_slugwiki/__dev/ws', url)
        ws.protocol = 'ws:'
        ws.searchParams.set('path', new URL('kernel/rcu.html', url).pathname)
        ws.searchParams.set('building', '')
        socket = new WebSocket(ws)
        socket.on('message', (data) => told.push((JSON.parse(String(data)) as { type: string }).type))
        await new Promise((resolve) => socket!.once('message', resolve))
        for (const rel of ['', 'kernel/rcu.html', 'no-such-page.html']) {
          const res = await fetch(`${url}${rel}`)
          seen.push({ status: res.status, retry: res.headers.get('retry-after'), body: await res.text() })
        }
        client = await fetch(`${url}_slugwiki/__dev/reload.js`)
        root = await fetch(new URL('/', url), { redirect: 'manual' })
      },
    })
    try {
      // No errors while building; the reload when built.
      await expect.poll(() => told).toEqual(['errors', 'reload'])
      socket!.close()
      for (const page of seen) {
        expect(page.status).toBe(503)
        expect(page.retry).toBe('1')
        expect(page.body).toContain('<title>Building the site…</title>')
        expect(page.body).toContain('This page reloads by itself when the site is ready.')
        expect(page.body).toContain('<script src="/book/_slugwiki/__dev/reload.js" defer></script>')
        // Nothing of the wiki yet: no note's text.
        expect(page.body).not.toContain('RCU')
      }
      expect(client!.status).toBe(200)
      expect(await client!.text()).toContain('new WebSocket')
      // The base path's redirect does not wait for the site.
      expect(root!.status).toBe(302)
      expect(root!.headers.get('location')).toBe('/book/')
      expect(notes).toBeGreaterThan(0)
      const rcu = await f.get('kernel/rcu.html')
      expect(rcu.status).toBe(200)
      expect(await rcu.text()).toContain('RCU')
    } finally {
      await f.close()
    }
  })

  it('shows the notes done so far, in the wiki’s language', () => {
    const fr = buildingPage({ language: 'fr', words: wordsFor('fr') }, { done: 3, total: 10 }, '/_slugwiki/__dev/reload.js')
    expect(fr).toContain('<html lang="fr" data-slugwiki-building')
    expect(fr).toContain('<h1>Construction du site…</h1>')
    expect(fr).toContain('<progress max="10" value="3"></progress> 3 notes sur 10')
    // Before the notes are counted there is no count to show.
    const counting = buildingPage(undefined, { done: 0, total: 0 }, '/r.js')
    expect(counting).toContain('<h1>Building the site…</h1>')
    expect(counting).not.toContain('<progress')
  })

  it('reloads a browser showing the building page into the page it asked for', async () => {
    const page = await browser.newPage()
    try {
      let shown = ''
      const f = await startFixture('mdbook', {
        async onListening(url) {
          await page.goto(`${url}kernel/rcu.html`)
          // Its reload socket may open before the build ends or after: either way the page comes.
          shown = await page.locator('h1').innerText()
        },
      })
      try {
        expect(shown).toBe('Building the site…')
        await page.waitForURL(/kernel\/rcu\.html$/)
        await page.locator('main h1, article h1').first().waitFor()
        await expect.poll(() => page.title(), { timeout: 15_000 }).not.toBe('Building the site…')
        expect(await page.locator('body').innerText()).toContain('RCU')
      } finally {
        await f.close()
      }
    } finally {
      await page.close()
    }
  })

  it('reloads a building page whose socket opens only after the build is done', async () => {
    const f = await startFixture('mdbook')
    const first = async (building: boolean) => {
      const url = new URL('_slugwiki/__dev/ws', f.dev.url)
      url.protocol = 'ws:'
      url.searchParams.set('path', new URL('kernel/rcu.html', f.dev.url).pathname)
      // As the reload client of the building page connects (reload-client.js).
      if (building) url.searchParams.set('building', '')
      const socket = new WebSocket(url)
      try {
        return await new Promise<{ type: string }>((resolve, reject) => {
          socket.once('message', (data) => resolve(JSON.parse(String(data)) as { type: string }))
          socket.once('error', reject)
        })
      } finally {
        socket.close()
      }
    }
    try {
      expect((await first(true)).type).toBe('reload')
      // A page of the site is told its errors (none), as before.
      expect((await first(false)).type).toBe('errors')
    } finally {
      await f.close()
    }
  })

  it('rebuilds a note saved while the first build runs, once it is done', async () => {
    let saved = false
    let file = ''
    const f = await startFixture(
      'mdbook',
      {
        // Told after a note is compiled: every note has been read by then, so the build has the old text.
        onProgress() {
          if (saved) return
          saved = true
          fs.appendFileSync(file, '\nSaved while the site was being built.\n')
        },
      },
      (dir) => (file = path.join(dir, 'src/kernel/rcu.md')),
    )
    try {
      expect(saved).toBe(true)
      await expect.poll(async () => (await f.get('kernel/rcu.html')).text(), { timeout: 20_000 }).toContain('Saved while the site was being built.')
      expect(f.lines.some((line) => line.startsWith('rebuilt kernel/rcu.md'))).toBe(true)
    } finally {
      await f.close()
    }
  })

  it('says a taken port before compiling any note', async () => {
    const taken = net.createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as net.AddressInfo).port
    let progressed = false
    let listening = false
    try {
      await expect(
        startFixture('mdbook', { port, strictPort: true, onProgress: () => (progressed = true), onListening: () => void (listening = true) }),
      ).rejects.toBeInstanceOf(PortInUseError)
      expect(progressed).toBe(false)
      expect(listening).toBe(false)
    } finally {
      taken.close()
    }
  })
})
