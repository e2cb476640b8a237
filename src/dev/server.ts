/**
 * The dev server: node:http serving the in-memory site, and a WebSocket
 * (`ws`) per browser for reload messages. Secure by default: it binds to
 * 127.0.0.1, answers only for localhost names and IP addresses (a DNS
 * rebinding attack arrives with a foreign `Host`), accepts sockets only from
 * its own origin, sends no CORS headers, and serves nothing but the site's
 * own files.
 */
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import type { Duplex } from 'node:stream'
import { h } from 'hastscript'
import { toHtml } from 'hast-util-to-html'
import { lookup } from 'mrmime'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Config } from '../config.ts'
import type { Diagnostic } from '../report.ts'
import { countWords, EN, fill } from '../words/index.ts'
import type { RebuildResult, Served } from './rebuild.ts'
import { pageOf, resolveRequest } from './request-path.ts'

/** What the server needs from the site. */
export interface SiteView {
  has(key: string): boolean
  serve(key: string): Promise<Served | undefined>
  errorsFor(key: string | undefined): Diagnostic[]
  /** The output key of the site's 404 page, if it has one (default `404.html`). */
  notFoundKey?(): string | undefined
  /** The wiki's language and words, which the error panel is written in (default English). */
  readonly config?: Pick<Config, 'language' | 'words'>
}

/** The error panel's own words for `count` errors, in the wiki's language (its `lang`, for the browser). */
export function panelWords(config: Pick<Config, 'language' | 'words'> | undefined, count: number) {
  const { language, words } = config ?? { language: 'en', words: EN }
  return {
    lang: language,
    title: countWords(words, language, 'dev-error-count', count),
    close: words['dev-error-close'],
    hint: words['dev-error-hint'],
  }
}

export interface DevServerOptions {
  site: SiteView
  /** Address to bind (default 127.0.0.1). */
  host?: string
  /** Port; 0 picks a free one. */
  port: number
  /** The port was asked for explicitly: fail when it is taken instead of trying the next ones. */
  strictPort: boolean
  /** Base path, with leading and trailing `/`. */
  base: string
  /** Output key of the reload client (`_slugwiki/__dev/reload.js`) and its source. */
  client: { key: string; source: string }
  /**
   * While the first build runs, how far it is (notes done of total; 0 of 0
   * before they are counted), else undefined. Until then every page asked
   * for is a page saying so, which reloads once the site is there.
   */
  building?: () => { done: number; total: number } | undefined
}

export interface DevServer {
  readonly port: number
  /** The site's URL, for the terminal. */
  readonly url: string
  /** Tell each browser what a rebuild means for the page it shows. */
  notify(result: RebuildResult): void
  /** Connected browsers. */
  readonly clients: number
  close(): Promise<void>
}

/** The port is taken and was asked for explicitly. */
export class PortInUseError extends Error {}

const LOCAL_NAMES = /^(localhost|[a-z0-9-]+\.localhost)$/i

/** The host name of a `Host` header or URL host (`[::1]:4000` → `::1`). */
function hostName(host: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host)
  if (bracketed) return bracketed[1]!
  return host.replace(/:\d+$/, '')
}

/**
 * Whether a `Host` header may be answered: localhost names and IP literals
 * (rebinding needs a domain name), and the name the server was bound to.
 */
export function hostAllowed(host: string | undefined, bound: string): boolean {
  if (!host) return false
  const name = hostName(host).toLowerCase()
  return LOCAL_NAMES.test(name) || net.isIP(name) !== 0 || name === bound.toLowerCase()
}

/** Whether a WebSocket's `Origin` is the server's own page. Browsers always send one; other clients may not. */
export function originAllowed(origin: string | undefined, host: string | undefined, bound: string): boolean {
  if (origin === undefined) return true
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host && hostAllowed(url.host, bound)
}

const BASE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }

function plain(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' })
  res.end(`${text}\n`)
}

