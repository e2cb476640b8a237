/**
 * The worker side of the note pool: one processor and highlighter per
 * thread, made from `workerData` when the thread starts, then one note per
 * task. Progress goes to a shared array so the pool's watchdog can tell
 * parsing from highlighting, and which block, when a note overruns its budget.
 */
import type { Element } from 'hast'
import { workerData } from 'piscina'
import { noteBody } from './body.ts'
import { compileNote } from './compile.ts'
import { createCodeHighlighter } from './highlighter.ts'
import { createProcessor, type NoteProcessor } from './processor.ts'
import { BLOCK, COMPILING, HIGHLIGHTING, PHASE, type CompileResult, type CompileTask, type WorkerSettings } from './task.ts'

async function setUp(settings: WorkerSettings): Promise<NoteProcessor> {
  const highlighter = await createCodeHighlighter({ lightTheme: settings.lightTheme, darkTheme: settings.darkTheme, langs: settings.langs })
  return createProcessor({ ...settings, highlighter })
}

// A worker module is this thread's own: the processor is made once, when the thread starts.
const ready: Promise<NoteProcessor> | undefined = workerData ? setUp(workerData as WorkerSettings) : undefined

/**
 * Compile one note and serialise its body here, so that only strings and
 * facts cross to the main thread; diagnostics name the source path, the pool
 * maps them for display.
 */
export default async function compileTask(task: CompileTask): Promise<CompileResult> {
  if (!ready) throw new Error('The note worker was started without settings')
  const processor = await ready
  const { progress } = task
  Atomics.store(progress, PHASE, COMPILING)
  Atomics.notify(progress, PHASE)
  const compiled = await compileNote(processor, task.input, (source) => source, {
    plain: new Set(task.plainBlocks),
    timeoutMs: task.timeoutMs,
    enter(index) {
      Atomics.store(progress, BLOCK, index)
      Atomics.store(progress, PHASE, HIGHLIGHTING)
    },
    leave: () => Atomics.store(progress, PHASE, COMPILING),
    blocks: new Map(Object.entries(JSON.parse(task.blocks) as Record<string, Element>)),
    salt: task.salt,
  })
  const body = noteBody(compiled)
  const { tree: _tree, ...note } = compiled
  return { note, body }
}
