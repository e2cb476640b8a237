/**
 * The benchmark corpus is deterministic and builds cleanly: every link and
 * anchor it writes resolves, so a warning in a benchmark run is a real one.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { editNote, generateCorpus } from '../scripts/corpus/generate.ts'
import { compileSite } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import type { SourcePath } from '../src/paths.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-corpus-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

function snapshot(dir: string): Map<string, string> {
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  return new Map(files.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), fs.readFileSync(path.join(e.parentPath, e.name), 'utf8')]))
}

describe('benchmark corpus', () => {
  it('is byte-identical for the same seed and differs for another', () => {
    generateCorpus({ notes: 45, dir: path.join(tmp, 'a') })
    generateCorpus({ notes: 45, dir: path.join(tmp, 'b') })
    generateCorpus({ notes: 45, seed: 2, dir: path.join(tmp, 'c') })
    const a = snapshot(path.join(tmp, 'a'))
    expect(a.size).toBe(45 + 2)
    expect(snapshot(path.join(tmp, 'b'))).toEqual(a)
    expect(snapshot(path.join(tmp, 'c'))).not.toEqual(a)
  })

  it('has the features the benchmark promises', () => {
    const corpus = generateCorpus({ notes: 12, dir: path.join(tmp, 'features') })
    const text = [...snapshot(corpus.src).values()].join('\n')
    for (const feature of [/^tags: \[/m, /^## /m, /^\|---\|/m, /^- \[[x ]\] /m, /\[\^1\]: /, / https:\/\/lore\.kernel\.org\//, /\]\(\.\.\/[^)]+\.md#[a-z-]+\)/, /^```c$/m, /^```go$/m, /^```\n\[ *\d+\.\d{6}\] /m]) {
      expect(text).toMatch(feature)
    }
  })

  it('builds with no diagnostics, before and after an edit', async () => {
    const corpus = generateCorpus({ notes: 16, dir: path.join(tmp, 'build') })
    const config = resolveConfig({ src: corpus.dir, out: path.join(tmp, 'out') })
    const first = await compileSite(config)
    expect(first.diagnostics).toEqual([])
    expect(first.pages.filter((p) => p.kind === 'note')).toHaveLength(16)
    const note = corpus.notes[5]!
    editNote(corpus, note, 1)
    const edited = fs.readFileSync(path.join(corpus.src, note.path), 'utf8')
    expect(edited).toContain(' Edited in round 1.')
    const second = await compileSite(config)
    expect(second.diagnostics).toEqual([])
    expect(second.graph.notes.get(note.path as SourcePath)?.title).toBe(note.title)
  })
})