/** A page for a template that threw: the overlay (from the client) tells the rest. */
function errorPage(key: string, error: unknown, clientHref: string): string {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
  return toHtml({
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [h('meta', { charSet: 'utf-8' }), h('title', `Error rendering ${key}`), h('script', { src: clientHref, defer: true })]),
        h('body', [h('h1', `Error rendering ${key}`), h('pre', message)]),
      ]),
    ],
  })
}

/** What a browser is sent while the first build runs: where it is, in the wiki's language, and the reload client that brings the page once built. */
export function buildingPage(config: Pick<Config, 'language' | 'words'> | undefined, progress: { done: number; total: number }, clientHref: string): string {
  const { language, words } = config ?? { language: 'en', words: EN }
  const count = progress.total > 0 ? fill(words['dev-building-count'], progress) : ''
  return toHtml({
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: language, dataSlugwikiBuilding: '' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          // The browser's own light or dark, as the theme starts out.
          h('meta', { name: 'color-scheme', content: 'light dark' }),
          // Asked again every two seconds, for the count; the reload client brings the page the moment it is built.
          h('meta', { httpEquiv: 'refresh', content: '2' }),
          h('title', words['dev-building']),
          h('script', { src: clientHref, defer: true }),
        ]),
        h('body', { style: 'font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem' }, [
          h('h1', words['dev-building']),
          count ? h('p', [h('progress', { max: progress.total, value: progress.done }), ' ', count]) : '',
          h('p', words['dev-building-hint']),
        ]),
      ]),
    ],
  })
}

function within(file: string, roots: string[]): boolean {
  return roots.some((root) => {
    let real: string
    try {
      real = fs.realpathSync(root)
    } catch {
      return false
    }
    return file === real || file.startsWith(real.endsWith('/') ? real : `${real}/`)
  })
}

/** Listen on `port`, or on the next free ones when it was not asked for explicitly. */
async function listen(server: http.Server, host: string, port: number, strict: boolean): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const tried = port === 0 ? 0 : port + attempt
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(tried, host, () => {
          server.off('error', reject)
          resolve()
        })
      })
      return (server.address() as net.AddressInfo).port
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EADDRINUSE' || strict || port === 0 || attempt >= 20) {
        if (code === 'EADDRINUSE') {
          throw new PortInUseError(`Port ${tried} is already in use on ${host}. Stop the other server or pick another port with --port (--port 0 takes any free one).`)
        }
        throw error
      }
    }
  }
}

