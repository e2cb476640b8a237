/**
 * The persistent cache never serves a stale page: after every kind of change
 * (edit, include edit, rename, delete, theme, config, tool version, corrupt
 * entries) a build with the cache is byte-identical to a build without it,
 * and compiles only the notes the change touched.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { resolveConfig, type CliOptions } from '../src/config.ts'
import { loadSources } from '../src/content/load.ts'
import { emptyBody } from '../src/markdown/body.ts'
import { DiskNoteCache } from '../src/markdown/disk-cache.ts'
import { CacheEntryError, memoryNoteCache, noteCacheKey } from '../src/markdown/note-cache.ts'
import { compileAll, poolOptions } from '../src/markdown/compile-all.ts'
import { noteFingerprint } from '../src/markdown/fingerprint.ts'
import { createNotePool, type NotePool } from '../src/markdown/pool.ts'
import { Diagnostics } from '../src/report.ts'
import { projectRoot } from './helpers/cli.ts'
import { listFiles } from './helpers/files.ts'

let tmp: string
let book: string
let src: string
let cacheDir: string
let round = 0
/** One worker pool per set of markdown settings, reused by every build (as the dev server would). */
const pools = new Map<string, NotePool>()

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-cache-'))
  book = path.join(tmp, 'book')
  src = path.join(book, 'src')
  cacheDir = path.join(tmp, 'cache')
  fs.cpSync(path.join(projectRoot, 'test/sites/mdbook'), book, { recursive: true })
})
afterAll(async () => {
  await Promise.all([...pools.values()].map((p) => p.close()))
  fs.rmSync(tmp, { recursive: true, force: true })
})

function poolFor(options: CliOptions): NotePool {
  const settings = poolOptions(resolveConfig(options), 1)
  const id = JSON.stringify(settings)
  if (!pools.has(id)) pools.set(id, createNotePool(settings))
  return pools.get(id)!
}

function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'latin1')]))
}

/** Build with the cache and without it; both must give the same site. Returns the cached build's site and count. */
async function cachedMatchesFresh() {
  round++
  const cachedOut = path.join(tmp, `cached-${round}`)
  const freshOut = path.join(tmp, `fresh-${round}`)
  const cachedOptions: CliOptions = { src: book, out: cachedOut, cacheDir, quiet: true }
  const freshOptions: CliOptions = { src: book, out: freshOut, cache: false, quiet: true }
  const cached = await build(cachedOptions, { pool: poolFor(cachedOptions) })
  const fresh = await build(freshOptions, { pool: poolFor(freshOptions) })
  expect(cached.written && fresh.written).toBe(true)
  const site = snapshot(cachedOut)
  expect(site).toEqual(snapshot(freshOut))
  expect(cached.diagnostics).toEqual(fresh.diagnostics)
  return { site, compiled: cached.compiledNotes, notes: cached.graph.notes.size }
}

const edit = (rel: string, change: (text: string) => string) => fs.writeFileSync(path.join(src, rel), change(fs.readFileSync(path.join(src, rel), 'utf8')))
const cacheFolder = () => path.join(cacheDir, fs.readdirSync(cacheDir)[0]!)
/** The facts file of each entry (its body files sit beside it, named by the same key). */
const entries = () => fs.readdirSync(path.join(cacheFolder(), 'entries')).filter((f) => /^[^.]+\.json$/.test(f))

