/**
 * The worker side of the note pool: one processor and highlighter per
 * thread, made from `workerData` when the thread starts, then one note per
 * task. Progress goes to a shared array so the pool's watchdog can tell
 * parsing from highlighting, and which block, when a note overruns its budget.
 */
import type { Element } from 'hast'
import { workerData } from 'piscina'
import type { LanguageRegistration } from 'shiki'
import type { TopicDef } from '../content/topics-file.ts'
import { compileNote, type CompiledNote, type NoteInput } from './compile.ts'
import { createCodeHighlighter } from './highlighter.ts'
import { createProcessor, type NoteProcessor } from './processor.ts'

/** What a pool's threads are made with: everything that shapes a note's output besides the note. */
export interface WorkerSettings {
  math: boolean
  trusted: boolean
  lightTheme: string
  darkTheme: string
  /** Extra grammars (`HighlighterOptions.langs`). */
  langs?: LanguageRegistration[]
  /** Topics linked where prose mentions them (default none). */
  topics?: TopicDef[]
  /** Record the symbols code blocks define and use (default true; false with `indices = false`). */
  symbols?: boolean
}

/** Slots of `CompileTask.progress`. */
export const PHASE = 0
export const BLOCK = 1
/** Values of the `PHASE` slot. */
export const QUEUED = 0
export const COMPILING = 1
export const HIGHLIGHTING = 2

export interface CompileTask {
  input: NoteInput
  /** Blocks to leave plain because they overran the budget in an earlier try. */
  plainBlocks: number[]
  timeoutMs: number
  /** Highlighted `pre` trees of the note's previous version, by `CodeBlockInfo.key`. */
  blocks: Record<string, Element>
  /** Mixed into the keys of this compile's blocks (`BlockReuse.salt`). */
  salt: string
  /** Two Int32 slots on a SharedArrayBuffer: phase, then the block being highlighted. */
  progress: Int32Array
}

async function setUp(settings: WorkerSettings): Promise<NoteProcessor> {
  const highlighter = await createCodeHighlighter({ lightTheme: settings.lightTheme, darkTheme: settings.darkTheme, langs: settings.langs })
  return createProcessor({ math: settings.math, trusted: settings.trusted, highlighter, topics: settings.topics, symbols: settings.symbols })
}

// A worker module is this thread's own: the processor is made once, when the thread starts.
const ready: Promise<NoteProcessor> | undefined = workerData ? setUp(workerData as WorkerSettings) : undefined

/** Compile one note; diagnostics name the source path, the pool maps them for display. */
export default async function compileTask(task: CompileTask): Promise<CompiledNote> {
  if (!ready) throw new Error('The note worker was started without settings')
  const processor = await ready
  const { progress } = task
  Atomics.store(progress, PHASE, COMPILING)
  Atomics.notify(progress, PHASE)
  return compileNote(processor, task.input, (source) => source, {
    plain: new Set(task.plainBlocks),
    timeoutMs: task.timeoutMs,
    enter(index) {
      Atomics.store(progress, BLOCK, index)
      Atomics.store(progress, PHASE, HIGHLIGHTING)
    },
    leave: () => Atomics.store(progress, PHASE, COMPILING),
    blocks: new Map(Object.entries(task.blocks)),
    salt: task.salt,
  })
}
