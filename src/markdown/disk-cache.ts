/**
 * The persistent note cache: in one folder per wiki, each compiled note is a
 * small facts file named by its content key, beside one file per body form
 * (page, print chapter, search sections, highlighted blocks), so a build
 * reads every note's facts but only the bodies of the pages it renders.
 * Files are written atomically (temporary file, then rename), the facts
 * last, recording the size of each body file: an entry whose facts cannot be
 * read, parsed or checked, or whose body files are missing or of another
 * size (corrupt, cut short, from another format) is a miss. A body file that
 * still cannot be read when a page needs it throws `CacheEntryError`, and the
 * build runs again without that entry. `flush` deletes the entries no longer
 * retained and records which key each source had last, so an edited note
 * can reuse its unchanged code blocks.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { SourcePath } from '../paths.ts'
import type { SearchSection } from '../search/sections.ts'
import type { NoteBody } from './body.ts'
import type { CompiledNote, NoteFacts } from './compile.ts'
import { CacheEntryError, type NoteCache } from './note-cache.ts'
import type { EmbedSlot } from './embed-body.ts'
import type { PrintSlot } from './print-body.ts'
import { decodeSlotted, encodeSlotted, type SlottedHtml } from './slotted-html.ts'

/** Bumped when the entry format changes; a folder of another format is emptied. */
const FORMAT = 4
const INDEX = 'index.json'
const ENTRIES = 'entries'

/** Body files of an entry, each checked by size when its facts are read, but `embed`'s. */
const PARTS = ['page', 'print', 'embed', 'search'] as const
type Part = (typeof PARTS)[number] | 'blocks'
/**
 * Checked by size when read instead: only a page embedding the note reads
 * its embed form, and a stat of it for every note would be on every build's
 * path. A damaged one throws `CacheEntryError` when read, as a body file
 * damaged after its check does.
 */
const CHECKED_WHEN_READ: ReadonlySet<Part> = new Set(['embed'])

interface StoredFacts {
  format?: number
  key?: string
  note?: NoteFacts
  sizes?: Partial<Record<Part, number>>
}

