/**
 * Watch stage of the dev server: chokidar reports file events, editors'
 * temporary files are dropped, and a burst of events (a `git checkout`, a
 * search-and-replace over 500 notes) is coalesced into one batch.
 */
import fs from 'node:fs'
import path from 'node:path'
import { watch, type FSWatcher } from 'chokidar'

export type ChangeKind = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir'

/** One file event; `file` is absolute. */
export interface Change {
  kind: ChangeKind
  file: string
}

export interface WatchOptions {
  /** Files and folders to watch, absolute. */
  paths: string[]
  /** Folders never watched or descended into (the output and cache folders), absolute. */
  ignore: string[]
  /** A single change is delivered once no other event came for this long, in ms (default 20). */
  quietMs?: number
  /** Once a batch holds more than one event (a burst is under way) or a folder event, the quiet window grows to this, in ms (default 300). */
  burstQuietMs?: number
  /**
   * Deliver a batch at the latest this long after its first event, in ms (default 5000): a cap
   * for a stream that never pauses, long enough that a checkout on a busy machine (chokidar
   * reads a new folder's files one by one) still arrives as one batch.
   */
  maxWaitMs?: number
  onBatch: (changes: Change[]) => void
  /** Each event as it comes, before its batch: a rebuild may start on it early. */
  onEvent?: (change: Change) => void
  onError?: (error: Error) => void
}

export interface SourceWatcher {
  /** Resolves once the initial scan is done and events are reported. */
  ready: Promise<void>
  /** Events are waiting for their quiet window to end, or a changed file is due to be looked at again. */
  readonly waiting: boolean
  /**
   * Watch these files too (absolute; they replace the last list), in folders outside the watched
   * ones: the files notes include from outside the source folder. Each one's folder is watched,
   * not the file, so an editor's save by rename and a file that appears are seen.
   */
  watchFiles(files: string[]): void
  /**
   * Watch these files and folders in place of `paths` (absolute): a config edit may name other
   * folders (`[build] extra-watch-dirs`, a theme). Those already watched are left as they are.
   */
  watchPaths(paths: string[]): void
  close(): Promise<void>
}

/**
 * Editors' swap, backup, lock and probe files: vim's `.x.swp` and `4913`,
 * `x~` backups, emacs's `.#x` locks and `#x#` autosaves, JetBrains'
 * `x___jb_tmp___`, and every dotfile (the build ignores those too).
 */
export function isEditorJunk(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.endsWith('~') ||
    name === '4913' ||
    /^#.*#$/.test(name) ||
    /\.sw[a-p]x?$/.test(name) ||
    /___jb_(tmp|old|bak)___$/.test(name) ||
    name === 'node_modules'
  )
}

/** How long after a change a file is looked at again; chokidar drops repeated changes within 50 ms. */
const RECHECK_MS = 75

function signature(file: string): string {
  try {
    const s = fs.statSync(file)
    return `${s.size}:${s.mtimeMs}:${s.ino}`
  } catch {
    return 'gone'
  }
}

