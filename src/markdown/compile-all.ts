/**
 * Markdown stage for a whole site: compile every note with one highlighter
 * and one processor.
 */
import type { Config } from '../config.ts'
import type { SourcePath } from '../paths.ts'
import { compileNote, type CompiledNote, type NoteInput } from './compile.ts'
import { createCodeHighlighter } from './highlighter.ts'
import { createProcessor } from './processor.ts'

export interface CompileAllOptions {
  config: Config
  displaySource: (source: SourcePath) => string
  onProgress?: (done: number, total: number) => void
}

/** Compile notes in input order; diagnostics stay on each note. */
export async function compileAll(inputs: NoteInput[], options: CompileAllOptions): Promise<CompiledNote[]> {
  const { config } = options
  const highlighter = await createCodeHighlighter({ lightTheme: config.lightTheme, darkTheme: config.darkTheme })
  const processor = createProcessor({ math: config.math, trusted: config.trusted, highlighter })
  const compiled: CompiledNote[] = []
  for (const input of inputs) {
    compiled.push(await compileNote(processor, input, options.displaySource))
    options.onProgress?.(compiled.length, inputs.length)
  }
  return compiled
}
