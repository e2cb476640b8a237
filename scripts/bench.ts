/**
 * `npm run bench -- --notes N`: generate the deterministic corpus, then in one
 * run measure the I/O floor, a cold build, a warm build with no change and a
 * warm build after a one-note edit (each a fresh process, as a user runs it),
 * with peak RSS, output size and every build's ratio to the floor. Prints a
 * table and writes JSON. Numbers are only comparable within one run: the
 * floor is measured on the same machine, at the same load, minutes apart.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { editNote, generateCorpus } from './corpus/generate.ts'
import { buildCommand } from './bench/command.ts'
import { measureReloadLatency } from '../src/dev/latency.ts'
import { folderSize, measure, median, type Measurement } from './bench/measure.ts'
import { printTable, type BenchReport, type StepReport } from './bench/report.ts'

const root = path.resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    repeat: { type: 'string', default: '3' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    commit: { type: 'string' },
    'dev-edits': { type: 'string', default: '20' },
    help: { type: 'boolean', short: 'h' },
  },
})
if (values.help) {
  process.stdout.write(`Usage: npm run bench -- [--notes N] [--seed S] [--repeat R] [--json FILE] [--keep]

  --notes N    notes in the generated wiki (default 2000)
  --seed S     corpus seed (default 1)
  --repeat R   runs of each warm step and of the floor; the median is reported (default 3)
  --json FILE  where to write the results (default bench-results/bench-N.json)
  --keep       keep the corpus, output and cache in the temporary folder
  --dev-edits E  saves timed on the dev server (default 20; 0 skips it)
  --commit REV label the results with REV (when benchmarking an exported copy, not a git checkout)
`)
  process.exit(0)
}
const notes = Number(values.notes)
const repeat = Math.max(1, Number(values.repeat))
const jsonFile = path.resolve(values.json ?? path.join(root, 'bench-results', `bench-${notes}.json`))

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-bench-'))
const book = path.join(work, 'book')
const out = path.join(work, 'site')
const cacheDir = path.join(work, 'cache')
const log = (line: string) => process.stderr.write(`${line}\n`)

let generated = performance.now()
const corpus = generateCorpus({ notes, seed: Number(values.seed), dir: book })
generated = (performance.now() - generated) / 1000
log(`corpus: ${corpus.notes.length} notes, ${(corpus.bytes / 1e6).toFixed(1)} MB in ${generated.toFixed(1)} s (${book})`)

const { nodeArgs, script, cacheFlags, warmUp } = buildCommand(root)
const buildArgs = [script, 'build', '--src', book, '--out', out, '--quiet', ...cacheFlags(cacheDir)]

function check(step: string, run: Measurement): Measurement {
  if (run.status !== 0 || run.stderr.trim()) {
    log(run.stderr)
    throw new Error(`${step} exited ${run.status}${run.stderr.trim() ? ' with diagnostics' : ''}`)
  }
  return run
}

async function repeated(step: string, runs: number, before: (round: number) => void, args: () => [string[], string[]]): Promise<StepReport> {
  const results: Measurement[] = []
  for (let round = 0; round < runs; round++) {
    before(round)
    const [node, rest] = args()
    results.push(check(step, await measure(node, rest, root)))
    log(`${step}: ${results.at(-1)!.seconds.toFixed(2)} s`)
  }
  return {
    step,
    seconds: median(results.map((r) => r.seconds)),
    runs: results.map((r) => r.seconds),
    peakRss: Math.max(...results.map((r) => r.peakRss)),
    childrenRss: Math.max(...results.map((r) => r.childrenRss)),
    cpuSeconds: median(results.map((r) => r.cpuSeconds)),
  }
}

const floorOut = path.join(work, 'floor')
const floor = await repeated('I/O floor', repeat, () => fs.rmSync(floorOut, { recursive: true, force: true }), () => [[], [path.join(import.meta.dirname, 'bench/floor.mjs'), corpus.src, floorOut]])
const startup = await repeated('node start-up', repeat, () => {}, () => [[], ['-e', '0']])
warmUp()
const cold = await repeated('cold build', 1, () => {}, () => [nodeArgs, buildArgs])
const output = folderSize(out)
const warm = await repeated('warm build, no change', repeat, () => {}, () => [nodeArgs, buildArgs])
const edited = corpus.notes[Math.floor(corpus.notes.length / 2)]!
const edit = await repeated('warm build, one edit', repeat, (round) => editNote(corpus, edited, round), () => [nodeArgs, buildArgs])

const devEdits = Number(values['dev-edits'])
let devReload: BenchReport['devReload'] = 'skipped (--dev-edits 0)'
if (devEdits > 0) {
  // The dev engineer's probe (src/dev/latency.ts, also behind npm run bench:dev): file write → reload message.
  // The server shares the builds' cache, as it does a user's: it starts from the notes they compiled.
  const measured = await measureReloadLatency({ src: book, note: edited.path, runs: devEdits, cacheDir })
  devReload = { medianMs: measured.median, runs: measured.samples.map((s) => Math.round(s.ms)), startupMs: Math.round(measured.startMs) }
  log(`dev edit → reload: ${devReload.runs.join(' ')} ms (server start ${devReload.startupMs} ms)`)
}

const commit = values.commit ?? execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
const dirty = !values.commit && execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== ''
const report: BenchReport = {
  notes: corpus.notes.length,
  markdownBytes: corpus.bytes,
  commit: `${commit}${dirty ? '+dirty' : ''}`,
  node: process.version,
  cpus: os.availableParallelism(),
  loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  date: new Date().toISOString(),
  steps: [floor, startup, cold, warm, edit],
  devReload,
  output: { ...output, bytesPerNote: Math.round(output.bytes / corpus.notes.length), printBytes: fs.statSync(path.join(out, 'print.html')).size },
}
printTable(report)
fs.mkdirSync(path.dirname(jsonFile), { recursive: true })
fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`)
log(`wrote ${path.relative(process.cwd(), jsonFile)}`)
if (values.keep) log(`kept ${work}`)
else fs.rmSync(work, { recursive: true, force: true })
