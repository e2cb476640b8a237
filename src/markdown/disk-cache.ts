/**
 * The persistent note cache: one JSON file per compiled note, named by its
 * content key, in one folder per wiki. Entries are written atomically
 * (temporary file, then rename); one that cannot be read, parsed or checked
 * (corrupt, cut short, from another format) is a miss. `flush` deletes the
 * entries no longer retained and records which key each source had last, so
 * an edited note can reuse its unchanged code blocks.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { SourcePath } from '../paths.ts'
import type { CompiledNote } from './compile.ts'
import type { NoteCache } from './note-cache.ts'

/** Bumped when the entry format changes. */
const FORMAT = 2
const INDEX = 'index.json'

/** Write `text` to `file` so that a reader sees the old content or the new, never half of it. */
async function writeFileAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`
  await fs.promises.writeFile(tmp, text)
  await fs.promises.rename(tmp, file)
}

/** A `NoteCache` in `dir` (created on first write). */
export class DiskNoteCache implements NoteCache {
  readonly #dir: string
  /** Source → key of the note last stored for it. */
  readonly #index = new Map<SourcePath, string>()
  readonly #pending: Promise<void>[] = []
  #retained: ReadonlySet<string> | undefined

  readonly #src: string | undefined

  /** `src`, when given, is recorded so that `forWiki` can tell when the wiki is gone. */
  constructor(dir: string, src?: string) {
    this.#dir = dir
    this.#src = src
    try {
      const stored = JSON.parse(fs.readFileSync(path.join(dir, INDEX), 'utf8')) as { format?: number; notes?: Record<string, string> }
      if (stored.format === FORMAT) for (const [source, key] of Object.entries(stored.notes ?? {})) this.#index.set(source as SourcePath, key)
    } catch {
      // No index yet, or an unreadable one: entries are still found by key, only block reuse waits a build.
    }
  }

  #file(key: string): string {
    return path.join(this.#dir, `${key}.json`)
  }

  get(key: string): CompiledNote | undefined {
    let text: string
    try {
      text = fs.readFileSync(this.#file(key), 'utf8')
    } catch {
      return undefined
    }
    try {
      const stored = JSON.parse(text) as { format?: number; key?: string; note?: CompiledNote }
      const note = stored.note
      const valid = stored.format === FORMAT && stored.key === key && typeof note?.source === 'string' && note.tree?.type === 'root' && Array.isArray(note.diagnostics)
      return valid ? note : undefined
    } catch {
      return undefined
    }
  }

  set(key: string, note: CompiledNote): void {
    this.#index.set(note.source, key)
    const write = async () => {
      await fs.promises.mkdir(this.#dir, { recursive: true })
      await writeFileAtomically(this.#file(key), JSON.stringify({ format: FORMAT, key, note }))
    }
    this.#pending.push(write())
  }

  previous(source: SourcePath): CompiledNote | undefined {
    const key = this.#index.get(source)
    return key ? this.get(key) : undefined
  }

  retain(keys: ReadonlySet<string>): void {
    this.#retained = keys
    for (const [source, key] of this.#index) if (!keys.has(key)) this.#index.delete(source)
  }

  async flush(): Promise<void> {
    await Promise.all(this.#pending.splice(0))
    if (!fs.existsSync(this.#dir)) return
    const retained = this.#retained
    if (retained) {
      // Leftovers too: entries of edited, renamed or deleted notes, and temporary files of a killed build.
      const stale = fs.readdirSync(this.#dir).filter((name) => name !== INDEX && !(name.endsWith('.json') && retained.has(name.slice(0, -'.json'.length))))
      await Promise.all(stale.map((name) => fs.promises.rm(path.join(this.#dir, name), { force: true })))
    }
    await writeFileAtomically(path.join(this.#dir, INDEX), JSON.stringify({ format: FORMAT, src: this.#src, notes: Object.fromEntries(this.#index) }))
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
