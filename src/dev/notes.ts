/**
 * The dev server's notes, kept compiled in memory across rebuilds: a rebuild
 * re-reads only the notes that changed (or whose included files changed) and
 * re-parses only those whose content hash changed, on the build's worker
 * pool (so a note that never finishes is stopped by `note-timeout-ms`, and a
 * recompiled note keeps its unchanged highlighted code blocks). A note that
 * breaks keeps its last good version in the site, beside its errors. With
 * the persistent cache `npm run build` keeps, a note found there is read
 * instead of compiled (the server starts in seconds on a wiki a build has
 * seen), and what the server compiles is written there for the next build.
 */
import path from 'node:path'
import type { Config } from '../config.ts'
import { loadNote, sourceReader, type LoadedNote } from '../content/load.ts'
import { compileAll } from '../markdown/compile-all.ts'
import type { NoteBody } from '../markdown/body.ts'
import type { CompiledNote, NoteFacts, NoteInput } from '../markdown/compile.ts'
import type { DiskNoteCache } from '../markdown/disk-cache.ts'
import { memoryNoteCache, type NoteBodies, type NoteCache } from '../markdown/note-cache.ts'
import type { NotePool } from '../markdown/pool.ts'
import type { SourcePath } from '../paths.ts'
import type { Diagnostic } from '../report.ts'

interface NoteState {
  loaded: LoadedNote
  /** This version, compiled; undefined when it could not be read. */
  current?: CompiledNote
  /** The latest version without errors. */
  good?: CompiledNote
  failed: boolean
}

export interface NoteStoreOptions {
  config: Config
  /** The pool notes compile on, kept for the whole session. */
  pool: NotePool
  displaySource: (source: SourcePath) => string
  /** The persistent cache to read notes from and write them to, with the tool's fingerprint (`toolFingerprint()`) its keys are made with. */
  disk?: { cache: DiskNoteCache; tool: string }
  /** Told after each note an update compiles (or finds in a cache), with how many it has: the first build's progress. */
  onProgress?: (done: number, total: number) => void
  /** While the first update compiles, its notes are written to `disk` this many at a time (default `FIRST_BUILD_BATCH`). */
  firstBuildBatch?: number
}

/** One note loaded again: what the site showed of it before, and shows now. */
export interface NoteChange {
  source: SourcePath
  before?: CompiledNote
  after?: CompiledNote
  /** Its load and compile diagnostics before (the very objects `diagnostics()` returned) and after. */
  diagnosticsBefore: Diagnostic[]
  diagnosticsAfter: Diagnostic[]
  /** Its includes read other files (their diagnostics may name those files). */
  includes: boolean
}

/** The notes of the site as the dev server holds them. */
export interface NoteStore {
  /**
   * Bring the store in line with `notes` (the current listing): drop notes
   * that are gone, load new ones and those in `changed`, and those whose
   * includes read a changed file or looked for one that appeared, in the
   * source folder or (`changedOutside`, absolute) outside it. Returns the notes that were compiled
   * again, each with the version shown and its diagnostics before and after.
   */
  update(notes: readonly SourcePath[], changed: ReadonlySet<SourcePath>, changedOutside?: ReadonlySet<string>): Promise<NoteChange[]>
  /** The version of each note the site shows, in listing order: the current one, or the last good one when it fails. */
  shown(): CompiledNote[]
  /** The inputs of the shown versions, for line maps. */
  inputs(): NoteInput[]
  /** Files of the source folder each note's includes read. */
  dependencies(): Map<SourcePath, SourcePath[]>
  /** Files outside the source folder (absolute) that the notes' includes read or looked for. */
  outsideFiles(): string[]
  /** Load and compile diagnostics of every note, current versions. */
  diagnostics(): Diagnostic[]
  /** Errors of one note, current version. */
  errors(source: SourcePath): Diagnostic[]
  /** The bodies of the notes shown, by `CompiledNote.key`. */
  readonly bodies: NoteBodies
  /**
   * Start compiling the note at `source` as it is on disk now, ahead of the
   * `update` that will ask for it: a save is compiled while the watcher
   * still waits to see whether more events follow it. Never fails.
   */
  prefetch(source: SourcePath): void
  /** Resolves once what was compiled so far is written to the persistent cache (at once without one). */
  flush(): Promise<void>
  /** Resolves once the threads are warmed up after a start from the cache, or a save stopped it. */
  warmedUp(): Promise<void>
  /** Stop warming up and finish writing to the persistent cache: call before the pool closes. */
  close(): Promise<void>
}

/** The version of a note the site shows: the current one, or the last good one while it fails. */
function shownOf(state: NoteState): CompiledNote | undefined {
  return state.failed ? (state.good ?? state.current) : state.current
}

