/**
 * The sidebar stays the same size whatever the size of the wiki: each page
 * renders the top level and its own branch (windowed when a list is long),
 * and the whole tree is written once, to `_slugwiki/nav.js`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { compileSite } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { planContent } from '../src/output.ts'
import { NAV_LIST_LIMIT, NAV_WINDOW, navWindow } from '../src/theme/nav.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-nav-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** A wiki with one big section of `count` notes and one small one. */
function wiki(name: string, count: number): string {
  const src = path.join(tmp, name)
  fs.mkdirSync(path.join(src, 'big'), { recursive: true })
  fs.mkdirSync(path.join(src, 'small'), { recursive: true })
  const lines = ['# Summary', '', '[Home](README.md)', '', '- [Big](big/README.md)']
  fs.writeFileSync(path.join(src, 'README.md'), '# Home\n')
  fs.writeFileSync(path.join(src, 'big/README.md'), '# Big\n')
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(src, `big/n${i}.md`), `# Note ${i}\n\nText.\n`)
    lines.push(`  - [Note ${i}](big/n${i}.md)`)
  }
  lines.push('- [Small](small/README.md)', '  - [Leaf](small/leaf.md)')
  fs.writeFileSync(path.join(src, 'small/README.md'), '# Small\n')
  fs.writeFileSync(path.join(src, 'small/leaf.md'), '# Leaf\n')
  fs.writeFileSync(path.join(src, 'SUMMARY.md'), `${lines.join('\n')}\n`)
  return src
}

async function site(name: string, count: number) {
  const result = await compileSite(resolveConfig({ src: wiki(name, count), out: path.join(tmp, `${name}-out`), quiet: true }))
  expect(result.ok).toBe(true)
  const page = (slug: string) => String(planContent(result.plan, slug))
  const sidebarOf = (slug: string) => /<nav class="sidebar".*?<\/nav>/s.exec(page(slug))![0]
  return { page, sidebarOf, nav: page('_slugwiki/nav.js') }
}

describe('navWindow', () => {
  it('keeps short lists whole and windows long ones around the current entry', () => {
    expect(navWindow(10, 3)).toEqual([0, 10])
    expect(navWindow(NAV_LIST_LIMIT, -1)).toEqual([0, NAV_LIST_LIMIT])
    const span = 2 * NAV_WINDOW + 1
    expect(navWindow(1000, -1)).toEqual([0, span])
    expect(navWindow(1000, 0)).toEqual([0, span])
    expect(navWindow(1000, 500)).toEqual([500 - NAV_WINDOW, 500 + NAV_WINDOW + 1])
    expect(navWindow(1000, 999)).toEqual([1000 - span, 1000])
  })
})

describe('the sidebar of a large wiki', () => {
  it('marks the current page, opens its branch only, and windows the long list', async () => {
    const { sidebarOf, nav } = await site('w300', 300)
    const sidebar = sidebarOf('big/n150.html')
    expect(sidebar).toContain('<a href="n150.html" aria-current="page">')
    expect(sidebar).toContain(`<a href="n${150 - NAV_WINDOW}.html">`)
    expect(sidebar).not.toContain(`<a href="n${150 - NAV_WINDOW - 1}.html">`)
    expect(sidebar).toContain(`>${150 - NAV_WINDOW} more…</button>`)
    expect(sidebar).toContain(`>${300 - 151 - NAV_WINDOW} more…</button>`)
    // The other section is listed, folded, without its children.
    expect(sidebar).toMatch(/<a href="\.\.\/small\/index\.html">.*Small<\/a><button class="fold" type="button" aria-expanded="false"/)
    expect(sidebar).not.toContain('leaf.html')
    // The home page opens nothing.
    expect(sidebarOf('index.html')).not.toContain('n0.html')
    // nav.js has the whole tree once.
    expect(nav.startsWith('self.slugwikiNav=')).toBe(true)
    const tree = JSON.parse(nav.slice('self.slugwikiNav='.length, -2))
    expect(tree[1].c).toHaveLength(300)
    expect(tree[1].c[299]).toEqual({ t: 'Note 299', h: 'big/n299.html', n: '1.300.' })
    expect(tree[2].c[0].h).toBe('small/leaf.html')
  })

  it('costs each page the same whether the section has 100 or 400 notes', async () => {
    const small = await site('w100', 100)
    const large = await site('w400', 400)
    for (const slug of ['index.html', 'big/index.html', 'big/n50.html', 'small/leaf.html']) {
      const a = small.sidebarOf(slug).length
      const b = large.sidebarOf(slug).length
      // Only digits of counts and numbers may differ.
      expect(Math.abs(a - b), slug).toBeLessThan(200)
    }
  })
})

