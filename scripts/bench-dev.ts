/**
 * `npm run bench:dev -- --notes N`: the dev server's edit-to-reload latency
 * on the benchmark corpus — file write → reload message received by the
 * page's socket — for one note edited R times, with the pages each edit
 * re-rendered. The floor, measured in the same run, is the same path with no
 * rebuild: fs.watch sees the write and a WebSocket carries one message.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import WebSocket, { WebSocketServer } from 'ws'
import { measureReloadLatency, median } from '../src/dev/latency.ts'
import { generateCorpus } from './corpus/generate.ts'

const root = path.resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '15' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
})
if (values.help) {
  process.stdout.write(`Usage: npm run bench:dev -- [--notes N] [--seed S] [--runs R] [--json FILE] [--keep]

  --notes N    notes in the generated wiki (default 2000)
  --seed S     corpus seed (default 1)
  --runs R     edits to time (default 15); the median is reported
  --json FILE  where to write the results (default bench-results/bench-dev-N.json)
  --keep       keep the generated wiki in the temporary folder
`)
  process.exit(0)
}
const notes = Number(values.notes)
const runs = Math.max(1, Number(values.runs))
const jsonFile = path.resolve(values.json ?? path.join(root, 'bench-results', `bench-dev-${notes}.json`))
const log = (line: string) => process.stderr.write(`${line}\n`)

/** The floor: write → fs.watch event → one WebSocket message on loopback, no rebuild. */
async function floor(file: string, rounds: number): Promise<number> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise((resolve) => server.once('listening', resolve))
  const port = (server.address() as { port: number }).port
  const sockets = new Set<WebSocket>()
  server.on('connection', (s) => sockets.add(s))
  const client = new WebSocket(`ws://127.0.0.1:${port}/`)
  await new Promise((resolve) => client.once('open', resolve))
  const watcher = fs.watch(file, () => {
    for (const s of sockets) s.send('reload')
  })
  const original = fs.readFileSync(file, 'utf8')
  const samples: number[] = []
  for (let round = 1; round <= rounds; round++) {
    await new Promise((r) => setTimeout(r, 100))
    const received = new Promise<number>((resolve) => client.once('message', () => resolve(performance.now())))
    const written = performance.now()
    fs.writeFileSync(file, `${original}\n\nFloor round ${round}.\n`)
    samples.push((await received) - written)
    // fs.watch may report one write twice: let the echo pass before the next round.
    await new Promise((r) => setTimeout(r, 50))
    client.removeAllListeners('message')
  }
  watcher.close()
  client.close()
  for (const s of sockets) s.terminate()
  await new Promise((resolve) => server.close(resolve))
  fs.writeFileSync(file, original)
  return median(samples)
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-bench-dev-'))
try {
  const book = path.join(work, 'book')
  const corpus = generateCorpus({ notes, seed: Number(values.seed), dir: book })
  log(`corpus: ${corpus.notes.length} notes, ${(corpus.bytes / 1e6).toFixed(1)} MB (${book})`)
  // A note in the middle of the reading order that is not a section page: a typical edit.
  const target = corpus.notes.filter((n) => !/(^|\/)(README|index)\.md$/.test(n.path))[Math.floor(corpus.notes.length / 2)]!
  const floorMs = await floor(path.join(corpus.src, target.path), runs)
  log(`floor (fs.watch → WebSocket message, no rebuild): ${floorMs.toFixed(1)} ms`)
  log(`starting the dev server on ${notes} notes and editing ${target.path} ${runs} times…`)
  // A cache of its own, removed with the wiki: the server compiles every note at start, as on a wiki no build has seen.
  const report = await measureReloadLatency({ src: book, note: target.path, runs, cacheDir: path.join(work, 'cache') })
  const pages = median(report.samples.map((s) => s.pages))
  const rebuild = median(report.samples.map((s) => s.rebuildMs))
  const loadavg = os.loadavg()[0]!.toFixed(1)
  log('')
  log(`dev server, ${notes} notes, editing ${target.path} (${runs} edits; load average ${loadavg} on ${os.cpus().length} cores)`)
  log(`  start (first full build, in memory) ${(report.startMs / 1000).toFixed(1)} s`)
  log(`  edit → reload median ${report.median.toFixed(1)} ms  (${(report.median / floorMs).toFixed(1)}× the floor of ${floorMs.toFixed(1)} ms)`)
  log(`  rebuild median ${rebuild.toFixed(1)} ms; pages re-rendered per edit: ${pages}; notes parsed per edit: ${median(report.samples.map((s) => s.parsed))}`)
  log(`  samples (ms): ${report.samples.map((s) => s.ms.toFixed(0)).join(' ')}`)
  fs.mkdirSync(path.dirname(jsonFile), { recursive: true })
  fs.writeFileSync(
    jsonFile,
    `${JSON.stringify({ notes, note: target.path, runs, loadavg: Number(loadavg), cores: os.cpus().length, floorMs, medianMs: report.median, ratio: report.median / floorMs, rebuildMs: rebuild, pages, startMs: report.startMs, samples: report.samples }, null, 2)}\n`,
  )
  log(`  written to ${path.relative(process.cwd(), jsonFile)}`)
} finally {
  if (values.keep) log(`kept ${work}`)
  else fs.rmSync(work, { recursive: true, force: true })
}