/** A note's load and compile diagnostics, current version. */
function diagnosticsOf(state: NoteState): Diagnostic[] {
  return [...state.loaded.diagnostics, ...(state.current?.diagnostics ?? [])]
}

/**
 * Notes the threads compile at start: the first update's, then notes read
 * from the cache, compiled for nothing to warm the threads up
 * (`createNoteStore`). Edit → reload on the 200-note benchmark wiki, median
 * of 20 saves after the warm-up: 48–60 ms with 32, 42 ms with 128, 41–43 ms
 * with every note, 32–44 ms when the server had compiled every note itself.
 */
const WARM_UP_NOTES = 128

/**
 * The first update of a big wiki without a cache compiles for minutes, and the
 * server is stopped by Ctrl-C's default (no handler is set before it serves):
 * its notes go to disk as they compile, in batches of this many, so that a
 * start stopped midway resumes where it stopped, as `npm run build` does.
 */
const FIRST_BUILD_BATCH = 64

/** Create an empty store; the first `update` loads everything. */
export function createNoteStore({ config, pool, displaySource, disk, onProgress, firstBuildBatch = FIRST_BUILD_BATCH }: NoteStoreOptions): NoteStore {
  const states = new Map<SourcePath, NoteState>()
  const memory = memoryNoteCache()
  // Keys whose entry is on `disk`, true for those read from there (their blocks stay there until a
  // recompile asks for them), false for those this store wrote.
  const onDisk = new Map<string, boolean>()
  let order: readonly SourcePath[] = []
  // The disk's keys are `npm run build`'s, which the tool's fingerprint salts; the memory lives as long as
  // this process, whose code cannot change under it.
  const tool = disk?.tool ?? 'dev'
  // compileAll's view of the store: a recompile reuses the code blocks of the version shown now.
  const cache: NoteCache = {
    get(key) {
      const held = memory.get(key)
      if (held || !disk) return held
      // Read whole into memory, as a compiled note is kept: a later build may delete the entry
      // (it keeps only its own notes), and a page must never be left without its body.
      const entry = disk.cache.entry(key)
      if (!entry) return undefined
      memory.set(key, entry.note, { ...entry.body, blocks: '{}' })
      onDisk.set(key, true)
      return memory.get(key)
    },
    set(key, note, body, options) {
      memory.set(key, note, body, options)
      // An outcome of the machine (a time budget) is this session's only, as it is a build's.
      if (!disk || options?.lasting === false) return
      onDisk.set(key, false)
      unwritten.push({ key, note, body })
      // Later updates write after the reload instead (`update`'s end), off its path.
      if (states.size === 0 && unwritten.length >= firstBuildBatch) persist()
    },
    page: (key) => memory.page(key),
    print: (key) => memory.print(key),
    embed: (key) => memory.embed(key),
    sections: (key) => memory.sections(key),
    previousBlocks: (source) => {
      const current = states.get(source)?.current
      if (!current) return undefined
      return onDisk.get(current.key) ? disk?.cache.previousBlocks(source) : memory.blocks(current.key)
    },
  }
  // What was compiled is written to disk off the path of the reload (after the rebuild's turn of the
  // event loop: encoding a body is milliseconds of this thread), one flush after another. A failed write
  // is dropped: the cache only saves a later start its compiling.
  const unwritten: Array<{ key: string; note: NoteFacts; body: NoteBody }> = []
  let persisting = Promise.resolve()
  const persist = (forget: string[] = []) => {
    if (!disk) return
    persisting = persisting
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(() => {
        // A version replaced before its turn (a prefetched save, then another) is not written at all.
        for (const { key, note, body } of unwritten.splice(0)) if (onDisk.has(key)) disk.cache.set(key, note, body)
        for (const key of forget) disk.cache.forget(key)
        return disk.cache.flush()
      })
      .catch(() => undefined)
  }

  // Compiles started by `prefetch`, awaited by the next `update` so that it finds them in `memory`.
  const prefetching = new Set<Promise<unknown>>()

  // Threads that compiled nothing yet (every note came from disk) are slow at their first notes: they
  // load grammars and their code is not optimised yet. A few notes with code compiled for nothing, one
  // per thread at a time, make the first saves as quick as the later ones; a save stops it.
  let warming = { stop: true, done: Promise.resolve() }
  const warmUp = (count: number) => {
    const inputs = order
      .map((source) => states.get(source))
      .flatMap((state) => (state?.current?.hasCode && onDisk.get(state.current.key) && state.loaded.input ? [state.loaded.input] : []))
      .slice(0, count)
    let next = 0
    const run = { stop: false, done: Promise.resolve() }
    const lane = async () => {
      while (!run.stop && next < inputs.length) await pool.compile(inputs[next++]!)
    }
    run.done = Promise.all(Array.from({ length: pool.threads }, lane)).then(
      () => undefined,
      () => undefined,
    )
    warming = run
  }

  return {
    prefetch(source) {
      warming.stop = true
      // A note not in the site yet waits for discovery; one that includes others is loaded with them.
      const state = states.get(source)
      if (!state || state.loaded.dependencies.length > 0 || state.loaded.outside.length > 0) return
      const loaded = loadNote(source, { config, read: sourceReader(), displaySource })
      if (!loaded.input) return
      const job = compileAll([loaded.input], { config, displaySource, cache, pool, tool })
        .then(() => persist())
        .catch(() => undefined)
      prefetching.add(job)
      void job.finally(() => prefetching.delete(job))
    },
    async update(notes, changed, changedOutside = new Set()) {
      warming.stop = true
      const first = states.size === 0
      await Promise.all(prefetching)
      const listed = new Set(notes)
      for (const source of states.keys()) if (!listed.has(source)) states.delete(source)
      const stale = notes.filter(
        (source) => {
          const loaded = states.get(source)?.loaded
          // A missing include that appears is a change too: the note then shows the file instead of the link.
          return (
            !loaded ||
            changed.has(source) ||
            loaded.dependencies.some((d) => changed.has(d)) ||
            loaded.missing.some((d) => changed.has(d)) ||
            loaded.outside.some((file) => changedOutside.has(file))
          )
        },
      )
      const read = sourceReader()
      const loaded = stale.map((source) => loadNote(source, { config, read, displaySource }))
      const inputs = loaded.flatMap((l) => (l.input ? [l.input] : []))
      const { notes: compiled, compiled: fresh } = await compileAll(inputs, { config, displaySource, cache, pool, tool, onProgress })
      const bySource = new Map(compiled.map((note) => [note.source, note]))
      const changes = stale.map((source, i): NoteChange => {
        const current = bySource.get(source)
        const failed = !current || current.failed || loaded[i]!.diagnostics.some((d) => d.severity === 'error')
        const before = states.get(source)
        const state: NoteState = { loaded: loaded[i]!, current, good: failed ? before?.good : current, failed }
        states.set(source, state)
        return {
          source,
          before: before && shownOf(before),
          after: shownOf(state),
          diagnosticsBefore: before ? diagnosticsOf(before) : [],
          diagnosticsAfter: diagnosticsOf(state),
          includes: [state.loaded, before?.loaded].some((l) => l && (l.dependencies.length > 0 || l.outside.length > 0)),
        }
      })
      order = notes
      // Keep only what the site still shows, so memory stays flat over a long session.
      const live = new Set<string>()
      for (const state of states.values()) {
        for (const note of [state.current, state.good]) if (note) live.add(note.key)
      }
      memory.retain(live)
      // The disk too: entries of versions no longer shown (edited since, or saves a later one replaced)
      // would otherwise pile up until the next build.
      const gone = [...onDisk.keys()].filter((key) => !live.has(key))
      for (const key of gone) onDisk.delete(key)
      persist(gone)
      if (first && fresh < WARM_UP_NOTES) warmUp(WARM_UP_NOTES - fresh)
      return changes
    },
    shown() {
      const out: CompiledNote[] = []
      for (const source of order) {
        const note = states.has(source) ? shownOf(states.get(source)!) : undefined
        if (note) out.push(note)
      }
      return out
    },
    dependencies() {
      const out = new Map<SourcePath, SourcePath[]>()
      for (const source of order) {
        const deps = states.get(source)?.loaded.dependencies
        if (deps?.length) out.set(source, deps)
      }
      return out
    },
    outsideFiles() {
      const files = new Set<string>()
      for (const state of states.values()) for (const file of state.loaded.outside) files.add(file)
      return [...files].sort()
    },
    inputs() {
      return order.flatMap((source) => {
        const input = states.get(source)?.loaded.input
        return input ? [input] : []
      })
    },
    diagnostics() {
      return order.flatMap((source) => {
        const state = states.get(source)
        return state ? diagnosticsOf(state) : []
      })
    },
    errors(source) {
      const state = states.get(source)
      return state ? diagnosticsOf(state).filter((d) => d.severity === 'error') : []
    },
    bodies: memory,
    flush: () => persisting,
    warmedUp: () => warming.done,
    async close() {
      warming.stop = true
      await warming.done
      await persisting
    },
  }
}

/** Display a source path as the terminal shows it: relative to the source folder. */
export function sourceLabel(config: Config, absolute: string): string {
  const rel = path.relative(config.src, absolute)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : path.relative(process.cwd(), absolute) || absolute
}
