/**
 * A pool of worker threads (piscina) that compile notes in parallel, each
 * note under a time budget. A note that overruns it is stopped by ending its
 * worker: when a code block was being highlighted (a grammar backtracking
 * without end), the note is tried again with that block left plain, and a
 * warning; otherwise it becomes an error naming the file. A worker that
 * crashes (stack, memory) fails only its note. Results do not depend on the
 * number of threads: each note is compiled alone, from its own input.
 */
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import { emptyBody } from './body.ts'
import { failedNote, type NoteInput } from './compile.ts'
import type { Diagnostic } from '../report.ts'
import { BLOCK, HIGHLIGHTING, PHASE, QUEUED, type CompileResult, type CompileTask, type WorkerSettings } from './task.ts'

export interface NotePoolOptions extends WorkerSettings {
  /** Threads to run (default: the machine's available parallelism). */
  threads?: number
  /** Budget for one note, from the moment its worker starts on it (`note-timeout-ms`). */
  timeoutMs: number
}

/** Compiles notes off the main thread. Keep one for many builds (the dev server does); `close` it when done. */
export interface NotePool {
  readonly threads: number
  /** What every note is compiled with (part of the cache fingerprint). */
  readonly settings: WorkerSettings
  /** Compile one note; never rejects for a problem in the note. */
  compile(input: NoteInput, reuse?: BlockReuse): Promise<CompileResult>
  close(): Promise<void>
}

/** Highlighted code blocks a recompiled note may take from its previous version. */
export interface BlockReuse {
  /** JSON of the previous version's `pre` trees by `CodeBlockInfo.key` (`NoteBody.blocks`). */
  blocks: string
  /** Mixed into block keys: the fingerprint of the tool and settings the blocks were made with. */
  salt: string
}

/** How many times a note is retried with one more block left plain. */
const MAX_PLAIN_RETRIES = 3

/**
 * The worker module beside the running one: `src/markdown/worker.ts` when the
 * TypeScript sources run, `worker.mjs` beside `cli.mjs` in the launcher's bundle
 * (whose folder is named by a hash, so it is found from here, not from the package root).
 */
const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), `worker${path.extname(fileURLToPath(import.meta.url))}`)

/**
 * The Node flags of a worker. Unset, a thread inherits this process's flags as Node passes them:
 * given explicitly, a V8 or per-process flag (`node --max-old-space-size=4096`, what a large wiki's
 * author reaches for) stops every thread from starting. Only the TypeScript sources need a flag
 * added, the loader, unless this process already has one its workers inherit.
 */
function workerExecArgv(): string[] | undefined {
  if (!WORKER.endsWith('.ts') || process.execArgv.some((arg) => arg.includes('tsx'))) return undefined
  return [...process.execArgv.filter((arg) => !arg.startsWith('--eval')), '--import', 'tsx']
}

/** The default thread count: one per core the process may use. */
export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism())
}

/** Start a pool. Threads start when it is made, so make it as soon as notes are known to need compiling. */
export function createNotePool(options: NotePoolOptions): NotePool {
  const threads = Math.max(1, options.threads ?? defaultThreads())
  // Every other option is a worker setting, so a new one reaches the threads without being listed here.
  const { threads: _threads, timeoutMs: _timeoutMs, ...settings } = options satisfies WorkerSettings
  const piscina = new Piscina<CompileTask, CompileResult>({
    filename: WORKER,
    minThreads: threads,
    maxThreads: threads,
    // Idle threads stay for the next rebuild; the pool is closed explicitly.
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: settings,
    // The main thread's stack size rather than a worker's 4 MB: a note nested thousands deep
    // ('>'.repeat(10000)) then overflows in seconds instead of recursing (quadratically) for a minute.
    resourceLimits: { stackSizeMb: 1 },
    execArgv: workerExecArgv(),
  })

  /** One try: resolves with the result, or with why it stopped. */
  const attempt = async (input: NoteInput, reuse: BlockReuse, plainBlocks: number[]) => {
    const progress = new Int32Array(new SharedArrayBuffer(8))
    const controller = new AbortController()
    let timer: NodeJS.Timeout | undefined
    let timedOut = false
    // The budget starts when a worker takes the note, not while it waits in the queue or a thread boots.
    const waiting = Atomics.waitAsync(progress, PHASE, QUEUED)
    const started = waiting.async ? waiting.value : Promise.resolve()
    void started.then(() => {
      if (controller.signal.aborted || Atomics.load(progress, PHASE) === QUEUED) return
      timer = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, options.timeoutMs)
    })
    try {
      const task: CompileTask = { input, plainBlocks, timeoutMs: options.timeoutMs, blocks: reuse.blocks, salt: reuse.salt, progress }
      return { result: await piscina.run(task, { signal: controller.signal }) }
    } catch (error) {
      if (timedOut) {
        const highlighting = Atomics.load(progress, PHASE) === HIGHLIGHTING
        return { timedOut: true, block: highlighting ? Atomics.load(progress, BLOCK) : undefined }
      }
      return { error: error as Error }
    } finally {
      clearTimeout(timer)
      controller.abort()
      // Release the wait of a task that never started.
      Atomics.notify(progress, PHASE)
    }
  }

  return {
    threads,
    settings,
    async compile(input, reuse = { blocks: '{}', salt: '' }) {
      const plainBlocks: number[] = []
      for (;;) {
        const outcome = await attempt(input, reuse, plainBlocks)
        if (outcome.result) return outcome.result
        const file = input.source
        if (outcome.timedOut) {
          const block = outcome.block
          if (block !== undefined && !plainBlocks.includes(block) && plainBlocks.length < MAX_PLAIN_RETRIES) {
            plainBlocks.push(block)
            continue
          }
          const message = `Took longer than ${options.timeoutMs} ms to parse and render (note-timeout-ms); not published`
          return failed(input, { file, severity: 'error', message, rule: 'note-timeout' })
        }
        const reason = outcome.error?.message ?? 'unknown error'
        return failed(input, { file, severity: 'error', message: `Failed to render: the worker compiling it stopped (${reason})`, rule: 'worker' })
      }
    },
    close: () => piscina.destroy(),
  }
}

/** The result for a note that could not be compiled: no body, and the error. */
function failed(input: NoteInput, diagnostic: Diagnostic): CompileResult {
  const { tree: _tree, ...note } = failedNote(input, diagnostic)
  return { note, body: emptyBody() }
}
