/**
 * The dev server's note store over the persistent cache `npm run build`
 * keeps: a note found there is read, not compiled, and shows as compiled;
 * what the store compiles is written there for the next build, and what it
 * no longer shows is removed; a damaged entry is compiled again; a start
 * from the cache warms the threads up; and a note read from disk keeps its
 * body when a later build deletes the entry.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from '../../src/build.ts'
import { resolveConfig, type Config } from '../../src/config.ts'
import { discoverSources } from '../../src/content/load.ts'
import { createNoteStore, type NoteStore } from '../../src/dev/notes.ts'
import { poolOptions } from '../../src/markdown/compile-all.ts'
import { DiskNoteCache } from '../../src/markdown/disk-cache.ts'
import { toolFingerprint } from '../../src/markdown/fingerprint.ts'
import { createNotePool, type NotePool } from '../../src/markdown/pool.ts'
import type { SourcePath } from '../../src/paths.ts'
import { Diagnostics } from '../../src/report.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-notes-disk-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

let dir: string
let cacheDir: string
let config: Config
let pool: NotePool
let compiled: string[]
let warmed: string[]
let notes: SourcePath[]
let n = 0

beforeEach(() => {
  dir = path.join(tmp, `wiki-${++n}`)
  cacheDir = path.join(tmp, `cache-${n}`)
  fs.cpSync(path.resolve(import.meta.dirname, '../sites/mdbook'), dir, { recursive: true })
  config = resolveConfig({ src: dir, out: path.join(tmp, `out-${n}`), cacheDir, quiet: true })
  const real = createNotePool(poolOptions(config, 1))
  compiled = []
  warmed = []
  // The real pool, counting what it is asked to compile: the store's compiles pass the code blocks they
  // may reuse, its warm-up passes none.
  pool = {
    threads: real.threads,
    settings: real.settings,
    close: () => real.close(),
    compile: (input, reuse) => ((reuse ? compiled : warmed).push(input.source), real.compile(input, reuse)),
  }
  notes = discoverSources({ config, diagnostics: new Diagnostics(), display: (f) => f }).notes
})
// Stores write to disk after their updates: done before the folders go.
const stores: NoteStore[] = []
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.flush()))
  await pool.close()
})

/** Source paths as the build shows them (included files' lines are mapped to these names, which keys cover). */
const displaySource = (source: SourcePath) => path.relative(process.cwd(), path.join(config.src, source))

/** A store over the wiki's persistent cache (the folder a build with `cacheDir` uses), or over `other`. */
function diskStore(other = cacheDir): NoteStore {
  const store = createNoteStore({ config, pool, displaySource, disk: { cache: DiskNoteCache.forWiki(other, config.src), tool: toolFingerprint() } })
  stores.push(store)
  return store
}

/** A store that compiles every note (over an empty cache: code block keys are salted by the tool, as the build's are). */
const freshStore = () => diskStore(path.join(tmp, `empty-${n}`))

/** What the site shows of each note: its facts but the key, and its three body forms. */
function shown(store: NoteStore) {
  return store.shown().map(({ key, ...facts }) => ({ facts, page: store.bodies.page(key), print: store.bodies.print(key), sections: store.bodies.sections(key) }))
}

const buildOnce = async () => {
  const result = await build({ src: dir, out: config.out, cacheDir, quiet: true })
  expect(result.ok).toBe(true)
  return result
}

