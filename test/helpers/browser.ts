/**
 * Browser-test plumbing: serve a built site with sirv on a random loopback
 * port (under its base path, 404.html for unknown URLs, as a static host
 * would), and drive Debian's Chromium through playwright-core.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import sirv from 'sirv'

/** The only browser the tests use: Debian's, never a downloaded build. */
export const CHROMIUM = '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Make sure Chromium is there: install Debian's package when running as
 * root, else fail with what to install. Browser tests never skip silently.
 */
export function ensureChromium(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  if (fs.existsSync(CHROMIUM)) return
  if (process.getuid?.() !== 0) {
    throw new Error(`Browser tests need ${CHROMIUM}: install Debian's chromium package (sudo apt-get install -y chromium), then run npm test again.`)
  }
  log(`${CHROMIUM} is missing: installing Debian's chromium package with apt-get…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env })
    if (run.status !== 0) throw new Error(`\`apt-get ${args.join(' ')}\` failed (exit ${run.status}); install chromium by hand to run the browser tests.`)
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing.`)
}

export interface ServedSite {
  /** The site's root URL, base path included, e.g. `http://127.0.0.1:40123/book/`. */
  url: string
  close(): Promise<void>
}

/** Serve `dir` under `base` (default `/`) on a free loopback port. */
export async function serveSite(dir: string, base = '/'): Promise<ServedSite> {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/')
  const notFound = path.join(dir, '404.html')
  const send404 = (res: http.ServerResponse) => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
    res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'Not found')
  }
  const files = sirv(dir, { dev: true, dotfiles: false, onNoMatch: (_req, res) => send404(res) })
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/'
    if (!url.startsWith(prefix)) return send404(res)
    req.url = `/${url.slice(prefix.length)}`
    files(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    // The test is done with the server: connections a still-open browser context keeps (or has a
    // request in flight on) are cut, or `close` would wait for them (CI once waited out a 120 s hook).
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** Launch headless Chromium; playwright gives each launch a fresh temporary profile and removes it on close. */
export async function launchBrowser(): Promise<Browser> {
  ensureChromium()
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
}
