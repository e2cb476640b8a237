/**
 * A cache of compiled notes keyed by everything a compilation depends on, so
 * a note whose text did not change is never parsed again. The dev server
 * keeps one in memory across rebuilds; `npm run build` keeps one on disk
 * (`DiskNoteCache`) behind the same interface.
 */
import { createHash } from 'node:crypto'
import type { Config } from '../config.ts'
import type { SourcePath } from '../paths.ts'
import type { CompiledNote, NoteInput } from './compile.ts'

/** Where compiled notes are kept between compilations. Treat what `get` returns as read-only. */
export interface NoteCache {
  get(key: string): CompiledNote | undefined
  set(key: string, note: CompiledNote): void
  /** The note last stored for `source`, under any key: a recompile reuses its unchanged code blocks. */
  previous?(source: SourcePath): CompiledNote | undefined
  /** Drop every entry whose key is not listed (a persistent cache does so on `flush`). */
  retain?(keys: ReadonlySet<string>): void
  /** Finish writing what was set and dropped. */
  flush?(): Promise<void>
}

/** The settings that change how a note compiles. */
export type CompileSettings = Pick<Config, 'math' | 'trusted' | 'lightTheme' | 'darkTheme'>

/**
 * The cache key of one note: its path, its expanded text and line map, the
 * settings, and `version` — the tool's fingerprint, for a cache that outlives
 * the process.
 */
export function noteCacheKey(input: NoteInput, settings: CompileSettings, version = ''): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify([version, input.source, input.includeTitle ?? null, input.segments, settings.math, settings.trusted, settings.lightTheme, settings.darkTheme]))
  hash.update('\0')
  hash.update(input.text)
  return hash.digest('base64url')
}

/** An in-memory cache; `retain` drops every entry whose key is not listed. */
export function memoryNoteCache(): NoteCache & { retain(keys: ReadonlySet<string>): void; readonly size: number } {
  const entries = new Map<string, CompiledNote>()
  const latest = new Map<SourcePath, CompiledNote>()
  return {
    get: (key) => entries.get(key),
    set(key, note) {
      entries.set(key, note)
      latest.set(note.source, note)
    },
    previous: (source) => latest.get(source),
    retain(keys) {
      for (const key of entries.keys()) if (!keys.has(key)) entries.delete(key)
      const kept = new Set(entries.values())
      for (const [source, note] of latest) if (!kept.has(note)) latest.delete(source)
    },
    get size() {
      return entries.size
    },
  }
}
