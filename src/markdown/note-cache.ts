/**
 * A cache of compiled notes keyed by everything a compilation depends on, so
 * a note whose text did not change is never parsed again. A note's facts and
 * its body are kept apart: every build reads the facts of every note, while
 * a body is read only when a page showing it is rendered. The dev server
 * keeps one in memory across rebuilds; `npm run build` keeps one on disk
 * (`DiskNoteCache`) behind the same interface.
 */
import { createHash } from 'node:crypto'
import type { Config } from '../config.ts'
import type { SourcePath } from '../paths.ts'
import type { SearchSection } from '../search/sections.ts'
import type { NoteBody } from './body.ts'
import type { CompiledNote, NoteFacts, NoteInput } from './compile.ts'
import type { EmbedSlot } from './embed-body.ts'
import type { PrintSlot } from './print-body.ts'
import type { SlottedHtml } from './slotted-html.ts'

/** The bodies of compiled notes by key, each form read when it is needed. */
export interface NoteBodies {
  /** The body on the note's page (`NoteBody.page`). */
  page(key: string): SlottedHtml<string>
  /** The body as a print chapter (`NoteBody.print`). */
  print(key: string): SlottedHtml<PrintSlot>
  /** The body as other notes embed it (`NoteBody.embed`). */
  embed(key: string): SlottedHtml<EmbedSlot>
  /** The search sections (`NoteBody.sections`). */
  sections(key: string): SearchSection[]
}

/** Where compiled notes are kept between compilations. Treat what it returns as read-only. */
export interface NoteCache extends NoteBodies {
  /** The facts stored under `key`, when its whole entry is there. */
  get(key: string): CompiledNote | undefined
  /**
   * Store a compiled note under `key`. A note that is not `lasting` (its
   * outcome depended on the machine: a time budget, a crashed worker) is
   * kept for this build's pages only, never written to disk.
   */
  set(key: string, note: NoteFacts, body: NoteBody, options?: { lasting?: boolean }): void
  /** JSON of the highlighted blocks of the note last stored for `source`, under any key: a recompile reuses the unchanged ones. */
  previousBlocks?(source: SourcePath): string | undefined
  /**
   * The key of the note last stored for `source`, as recorded, without
   * reading its entry: a cheap guess at which notes `get` will miss, so the
   * threads that compile them start while the others' entries are read.
   */
  recorded?(source: SourcePath): string | undefined
  /** Drop every entry whose key is not listed (a persistent cache does so on `flush`). */
  retain?(keys: ReadonlySet<string>): void
  /** Drop one entry, found unreadable after it was served. */
  forget?(key: string): void
  /** Finish writing what was set and dropped. */
  flush?(): Promise<void>
}

/** A body part that was listed in the cache but cannot be read back: the build drops its entry and runs again. */
export class CacheEntryError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message)
  }
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
  hash.update(JSON.stringify([version, input.source, input.includeTitle ?? null, input.segments, input.columnShifts ?? null, settings.math, settings.trusted, settings.lightTheme, settings.darkTheme]))
  hash.update('\0')
  hash.update(input.text)
  return hash.digest('base64url')
}

/** An in-memory cache; `retain` drops every entry whose key is not listed. */
export function memoryNoteCache(): NoteCache & {
  retain(keys: ReadonlySet<string>): void
  /** JSON of the highlighted blocks stored under `key`. */
  blocks(key: string): string | undefined
  readonly size: number
} {
  const entries = new Map<string, { note: CompiledNote; body: NoteBody }>()
  const latest = new Map<SourcePath, string>()
  const body = (key: string): NoteBody => {
    const entry = entries.get(key)
    if (!entry) throw new CacheEntryError(key, `No compiled note under key ${key}`)
    return entry.body
  }
  return {
    get: (key) => entries.get(key)?.note,
    set(key, note, noteBody) {
      entries.set(key, { note: { ...note, key }, body: noteBody })
      latest.set(note.source, key)
    },
    page: (key) => body(key).page,
    print: (key) => body(key).print,
    embed: (key) => body(key).embed,
    sections: (key) => body(key).sections,
    blocks: (key) => entries.get(key)?.body.blocks,
    recorded: (source) => latest.get(source),
    previousBlocks: (source) => {
      const key = latest.get(source)
      return key === undefined ? undefined : entries.get(key)?.body.blocks
    },
    retain(keys) {
      for (const key of entries.keys()) if (!keys.has(key)) entries.delete(key)
      for (const [source, key] of latest) if (!entries.has(key)) latest.delete(source)
    },
    forget(key) {
      entries.delete(key)
    },
    get size() {
      return entries.size
    },
  }
}
