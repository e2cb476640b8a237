/**
 * When the cache's records say notes changed, the compile threads start
 * before any entry is read (so they boot while the unchanged notes' entries
 * are read); a wrong record costs a pool that compiles nothing, never a
 * wrong note; with nothing changed no thread starts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { resolveConfig } from '../src/config.ts'
import { loadSources } from '../src/content/load.ts'
import type { NoteInput } from '../src/markdown/compile.ts'
import { compileAll } from '../src/markdown/compile-all.ts'
import { DiskNoteCache } from '../src/markdown/disk-cache.ts'
import type { NoteCache } from '../src/markdown/note-cache.ts'
import { Diagnostics } from '../src/report.ts'
import { projectRoot } from './helpers/cli.ts'

// What happened, in order: pools made (with their threads) and closed, entries looked up.
const events = vi.hoisted(() => [] as string[])
vi.mock('../src/markdown/pool.ts', async (original) => {
  const actual = await original<typeof import('../src/markdown/pool.ts')>()
  return {
    ...actual,
    createNotePool: (options: Parameters<typeof actual.createNotePool>[0]) => {
      const pool = actual.createNotePool(options)
      events.push(`pool ${pool.threads}`)
      return {
        ...pool,
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

const compile = (notes: NoteInput[], cache: NoteCache) => compileAll(notes, { config: config(), displaySource: (s) => s, cache, tool: 'test-tool' })
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
