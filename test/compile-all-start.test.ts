/**
 * When the cache's records say notes changed, the compile threads start
 * before any entry is read (so they boot while the unchanged notes' entries
 * are read); a wrong record costs a pool that compiles nothing, never a
 * wrong note; with nothing changed no thread starts. A build starts them
 * earlier still, before the notes are read, when the notes' dates (or the
 * lack of a cache) say some changed; a changed note goes to the threads as
 * soon as its lookup misses.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { build } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { loadSources } from '../src/content/load.ts'
import type { NoteInput } from '../src/markdown/compile.ts'
import { compileAll, poolOptions } from '../src/markdown/compile-all.ts'
import { DiskNoteCache } from '../src/markdown/disk-cache.ts'
import { createNotePool } from '../src/markdown/pool.ts'
import type { NoteCache } from '../src/markdown/note-cache.ts'
import { Diagnostics } from '../src/report.ts'
import { projectRoot } from './helpers/cli.ts'

// What happened, in order: pools made (with their threads), notes sent to them, pools closed,
// entries looked up, source files read.
const events = vi.hoisted(() => [] as string[])
vi.mock('../src/content/read.ts', async (original) => {
  const actual = await original<typeof import('../src/content/read.ts')>()
  return { ...actual, readText: (file: string) => (events.push('read'), actual.readText(file)) }
})
vi.mock('../src/markdown/pool.ts', async (original) => {
  const actual = await original<typeof import('../src/markdown/pool.ts')>()
  return {
    ...actual,
    createNotePool: (options: Parameters<typeof actual.createNotePool>[0]) => {
      const pool = actual.createNotePool(options)
      events.push(`pool ${pool.threads}`)
      return {
        ...pool,
        compile: (...args: Parameters<typeof pool.compile>) => {
          events.push('compile')
          return pool.compile(...args)
        },
        close: async () => {
          events.push('close')
          await pool.close()
        },
      }
    },
  }
})

let tmp: string
let inputs: NoteInput[]
const config = () => resolveConfig({ src: path.join(projectRoot, 'test/sites/mdbook'), out: path.join(tmp, 'unused') })

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-compile-start-'))
  inputs = loadSources({ config: config(), diagnostics: new Diagnostics(), display: (p) => p }).inputs
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
beforeEach(() => {
  events.length = 0
})

/** The cache, logging each lookup; `recorded` as `record` says, when given. */
function logged(cache: DiskNoteCache, record?: NoteCache['recorded']): NoteCache {
  return new Proxy(cache, {
    get(target, name) {
      if (name === 'get') return (key: string) => (events.push('get'), target.get(key))
      if (name === 'recorded' && record) return record
      const value = Reflect.get(target, name, target) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

const compile = (notes: NoteInput[], cache: NoteCache, more: Partial<Parameters<typeof compileAll>[1]> = {}) =>
  compileAll(notes, { config: config(), displaySource: (s) => s, cache, tool: 'test-tool', ...more })
const lookups = () => events.filter((e) => e === 'get').length

describe('starting the compile threads', () => {
  const dir = () => path.join(tmp, 'cache')

  it('starts them before reading any entry when the records say notes changed', async () => {
    const first = await compile(inputs, logged(new DiskNoteCache(dir())))
    expect(first.compiled).toBe(inputs.length)
    expect(events[0]).toMatch(/^pool /)
    expect(lookups()).toBe(inputs.length)

    events.length = 0
    const edited = inputs.map((input, i) => (i === 1 ? { ...input, text: `${input.text}\n\nAn added line.\n` } : input))
    const second = await compile(edited, logged(new DiskNoteCache(dir())))
    expect(second.compiled).toBe(1)
    // One changed note is worth one thread, started before the first lookup and closed at the end.
    expect(events[0]).toBe('pool 1')
    expect(events.at(-1)).toBe('close')
    expect(events.filter((e) => e.startsWith('pool'))).toHaveLength(1)
    expect(second.bodies.page(second.notes[1]!.key).parts.join('')).toContain('An added line.')
  })

  it('starts none when nothing changed', async () => {
    const again = await compile(inputs.map((input, i) => (i === 1 ? { ...input, text: `${input.text}\n\nAn added line.\n` } : input)), logged(new DiskNoteCache(dir())))
    expect(again.compiled).toBe(0)
    expect(events.filter((e) => e !== 'get')).toEqual([])
  })

  it('compiles nothing when a record is wrong but the entry is there, and closes the pool', async () => {
    const notes = inputs.map((input, i) => (i === 1 ? { ...input, text: `${input.text}\n\nAn added line.\n` } : input))
    const right = await compile(notes, new DiskNoteCache(dir()))
    events.length = 0
    // Records that know no note: every note looks changed, yet every entry is found.
    const wrong = await compile(notes, logged(new DiskNoteCache(dir()), () => undefined))
    expect(wrong.compiled).toBe(0)
    expect(events[0]).toMatch(/^pool /)
    expect(events.at(-1)).toBe('close')
    expect(wrong.notes).toEqual(right.notes)
  })

  it('starts them after the lookups when the records say nothing changed but an entry is missing', async () => {
    const notes = inputs.map((input, i) => (i === 1 ? { ...input, text: `${input.text}\n\nAn added line.\n` } : input))
    const cache = new DiskNoteCache(dir())
    // Records that claim every note as it is now, for a note whose entry is gone.
    const key = (await compile(notes, cache)).notes[2]!.key
    cache.forget(key)
    events.length = 0
    const result = await compile(notes, logged(new DiskNoteCache(dir()), (source) => (source === notes[2]!.source ? key : new DiskNoteCache(dir()).recorded(source))))
    expect(result.compiled).toBe(1)
    expect(events.indexOf('pool 1')).toBe(notes.length)
    expect(events.at(-1)).toBe('close')
  })
})

describe('threads started before the notes are read', () => {
  const dir = () => path.join(tmp, 'started')
  const edit = (notes: NoteInput[], i: number, line: string) => notes.map((input, j) => (j === i ? { ...input, text: `${input.text}\n\n${line}\n` } : input))

  it('takes them when they are enough, and sends a changed note before the next entry is read', async () => {
    await compile(inputs, new DiskNoteCache(dir()))
    const started = createNotePool(poolOptions(config(), 1))
    events.length = 0
    const result = await compile(edit(inputs, 1, 'Started early.'), logged(new DiskNoteCache(dir()), () => undefined), { started })
    expect(result.compiled).toBe(1)
    expect(events.filter((e) => e.startsWith('pool'))).toEqual([])
    // Looked up: the first note, then the edited one, which goes to the thread before the third is looked up.
    expect(events.slice(0, 4)).toEqual(['get', 'get', 'compile', 'get'])
    expect(events.at(-1)).toBe('close')
    expect(result.bodies.page(result.notes[1]!.key).parts.join('')).toContain('Started early.')
  })

  it('closes them, unused, when nothing needs compiling', async () => {
    const notes = edit(inputs, 1, 'Started early.')
    await compile(notes, new DiskNoteCache(dir()))
    const started = createNotePool(poolOptions(config(), 1))
    events.length = 0
    const result = await compile(notes, new DiskNoteCache(dir()), { started })
    expect(result.compiled).toBe(0)
    expect(events).toEqual(['close'])
  })

  it('closes them and starts more when they are too few for what changed', async () => {
    const own = path.join(tmp, 'too-few')
    await compile(inputs, new DiskNoteCache(own))
    const started = createNotePool(poolOptions(config(), 1))
    events.length = 0
    const result = await compile(edit(inputs, 2, 'Too few threads.'), new DiskNoteCache(own), { started, threads: 2 })
    expect(result.compiled).toBe(1)
    // The one started thread is stopped, two start, and they close at the end.
    expect(events.filter((e) => e !== 'compile')).toEqual(['close', 'pool 2', 'close'])
  })

  it('are started by a build before it reads a note, when a note is newer than the cache or there is no cache', async () => {
    const src = path.join(tmp, 'wiki')
    fs.cpSync(path.join(projectRoot, 'test/sites/mdbook'), src, { recursive: true })
    const options = { src, out: path.join(tmp, 'wiki-out'), cacheDir: path.join(tmp, 'wiki-cache') }
    events.length = 0
    expect((await build(options)).ok).toBe(true)
    expect(events[0]).toMatch(/^pool /)

    events.length = 0
    expect((await build(options)).compiledNotes).toBe(0)
    expect(events.filter((e) => e !== 'read')).toEqual([])

    // A date in the future, as an editor's save gives; the text is unchanged, so nothing compiles.
    const note = path.join(src, 'src/go.md')
    const later = new Date(Date.now() + 60_000)
    fs.utimesSync(note, later, later)
    events.length = 0
    expect((await build(options)).compiledNotes).toBe(0)
    expect(events.filter((e) => e !== 'read')).toEqual(['pool 1', 'close'])
    expect(events[0]).toBe('pool 1')

    fs.appendFileSync(note, '\nA line the build compiles.\n')
    fs.utimesSync(note, later, later)
    events.length = 0
    const edited = await build(options)
    expect(edited.compiledNotes).toBe(1)
    expect(events[0]).toBe('pool 1')
    expect(events.filter((e) => e.startsWith('pool'))).toEqual(['pool 1'])
    expect(fs.readFileSync(path.join(options.out, 'go.html'), 'utf8')).toContain('A line the build compiles.')

    events.length = 0
    expect((await build({ ...options, cache: false })).compiledNotes).toBeGreaterThan(1)
    expect(events[0]).toMatch(/^pool /)
  })
})
