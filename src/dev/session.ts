/**
 * One `slugwiki dev` session: build the site in memory, serve it, watch the
 * sources, and run one rebuild at a time as changes come in, telling the
 * browsers and printing one line per rebuild. Exported for the CLI, the
 * tests and the edit-to-reload benchmark.
 */
import fs from 'node:fs'
import path from 'node:path'
import { packageRoot, type CliOptions, type Config } from '../config.ts'
import { formatDiagnostic, type Diagnostic } from '../report.ts'
import { ASSET_DIR } from '../theme/render.ts'
import { createDevSite, type RebuildResult } from './rebuild.ts'
import { startDevServer, type DevServer } from './server.ts'
import { watchSources, type Change } from './watcher.ts'

/** The reload client, as an asset name under `_slugwiki/`. */
const CLIENT_ASSET = '__dev/reload.js'

export interface DevOptions extends CliOptions {
  /** Port (default 4000; 0 picks any free one). */
  port?: number
  /** The port was given explicitly: fail when taken instead of trying the next (default: true when `port` is set). */
  strictPort?: boolean
  /** Address to bind (default 127.0.0.1). */
  host?: string
  /** Where terminal lines go (default: stderr). */
  log?: (line: string) => void
  /** Quiet window that coalesces a burst of file events into one rebuild, in ms (default 20). */
  quietMs?: number
  /**
   * Called once the server listens, before the first build: browsers are
   * then answered with a page saying the site is being built, which reloads
   * when it is. The build waits for what this returns.
   */
  onListening?: (url: string) => void | Promise<void>
  /** Told after each note the first build compiles (or finds in the cache), with how many it has. */
  onProgress?: (done: number, total: number) => void
}

export interface DevHandle {
  /** The site's URL (`http://127.0.0.1:4000/wiki/`). */
  readonly url: string
  readonly port: number
  readonly config: Config
  /** Browsers connected to the reload channel. */
  readonly clients: number
  /** A rebuild is running, or changes seen by the watcher are waiting for one. */
  readonly busy: boolean
  /** Diagnostics of the latest build. */
  diagnostics(): Diagnostic[]
  /** Call `listener` after every rebuild; returns a function that stops it. */
  onRebuild(listener: (result: RebuildResult) => void): () => void
  /**
   * Resolves once the compile threads are warm: after a start from the
   * persistent cache they compile a few notes for nothing, so that the first
   * saves are as quick as later ones (a save stops that early).
   */
  warmedUp(): Promise<void>
  /** Stop watching and serving; the port is free when this resolves. */
  close(): Promise<void>
}

/** How a rebuild shows in the terminal: `rebuilt kernel-mm/rcu.md → 4 pages in 23 ms`. */
export function rebuildLine(result: RebuildResult): string {
  const labels = [...new Set(result.labels)]
  const what = labels.length <= 3 ? labels.join(', ') : `${labels.slice(0, 2).join(', ')} and ${labels.length - 2} more files`
  const styles = result.styles ? ', stylesheets swapped' : ''
  return `rebuilt ${what} → ${result.pages} page${result.pages === 1 ? '' : 's'} in ${Math.round(result.ms)} ms${styles}`
}

/** Build, serve and watch until `close()`. Throws on a broken config or a taken port at start; never for a note. */
export async function startDev(options: DevOptions = {}): Promise<DevHandle> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const client = { key: `${ASSET_DIR}/${CLIENT_ASSET}`, source: fs.readFileSync(path.join(packageRoot(), 'src/dev/reload-client.js'), 'utf8') }
  // The server listens before the first build, which takes a minute on a big wiki without a cache:
  // a taken port is said at once, and a browser opened meanwhile shows the build's progress.
  let building: { done: number; total: number } | undefined = { done: 0, total: 0 }
  const site = await createDevSite({
    cli: options,
    extraScripts: [CLIENT_ASSET],
    onProgress(done, total) {
      if (!building) return
      building = { done, total }
      options.onProgress?.(done, total)
    },
  })
  let server: DevServer
  try {
    server = await startDevServer({
      site,
      host: options.host,
      port: options.port ?? 4000,
      strictPort: options.strictPort ?? options.port !== undefined,
      base: site.config.base,
      client,
      building: () => building,
    })
  } catch (error) {
    await site.close()
    throw error
  }
  const listeners = new Set<(result: RebuildResult) => void>()
  let latest: RebuildResult | undefined
  let pending: Change[] = []
  let running = false
  let printed = new Set<string>()
  const report = (diagnostics: Diagnostic[]) => {
    const lines = diagnostics.map(formatDiagnostic)
    for (const line of lines) if (!printed.has(line)) log(line)
    const hadErrors = [...printed].some((line) => line.includes('  error  '))
    printed = new Set(lines)
    if (hadErrors && !diagnostics.some((d) => d.severity === 'error')) log('errors fixed')
  }
  const rebuild = async (changes: Change[]) => {
    try {
      latest = await site.update(changes)
      // A book.toml edit may name other folders to watch (`[build] extra-watch-dirs`, `theme`) or files (`additional-css`).
      watcher.watchPaths(site.watchPaths())
      watcher.watchFiles(site.outsideFiles())
      site.setFault(undefined)
      report(latest.diagnostics)
      log(rebuildLine(latest))
    } catch (error) {
      // A bug in a stage must not end the session: show it, keep serving the last good site.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
      const fault: Diagnostic = { file: changes[0]?.file ?? site.config.src, severity: 'error', message: `Rebuild failed: ${message}`, rule: 'rebuild' }
      site.setFault(fault)
      log(formatDiagnostic(fault))
      latest = { ...latest!, changed: new Set(), everything: false, styles: false, pages: 0, parsed: 0, patched: false, labels: changes.map((c) => c.file) }
    }
    server.notify(latest)
    for (const listener of listeners) listener(latest)
  }
  const drain = async () => {
    running = true
    while (pending.length) {
      const batch = pending
      pending = []
      await rebuild(batch)
    }
    running = false
  }
  // Watched from before the first build, which may take a minute: a note saved meanwhile is rebuilt
  // as soon as it is done, not lost until its next save.
  const watcher = watchSources({
    paths: site.watchPaths(),
    ignore: site.ignorePaths(),
    quietMs: options.quietMs,
    onBatch(changes) {
      pending.push(...changes)
      if (latest && !running) void drain()
    },
    // A save is compiled while the quiet window waits for more events: the rebuild then finds it done.
    onEvent: (change) => site.prefetch(change),
    onError: (error) => log(`watch error: ${error.message}`),
  })
  let first: RebuildResult
  try {
    await options.onListening?.(server.url)
    await watcher.ready
    first = await site.update([])
  } catch (error) {
    // A theme that does not load at start ends the session, as a broken config does.
    await watcher.close()
    await server.close()
    await site.close()
    throw error
  }
  building = undefined
  report(first.diagnostics)
  log(`built ${first.pages} pages in ${Math.round(first.ms)} ms`)
  latest = first
  // Browsers that came during the build show the building page: the first build changed everything.
  server.notify(first)
  // The theme's folders and the files notes include are known now.
  watcher.watchPaths(site.watchPaths())
  watcher.watchFiles(site.outsideFiles())
  if (pending.length) void drain()

  return {
    url: server.url,
    port: server.port,
    get config() {
      return site.config
    },
    get clients() {
      return server.clients
    },
    get busy() {
      return running || pending.length > 0 || watcher.waiting
    },
    diagnostics: () => latest!.diagnostics,
    onRebuild(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    warmedUp: () => site.warmedUp(),
    async close() {
      await watcher.close()
      await server.close()
      await site.close()
    },
  }
}