/** Start watching; batches go to `onBatch`, never concurrently with the next event's timer. */
export function watchSources(options: WatchOptions): SourceWatcher {
  const quietMs = options.quietMs ?? 20
  const burstQuietMs = Math.max(options.burstQuietMs ?? 300, quietMs)
  const maxWaitMs = options.maxWaitMs ?? 5000
  let roots = new Set(options.paths.map((p) => path.resolve(p)))
  const ignored = options.ignore.map((p) => path.resolve(p))
  const isIgnored = (file: string): boolean => {
    const absolute = path.resolve(file)
    if (ignored.some((dir) => absolute === dir || absolute.startsWith(dir + path.sep))) return true
    // A watched root is never junk, even when its own name starts with a dot.
    return !roots.has(absolute) && isEditorJunk(path.basename(absolute))
  }

  const pending = new Map<string, ChangeKind>()
  const rechecks = new Map<string, NodeJS.Timeout>()
  let quietTimer: NodeJS.Timeout | undefined
  let firstEventAt = 0
  let burst = false
  let closed = false

  const flush = () => {
    clearTimeout(quietTimer)
    quietTimer = undefined
    if (closed || pending.size === 0) return
    const changes = [...pending].map(([file, kind]) => ({ file, kind }))
    pending.clear()
    burst = false
    options.onBatch(changes)
  }

  const record = (kind: ChangeKind, file: string) => {
    if (closed) return
    const absolute = path.resolve(file)
    if (pending.size === 0) firstEventAt = Date.now()
    // An add then a change is still an add; anything then an unlink is an unlink.
    const before = pending.get(absolute)
    pending.set(absolute, before === 'add' && kind === 'change' ? 'add' : kind)
    // One save is one event: deliver it at once. A checkout or a new folder is many, spread over
    // chokidar's reads and stats: wait longer so the whole burst is one rebuild.
    burst ||= pending.size > 1 || kind === 'addDir' || kind === 'unlinkDir'
    clearTimeout(quietTimer)
    quietTimer = setTimeout(flush, Date.now() - firstEventAt >= maxWaitMs ? 0 : burst ? burstQuietMs : quietMs)
    if (kind === 'change' || kind === 'add') scheduleRecheck(absolute)
    options.onEvent?.({ kind, file: absolute })
  }

  // chokidar swallows a second change to the same file within 50 ms, so a
  // quick second save could be lost: look at each changed file once more.
  const scheduleRecheck = (file: string) => {
    clearTimeout(rechecks.get(file))
    const seen = signature(file)
    rechecks.set(
      file,
      setTimeout(() => {
        rechecks.delete(file)
        if (signature(file) !== seen) record('change', file)
      }, RECHECK_MS),
    )
  }

  const watcher: FSWatcher = watch([...roots], {
    ignoreInitial: true,
    ignored: (file: string) => isIgnored(file),
    // chokidar's own atomic-save handling holds every unlink back 100 ms, which would split a rename or
    // an editor's temp-file save into two rebuilds; the quiet window below already merges unlink + add.
    atomic: false,
  })
  for (const kind of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
    watcher.on(kind, (file: string) => record(kind, file))
  }
  watcher.on('error', (error) => options.onError?.(error instanceof Error ? error : new Error(String(error))))
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()))

  // Files outside the roots: a second watcher on their folders, one level deep, seeing only them.
  let files = new Set<string>()
  let folders = new Set<string>()
  let outside: FSWatcher | undefined
  const watchFiles = (list: string[]) => {
    const wanted = list.map((file) => path.resolve(file)).filter((file) => !isIgnored(file) && ![...roots].some((root) => file.startsWith(root + path.sep)))
    const nextFolders = new Set(wanted.map((file) => path.dirname(file)).filter((dir) => fs.existsSync(dir)))
    const before = files
    files = new Set(wanted)
    if (!outside && nextFolders.size === 0) return
    outside ??= (() => {
      const w = watch([], {
        ignoreInitial: true,
        depth: 0,
        atomic: false,
        ignored: (file: string) => {
          const absolute = path.resolve(file)
          return !folders.has(absolute) && !files.has(absolute)
        },
      })
      // chokidar checks `ignored` when it starts watching a file, not at each event: a file no longer listed is dropped here.
      for (const kind of ['add', 'change', 'unlink'] as const) {
        w.on(kind, (file: string) => {
          if (files.has(path.resolve(file))) record(kind, file)
        })
      }
      w.on('error', (error) => options.onError?.(error instanceof Error ? error : new Error(String(error))))
      return w
    })()
    const gone = [...[...folders].filter((dir) => !nextFolders.has(dir)), ...[...before].filter((file) => !files.has(file))]
    // A folder's files that were ignored when it was read are not watched: each new file is added too.
    const added = [...[...nextFolders].filter((dir) => !folders.has(dir)), ...wanted.filter((file) => !before.has(file) && fs.existsSync(file))]
    folders = nextFolders
    if (gone.length) outside.unwatch(gone)
    if (added.length) outside.add(added)
  }

  const watchPaths = (list: string[]) => {
    const next = new Set(list.map((p) => path.resolve(p)))
    const added = [...next].filter((p) => !roots.has(p))
    const gone = [...roots].filter((p) => !next.has(p))
    roots = next
    if (gone.length) watcher.unwatch(gone)
    if (added.length) watcher.add(added)
  }

  return {
    ready,
    get waiting() {
      return pending.size > 0 || rechecks.size > 0
    },
    watchFiles(list) {
      if (!closed) watchFiles(list)
    },
    watchPaths(list) {
      if (!closed) watchPaths(list)
    },
    async close() {
      closed = true
      clearTimeout(quietTimer)
      for (const timer of rechecks.values()) clearTimeout(timer)
      rechecks.clear()
      await Promise.all([watcher.close(), outside?.close()])
    },
  }
}
