/**
 * The dev server is secure by default: only the built site's files, only for
 * localhost names, only its own origin on the reload channel, no CORS.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { hostAllowed, originAllowed } from '../../src/dev/server.ts'
import { listen, startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture
// Made at load time: the table of hostile paths below names it.
const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-outside-'))
const SECRET = 'secret-outside-the-wiki'

/** A raw GET: the path goes on the wire exactly as written (fetch would normalise it). */
function rawGet(port: number, target: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, method: 'GET', headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  fs.writeFileSync(path.join(outside, 'secret.txt'), SECRET)
  f = await startFixture('mdbook', {}, (dir) => {
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'src/leak.txt'))
    fs.symlinkSync(outside, path.join(dir, 'src/leakdir'))
  })
})
afterAll(async () => {
  await f?.close()
  fs.rmSync(outside, { recursive: true, force: true })
})

describe('hostile paths', () => {
  const targets = [
    '/../package.json',
    '/book/../package.json',
    '/book/../../package.json',
    '/%2e%2e/package.json',
    '/book/%2e%2e/%2e%2e/package.json',
    '/book/..%2fbook.toml',
    '/book/..%2f..%2fpackage.json',
    '/book/%2e%2e%2fbook.toml',
    '/book/index.html%00.txt',
    '/book/%00',
    '/book/..\\book.toml',
    '/book/%5c..%5cbook.toml',
    '/etc/passwd',
    '//etc/passwd',
    '/book//etc/passwd',
    '/book/SUMMARY.md',
    '/book/kernel/rcu.md',
    '/book.toml',
    '/book/../book.toml',
    '/book/leak.txt',
    '/book/leakdir/secret.txt',
    `/book/${encodeURIComponent(path.join(outside, 'secret.txt'))}`,
    `/book${path.join(outside, 'secret.txt')}`,
  ]
  it.each(targets)('%s → 403 or 404, never the file', async (target) => {
    const res = await rawGet(f.dev.port, target)
    expect([403, 404]).toContain(res.status)
    expect(res.body).not.toContain(SECRET)
    expect(res.body).not.toContain('"name": "slugwiki"')
    expect(res.body).not.toContain('[book]')
    expect(res.body).not.toContain('# Summary')
  })

  it('refuses methods other than GET and HEAD', async () => {
    const res = await fetch(new URL('index.html', f.dev.url), { method: 'POST', body: 'x' })
    expect(res.status).toBe(405)
  })
})

describe('Host and Origin', () => {
  it('answers localhost names and IPs, refuses a foreign Host (DNS rebinding)', async () => {
    expect((await rawGet(f.dev.port, '/book/', { host: `localhost:${f.dev.port}` })).status).toBe(200)
    expect((await rawGet(f.dev.port, '/book/', { host: `127.0.0.1:${f.dev.port}` })).status).toBe(200)
    const foreign = await rawGet(f.dev.port, '/book/', { host: `evil.example:${f.dev.port}` })
    expect(foreign.status).toBe(403)
    expect(foreign.body).not.toContain('<html')
  })

  it('sends no CORS headers, even when asked cross-origin', async () => {
    const res = await rawGet(f.dev.port, '/book/', { origin: 'http://evil.example' })
    expect(res.status).toBe(200)
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
  })

  it('accepts the reload socket from its own origin and refuses a foreign Origin or Host', async () => {
    const own = await listen(f.dev, 'index.html', { origin: new URL(f.dev.url).origin })
    expect((await own.next('errors')).errors).toEqual([])
    own.close()
    const refused = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${f.dev.port}/book/_slugwiki/__dev/ws?path=/book/`, { headers })
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode!))
        socket.on('open', () => reject(new Error('socket opened')))
        socket.on('error', () => {})
      })
    expect(await refused({ origin: 'http://evil.example' })).toBe(403)
    expect(await refused({ origin: `http://evil.example:${f.dev.port}` })).toBe(403)
    expect(await refused({ host: 'evil.example', origin: 'http://evil.example' })).toBe(403)
  })
})

describe('hostAllowed and originAllowed', () => {
  it.each([
    ['localhost:4000', '127.0.0.1', true],
    ['LOCALHOST', '127.0.0.1', true],
    ['wiki.localhost:4000', '127.0.0.1', true],
    ['127.0.0.1:4000', '127.0.0.1', true],
    ['[::1]:4000', '127.0.0.1', true],
    ['192.168.1.20:4000', '0.0.0.0', true],
    ['devbox:4000', 'devbox', true],
    ['devbox:4000', '127.0.0.1', false],
    ['evil.example', '127.0.0.1', false],
    ['localhost.evil.example', '127.0.0.1', false],
    [undefined, '127.0.0.1', false],
  ])('Host %s bound to %s → %s', (host, bound, allowed) => {
    expect(hostAllowed(host, bound)).toBe(allowed)
  })

  it('wants the Origin to be the page’s own host', () => {
    expect(originAllowed(undefined, 'localhost:4000', '127.0.0.1')).toBe(true)
    expect(originAllowed('http://localhost:4000', 'localhost:4000', '127.0.0.1')).toBe(true)
    expect(originAllowed('http://localhost:4001', 'localhost:4000', '127.0.0.1')).toBe(false)
    expect(originAllowed('http://evil.example', 'localhost:4000', '127.0.0.1')).toBe(false)
    expect(originAllowed('null', 'localhost:4000', '127.0.0.1')).toBe(false)
    expect(originAllowed('file://', 'localhost:4000', '127.0.0.1')).toBe(false)
  })
})
