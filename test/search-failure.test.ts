/**
 * The search index is built while the pages are written. When it fails, the
 * build says so; a --strict build then writes nothing (the last output stays
 * as it was, no temporary folder left), and a plain one publishes the site
 * without a half-written index.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { projectRoot } from './helpers/cli.ts'
import { listFiles } from './helpers/files.ts'

let tmp: string
let src: string
let out: string
const cacheDir = () => path.join(tmp, 'cache')
const read = (dir: string) => new Map(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]))

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-search-failure-'))
  src = path.join(tmp, 'wiki')
  out = path.join(tmp, 'out')
  fs.cpSync(path.join(projectRoot, 'test/sites/search'), src, { recursive: true })
  const first = await build({ src, out, cacheDir: cacheDir(), quiet: true })
  expect(first.written).toBe(true)
  // The search cache's folder becomes a file: storing the next index fails.
  const wiki = fs.readdirSync(cacheDir()).find((name) => fs.existsSync(path.join(cacheDir(), name, 'search')))!
  fs.rmSync(path.join(cacheDir(), wiki, 'search'), { recursive: true })
  fs.writeFileSync(path.join(cacheDir(), wiki, 'search'), 'not a folder')
  fs.appendFileSync(path.join(src, 'kernel/memcg.md'), '\nA new word, quokka, to index.\n')
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const searchWarnings = (diagnostics: Array<{ rule?: string; message: string }>) => diagnostics.filter((d) => d.rule === 'search')

describe('a search index that fails', () => {
  it('fails a --strict build, which leaves the last output as it was', async () => {
    const before = read(out)
    const result = await build({ src, out, cacheDir: cacheDir(), quiet: true, strict: true })
    expect(result.written).toBe(false)
    expect(result.ok).toBe(false)
    expect(searchWarnings(result.diagnostics)).toEqual([expect.objectContaining({ message: expect.stringContaining('Search index not built') })])
    expect(read(out)).toEqual(before)
    expect(fs.readdirSync(tmp).filter((name) => name.startsWith('.out.'))).toEqual([])
  })

  it('is a warning otherwise: the pages are published, with no index file at all', async () => {
    const result = await build({ src, out, cacheDir: cacheDir(), quiet: true })
    expect(result.written).toBe(true)
    expect(searchWarnings(result.diagnostics)).toHaveLength(1)
    expect(fs.readFileSync(path.join(out, 'kernel/memcg.html'), 'utf8')).toContain('quokka')
    expect(fs.existsSync(path.join(out, '_slugwiki/search'))).toBe(false)
  })
})