describe("a book's [output.html.fold]", () => {
  /** A three-level book with `fold` as its `[output.html.fold]` table (none when undefined); the sidebar of each page. */
  async function folded(name: string, fold: string | undefined) {
    const dir = path.join(tmp, name)
    fs.mkdirSync(path.join(dir, 'src/a/b'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'book.toml'), `[book]\ntitle = "Fold"\n${fold === undefined ? '' : `\n[output.html.fold]\n${fold}\n`}`)
    const notes: Record<string, string> = { 'intro.md': 'Intro', 'a/README.md': 'A', 'a/b/README.md': 'B', 'a/b/c.md': 'C', 'z.md': 'Z' }
    for (const [file, title] of Object.entries(notes)) fs.writeFileSync(path.join(dir, 'src', file), `# ${title}\n`)
    fs.writeFileSync(path.join(dir, 'src/SUMMARY.md'), '# Summary\n\n[Intro](intro.md)\n\n- [A](a/README.md)\n  - [B](a/b/README.md)\n    - [C](a/b/c.md)\n- [Z](z.md)\n')
    const result = await compileSite(resolveConfig({ src: dir, out: path.join(tmp, `${name}-out`), quiet: true }))
    expect(result.ok).toBe(true)
    const sidebarOf = (slug: string) => /<nav class="sidebar".*?<\/nav>/s.exec(String(planContent(result.plan, slug)))![0]
    /** Which chapters' pages the sidebar of `slug` shows: each open fold's chapter, by title. */
    const open = (slug: string) => [...sidebarOf(slug).matchAll(/([A-Z])<\/a><button class="fold" type="button" aria-expanded="true"/g)].map((m) => m[1])
    return { sidebarOf, open }
  }

  it('without the table opens only the current branch', async () => {
    const { open, sidebarOf } = await folded('fold-none', undefined)
    expect(open('intro.html')).toEqual([])
    expect(sidebarOf('intro.html')).not.toContain('b/index.html')
    expect(open('a/b/c.html')).toEqual(['A', 'B'])
  })

  it('with enable = false opens every chapter on every page, with no toggles, as mdBook does (its default for the table)', async () => {
    for (const table of ['enable = false', 'level = 1']) {
      const { open, sidebarOf } = await folded(`fold-off-${table.length}`, table)
      // Every chapter's pages are there, nested under it; mdBook's toc renders no toggle when folding is off.
      expect(sidebarOf('intro.html'), table).toMatch(/<a href="a\/index.html">[^<]*<span[^>]*>1\.<\/span> A<\/a><\/div><ol class="outline"[^>]*><li[^>]*><div class="chapter-row"><a href="a\/b\/index.html"><span[^>]*>1\.1\.<\/span> B<\/a><\/div><ol class="outline"[^>]*><li[^>]*><a href="a\/b\/c.html">/)
      expect(sidebarOf('z.html'), table).toContain('<a href="a/b/c.html">')
      for (const page of ['intro.html', 'a/b/c.html']) expect(sidebarOf(page), `${table} ${page}`).not.toContain('class="fold"')
      expect(open('intro.html'), table).toEqual([])
      // The client script opens what it adds from nav.js the same way.
      expect(sidebarOf('intro.html'), table).toContain('data-fold="off"')
    }
  })

  it('with enable = true opens the chapters `level` deep or less, and the current branch', async () => {
    const zero = await folded('fold-0', 'enable = true\nlevel = 0')
    expect(zero.open('intro.html')).toEqual([])
    expect(zero.open('a/b/c.html')).toEqual(['A', 'B'])
    const one = await folded('fold-1', 'enable = true\nlevel = 1')
    expect(one.open('intro.html')).toEqual(['A'])
    expect(one.sidebarOf('intro.html')).toContain('<a href="a/b/index.html">')
    expect(one.sidebarOf('intro.html')).not.toContain('c.html')
    expect(one.open('a/b/c.html')).toEqual(['A', 'B'])
    expect(one.sidebarOf('intro.html')).toContain('data-fold="1"')
    expect((await folded('fold-2', 'enable = true\nlevel = 2')).open('z.html')).toEqual(['A', 'B'])
  })
})
