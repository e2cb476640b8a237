/**
 * Measure the dev server's edit-to-reload latency: the time from writing a
 * note to the reload message arriving at a browser showing it, over the same
 * WebSocket a browser uses. For benchmarks; the tests never time anything.
 */
import fs from 'node:fs'
import path from 'node:path'
import WebSocket from 'ws'
import { slugOf, toSourcePath } from '../paths.ts'
import type { RebuildResult } from './rebuild.ts'
import { startDev, type DevHandle, type DevOptions } from './session.ts'

export interface LatencyOptions extends DevOptions {
  /** The note to edit, relative to the source folder (`kernel/rcu.md`). */
  note: string
  /** Edits to time (default 15). */
  runs?: number
  /** Pause between edits, so each is a rebuild of its own (default 250 ms). */
  pauseMs?: number
  /** The note's text for edit `round`, from the original text (default: a sentence appended). */
  edit?: (original: string, round: number) => string
}

export interface LatencySample {
  /** File write → reload message received, in ms. */
  ms: number
  /** Pages whose HTML the rebuild changed. */
  pages: number
  /** Notes it parsed again. */
  parsed: number
  /** The rebuild's own time, as the terminal line reports it. */
  rebuildMs: number
}

export interface LatencyReport {
  samples: LatencySample[]
  /** Median of `samples[].ms`. */
  median: number
  /** Time from start to serving (the first, full build), in ms. */
  startMs: number
}

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Open the reload socket of the page showing `note`. */
async function connect(dev: DevHandle, note: string): Promise<WebSocket> {
  const source = toSourcePath(note)
  if (!source) throw new Error(`Not a path inside the source folder: ${note}`)
  const url = new URL('_slugwiki/__dev/ws', dev.url)
  url.protocol = 'ws:'
  url.searchParams.set('path', new URL(slugOf(source), dev.url).pathname)
  const socket = new WebSocket(url)
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  return socket
}

/** Start the dev server on `options.src`, edit `options.note` `runs` times, and time each reload. The note is restored afterwards. */
export async function measureReloadLatency(options: LatencyOptions): Promise<LatencyReport> {
  const { note, runs = 15, pauseMs = 250 } = options
  const edit = options.edit ?? ((text: string, round: number) => `${text}\n\nEdited in round ${round}.\n`)
  const started = performance.now()
  const dev = await startDev({ port: 0, log: () => {}, ...options })
  const startMs = performance.now() - started
  // An author's first save comes seconds after the start, by when the threads have warmed up (started
  // from the cache, they had compiled nothing): the saves are timed on a server as it is by then.
  await dev.warmedUp()
  const file = path.join(dev.config.src, note)
  const original = fs.readFileSync(file, 'utf8')
  const socket = await connect(dev, note)
  const samples: LatencySample[] = []
  try {
    for (let round = 1; round <= runs; round++) {
      await new Promise((r) => setTimeout(r, pauseMs))
      let rebuilt: RebuildResult | undefined
      const stop = dev.onRebuild((result) => (rebuilt ??= result))
      const reloaded = new Promise<number>((resolve) => {
        const onMessage = (data: WebSocket.RawData) => {
          if (JSON.parse(String(data)).type !== 'reload') return
          socket.off('message', onMessage)
          resolve(performance.now())
        }
        socket.on('message', onMessage)
      })
      const written = performance.now()
      fs.writeFileSync(file, edit(original, round))
      const at = await reloaded
      stop()
      samples.push({ ms: at - written, pages: rebuilt?.pages ?? 0, parsed: rebuilt?.parsed ?? 0, rebuildMs: rebuilt?.ms ?? 0 })
    }
  } finally {
    socket.close()
    fs.writeFileSync(file, original)
    await dev.close()
  }
  return { samples, median: median(samples.map((s) => s.ms)), startMs }
}
