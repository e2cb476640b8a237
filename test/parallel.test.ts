/**
 * Builds do not depend on how many worker threads compile the notes: one
 * thread and several give byte-identical sites, for the fixture book and for
 * a generated wiki with every kind of block.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../scripts/corpus/generate.ts'
import { build } from '../src/build.ts'
import { projectRoot } from './helpers/cli.ts'
import { listFiles } from './helpers/files.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-parallel-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

async function siteWith(src: string, threads: number): Promise<Map<string, Buffer>> {
  const out = path.join(tmp, `${path.basename(src)}-${threads}`)
  const result = await build({ src, out, threads, cache: false, quiet: true })
  expect(result.written).toBe(true)
  expect(result.compiledNotes).toBe(result.graph.notes.size)
  return new Map(listFiles(out).map((f) => [f, fs.readFileSync(path.join(out, f))]))
}

describe('parallel compilation', () => {
  const wikis = {
    'the fixture mdBook': path.join(projectRoot, 'test/sites/mdbook'),
    'a generated wiki': generateCorpus({ notes: 16, dir: path.join(tmp, 'corpus') }).dir,
  }
  for (const [name, src] of Object.entries(wikis)) {
    it(`gives ${name} byte for byte with 1 thread and with 3`, async () => {
      const one = await siteWith(src, 1)
      const three = await siteWith(src, 3)
      expect([...three.keys()]).toEqual([...one.keys()])
      for (const [file, bytes] of one) expect(three.get(file)!.equals(bytes), file).toBe(true)
    }, 240_000)
  }
})