describe('persistent note cache', () => {
  it('compiles every note once, then none', async () => {
    const first = await cachedMatchesFresh()
    expect(first.compiled).toBe(first.notes)
    const second = await cachedMatchesFresh()
    expect(second.compiled).toBe(0)
    expect(entries()).toHaveLength(first.notes)
  })

  it('recompiles an edited note only, and shows the edit', async () => {
    edit('kernel/rcu.md', (t) => t.replace('## Grace period', 'A freshly added sentence.\n\n## Grace period'))
    const { site, compiled } = await cachedMatchesFresh()
    expect(compiled).toBe(1)
    expect(site.get('kernel/rcu.html')).toContain('A freshly added sentence.')
  })

  it('recompiles the note that includes an edited file', async () => {
    edit('listings/snippet.go', (t) => t.replace('included', 'included and edited'))
    const { site, compiled } = await cachedMatchesFresh()
    expect(compiled).toBe(1)
    expect(site.get('go.html')).toContain('edited')
  })

  it('follows a rename: the new page is built, the old one and its entry are gone', async () => {
    fs.renameSync(path.join(src, 'appendix.md'), path.join(src, 'appendix-renamed.md'))
    edit('SUMMARY.md', (t) => t.replace('appendix.md', 'appendix-renamed.md'))
    const { site, compiled, notes } = await cachedMatchesFresh()
    expect(compiled).toBe(1)
    expect(site.has('appendix-renamed.html')).toBe(true)
    expect(site.has('appendix.html')).toBe(false)
    expect(entries()).toHaveLength(notes)
  })

  it('drops a deleted note', async () => {
    fs.rmSync(path.join(src, 'unlisted.md'))
    const { site, compiled, notes } = await cachedMatchesFresh()
    expect(compiled).toBe(0)
    expect(site.has('unlisted.html')).toBe(false)
    expect(entries()).toHaveLength(notes)
  })

  it('recompiles everything for another shiki theme', async () => {
    const before = (await cachedMatchesFresh()).site.get('kernel/cgroup.html')!
    fs.appendFileSync(path.join(book, 'book.toml'), '\n[slugwiki]\nlight-theme = "min-light"\n')
    const { site, compiled, notes } = await cachedMatchesFresh()
    expect(compiled).toBe(notes)
    expect(site.get('kernel/cgroup.html')).not.toEqual(before)
    expect(site.get('kernel/cgroup.html')).toContain('min-light')
  })

  it('recompiles everything when a markdown setting changes', async () => {
    edit('../book.toml', (t) => t.replace('mathjax-support = true', 'mathjax-support = false'))
    const { site, compiled, notes } = await cachedMatchesFresh()
    expect(compiled).toBe(notes)
    expect(site.get('kernel/rcu.html')).not.toContain('class="katex"')
  })

  it('recompiles everything when [output.html.code.hidelines] changes', async () => {
    edit('kernel/rcu.md', (t) => `${t}\n\n\`\`\`python\n~import setup\nrun()\n\`\`\`\n`)
    expect((await cachedMatchesFresh()).site.get('kernel/rcu.html')).not.toContain('hidden-line')
    fs.appendFileSync(path.join(book, 'book.toml'), '\n[output.html.code.hidelines]\npython = "~"\n')
    const { site, compiled, notes } = await cachedMatchesFresh()
    expect(compiled).toBe(notes)
    expect(site.get('kernel/rcu.html')).toContain('hidden-line')
  })

  it('recompiles everything when [preprocessor.admonish] default.collapsible changes', async () => {
    edit('kernel/rcu.md', (t) => `${t}\n\n\`\`\`admonish tip\nA tip about RCU.\n\`\`\`\n`)
    const open = await cachedMatchesFresh()
    expect(open.compiled).toBe(1)
    expect(open.site.get('kernel/rcu.html')).toContain('<div class="markdown-alert markdown-alert-tip callout admonition admonish-tip"')
    fs.appendFileSync(path.join(book, 'book.toml'), '\n[preprocessor.admonish.default]\ncollapsible = true\n')
    const { site, compiled, notes } = await cachedMatchesFresh()
    expect(compiled).toBe(notes)
    expect(site.get('kernel/rcu.html')).toContain('<details class="markdown-alert markdown-alert-tip callout admonition admonish-tip"')
  })

  it('recompiles everything when the language changes, so no callout keeps its old default title', async () => {
    edit('kernel/rcu.md', (t) => `${t}\n\n> [!WARNING]\n> Mind the grace period.\n`)
    expect((await cachedMatchesFresh()).site.get('kernel/rcu.html')).toContain('Warning</p>')
    edit('../book.toml', (t) => t.replace('language = "en"', 'language = "de"'))
    const { site, compiled, notes } = await cachedMatchesFresh()
    expect(compiled).toBe(notes)
    expect(site.get('kernel/rcu.html')).toContain('Warnung</p>')
    expect(site.get('kernel/rcu.html')).not.toContain('Warning</p>')
  })

  it('ignores corrupt and truncated entries and replaces them', async () => {
    const [a, b] = entries()
    const dir = path.join(cacheFolder(), 'entries')
    fs.writeFileSync(path.join(dir, a!), 'not json at all')
    const whole = fs.readFileSync(path.join(dir, b!), 'utf8')
    fs.writeFileSync(path.join(dir, b!), whole.slice(0, whole.length / 2))
    expect((await cachedMatchesFresh()).compiled).toBe(2)
    expect((await cachedMatchesFresh()).compiled).toBe(0)
  })

  it('compiles again a note whose body file is damaged after its entry was checked', async () => {
    const dir = path.join(cacheFolder(), 'entries')
    const [a, b] = entries().map((f) => f.slice(0, -'.json'.length))
    // The same size, so the entry passes its check and the damage is found only when a page reads the body.
    for (const file of [`${a}.page`, `${b}.print`]) {
      const size = fs.statSync(path.join(dir, file)).size
      fs.writeFileSync(path.join(dir, file), 'x'.repeat(size))
    }
    expect((await cachedMatchesFresh()).compiled).toBe(2)
    expect((await cachedMatchesFresh()).compiled).toBe(0)
  })

  it('checks a note’s embed form only when a page embeds it: damaged, it is found then, and the note compiled again', async () => {
    const dir = path.join(cacheFolder(), 'entries')
    const [a] = entries().map((f) => f.slice(0, -'.json'.length))
    const embed = path.join(dir, `${a}.embed`)
    fs.writeFileSync(embed, fs.readFileSync(embed, 'utf8').slice(0, -1))
    // No page of this book embeds a note: the entry is served, its embed form never read.
    expect((await cachedMatchesFresh()).compiled).toBe(0)
    const cache = new DiskNoteCache(path.dirname(dir))
    expect(cache.get(a!)).toBeDefined()
    expect(() => cache.embed(a!)).toThrow(CacheEntryError)
    expect(cache.page(a!).parts.length).toBeGreaterThan(0)
  })
})