describe('the dev note store over the persistent cache', () => {
  it("reads the notes a build left there instead of compiling them, and shows them as compiled", async () => {
    await buildOnce()
    const store = diskStore()
    await store.update(notes, new Set())
    expect(compiled).toEqual([])
    const fresh = freshStore()
    await fresh.update(notes, new Set())
    expect(compiled).toHaveLength(notes.length)
    expect(shown(store)).toEqual(shown(fresh))
  })

  it('writes what it compiles, an edit too, so the next build compiles nothing', async () => {
    const store = diskStore()
    await store.update(notes, new Set())
    expect(compiled).toHaveLength(notes.length)
    const source = 'kernel/rcu.md' as SourcePath
    fs.appendFileSync(path.join(dir, 'src', source), '\nEdited in the dev server.\n')
    await store.update(notes, new Set([source]))
    await store.flush()
    // One entry per note: the edited note's last version is gone from the disk as from memory.
    const [folder] = fs.readdirSync(cacheDir)
    const facts = fs.readdirSync(path.join(cacheDir, folder!, 'entries')).filter((name) => /^[^.]+\.json$/.test(name))
    expect(facts).toHaveLength(notes.length)
    expect((await buildOnce()).compiledNotes).toBe(0)
    expect(fs.readFileSync(path.join(config.out, 'kernel/rcu.html'), 'utf8')).toContain('Edited in the dev server.')
  })

  it('writes the first update’s notes as they compile, so a start stopped midway resumes where it stopped', async () => {
    // The first three notes compile; the rest wait, as a big wiki's would while the server is stopped.
    let open = () => {}
    const gate = new Promise<void>((resolve) => (open = resolve))
    const inner = pool
    let calls = 0
    pool = { ...inner, compile: (input, reuse) => (++calls <= 3 ? inner.compile(input, reuse) : gate.then(() => inner.compile(input, reuse))) }
    const store = createNoteStore({ config, pool, displaySource, disk: { cache: DiskNoteCache.forWiki(cacheDir, config.src), tool: toolFingerprint() }, firstBuildBatch: 2 })
    stores.push(store)
    const first = store.update(notes, new Set())
    const entries = () => {
      const [folder] = fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []
      const dir = folder && path.join(cacheDir, folder, 'entries')
      return dir && fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => /^[^.]+\.json$/.test(name)).length : 0
    }
    // Polled, not timed: the entries are written while the update still waits on its other notes.
    await expect.poll(entries, { timeout: 20_000, interval: 50 }).toBeGreaterThanOrEqual(2)
    // A second start over the same cache (the first one stopped) finds them instead of compiling them.
    compiled.length = 0
    pool = inner
    const restart = diskStore()
    await restart.update(notes, new Set())
    expect(compiled.length).toBeLessThanOrEqual(notes.length - 2)
    open()
    await first
    const fresh = freshStore()
    await fresh.update(notes, new Set())
    expect(shown(restart)).toEqual(shown(fresh))
  })

  it('compiles again a note whose entry lost a body file, and shows it whole', async () => {
    await buildOnce()
    const source = 'kernel/rcu.md' as SourcePath
    const key = DiskNoteCache.forWiki(cacheDir, config.src).recorded(source)!
    const entries = fs.readdirSync(cacheDir).map((d) => path.join(cacheDir, d, 'entries')).find((e) => fs.existsSync(path.join(e, `${key}.page`)))!
    fs.rmSync(path.join(entries, `${key}.print`))
    const store = diskStore()
    await store.update(notes, new Set())
    expect(compiled).toEqual([source])
    const fresh = freshStore()
    await fresh.update(notes, new Set())
    expect(shown(store)).toEqual(shown(fresh))
  })

  it('warms its threads up after a start from the cache, with the notes that have code, until a save or close', async () => {
    await buildOnce()
    const store = diskStore()
    await store.update(notes, new Set())
    const before = shown(store)
    await store.warmedUp()
    const withCode = store.shown().filter((note) => note.hasCode).map((note) => note.source)
    expect(withCode.length).toBeGreaterThan(1)
    expect(compiled).toEqual([])
    expect(warmed).toEqual(withCode)
    // Nothing compiled for warmth is kept or shown.
    expect(shown(store)).toEqual(before)

    // A save stops it: the thread finishes the note it has, then compiles the save.
    warmed.length = 0
    const again = diskStore()
    await again.update(notes, new Set())
    const source = 'kernel/rcu.md' as SourcePath
    fs.appendFileSync(path.join(dir, 'src', source), '\nSaved at once.\n')
    await again.update(notes, new Set([source]))
    await again.warmedUp()
    expect(warmed).toEqual([withCode[0]])
    expect(compiled).toEqual([source])

    // So does closing the store, before its pool closes.
    warmed.length = 0
    const closing = diskStore()
    await closing.update(notes, new Set())
    await closing.close()
    expect(warmed).toEqual([withCode[0]])
  })

  it('does not warm up threads that compiled the notes themselves', async () => {
    const store = diskStore()
    await store.update(notes, new Set())
    await store.warmedUp()
    expect(compiled).toHaveLength(notes.length)
    expect(warmed).toEqual([])
  })

  it('keeps the bodies it read when a later build deletes their entries', async () => {
    await buildOnce()
    const store = diskStore()
    await store.update(notes, new Set())
    await store.flush()
    fs.rmSync(cacheDir, { recursive: true, force: true })
    for (const note of store.shown()) expect(store.bodies.page(note.key).parts.join('').length).toBeGreaterThan(0)
    // An edit of a note read from disk compiles it (its blocks are gone with the entry: highlighted afresh).
    const source = 'kernel/rcu.md' as SourcePath
    fs.appendFileSync(path.join(dir, 'src', source), '\nAfter the cache was gone.\n')
    await store.update(notes, new Set([source]))
    expect(compiled).toEqual([source])
    const note = store.shown().find((s) => s.source === source)!
    expect(store.bodies.page(note.key).parts.join('')).toContain('After the cache was gone.')
  })
})