/** Write `text` to `file` so that a reader sees the old content or the new, never half of it. */
async function writeFileAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`
  await fs.promises.writeFile(tmp, text)
  await fs.promises.rename(tmp, file)
}

/** The text of each body file of an entry. */
function bodyFiles(body: NoteBody): Record<Part, string> {
  return { page: encodeSlotted(body.page), print: encodeSlotted(body.print), embed: encodeSlotted(body.embed), search: JSON.stringify(body.sections), blocks: body.blocks }
}

/** A `NoteCache` in `dir` (created on first write). */
export class DiskNoteCache implements NoteCache {
  /** The wiki's cache folder; the page and search caches keep their files here too. */
  readonly dir: string
  readonly #entries: string
  /** Source → key of the note last stored for it. */
  readonly #index = new Map<SourcePath, string>()
  /** The recorded size of each body file checked when read (`CHECKED_WHEN_READ`), by `key.part`. */
  readonly #sizes = new Map<string, number>()
  /** Bodies being written, served from memory until they are on disk. */
  readonly #writing = new Map<string, NoteBody>()
  /** Notes kept for this build only (`lasting: false`). */
  readonly #transient = new Map<string, NoteBody>()
  readonly #pending: Promise<void>[] = []
  #retained: ReadonlySet<string> | undefined

  readonly #src: string | undefined

  /**
   * When the index read at start was written (the end of the last build's
   * notes), in ms since the epoch: a note modified later probably changed.
   * Undefined without an index.
   */
  readonly #recordedAt: number | undefined

  /** `src`, when given, is recorded so that `forWiki` can tell when the wiki is gone. */
  constructor(dir: string, src?: string) {
    this.dir = dir
    this.#entries = path.join(dir, ENTRIES)
    this.#src = src
    let stored: { format?: number; notes?: Record<string, string> } | undefined
    let recordedAt: number | undefined
    try {
      recordedAt = fs.statSync(path.join(dir, INDEX)).mtimeMs
      stored = JSON.parse(fs.readFileSync(path.join(dir, INDEX), 'utf8')) as typeof stored
    } catch {
      // No index yet, or an unreadable one: entries are still found by key, only block reuse waits a build.
    }
    if (stored && stored.format !== FORMAT) {
      // Written by another version: nothing in the folder can be read as this one's.
      fs.rmSync(dir, { recursive: true, force: true })
      this.#recordedAt = undefined
      return
    }
    this.#recordedAt = stored ? recordedAt : undefined
    for (const [source, key] of Object.entries(stored?.notes ?? {})) this.#index.set(source as SourcePath, key)
  }

  #file(key: string, part?: Part): string {
    return path.join(this.#entries, part === undefined ? `${key}.json` : part === 'search' || part === 'blocks' ? `${key}.${part}.json` : `${key}.${part}`)
  }

  get(key: string): CompiledNote | undefined {
    let stored: StoredFacts
    try {
      stored = JSON.parse(fs.readFileSync(this.#file(key), 'utf8')) as StoredFacts
    } catch {
      return undefined
    }
    const note = stored.note
    if (stored.format !== FORMAT || stored.key !== key || typeof note?.source !== 'string' || !Array.isArray(note.diagnostics)) return undefined
    for (const part of PARTS) {
      const size = stored.sizes?.[part]
      if (CHECKED_WHEN_READ.has(part)) {
        if (typeof size !== 'number') return undefined
        this.#sizes.set(`${key}.${part}`, size)
        continue
      }
      try {
        if (typeof size !== 'number' || fs.statSync(this.#file(key, part)).size !== size) return undefined
      } catch {
        return undefined
      }
    }
    return { ...note, key }
  }

  set(key: string, note: NoteFacts, body: NoteBody, { lasting = true } = {}): void {
    if (!lasting) {
      this.#transient.set(key, body)
      return
    }
    this.#index.set(note.source, key)
    this.#writing.set(key, body)
    const write = async () => {
      await fs.promises.mkdir(this.#entries, { recursive: true })
      const files = bodyFiles(body)
      await Promise.all(Object.entries(files).map(([part, text]) => writeFileAtomically(this.#file(key, part as Part), text)))
      const sizes = Object.fromEntries(Object.entries(files).map(([part, text]) => [part, Buffer.byteLength(text)]))
      // The facts last: an entry is there once everything it lists is.
      await writeFileAtomically(this.#file(key), JSON.stringify({ format: FORMAT, key, note, sizes } satisfies StoredFacts))
    }
    this.#pending.push(write().finally(() => this.#writing.delete(key)))
  }

  /** A body held in memory (being written, or kept for this build), else read from `part`'s file by `read`. */
  #body<T>(key: string, part: Part, inMemory: (body: NoteBody) => T, read: (text: string) => T | undefined): T {
    const held = this.#writing.get(key) ?? this.#transient.get(key)
    if (held) return inMemory(held)
    let value: T | undefined
    try {
      const text = fs.readFileSync(this.#file(key, part), 'utf8')
      const size = this.#sizes.get(`${key}.${part}`)
      value = size === undefined || Buffer.byteLength(text) === size ? read(text) : undefined
    } catch {
      value = undefined
    }
    if (value === undefined) throw new CacheEntryError(key, `The cached ${part} of a note cannot be read (${this.#file(key, part)})`)
    return value
  }

  page(key: string): SlottedHtml<string> {
    return this.#body(key, 'page', (b) => b.page, (text) => decodeSlotted<string>(text))
  }

  print(key: string): SlottedHtml<PrintSlot> {
    return this.#body(key, 'print', (b) => b.print, (text) => decodeSlotted<PrintSlot>(text))
  }

  embed(key: string): SlottedHtml<EmbedSlot> {
    return this.#body(key, 'embed', (b) => b.embed, (text) => decodeSlotted<EmbedSlot>(text))
  }

  sections(key: string): SearchSection[] {
    return this.#body(key, 'search', (b) => b.sections, (text) => {
      const sections = JSON.parse(text) as unknown
      return Array.isArray(sections) ? (sections as SearchSection[]) : undefined
    })
  }

  /**
   * The entry under `key` read whole now (facts, page, print chapter, embed
   * form and search sections; not its blocks, read by `previousBlocks` when a
   * recompile wants them), or undefined when any part is missing or cannot
   * be read: for a reader that keeps notes in memory rather than reading
   * bodies when pages need them.
   */
  entry(key: string): { note: CompiledNote; body: Omit<NoteBody, 'blocks'> } | undefined {
    const note = this.get(key)
    if (!note) return undefined
    try {
      return { note, body: { page: this.page(key), print: this.print(key), embed: this.embed(key), sections: this.sections(key) } }
    } catch (error) {
      if (error instanceof CacheEntryError) return undefined
      throw error
    }
  }

  /**
   * How many of `notes` (in `src`) were modified since the index was written,
   * all of them when there is none: a guess, made before reading them, of
   * how many need compiling (an edited include or a new setting is missed,
   * a touched file is counted; the keys decide).
   */
  modifiedSince(src: string, notes: readonly SourcePath[]): number {
    const since = this.#recordedAt
    if (since === undefined) return notes.length
    let modified = 0
    for (const note of notes) {
      try {
        if (fs.statSync(path.join(src, note)).mtimeMs > since) modified++
      } catch {
        modified++
      }
    }
    return modified
  }

  recorded(source: SourcePath): string | undefined {
    return this.#index.get(source)
  }

  previousBlocks(source: SourcePath): string | undefined {
    const key = this.#index.get(source)
    if (key === undefined) return undefined
    try {
      return this.#body(key, 'blocks', (b) => b.blocks, (text) => {
        const blocks = JSON.parse(text) as unknown
        return blocks && typeof blocks === 'object' && !Array.isArray(blocks) ? text : undefined
      })
    } catch {
      // Blocks are only reused to save highlighting: without them the note is highlighted afresh.
      return undefined
    }
  }

  retain(keys: ReadonlySet<string>): void {
    this.#retained = keys
    for (const [source, key] of this.#index) if (!keys.has(key)) this.#index.delete(source)
    for (const key of this.#transient.keys()) if (!keys.has(key)) this.#transient.delete(key)
  }

  forget(key: string): void {
    for (const part of [undefined, ...PARTS, 'blocks'] as const) fs.rmSync(this.#file(key, part), { force: true })
    for (const [source, k] of this.#index) if (k === key) this.#index.delete(source)
  }

  async flush(): Promise<void> {
    await Promise.all(this.#pending.splice(0))
    if (!fs.existsSync(this.dir)) return
    const retained = this.#retained
    if (retained && fs.existsSync(this.#entries)) {
      // Leftovers too: entries of edited, renamed or deleted notes, and temporary files of a killed build.
      const stale = fs.readdirSync(this.#entries).filter((name) => name.endsWith('.tmp') || !retained.has(name.split('.')[0]!))
      await Promise.all(stale.map((name) => fs.promises.rm(path.join(this.#entries, name), { force: true })))
    }
    await writeFileAtomically(path.join(this.dir, INDEX), JSON.stringify({ format: FORMAT, src: this.#src, notes: Object.fromEntries(this.#index) }))
  }

  /**
   * The cache of the wiki whose notes are in `src`: a folder of `root` named
   * by a hash of `src`, so wikis never share entries. Folders of wikis whose
   * source folder no longer exists (temporary test wikis…) are removed.
   */
  static forWiki(root: string, src: string): DiskNoteCache {
    const name = `notes-${createHash('sha256').update(src).digest('hex').slice(0, 16)}`
    let others: string[] = []
    try {
      others = fs.readdirSync(root).filter((n) => n.startsWith('notes-') && n !== name)
    } catch {
      // No cache yet.
    }
    for (const other of others) {
      let source: unknown
      try {
        source = (JSON.parse(fs.readFileSync(path.join(root, other, INDEX), 'utf8')) as { src?: unknown }).src
      } catch {
        continue
      }
      if (typeof source === 'string' && !fs.existsSync(source)) fs.rmSync(path.join(root, other), { recursive: true, force: true })
    }
    return new DiskNoteCache(path.join(root, name), src)
  }
}
