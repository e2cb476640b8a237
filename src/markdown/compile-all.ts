/**
 * Markdown stage for a whole site: compile every note with one highlighter
 * and one processor, skipping notes the cache already holds.
 */
import type { Config } from '../config.ts'
import type { SourcePath } from '../paths.ts'
import { compileNote, type CompiledNote, type NoteInput } from './compile.ts'
import { createCodeHighlighter } from './highlighter.ts'
import { noteCacheKey, type NoteCache } from './note-cache.ts'
import { createProcessor, type NoteProcessor } from './processor.ts'

export interface CompileAllOptions {
  config: Config
  displaySource: (source: SourcePath) => string
  onProgress?: (done: number, total: number) => void
  /** Compiled notes from earlier runs (default: none). */
  cache?: NoteCache
}

/** Create the processor a site's notes compile with (one shiki highlighter for all). */
export async function createSiteProcessor(config: Config): Promise<NoteProcessor> {
  const highlighter = await createCodeHighlighter({ lightTheme: config.lightTheme, darkTheme: config.darkTheme })
  return createProcessor({ math: config.math, trusted: config.trusted, smartPunctuation: config.smartPunctuation, highlighter })
}

/** Compile notes in input order; diagnostics stay on each note. */
export async function compileAll(inputs: NoteInput[], options: CompileAllOptions): Promise<CompiledNote[]> {
  const { config, cache } = options
  let processor: NoteProcessor | undefined
  const compiled: CompiledNote[] = []
  for (const input of inputs) {
    const key = cache ? noteCacheKey(input, config) : ''
    let note = cache?.get(key)
    if (!note) {
      processor ??= await createSiteProcessor(config)
      note = await compileNote(processor, input, options.displaySource)
      cache?.set(key, note)
    }
    compiled.push(note)
    options.onProgress?.(compiled.length, inputs.length)
  }
  return compiled
}
