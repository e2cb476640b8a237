/**
 * The search part of an edited page is begun before the graph exists, from
 * the documents its last build kept (src/search/speculation.ts). Begun or
 * dropped, the site is byte-identical to a build without the cache: these
 * cases check both, and which way each went.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { build } from '../src/build.ts'
import type { CliOptions } from '../src/config.ts'
import { SearchSpeculation } from '../src/search/speculation.ts'
import { listFiles, writeFiles } from './helpers/files.ts'

let tmp: string
let book: string
let round = 0

/** 24 notes in 3 chapters, the search index in one part. */
function wiki(): Record<string, string> {
  const files: Record<string, string> = {
    'book.toml': '[book]\ntitle = "Parts"\n\n[slugwiki]\nsearch-shard-pages = 64\n',
  }
  const summary = ['# Summary', '']
  for (const chapter of ['kernel', 'memory', 'tracing']) {
    summary.push(`- [${chapter}](${chapter}/index.md)`)
    files[`src/${chapter}/index.md`] = `# ${chapter}\n\nNotes on ${chapter}.\n`
    for (let n = 1; n <= 7; n++) {
      summary.push(`  - [${chapter} note ${n}](${chapter}/note-${n}.md)`)
      files[`src/${chapter}/note-${n}.md`] = `# ${chapter} note ${n}\n\nThe ${chapter} word${n} appears here.\n\n## Details\n\n\`\`\`c\nint ${chapter}_${n}(void);\n\`\`\`\n`
    }
  }
  files['src/SUMMARY.md'] = `${summary.join('\n')}\n`
  return files
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-speculation-'))
  book = writeFiles(path.join(tmp, 'book'), wiki())
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
afterEach(() => vi.restoreAllMocks())

const snapshot = (dir: string) => new Map(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'latin1')]))
const edit = (rel: string, change: (text: string) => string) => fs.writeFileSync(path.join(book, rel), change(fs.readFileSync(path.join(book, rel), 'utf8')))

/** Build with the cache (watching what was begun) and without; both sites must be the same. */
async function cachedMatchesFresh(): Promise<{ finished: number }> {
  round++
  const finish = vi.spyOn(SearchSpeculation.prototype, 'finish')
  const cached: CliOptions = { src: book, out: path.join(tmp, `cached-${round}`), cacheDir: path.join(tmp, 'cache'), quiet: true }
  const fresh: CliOptions = { src: book, out: path.join(tmp, `fresh-${round}`), cache: false, quiet: true }
  const a = await build(cached)
  const outcomes = await Promise.all(finish.mock.results.map((r) => r.value as ReturnType<SearchSpeculation['finish']>))
  vi.restoreAllMocks()
  const b = await build(fresh)
  expect(a.written && b.written).toBe(true)
  expect(a.diagnostics).toEqual(b.diagnostics)
  expect(snapshot(cached.out!)).toEqual(snapshot(fresh.out!))
  return { finished: outcomes.filter((o) => o !== undefined).length }
}

describe('a search part begun before the graph', () => {
  it('is finished with the edited page, and gives the files a whole build gives', async () => {
    await cachedMatchesFresh()
    // Late in URL order: the pages before each are begun.
    for (const note of ['tracing/note-7.md', 'memory/note-6.md', 'kernel/note-5.md']) {
      edit(`src/${note}`, (t) => `${t}\nAn edit that adds the word quokka.\n`)
      expect(await cachedMatchesFresh()).toEqual({ finished: 1 })
    }
  }, 120_000)

  it('is finished in an index of several parts', async () => {
    edit('book.toml', (t) => t.replace('search-shard-pages = 64', 'search-shard-pages = 4'))
    await cachedMatchesFresh()
    // A note that is not the first page of its part (as the part's kept documents list them).
    const cache = path.join(tmp, 'cache')
    const kept = fs
      .readdirSync(cache, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('documents.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(cache, f), 'utf8')) as { documents: Array<{ url: string }> })
    expect(kept.length).toBeGreaterThanOrEqual(4)
    const url = kept.flatMap((k) => k.documents.slice(1).map((d) => d.url)).find((u) => /\/note-\d\.html$/.test(u))!
    edit(`src${url.replace(/\.html$/, '.md')}`, (t) => `${t}\nAn edit in a split index.\n`)
    expect(await cachedMatchesFresh()).toEqual({ finished: 1 })
    edit('book.toml', (t) => t.replace('search-shard-pages = 4', 'search-shard-pages = 64'))
  }, 120_000)

  it('is dropped when a page it was begun with changed without its note (a chapter renamed)', async () => {
    await cachedMatchesFresh()
    // Every page of the chapter shows the new name in its breadcrumb, and they come before the
    // edited page: no note changed but the edited one.
    edit('src/SUMMARY.md', (t) => t.replace('- [memory](memory/index.md)', '- [Memory management](memory/index.md)'))
    edit('src/tracing/note-7.md', (t) => `${t}\nAnother edit.\n`)
    expect(await cachedMatchesFresh()).toEqual({ finished: 0 })
  }, 120_000)

  it('is dropped when a page it was begun with is gone', async () => {
    await cachedMatchesFresh()
    fs.rmSync(path.join(book, 'src/kernel/note-1.md'))
    edit('src/SUMMARY.md', (t) => t.replace('  - [kernel note 1](kernel/note-1.md)\n', ''))
    edit('src/tracing/note-7.md', (t) => `${t}\nYet another edit.\n`)
    expect(await cachedMatchesFresh()).toEqual({ finished: 0 })
  }, 120_000)

  it('begins nothing from kept documents that are damaged, and still builds the part', async () => {
    await cachedMatchesFresh()
    const cache = path.join(tmp, 'cache')
    for (const file of fs.readdirSync(cache, { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('documents.json')) fs.writeFileSync(path.join(cache, file), '{"count": 1, "language": "en", "documents": [{"url": 1')
    }
    edit('src/tracing/note-6.md', (t) => `${t}\nA last edit.\n`)
    expect(await cachedMatchesFresh()).toEqual({ finished: 0 })
  }, 120_000)
})
