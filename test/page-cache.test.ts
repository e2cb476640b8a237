/**
 * The page cache never serves a stale page. A wiki is built again and again
 * into the same output folder: after each change, the output is byte for
 * byte what a build without any cache gives, and the pages rendered again
 * are exactly those whose HTML changed — a prose edit, a neighbour's title,
 * a tag, a backlink, the SUMMARY order, the config — while every other page
 * is kept from the last output. A template edit renders every page again; a
 * page file edited by hand is rendered again.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../src/build.ts'
import { resolveConfig, type CliOptions } from '../src/config.ts'
import { loadTopics } from '../src/content/load.ts'
import { poolOptions } from '../src/markdown/compile-all.ts'
import { createNotePool, type NotePool } from '../src/markdown/pool.ts'
import { PageCache } from '../src/page-cache.ts'
import { Diagnostics } from '../src/report.ts'
import { projectRoot, runCli } from './helpers/cli.ts'
import { listFiles } from './helpers/files.ts'

let tmp: string
let book: string
let src: string
let out: string
let pool: NotePool
/** Every file of the output after the last cached build. */
let last = new Map<string, Buffer>()

const read = (dir: string) => new Map(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]))
const edit = (rel: string, change: (text: string) => string) => fs.writeFileSync(path.join(book, rel), change(fs.readFileSync(path.join(book, rel), 'utf8')))
const cached = (): CliOptions => ({ src, out, cacheDir: path.join(tmp, 'cache'), quiet: true })

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-page-cache-'))
  book = path.join(tmp, 'book')
  src = path.join(book, 'src')
  out = path.join(tmp, 'out')
  fs.cpSync(path.join(projectRoot, 'test/sites/topics'), src, { recursive: true })
  fs.writeFileSync(path.join(book, 'book.toml'), '[book]\ntitle = "Fixture wiki"\n\n[slugwiki]\ntheme = "own"\n')
  fs.mkdirSync(path.join(book, 'themes/own'), { recursive: true })
  fs.writeFileSync(path.join(book, 'themes/own/index.ts'), theme('Gone fishing'))
  const config = resolveConfig(cached())
  pool = createNotePool(poolOptions(config, 1, loadTopics({ config, diagnostics: new Diagnostics(), display: (p) => p })))
})
afterAll(async () => {
  await pool.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

function theme(words: string): string {
  return `export default {\n  extends: 'default',\n  templates: { notFound: (ctx) => ctx.h('article.gone', [ctx.h('h1', ${JSON.stringify(words)})]) },\n}\n`
}

/** The pages a build rendered, and those it kept from the last output. */
const rendered = (result: BuildResult) => [...(result.plan.rendered?.keys() ?? [])].sort()
const kept = (result: BuildResult) => [...(result.plan.kept?.keys() ?? [])].sort()

/**
 * Build with the cache into the same folder, and without any cache
 * elsewhere: the two must be the same site. Returns the cached build and
 * the pages whose bytes differ from the last cached build's.
 */
async function step(): Promise<{ result: BuildResult; changed: string[] }> {
  const result = await build(cached(), { pool })
  const fresh = await build({ src, out: path.join(tmp, 'fresh'), cache: false, quiet: true }, { pool })
  expect(result.written && fresh.written).toBe(true)
  const site = read(out)
  expect(site).toEqual(read(path.join(tmp, 'fresh')))
  const pages = [...rendered(result), ...kept(result)]
  const changed = pages.filter((p) => !last.get(p)?.equals(site.get(p)!)).sort()
  last = site
  return { result, changed }
}

describe('page cache', () => {
  it('renders every page once, then keeps them all', async () => {
    const first = await step()
    expect(kept(first.result)).toEqual([])
    expect(rendered(first.result).length).toBeGreaterThan(10)
    const inode = fs.statSync(path.join(out, 'kernel/rcu.html')).ino
    const again = await step()
    expect(rendered(again.result)).toEqual([])
    expect(kept(again.result)).toEqual(rendered(first.result))
    // Kept means hard-linked from the last output, not written again.
    expect(fs.statSync(path.join(out, 'kernel/rcu.html')).ino).toBe(inode)
  })

  it('renders a note edited in its prose, and the print page', async () => {
    edit('src/scripts.md', (t) => `${t}\nNothing else to say.\n`)
    const { result, changed } = await step()
    expect(rendered(result)).toEqual(['print.html', 'scripts.html'])
    expect(changed).toEqual(rendered(result))
  })

  it('renders a note whose own title changed; SUMMARY names it everywhere, its tab too, so no page shows the change', async () => {
    edit('src/kernel/memcg.md', (t) => t.replace('title: Memory cgroups', 'title: Memory controllers'))
    const { result, changed } = await step()
    // Its model changed (rendered), its bytes did not: the tab is SUMMARY's `Memory cgroups`, the H1 the note's.
    expect(rendered(result)).toContain('kernel/memcg.html')
    expect(changed).toEqual([])
    expect(kept(result)).toEqual(expect.arrayContaining(['go/server.html', 'scripts.html', 'tags/cgroup.html']))
  })

  it('renders the pages a new tag reaches', async () => {
    edit('src/scripts.md', (t) => t.replace('title: Scripts', 'title: Scripts\ntags: [shell]'))
    const { result, changed } = await step()
    // Every page whose bytes changed was rendered (a model may change where its HTML does not: rendered, same bytes).
    expect(rendered(result)).toEqual(expect.arrayContaining(changed))
    expect(changed).toEqual(expect.arrayContaining(['scripts.html', 'tags/shell.html', 'tags/index.html']))
    expect(kept(result)).toEqual(expect.arrayContaining(['go/server.html', 'tags/go.html']))
  })

  it('renders the target of a new link, which shows it as a backlink', async () => {
    edit('src/go/server.md', (t) => `${t}\nBuilt by [the scripts](../scripts.md).\n`)
    const { result, changed } = await step()
    expect(rendered(result)).toEqual(expect.arrayContaining(changed))
    expect(changed).toEqual(expect.arrayContaining(['go/server.html', 'scripts.html', 'print.html']))
    expect(changed).not.toContain('kernel/rcu.html')
  })

  it('renders every page when the SUMMARY order changes the sidebar', async () => {
    edit('src/SUMMARY.md', (t) => t.replace('- [Go services](go/README.md)\n  - [Server](go/server.md)\n- [Scripts](scripts.md)', '- [Scripts](scripts.md)\n- [Go services](go/README.md)\n  - [Server](go/server.md)'))
    const { result, changed } = await step()
    expect(kept(result)).toEqual([])
    expect(rendered(result)).toEqual(changed)
  })

  it('renders every page when the config changes what they show', async () => {
    edit('book.toml', (t) => t.replace('Fixture wiki', 'Renamed wiki'))
    const { result, changed } = await step()
    expect(kept(result)).toEqual([])
    expect(rendered(result)).toEqual(changed)
  })

  it('renders again a page whose output file was edited by hand', async () => {
    fs.appendFileSync(path.join(out, 'go/server.html'), '<!-- edited -->')
    const { result, changed } = await step()
    expect(rendered(result)).toEqual(['go/server.html'])
    // Rendered back to what the last build wrote (`step` compared it with a build without cache).
    expect(changed).toEqual([])
    expect(fs.readFileSync(path.join(out, 'go/server.html'), 'utf8')).not.toContain('<!-- edited -->')
  })

  it('renders the pages a note outside SUMMARY reaches when added, and drops its page when deleted', async () => {
    fs.writeFileSync(path.join(src, 'kernel/extra.md'), '# Extra\n\nSee [RCU](rcu.md) and `rcu_read_lock`.\n')
    const added = await step()
    expect(rendered(added.result)).toEqual(expect.arrayContaining(added.changed))
    expect(added.changed).toEqual(expect.arrayContaining(['kernel/extra.html', 'kernel/rcu.html']))
    fs.rmSync(path.join(src, 'kernel/extra.md'))
    const gone = await step()
    expect(rendered(gone.result)).toEqual(expect.arrayContaining(gone.changed))
    expect(gone.changed).toContain('kernel/rcu.html')
    expect(fs.existsSync(path.join(out, 'kernel/extra.html'))).toBe(false)
    expect(kept(gone.result)).toContain('go/server.html')
  })

  it('renders every page that shows code when the code theme changes', async () => {
    const before = await step()
    expect(rendered(before.result)).toEqual([])
    edit('book.toml', (t) => t.replace('[slugwiki]\n', '[slugwiki]\nlight-theme = "github-light"\n'))
    const { result, changed } = await step()
    expect(kept(result)).toEqual([])
    expect(changed).toEqual(expect.arrayContaining(['go/server.html', 'scripts.html', 'print.html']))
  })

  /** Each part of the search index kept in the cache, by its folder, with the fingerprint of the documents it was built from. */
  const searchRecords = (): Map<string, string> => {
    const cacheDir = path.join(tmp, 'cache')
    const records = new Map<string, string>()
    for (const rel of fs.readdirSync(cacheDir, { recursive: true }).map(String)) {
      if (/(^|\/)search\/part-\d+\/index\.json$/.test(rel)) records.set(path.dirname(rel), (JSON.parse(fs.readFileSync(path.join(cacheDir, rel), 'utf8')) as { fingerprint: string }).fingerprint)
    }
    return records
  }
  /** The parts whose record changed from `before` to now: the parts indexed again. */
  const indexedAgain = (before: Map<string, string>) => [...searchRecords()].filter(([part, print]) => before.get(part) !== print).map(([part]) => part)

  it('reuses the search index while its notes are unchanged, and builds it again after an edit', async () => {
    const indexFiles = (result: BuildResult) => [...(result.plan.links ?? [])].filter(([rel]) => rel.startsWith('_slugwiki/search/') && !rel.endsWith('/core.js'))
    const cacheDir = path.join(tmp, 'cache')
    await step()
    const first = searchRecords()
    expect(first.size).toBeGreaterThan(0)
    const again = await step()
    expect(indexedAgain(first)).toEqual([])
    // Linked from the cache, never written into the output again; `step` compared the files with a build without cache.
    expect(indexFiles(again.result).length).toBeGreaterThan(0)
    expect(indexFiles(again.result).every(([, from]) => from.startsWith(cacheDir))).toBe(true)
    expect([...again.result.plan.files.keys()].filter((rel) => rel.startsWith('_slugwiki/search/') && !rel.endsWith('shards.json'))).toEqual([])
    const published = indexFiles(again.result).map(([rel, from]) => [fs.statSync(path.join(out, rel)).ino, fs.statSync(from).ino])
    expect(published.every(([output, cached]) => output === cached)).toBe(true)
    edit('src/scripts.md', (t) => `${t}\nThe word zanzibar is searchable now.\n`)
    await step()
    expect(indexedAgain(first)).toHaveLength(1)
  })

  it('indexes again only the part of a split search index that holds the edited page', async () => {
    edit('book.toml', (t) => t.replace('[slugwiki]\n', '[slugwiki]\nsearch-shard-pages = 2\n'))
    await step()
    const part = (rel: string) => /^_slugwiki\/search\/(\d+)\//.exec(rel)?.[1] ?? 'first'
    const parts = (keys: Iterable<string>) => new Set([...keys].filter((rel) => rel.startsWith('_slugwiki/search/') && !/\/(core|shards)\.js(on)?$/.test(rel)).map(part))
    const before = searchRecords()
    edit('src/scripts.md', (t) => `${t}\nThe word quokka is searchable now.\n`)
    const { result } = await step()
    expect(parts(result.plan.links?.keys() ?? []).size).toBeGreaterThanOrEqual(3)
    expect(before.size).toBeGreaterThanOrEqual(3)
    expect(indexedAgain(before)).toHaveLength(1)
    edit('book.toml', (t) => t.replace('search-shard-pages = 2\n', ''))
    await step()
  })

  it('renders every page after a template edit (each build a new process, as users run it)', () => {
    const cli = (args: string[]) => runCli(['build', '--src', src, ...args])
    const first = cli(['--out', out, '--cache-dir', path.join(tmp, 'cache')])
    expect(first.status, first.stderr).toBe(0)
    expect(first.stderr).toMatch(/ pages \((\d+) unchanged since the last build\)/)
    fs.writeFileSync(path.join(book, 'themes/own/index.ts'), theme('Gone sailing'))
    const edited = cli(['--out', out, '--cache-dir', path.join(tmp, 'cache')])
    expect(edited.status, edited.stderr).toBe(0)
    expect(edited.stderr).not.toMatch(/unchanged since the last build/)
    expect(fs.readFileSync(path.join(out, '404.html'), 'utf8')).toContain('<h1>Gone sailing</h1>')
    const fresh = cli(['--out', path.join(tmp, 'fresh-cli'), '--no-cache'])
    expect(fresh.status, fresh.stderr).toBe(0)
    expect(read(out)).toEqual(read(path.join(tmp, 'fresh-cli')))
  }, 240_000)
})

describe('page records', () => {
  it('keep a page only for the same output folder and the same shared fingerprint', async () => {
    const file = path.join(tmp, 'records', 'pages.json')
    const folder = path.join(tmp, 'records-out')
    fs.mkdirSync(folder, { recursive: true })
    fs.writeFileSync(path.join(folder, 'a.html'), 'A')
    await new PageCache(file, folder, 'tool-a').record(new Map([['a.html', 'print-a']]))
    expect(new PageCache(file, folder, 'tool-a').kept('a.html', 'print-a')).toBe(path.join(folder, 'a.html'))
    expect(new PageCache(file, folder, 'tool-a').kept('a.html', 'print-b')).toBeUndefined()
    // Another version of the tool, theme or config shares another fingerprint.
    expect(new PageCache(file, folder, 'tool-b').kept('a.html', 'print-a')).toBeUndefined()
    expect(new PageCache(file, path.join(tmp, 'elsewhere'), 'tool-a').kept('a.html', 'print-a')).toBeUndefined()
    fs.writeFileSync(path.join(folder, 'a.html'), 'B')
    expect(new PageCache(file, folder, 'tool-a').kept('a.html', 'print-a')).toBeUndefined()
    fs.writeFileSync(file, 'not json')
    expect(new PageCache(file, folder, 'tool-a').kept('a.html', 'print-a')).toBeUndefined()
  })
})
