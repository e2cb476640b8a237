/**
 * Search end to end in Node: build the search fixture wiki with the CLI, then
 * run queries through the site's own Pagefind bundle and our ranking, as the
 * browser does.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectSections } from '../src/search/sections.ts'
import { projectRoot, runCli } from './helpers/cli.ts'
import { render } from './helpers/markdown.ts'
import { loadSearch, type NodeSearch } from './helpers/search-node.ts'

const site = path.join(projectRoot, 'test/sites/search')
let tmp: string

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-search-'))
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** Build the fixture wiki with the CLI, its index in parts of `shardPages` pages when given, and load its search. */
async function buildSearch(name: string, shardPages?: number): Promise<{ out: string; search: NodeSearch }> {
  let src = site
  if (shardPages !== undefined) {
    src = path.join(tmp, `${name}-src`)
    fs.cpSync(site, src, { recursive: true })
    fs.appendFileSync(path.join(src, 'book.toml'), `\n[slugwiki]\nsearch-shard-pages = ${shardPages}\n`)
  }
  const out = path.join(tmp, name)
  const run = runCli(['build', '--src', src, '--out', out, '--quiet'])
  expect(run.status, run.stderr).toBe(0)
  return { out, search: await loadSearch(out) }
}

const text = (hit: { snippet: Array<{ text: string }> }) => hit.snippet.map((s) => s.text).join('')
const marked = (hit: { snippet: Array<{ text: string; mark: boolean }> }) => hit.snippet.filter((s) => s.mark).map((s) => s.text.trim())

describe('section records', () => {
  it('split a compiled note at its headings, code apart from prose, anchors and math source handled', async () => {
    const { note } = await render('# Title\n\nLead `inline_ident` text.\n\n## Usage\n\nProse here.\n\n```c\nint x = call_it();\n```\n\n### Deeper\n\n- item one\n- item two\n', { source: 'a.md' })
    expect(collectSections(note.tree)).toEqual([
      { id: 'title', depth: 1, heading: 'Title', prose: 'Lead inline_ident text.', code: '' },
      { id: 'usage', depth: 2, heading: 'Usage', prose: 'Prose here.', code: 'int x = call_it();' },
      { id: 'deeper', depth: 3, heading: 'Deeper', prose: 'item one item two', code: '' },
    ])
  })

  it('keep text before the first heading as a lead section and TeX source for math', async () => {
    const { note } = await render('Before any heading, $\\alpha + \\beta$.\n\n## Then\n\nAfter.\n', { source: 'b.md', math: true })
    const sections = collectSections(note.tree)
    expect(sections[0]).toMatchObject({ id: '', depth: 0, heading: '' })
    expect(sections[0]!.prose).toContain('\\alpha + \\beta')
    expect(sections[0]!.prose).not.toMatch(/α/)
    expect(sections[1]).toMatchObject({ id: 'then', heading: 'Then', prose: 'After.' })
  })

  it("index an annotated block's code without its annotation markers, and the annotations as prose", async () => {
    const md = '# Config\n\n```yaml\nenv: dev # (1)!\nname: x # see (2)\n```\n\n1. The environment.\n2. The name.\n'
    const { note } = await render(md, { source: 'd.md', mkdocs: { codeAnnotate: true } })
    expect(collectSections(note.tree)).toEqual([{ id: 'config', depth: 1, heading: 'Config', prose: 'The environment. The name.', code: 'env: dev name: x # see' }])
  })

  it('leave out a generated table of contents, whose headings are indexed at their own sections', async () => {
    const md = '# Symbols\n\n[TOC]\n\nLead text.\n\n## Symbol Table\n\nTable text.\n\n### Referencing a Symbol\n\nMore.\n'
    for (const options of [{ toc: { marker: '[TOC]' } }, { vitepress: true }]) {
      const { note } = await render(options.vitepress ? md.replace('[TOC]', '[[toc]]') : md, { source: 'c.md', ...options })
      expect(collectSections(note.tree), JSON.stringify(options)).toEqual([
        { id: 'symbols', depth: 1, heading: 'Symbols', prose: 'Lead text.', code: '' },
        { id: 'symbol-table', depth: 2, heading: 'Symbol Table', prose: 'Table text.', code: '' },
        { id: 'referencing-a-symbol', depth: 3, heading: 'Referencing a Symbol', prose: 'More.', code: '' },
      ])
    }
  })
})

