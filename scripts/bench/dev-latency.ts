/**
 * The dev server's edit-to-reload latency: start `npm run dev`'s server on
 * the corpus (in this process, on a free port), listen on its reload channel
 * as the edited note's page does, then save the note N times and time each
 * save until the browser would show it: the reload message, then the new
 * page fetched.
 */
import WebSocket from 'ws'
import { startDev } from '../../src/dev/session.ts'
import { editNote, type Corpus, type PlannedNote } from '../corpus/generate.ts'
import { median } from './measure.ts'

export interface DevLatency {
  medianMs: number
  runs: number[]
  /** The server's first build, before any edit. */
  startupMs: number
}

/** Measure `edits` saves of `note`. */
export async function devLatency(corpus: Corpus, note: PlannedNote, edits: number): Promise<DevLatency> {
  const started = performance.now()
  const dev = await startDev({ src: corpus.dir, port: 0, log: () => {} })
  const startupMs = performance.now() - started
  try {
    const page = new URL(note.path.replace(/\.md$/, '.html'), dev.url)
    const url = new URL('_slugwiki/__dev/ws', dev.url)
    url.protocol = 'ws:'
    url.searchParams.set('path', page.pathname)
    const socket = new WebSocket(url)
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    let notify: (() => void) | undefined
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { type?: string }).type === 'reload') notify?.()
    })
    const runs: number[] = []
    for (let round = 1; round <= edits; round++) {
      const reloaded = new Promise<void>((resolve) => (notify = resolve))
      const t0 = performance.now()
      editNote(corpus, note, 1000 + round)
      await reloaded
      const html = await (await fetch(page)).text()
      runs.push(performance.now() - t0)
      if (!html.includes(`Edited in round ${1000 + round}.`)) throw new Error(`The reloaded page does not show edit ${round}`)
      // Let the watcher settle so one save is one rebuild.
      await new Promise((resolve) => setTimeout(resolve, 150))
    }
    socket.close()
    return { medianMs: median(runs), runs: runs.map((r) => Math.round(r)), startupMs: Math.round(startupMs) }
  } finally {
    await dev.close()
  }
}
