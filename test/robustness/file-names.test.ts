/**
 * Catalogue item 3, input hygiene, file names: names with spaces, unicode,
 * `%`, `#` and `?` publish to unique output files and get working,
 * percent-encoded links; notes whose output URLs collide (`Foo.md` and
 * `foo.md`, `a.md` and `a/index.md`, `README.md` and `index.md`, a note and a
 * generated page) are an error naming both, even on this case-sensitive file
 * system.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli, type CliRun } from '../helpers/cli.ts'
import { listFiles, tempSite, type TempSite } from '../helpers/site.ts'

// Every case builds a wiki in a child process; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 })

/** Every `href` of a page (or of its note body) that is not external or a fragment. */
function localHrefs(html: string, bodyOnly = false): string[] {
  let tree: Root | Element = fromHtml(html)
  if (bodyOnly) {
    visit(tree, 'element', (node) => {
      const classes = node.properties.className
      if (Array.isArray(classes) && classes.includes('note-body')) tree = node
    })
  }
  const hrefs: string[] = []
  visit(tree, 'element', (node) => {
    const href = node.properties.href
    if (typeof href === 'string' && !/^[a-z]+:|^#|^\/\//.test(href)) hrefs.push(href)
  })
  return hrefs
}

describe('odd file names', () => {
  const names = ['a b.md', 'a%20b.md', '100%.md', 'c#.md', 'what?.md', 'ünïcødé.md', '日本語.md', 'sub dir/x y.md']
  let site: TempSite
  let run: CliRun
  beforeAll(() => {
    site = tempSite({
      'index.md': '# Home\n\n[space](a%20b.md) [space, angle brackets](<a b.md>) [literal %20](a%2520b.md) [percent](100%25.md) [hash](c%23.md) [question](what%3F.md) [unicode](ünïcødé.md) [encoded unicode](%E6%97%A5%E6%9C%AC%E8%AA%9E.md) [folder](sub%20dir/x%20y.md)\n',
      ...Object.fromEntries(names.map((n) => [n, `# ${n}\n`])),
    })
    run = runCli(['build', '--src', 'src', '--out', 'out', '--quiet'], site.root)
  })
  afterAll(() => site.cleanup())

  it('build without a diagnostic', () => {
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it('publish one file per note, each under its own name', () => {
    const pages = listFiles(site.out).filter((f) => f.endsWith('.html') && !['404.html', 'print.html', 'index.html'].includes(f))
    expect(pages).toEqual(['100%.html', 'a b.html', 'a%20b.html', 'c#.html', 'sub dir/x y.html', 'what?.html', 'ünïcødé.html', '日本語.html'].sort())
  })

  it('link to them with percent-encoded hrefs that resolve to the files', () => {
    const html = fs.readFileSync(path.join(site.out, 'index.html'), 'utf8')
    expect(localHrefs(html, true)).toEqual([
      'a%20b.html',
      'a%20b.html',
      'a%2520b.html',
      '100%25.html',
      'c%23.html',
      'what%3F.html',
      '%C3%BCn%C3%AFc%C3%B8d%C3%A9.html',
      '%E6%97%A5%E6%9C%AC%E8%AA%9E.html',
      'sub%20dir/x%20y.html',
    ])
    // Body, sidebar and navigation alike.
    for (const href of localHrefs(html)) expect(fs.existsSync(path.join(site.out, decodeURIComponent(href))), href).toBe(true)
  })

  it('link to them from the sidebar of a page in a subfolder too', () => {
    const hrefs = localHrefs(fs.readFileSync(path.join(site.out, 'sub dir/x y.html'), 'utf8'))
    expect(hrefs).toContain('../c%23.html')
    for (const href of hrefs) expect(fs.existsSync(path.join(site.out, 'sub dir', decodeURIComponent(href))), href).toBe(true)
  })
})

describe('notes whose output URLs collide', () => {
  const build = (files: Record<string, string>) => {
    const site = tempSite(files)
    const before = site.snapshot()
    const run = runCli(['build', '--src', 'src', '--out', 'out'], site.root)
    const result = { run, written: fs.existsSync(site.out), untouched: JSON.stringify(site.snapshot()) === JSON.stringify(before) }
    site.cleanup()
    return result
  }
  const errors = (run: CliRun) => run.stderr.split('\n').filter((l) => l.includes('  error  '))

  it('Foo.md and foo.md: an error naming both, on a case-sensitive file system', () => {
    const { run, written, untouched } = build({ 'Foo.md': '# Upper\n', 'foo.md': '# Lower\n' })
    expect(run.status).toBe(1)
    expect(errors(run)).toEqual([
      'src/Foo.md  error  `src/Foo.md` and `src/foo.md` both publish to `Foo.html` and `foo.html`: one URL on case-insensitive file systems and clean-URL hosts; rename one  output-collision',
    ])
    expect(written).toBe(false)
    expect(untouched).toBe(true)
  })

  it('a.md and a/index.md: an error naming both', () => {
    const { run, written } = build({ 'a.md': '# A\n', 'a/index.md': '# A index\n' })
    expect(run.status).toBe(1)
    expect(errors(run)).toEqual([
      'src/a/index.md  error  `src/a/index.md` and `src/a.md` both publish to `a/index.html` and `a.html`: one URL on case-insensitive file systems and clean-URL hosts; rename one  output-collision',
    ])
    expect(written).toBe(false)
  })

  it('a/README.md and a/index.md: an error naming both', () => {
    const { run } = build({ 'a/README.md': '# Readme\n', 'a/index.md': '# Index\n' })
    expect(run.status).toBe(1)
    expect(errors(run)).toEqual([
      'src/a/README.md  error  `src/a/README.md` and `src/a/index.md` both publish to `a/index.html`: one URL on case-insensitive file systems and clean-URL hosts; rename one  output-collision',
    ])
  })

  it('tags whose names slug alike but differ (I/O and IO): an error naming both; case variants are one tag', () => {
    const { run, written } = build({ 'a.md': '---\ntags: [I/O, rcu]\n---\nA\n', 'b.md': '---\ntags: [IO, RCU]\n---\nB\n', 'c.md': '---\ntags: [i/o]\n---\nC\n' })
    expect(run.status).toBe(1)
    expect(errors(run)).toEqual(['src/b.md  error  Tags `IO` and `I/O` (src/a.md) both publish to `tags/io.html`; rename one  tag-collision'])
    expect(written).toBe(false)
  })

  // 404.md is no collision: as in mdBook, it is what the 404 page shows (test/mdbook-html.test.ts).
  it('print.md against the generated print page, Sitemap.xml against the sitemap; 404.md is the 404 page', () => {
    const { run } = build({ 'index.md': '# Home\n', 'print.md': '# Print\n', '404.md': '# Lost\n', 'Sitemap.xml': '<x/>' })
    expect(run.status).toBe(1)
    expect(errors(run)).toEqual([
      'src/Sitemap.xml  error  the generated `sitemap.xml` and `src/Sitemap.xml` both publish to `sitemap.xml` and `Sitemap.xml`: one URL on case-insensitive file systems and clean-URL hosts; rename one  output-collision',
      'src/print.md  error  `src/print.md` and the generated `print.html` both publish to `print.html`: one URL on case-insensitive file systems and clean-URL hosts; rename one  output-collision',
    ])
  })
})
