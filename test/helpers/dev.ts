/** Run the dev server on a temporary copy of a fixture wiki, and listen to it as a browser would. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import WebSocket from 'ws'
import type { RebuildResult } from '../../src/dev/rebuild.ts'
import { startDev, type DevHandle, type DevOptions } from '../../src/dev/session.ts'
import { projectRoot } from './cli.ts'

export interface DevFixture {
  /** The temporary book folder. */
  dir: string
  /** Its notes folder. */
  src: string
  dev: DevHandle
  /** Every terminal line so far. */
  lines: string[]
  rebuilds: RebuildResult[]
  /** Write a file under the notes folder. */
  write(rel: string, text: string): void
  /** The next rebuild (started after this call). */
  nextRebuild(): Promise<RebuildResult>
  /**
   * Wait for the rebuilds the latest changes cause: at least one since
   * `since` (unless `none`), then none running or waiting for `quietMs`.
   * Returns how many came since `since`.
   */
  settle(since: number, options?: { quietMs?: number; none?: boolean }): Promise<number>
  /** GET a page under the site's base. */
  get(rel: string): Promise<Response>
  close(): Promise<void>
}

/** Copy `test/sites/<site>` (or a folder made by `prepare`) and start the dev server on it, on a random port. */
export async function startFixture(site: string, options: Partial<DevOptions> = {}, prepare?: (dir: string) => void): Promise<DevFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-dev-'))
  fs.cpSync(path.join(projectRoot, 'test/sites', site), dir, { recursive: true })
  prepare?.(dir)
  const src = fs.existsSync(path.join(dir, 'src')) ? path.join(dir, 'src') : dir
  const lines: string[] = []
  const rebuilds: RebuildResult[] = []
  const dev = await startDev({ src: dir, port: 0, log: (line) => lines.push(line), ...options })
  const waiting = new Set<(r: RebuildResult) => void>()
  dev.onRebuild((result) => {
    rebuilds.push(result)
    for (const resolve of waiting) resolve(result)
    waiting.clear()
  })
  return {
    dir,
    src,
    dev,
    lines,
    rebuilds,
    write: (rel, text) => {
      fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true })
      fs.writeFileSync(path.join(src, rel), text)
    },
    nextRebuild: () => new Promise((resolve) => waiting.add(resolve)),
    async settle(since, { quietMs = 500, none = false } = {}) {
      const deadline = Date.now() + 60_000
      let quietSince = Date.now()
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 25))
        if (dev.busy || (!none && rebuilds.length === since)) quietSince = Date.now()
        else if (Date.now() - quietSince >= quietMs) break
      }
      return rebuilds.length - since
    },
    get: (rel) => fetch(new URL(rel, dev.url)),
    async close() {
      await dev.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Listener {
  socket: WebSocket
  messages: Array<{ type: string; errors?: Array<{ file: string; line?: number; column?: number; message: string }> }>
  /** The next message of `type` (including one already received and not yet taken). */
  next(type: string, timeoutMs?: number): Promise<Listener['messages'][number]>
  close(): void
}

/** Connect to the reload channel as the page at `rel` (relative to the base) does. */
export async function listen(dev: DevHandle, rel: string, headers: Record<string, string> = {}): Promise<Listener> {
  const base = new URL(dev.url)
  const url = new URL('_slugwiki/__dev/ws', base)
  url.protocol = 'ws:'
  url.searchParams.set('path', new URL(rel, base).pathname)
  const socket = new WebSocket(url, { headers })
  const messages: Listener['messages'] = []
  let taken = 0
  const waiters: Array<() => void> = []
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)))
    for (const w of waiters.splice(0)) w()
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  return {
    socket,
    messages,
    async next(type, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const index = messages.findIndex((m, i) => i >= taken && m.type === type)
        if (index !== -1) {
          taken = index + 1
          return messages[index]!
        }
        if (Date.now() > deadline) throw new Error(`no ${type} message within ${timeoutMs} ms; got ${JSON.stringify(messages.slice(taken))}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 100)
        })
      }
    },
    close: () => socket.close(),
  }
}