// The same answers from one index and from an index in eight parts (ten pages, two per part), merged in the browser.
describe.each([
  { index: 'one index', shardPages: undefined },
  { index: 'an index in parts', shardPages: 2 },
])('$index', ({ shardPages }) => {
  let out: string
  let search: NodeSearch
  beforeAll(async () => {
    ;({ out, search } = await buildSearch(shardPages ? 'parts' : 'one', shardPages))
  })
  const top = async (query: string) => (await search.search(query))[0]

  describe('the built index', () => {
    it('is written under _slugwiki/search with the shared script', () => {
      const dir = path.join(out, '_slugwiki/search')
      expect(fs.existsSync(path.join(dir, 'pagefind.js'))).toBe(true)
      expect(fs.existsSync(path.join(dir, 'core.js'))).toBe(true)
      expect(fs.existsSync(path.join(dir, 'pagefind-ui.js'))).toBe(false)
    })

    it('lists its parts in shards.json: each a Pagefind index without Pagefind’s runtime, every page in one', async () => {
      const dir = path.join(out, '_slugwiki/search')
      const { merge } = JSON.parse(fs.readFileSync(path.join(dir, 'shards.json'), 'utf8')) as { merge: string[] }
      // 11 pages in parts of 2: 8 parts (a power of two), those no page hashed to left out.
      if (!shardPages) expect(merge).toEqual([])
      else {
        expect(merge.length).toBeGreaterThanOrEqual(3)
        expect(merge.length).toBeLessThanOrEqual(7)
        for (const part of merge) expect(part).toMatch(/^[1-7]\/$/)
      }
      const counts: number[] = []
      for (const part of ['', ...merge]) {
        const entry = JSON.parse(fs.readFileSync(path.join(dir, part, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }
        counts.push(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0))
        if (part) expect(fs.readdirSync(path.join(dir, part)).filter((f) => /^(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(f))).toEqual([])
      }
      expect(counts.reduce((a, b) => a + b)).toBe(11)
    })

    it('offers section and tag filters', async () => {
      const filters = await search.pagefind.filters()
      expect(Object.keys(filters.section ?? {})).toContain('Kernel')
      expect(filters.tag).toMatchObject({ cgroup: 1, memory: 1 })
      const hits = await search.search('cgroup', { filters: { tag: 'memory' } })
      expect(new Set(hits.map((h) => h.url.split('#')[0]))).toEqual(new Set(['/kernel/memcg.html']))
    })
  })

  describe('ranking', () => {
    it('finds an identifier by its full name at the heading that defines it', async () => {
      const hit = await top('mem_cgroup_from_css')
      expect(hit).toMatchObject({ url: '/kernel/memcg.html#mem_cgroup_from_css', title: 'Memory cgroup', heading: 'mem_cgroup_from_css', crumb: 'Kernel' })
      expect(marked(hit!)).toContain('mem_cgroup_from_css')
    })

    it('finds an identifier by its parts, quoting the identifier', async () => {
      const hit = await top('cgroup from css')
      expect(hit?.url).toBe('/kernel/memcg.html#mem_cgroup_from_css')
      expect(marked(hit!)[0]).toBe('mem_cgroup_from_css')
    })

    it('finds upper-case constants, macros, and names without their leading underscores', async () => {
      expect((await top('CFTYPE_NOT_ON_ROOT'))?.url).toBe('/kernel/cftype.html#flags')
      expect((await top('container_of'))?.url).toBe('/kernel/memcg.html#mem_cgroup_from_css')
      expect((await top('__kretprobe_trampoline_handler'))?.url).toBe('/kernel/kprobes.html#return-probes')
      expect((await top('kretprobe_trampoline_handler'))?.url).toBe('/kernel/kprobes.html#return-probes')
    })

    it('finds dotted, :: and -> names', async () => {
      expect((await top('memory.swappiness'))?.url).toBe('/kernel/memcg.html#swappiness')
      expect((await top('std::vector'))?.url).toBe('/kernel/memcg.html#swappiness')
      expect((await top('css_set::mg_node'))?.url).toBe('/kernel/memcg.html#swappiness')
      expect((await top('task->kretprobe_instances'))?.url).toBe('/kernel/kprobes.html#return-probes')
    })

    it('ranks prose that explains an identifier above code that only uses it', async () => {
      const hits = await search.search('zorblax_lookup_table')
      expect(hits.map((h) => h.url)).toEqual(['/kernel/lookup-prose.html#building-the-table', '/kernel/lookup-code.html#a-listing'])
    })

    it('ranks a heading match above a passing mention', async () => {
      expect((await top('grace period'))?.url).toBe('/kernel/memcg.html#grace-period')
      const swap = await search.search('swappiness')
      expect(swap[0]?.url).toBe('/kernel/memcg.html#swappiness')
    })

    it('finds CJK words inside a run of text, and shows the text unspaced', async () => {
      const memory = await top('内存')
      expect(memory?.url).toBe(`/zh/memory.html#${encodeURIComponent('内存管理')}`)
      expect(memory?.title).toBe('内存管理')
      const reclaim = await top('回收')
      expect(reclaim?.url).toBe(`/zh/memory.html#${encodeURIComponent('内存管理')}`)
      expect(text(reclaim!)).toContain('页面回收由 kswapd 负责。')
      expect((await top('控制组'))?.heading).toBe('控制组')
    })

    it('returns markup from a note as plain text in the snippet', async () => {
      const hits = await search.search('xsspayload')
      const all = hits.map(text).join('\n')
      expect(all).toContain('<img src=x onerror=alert(3)>')
    })

    it('finds nothing for words no note has', async () => {
      expect(await search.search('qwertyuiopasdf')).toEqual([])
    })
  })
})
