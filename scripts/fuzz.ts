/**
 * Long fuzz run: `npm run fuzz -- --runs 100000 [--seed N] [--jobs N]`. The
 * same property as test/robustness/fuzz.test.ts (random and mutated notes
 * through the whole pipeline: no exception, well-formed pages, no script from
 * the input), for as many runs as asked, split over `--jobs` worker threads
 * (each with its own seed, `seed + i`). Prints progress, then every job's
 * seed and, on failure, the shrunk counterexample (exit 1).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import fc from 'fast-check'
import { checkNote, createHarness, noteText } from '../test/robustness/fuzz-property.ts'
import { scriptArgs } from './script-args.ts'

interface Job {
  runs: number
  seed: number
  every: number
}

type Report = { kind: 'progress'; done: number } | { kind: 'end'; ok: boolean; message: string }

/** Run one job's share of the property in this thread. */
async function runJob(job: Job, report: (r: Report) => void): Promise<void> {
  const harness = await createHarness()
  let done = 0
  const property = fc.asyncProperty(noteText(harness.blocks), async (text) => {
    await checkNote(harness, text)
    done += 1
    if (done % job.every === 0) report({ kind: 'progress', done: job.every })
  })
  try {
    await fc.assert(property, { numRuns: job.runs, seed: job.seed })
    report({ kind: 'end', ok: true, message: `seed ${job.seed}: ${job.runs} runs passed` })
  } catch (error) {
    // fast-check keeps what the property threw as the error's cause.
    const cause = (error as Error).cause
    report({ kind: 'end', ok: false, message: `${(error as Error).message}${cause instanceof Error ? `\nCaused by: ${cause.message}` : ''}` })
  } finally {
    harness.cleanup()
  }
}

if (!isMainThread) {
  await runJob(workerData as Job, (r) => parentPort!.postMessage(r))
} else {
  const values = scriptArgs(
    {
      runs: { type: 'string', default: '10000' },
      seed: { type: 'string' },
      jobs: { type: 'string', default: '1' },
      every: { type: 'string', default: '1000' },
    },
    'Usage: npm run fuzz -- [--runs N] [--seed N] [--jobs N] [--every N]',
  )
  const runs = Number(values.runs)
  const jobs = Math.max(1, Number(values.jobs))
  const every = Number(values.every)
  const seed = values.seed === undefined ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : Number(values.seed)
  const started = performance.now()
  let done = 0
  let failed = false
  const log = (line: string) => process.stderr.write(`${line}\n`)
  log(`fuzz: ${runs} runs in ${jobs} job(s), seeds ${seed}…${seed + jobs - 1}`)
  const shares = Array.from({ length: jobs }, (_, i) => Math.floor(runs / jobs) + (i < runs % jobs ? 1 : 0))
  const results = await Promise.all(
    shares.map(
      (share, i) =>
        new Promise<string>((resolve) => {
          const onReport = (r: Report) => {
            if (r.kind === 'progress') {
              done += r.done
              const seconds = (performance.now() - started) / 1000
              log(`${done} runs in ${seconds.toFixed(0)} s (${((seconds * 1000) / done).toFixed(1)} ms/run overall)`)
            } else {
              if (!r.ok) failed = true
              resolve(r.message)
            }
          }
          const job: Job = { runs: share, seed: seed + i, every }
          if (jobs === 1) void runJob(job, onReport)
          else {
            // A worker does not inherit tsx's loader: register it before importing this file.
            const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}) })`
            new Worker(boot, { eval: true, workerData: job })
              .on('message', onReport)
              .on('error', (e) => onReport({ kind: 'end', ok: false, message: String(e) }))
          }
        }),
    ),
  )
  const seconds = (performance.now() - started) / 1000
  for (const line of results) process.stdout.write(`${line}\n`)
  process.stdout.write(
    failed
      ? `fuzz: FAILED (see above) after ${seconds.toFixed(0)} s\n`
      : `fuzz: ${runs} runs passed in ${seconds.toFixed(0)} s: no exception, every page well-formed and free of input scripts\n`,
  )
  process.exitCode = failed ? 1 : 0
}