/** Start serving; resolves once listening. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { site, base, client } = options
  const bound = options.host ?? '127.0.0.1'
  const has = (key: string) => key === client.key || site.has(key)
  const clientHref = `${base}${client.key}`
  const socketPath = `${base}${client.key.replace(/[^/]+$/, 'ws')}`

  const send = (res: http.ServerResponse, req: http.IncomingMessage, status: number, key: string, body: string | Uint8Array) => {
    const type = lookup(key) ?? 'application/octet-stream'
    res.writeHead(status, { ...BASE_HEADERS, 'content-type': /^text\/|javascript|json|xml|svg/.test(type) ? `${type}; charset=utf-8` : type })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  const serveKey = async (req: http.IncomingMessage, res: http.ServerResponse, key: string, status = 200): Promise<void> => {
    if (key === client.key) return send(res, req, status, key, client.source)
    let served: Served | undefined
    try {
      served = await site.serve(key)
    } catch (error) {
      return send(res, req, 500, 'error.html', errorPage(key, error, clientHref))
    }
    if (!served) return notFound(req, res)
    if (served.kind === 'content') return send(res, req, status, key, served.body)
    // A copied file is read where it lies: refuse it if a symlink now leads out of the folders it may come from.
    let real: string
    try {
      real = fs.realpathSync(served.file)
    } catch {
      return notFound(req, res)
    }
    if (!within(real, served.roots)) return plain(res, 403, 'Forbidden')
    fs.readFile(real, (error, body) => (error ? notFound(req, res) : send(res, req, status, key, body)))
  }

  const notFound = (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> | void => {
    const key = site.notFoundKey ? site.notFoundKey() : '404.html'
    if (key !== undefined && site.has(key)) return serveKey(req, res, key, 404)
    plain(res, 404, 'Not found')
  }

  const server = http.createServer((req, res) => {
    if (!hostAllowed(req.headers.host, bound)) {
      return plain(res, 403, `Blocked: the Host header "${req.headers.host ?? ''}" is not this server (start it with --host NAME to serve that name).`)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD')
      return plain(res, 405, 'Method not allowed')
    }
    const progress = options.building?.()
    // Until the first build is done there is no site to ask: only the reload client is served.
    const resolved = resolveRequest(req.url ?? '/', base, progress ? (key) => key === client.key : has)
    if (resolved.kind === 'forbidden') return plain(res, 403, 'Forbidden')
    if (resolved.kind === 'redirect') {
      res.writeHead(302, { ...BASE_HEADERS, location: resolved.location })
      return res.end()
    }
    if (progress && !(resolved.kind === 'file' && resolved.key === client.key)) {
      res.writeHead(503, { ...BASE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'retry-after': '1' })
      return res.end(req.method === 'HEAD' ? undefined : buildingPage(site.config, progress, clientHref))
    }
    if (resolved.kind === 'not-found') return void notFound(req, res)
    void serveKey(req, res, resolved.key)
  })

  interface Client {
    socket: WebSocket
    pathname: string
    page: string | undefined
    errors: string
  }
  const clients = new Set<Client>()
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 4096 })
  const errorsMessage = (page: string | undefined) => {
    const errors = site.errorsFor(page)
    // The panel's words go with its errors: the config (and so the language) may have changed since the page was served.
    return JSON.stringify({ type: 'errors', errors, ...(errors.length ? { words: panelWords(site.config, errors.length) } : {}) })
  }

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const allowed = url.pathname === socketPath && hostAllowed(req.headers.host, bound) && originAllowed(req.headers.origin, req.headers.host, bound)
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      const pathname = url.searchParams.get('path') ?? base
      // A browser showing the building page has no page yet, and no errors to see: the end of the build reloads it.
      const building = options.building?.() !== undefined
      const page = building ? undefined : pageOf(pathname, base, has)
      const entry: Client = { socket: ws, pathname, page, errors: building ? JSON.stringify({ type: 'errors', errors: [] }) : errorsMessage(page) }
      clients.add(entry)
      ws.on('close', () => clients.delete(entry))
      ws.on('error', () => clients.delete(entry))
      // The building page, whose socket opened after the build was done and its reload sent: reload now.
      if (url.searchParams.has('building') && !building) return ws.send(JSON.stringify({ type: 'reload' }))
      ws.send(entry.errors)
    })
  })

  const port = await listen(server, bound, options.port, options.strictPort)
  const shownHost = bound === '0.0.0.0' || bound === '::' ? 'localhost' : net.isIPv6(bound) ? `[${bound}]` : bound

  return {
    port,
    url: `http://${shownHost}:${port}${base}`,
    get clients() {
      return clients.size
    },
    notify(result) {
      for (const client of clients) {
        const page = pageOf(client.pathname, base, has)
        const reload = result.everything || page !== client.page || (page !== undefined && result.changed.has(page))
        const errors = errorsMessage(page)
        if (reload) {
          client.socket.send(JSON.stringify({ type: 'reload' }))
          continue
        }
        if (result.styles) client.socket.send(JSON.stringify({ type: 'styles' }))
        if (errors !== client.errors) client.socket.send(errors)
        client.errors = errors
      }
    },
    async close() {
      for (const client of clients) client.socket.terminate()
      clients.clear()
      sockets.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
