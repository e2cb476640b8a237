/**
 * The dev server's note store: a save compiled ahead by `prefetch` (while
 * the watcher waits out its quiet window) is what the next update shows,
 * and is not compiled a second time.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config.ts'
import { discoverSources } from '../../src/content/load.ts'
import { createNoteStore, type NoteStore } from '../../src/dev/notes.ts'
import { poolOptions } from '../../src/markdown/compile-all.ts'
import { createNotePool, type NotePool } from '../../src/markdown/pool.ts'
import { Diagnostics } from '../../src/report.ts'
import type { SourcePath } from '../../src/paths.ts'

let dir: string
let pool: NotePool
let compiled: string[]
let store: NoteStore
let notes: SourcePath[]

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-notes-'))
  fs.cpSync(path.resolve(import.meta.dirname, '../sites/mdbook'), dir, { recursive: true })
  const config = resolveConfig({ src: dir })
  const real = createNotePool(poolOptions(config, 1))
  compiled = []
  // The real pool, counting what it is asked to compile.
  pool = { threads: real.threads, settings: real.settings, close: () => real.close(), compile: (input, reuse) => (compiled.push(input.source), real.compile(input, reuse)) }
  store = createNoteStore({ config, pool, displaySource: (s) => s })
  notes = discoverSources({ config, diagnostics: new Diagnostics(), display: (f) => f }).notes
  await store.update(notes, new Set())
})
afterAll(async () => {
  await pool?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const shownText = (source: string) => store.bodies.page(store.shown().find((n) => n.source === source)!.key).parts.join('')

describe('prefetch', () => {
  it('compiles a saved note once, ahead of the update that shows it', async () => {
    const source = 'kernel/rcu.md' as SourcePath
    fs.appendFileSync(path.join(dir, 'src', source), '\nSaved while the watcher waits.\n')
    compiled.length = 0
    store.prefetch(source)
    expect(compiled).toEqual([source])
    const changes = await store.update(notes, new Set([source]))
    expect(compiled).toEqual([source])
    expect(changes.map((c) => c.source)).toEqual([source])
    expect(shownText(source)).toContain('Saved while the watcher waits.')
  })

  it('compiles again when the note changed after its prefetch', async () => {
    const source = 'kernel/rcu.md' as SourcePath
    const file = path.join(dir, 'src', source)
    fs.appendFileSync(file, '\nFirst save.\n')
    compiled.length = 0
    store.prefetch(source)
    fs.appendFileSync(file, '\nSecond save.\n')
    await store.update(notes, new Set([source]))
    expect(compiled).toEqual([source, source])
    expect(shownText(source)).toContain('Second save.')
  })

  it('leaves a note with includes to the update, which reads what it includes', async () => {
    const source = 'shell.md' as SourcePath
    fs.appendFileSync(path.join(dir, 'src', source), '\nAn edit beside an include.\n')
    compiled.length = 0
    store.prefetch(source)
    expect(compiled).toEqual([])
    await store.update(notes, new Set([source]))
    expect(compiled).toEqual([source])
    expect(shownText(source)).toContain('An edit beside an include.')
  })

  it('leaves alone a file that is not a note of the site yet', async () => {
    fs.writeFileSync(path.join(dir, 'src', 'new.md'), '# New\n')
    compiled.length = 0
    store.prefetch('new.md' as SourcePath)
    store.prefetch('no/such/note.md' as SourcePath)
    await store.update(notes, new Set())
    expect(compiled).toEqual([])
  })
})
