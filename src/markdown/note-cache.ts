/**
 * A cache of compiled notes keyed by everything a compilation depends on, so
 * a note whose text did not change is never parsed again. The dev server
 * keeps one in memory across rebuilds; a persistent cache can implement the
 * same interface.
 */
import { createHash } from 'node:crypto'
import type { Config } from '../config.ts'
import type { CompiledNote, NoteInput } from './compile.ts'

/** Where compiled notes are kept between compilations. */
export interface NoteCache {
  get(key: string): CompiledNote | undefined
  set(key: string, note: CompiledNote): void
}

/** The settings that change how a note compiles. */
export type CompileSettings = Pick<Config, 'math' | 'trusted' | 'lightTheme' | 'darkTheme'>

/** The cache key of one note: its path, its expanded text and line map, and the settings. */
export function noteCacheKey(input: NoteInput, settings: CompileSettings): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify([input.source, input.includeTitle ?? null, input.segments, settings.math, settings.trusted, settings.lightTheme, settings.darkTheme]))
  hash.update('\0')
  hash.update(input.text)
  return hash.digest('base64url')
}

/** An in-memory cache; `retain` drops every entry whose key is not listed. */
export function memoryNoteCache(): NoteCache & { retain(keys: ReadonlySet<string>): void; readonly size: number } {
  const entries = new Map<string, CompiledNote>()
  return {
    get: (key) => entries.get(key),
    set: (key, note) => void entries.set(key, note),
    retain(keys) {
      for (const key of entries.keys()) if (!keys.has(key)) entries.delete(key)
    },
    get size() {
      return entries.size
    },
  }
}