describe('cache fingerprint', () => {
  it('serves an entry only to the tool version that wrote it', async () => {
    const config = resolveConfig({ src: book, out: path.join(tmp, 'unused') })
    const { inputs } = loadSources({ config, diagnostics: new Diagnostics(), display: (p) => p })
    const pool = poolFor({ src: book })
    const options = { config, displaySource: (s: string) => s, pool }
    for (const cache of [memoryNoteCache(), new DiskNoteCache(path.join(tmp, 'tool-cache'))]) {
      const first = await compileAll(inputs, { ...options, cache, tool: 'version-a' })
      expect(first.compiled).toBe(inputs.length)
      // Read now: a later compile keeps only its own entries.
      const pagesOf = (result: typeof first) => result.notes.map((n) => result.bodies.page(n.key))
      const firstPages = pagesOf(first)
      // Plant a different body in one entry, as another version of the tool might have compiled it.
      const input = inputs[0]!
      const key = noteCacheKey(input, pool.settings, noteFingerprint('version-a', pool.settings))
      const planted = { ...emptyBody(), page: { parts: ['<p>from version a</p>'], slots: [] } }
      cache.set(key, cache.get(key)!, planted)
      await cache.flush?.()
      const same = await compileAll(inputs, { ...options, cache, tool: 'version-a' })
      expect(same.compiled).toBe(0)
      expect(same.bodies.page(same.notes[0]!.key)).toEqual(planted.page)
      const upgraded = await compileAll(inputs, { ...options, cache, tool: 'version-b' })
      expect(upgraded.compiled).toBe(inputs.length)
      expect(pagesOf(upgraded)).toEqual(firstPages)
    }
  })

  it('changes when math is read as an mdBook’s MathJax reads it', () => {
    const settings = { math: true, trusted: false, lightTheme: 'a', darkTheme: 'b' }
    expect(noteFingerprint('v', { ...settings, mathSyntax: 'mathjax' })).not.toBe(noteFingerprint('v', settings))
    expect(noteFingerprint('v', { ...settings, mathSyntax: 'katex' })).toBe(noteFingerprint('v', settings))
  })

  it('changes when headings get mdBook’s ids instead of GitHub’s', () => {
    const settings = { math: false, trusted: false, lightTheme: 'a', darkTheme: 'b' }
    expect(noteFingerprint('v', { ...settings, headingIds: 'mdbook' })).not.toBe(noteFingerprint('v', settings))
    expect(noteFingerprint('v', { ...settings, headingIds: 'github' })).toBe(noteFingerprint('v', settings))
  })

  it('changes with mdbook-toc’s [preprocessor.toc] and its marker', () => {
    const settings = { math: false, trusted: false, lightTheme: 'a', darkTheme: 'b' }
    expect(noteFingerprint('v', { ...settings, toc: {} })).not.toBe(noteFingerprint('v', settings))
    expect(noteFingerprint('v', { ...settings, toc: { marker: '[[_TOC_]]' } })).not.toBe(noteFingerprint('v', { ...settings, toc: {} }))
  })

  it('changes when a Zola site’s shortcodes are read', () => {
    const settings = { math: false, trusted: false, lightTheme: 'a', darkTheme: 'b' }
    expect(noteFingerprint('v', { ...settings, zola: true })).not.toBe(noteFingerprint('v', settings))
    expect(noteFingerprint('v', { ...settings, zola: false })).toBe(noteFingerprint('v', settings))
  })

  it('changes when MyST markdown is read', () => {
    const settings = { math: false, trusted: false, lightTheme: 'a', darkTheme: 'b' }
    expect(noteFingerprint('v', { ...settings, myst: true })).not.toBe(noteFingerprint('v', settings))
    expect(noteFingerprint('v', { ...settings, myst: false })).toBe(noteFingerprint('v', settings))
  })

  it('changes when a Starlight site’s components and asides are read', () => {
    const settings = { math: false, trusted: false, lightTheme: 'a', darkTheme: 'b', docusaurus: true }
    expect(noteFingerprint('v', { ...settings, starlight: true })).not.toBe(noteFingerprint('v', settings))
    expect(noteFingerprint('v', { ...settings, starlight: false })).toBe(noteFingerprint('v', settings))
  })

  it('changes with the Rust Reference’s [preprocessor.spec]', () => {
    const settings = { math: false, trusted: false, lightTheme: 'a', darkTheme: 'b' }
    expect(noteFingerprint('v', { ...settings, specRules: true })).not.toBe(noteFingerprint('v', settings))
    expect(noteFingerprint('v', { ...settings, specRules: false })).toBe(noteFingerprint('v', settings))
  })

  it('changes with the Rust book’s [preprocessor.trpl-listing] and its output-mode', () => {
    const settings = { math: false, trusted: false, lightTheme: 'a', darkTheme: 'b' }
    const base = noteFingerprint('v', settings)
    expect(noteFingerprint('v', { ...settings, trplListing: 'default' })).not.toBe(base)
    expect(noteFingerprint('v', { ...settings, trplListing: 'simple' })).not.toBe(noteFingerprint('v', { ...settings, trplListing: 'default' }))
  })

  it('keeps one folder per wiki and removes those of wikis that are gone', async () => {
    const root = path.join(tmp, 'wikis')
    const gone = path.join(tmp, 'gone-wiki')
    fs.mkdirSync(gone)
    const note = { source: 'a.md', diagnostics: [] } as never
    for (const src of [gone, book]) {
      const cache = DiskNoteCache.forWiki(root, src)
      cache.set('k', note, emptyBody())
      await cache.flush()
    }
    expect(fs.readdirSync(root)).toHaveLength(2)
    fs.rmSync(gone, { recursive: true })
    expect(DiskNoteCache.forWiki(root, book).get('k')).toEqual({ source: 'a.md', diagnostics: [], key: 'k' })
    expect(fs.readdirSync(root)).toHaveLength(1)
  })

  it('names files in diagnostics as the terminal shows them, through includes, compiled or cached', async () => {
    const wiki = path.join(tmp, 'includes')
    fs.mkdirSync(wiki)
    fs.writeFileSync(path.join(wiki, 'part.txt'), 'Included.\n\n```nosuchlang\nx\n```\n')
    fs.writeFileSync(path.join(wiki, 'a.md'), '# A\n\n{{#include part.txt}}\n\n```alsonot\ny\n```\n')
    const shown = (rel: string) => path.relative(process.cwd(), path.join(wiki, rel))
    const expected = [
      [shown('a.md'), 5, 'Unknown code language `alsonot`, rendered as plain text'],
      [shown('part.txt'), 3, 'Unknown code language `nosuchlang`, rendered as plain text'],
    ]
    for (const round of [1, 2]) {
      const options: CliOptions = { src: wiki, out: path.join(tmp, `includes-out-${round}`), cacheDir, quiet: true }
      const result = await build(options, { pool: poolFor(options) })
      expect(result.compiledNotes).toBe(round === 1 ? 1 : 0)
      expect(result.diagnostics.filter((d) => d.rule === 'unknown-language').map((d) => [d.file, d.line, d.message])).toEqual(expected)
    }
  })
})
