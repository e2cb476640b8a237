/**
 * End to end: build the fixture mdBook with the CLI and read the site it
 * writes, as a reader and as the author would.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, compileSite } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import type { OutlineItem } from '../src/content/summary.ts'
import { MARKER, writeAtomically } from '../src/output.ts'
import { projectRoot, runCli, type CliRun } from './helpers/cli.ts'
import { listFiles, writeFiles } from './helpers/files.ts'

const book = path.join(projectRoot, 'test/sites/mdbook')
let tmp: string
let out: string
let first: CliRun

const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8')

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-build-'))
  out = path.join(tmp, 'out')
  first = runCli(['build', '--src', book, '--out', out])
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('building the fixture mdBook', () => {
  it('exits 0 and prints warnings with file:line:col and a summary line', () => {
    expect(first.status).toBe(0)
    const lines = first.stderr.trim().split('\n')
    const rel = (p: string) => path.relative(projectRoot, path.join(book, p))
    expect(lines.slice(0, -1)).toEqual([
      `${rel('src/SUMMARY.md')}:13:3  warning  SUMMARY entry \`kernel/missing.md\` has no file; listed as a draft  missing-chapter`,
      `${rel('src/appendix.md')}:5:1  warning  Missing file \`images/nope.png\`  missing-asset`,
      `${rel('src/kernel/cgroup.md')}:14:3  warning  Link to missing note \`nowhere.md\`  missing-link`,
      `${rel('src/kernel/cgroup.md')}:16:1  warning  Unknown code language \`See\`, rendered as plain text  unknown-language`,
      `${rel('src/kernel/rcu.md')}:49:40  warning  No heading or anchor \`#no-such-heading\` in \`kernel/cgroup.md\`  missing-anchor`,
      `${rel('src/shell.md')}:14:1  warning  Unknown mdBook link \`{{#custom}}\`, left as text  unknown-directive`,
      `${rel('src/unlisted.md')}  warning  Not listed in SUMMARY.md; built but not in the navigation  unlisted`,
    ])
    expect(lines.at(-1)).toMatch(/^built .*out: 14 pages, \d+ assets, 0 errors, 7 warnings in \d+\.\d\d s$/)
  })

  it('writes one page per note at the mdBook URLs, plus 404, print, sitemap, .nojekyll and the index pages', () => {
    const files = listFiles(out).filter((f) => !f.startsWith('_slugwiki/'))
    expect(files).toEqual([
      '.nojekyll',
      '.slugwiki-output',
      '404.html',
      'appendix.html',
      'go.html',
      'images/diagram.svg',
      'index.html',
      'kernel/cgroup.html',
      'kernel/index.html',
      'kernel/rcu.html',
      'listings/example.rs',
      'listings/snippet.go',
      'print.html',
      'shell.html',
      'sitemap.xml',
      'symbols/index.html',
      'tags/index.html',
      'tags/kernel.html',
      'tags/rcu.html',
      'unlisted.html',
    ])
  })

  it('emits valid HTML5 documents', () => {
    const html = read('kernel/rcu.html')
    expect(html.startsWith('<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport"')).toBe(true)
    // SUMMARY.md names it `RCU`, which titles the tab as mdBook's (and MkDocs's nav over frontmatter `title`).
    expect(html).toContain('<title>RCU · Fixture Book</title>')
    expect(html).toContain('<meta name="description" content="How RCU readers and writers interact.">')
    expect(html).not.toContain('tags: [rcu')
  })

  it('rewrites links between notes to output URLs, anchors kept', () => {
    const index = read('index.html')
    expect(index).toContain('<a href="kernel/rcu.html#grace-period">RCU note</a>')
    expect(index).toContain('<a href="kernel/cgroup.html">the cgroup note</a>')
    expect(index).toContain('<img src="images/diagram.svg" alt="A diagram">')
    expect(read('kernel/rcu.html')).toContain('<a href="../index.html">the intro</a>')
  })

  it('follows SUMMARY order: sidebar with parts, draft, numbers; prev/next', () => {
    const rcu = read('kernel/rcu.html')
    expect(rcu).toContain('<li class="part-title">Kernel</li>')
    expect(rcu).toContain('<a href="rcu.html" aria-current="page"><span class="chapter-number">1.1.</span> RCU</a>')
    expect(rcu).toContain('<span class="draft" title="Not written yet"><span class="chapter-number">2.</span> Tracing</span>')
    expect(rcu).toContain('<span class="draft" title="Not written yet"><span class="chapter-number">3.</span> Missing chapter</span>')
    expect(rcu).toMatch(/<a class="prev" href="index\.html" rel="prev">.*Memory/)
    expect(rcu).toMatch(/<a class="next" href="cgroup\.html" rel="next">.*Cgroup/)
  })

  it('highlights code with both schemes as classes that the linked code stylesheet colours', () => {
    const cgroup = read('kernel/cgroup.html')
    expect(cgroup).toContain('<figcaption class="code-title">mm/memcontrol.c</figcaption>')
    const [, light, dark] = /<span class="(l\d+) (d\d+)">static\b/.exec(cgroup) ?? []
    expect(light).toBeDefined()
    const sheet = /<link rel="stylesheet" href="\.\.\/(_slugwiki\/code-[0-9a-f]{10}\.css)">/.exec(cgroup)?.[1]
    expect(sheet).toBeDefined()
    const css = read(sheet!)
    expect(css).toMatch(new RegExp(`\\.shiki \\.${light}\\{--shiki-light:#[0-9A-Fa-f]{6}\\}`))
    expect(css).toMatch(new RegExp(`\\.shiki \\.${dark}\\{--shiki-dark:#[0-9A-Fa-f]{6}\\}`))
    // A page without code does not load it.
    expect(read('index.html')).not.toContain('code-')
    expect(cgroup).toMatch(/<span class="line highlighted">.*<\/span>/)
    const go = read('go.html')
    expect(go).toContain('data-lang="go"')
    expect(go).toMatch(/>func<\/span>/)
    expect(go).toMatch(/> included<\/span>/)
    expect(go).not.toContain('ANCHOR')
    // Highlighted as shiki's `shellscript`, labelled as the author wrote it.
    expect(read('shell.html')).toContain('data-lang="shellscript" data-label="bash"')
    expect(read('shell.html')).toMatch(/data-lang="rust".*println!/s)
    expect(read('shell.html')).toContain('data-lang="shellsession"')
    expect(cgroup).toContain('data-lang="text"')
  })

  it('renders the dmesg dump as a log with the call trace folded', () => {
    const rcu = read('kernel/rcu.html')
    expect(rcu).toContain('<figure class="code" id="code-2" data-lang="log">')
    expect(rcu).toContain('<span class="line log-warn"><span class="log-ts">[  +0.000004]</span> WARNING: CPU: 12 PID: 1010')
    expect(rcu).toContain('<details class="log-fold"><summary>Call Trace: show 11 lines</summary>')
  })

  it('renders math with KaTeX at build time and ships its CSS and fonts', () => {
    const rcu = read('kernel/rcu.html')
    expect(rcu).toContain('<span class="katex">')
    expect(rcu).toContain('<span class="katex-display">')
    expect(rcu).toContain('href="../_slugwiki/katex/katex.min.css"')
    expect(fs.existsSync(path.join(out, '_slugwiki/katex/fonts/KaTeX_Main-Regular.woff2'))).toBe(true)
    expect(read('go.html')).not.toContain('katex.min.css')
  })

  it('uses the base path on the 404 page and in the sitemap', () => {
    expect(read('404.html')).toContain('href="/book/_slugwiki/style.css"')
    expect(read('sitemap.xml')).toContain('<loc>/book/kernel/rcu.html</loc>')
  })

  it('links "edit this page" from git-repository-url', () => {
    expect(read('kernel/rcu.html')).toContain('href="https://github.com/example/fixture-book/edit/HEAD/src/kernel/rcu.md"')
  })

  it("links the repository in the header with GitHub's mark from octicons, named for its host", () => {
    const link = /<a class="icon-button" href="https:\/\/github\.com\/example\/fixture-book"[^>]*>(.*?)<\/a>/.exec(read('kernel/rcu.html'))
    expect(link?.[0]).toContain('aria-label="Source repository on GitHub"')
    expect(link?.[1]).toMatch(/^<svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="currentColor"><path d="M10\.226 17\.284c/)
  })

  it('puts every note on the print page with unique ids and in-page links', () => {
    const print = read('print.html')
    expect(print).toContain('id="kernel-rcu--grace-period"')
    expect(print).toContain('href="#kernel-rcu--grace-period"')
    expect(print.indexOf('id="index"')).toBeLessThan(print.indexOf('id="kernel-rcu"'))
  })

  it('is deterministic: a second build is byte-identical', () => {
    const again = path.join(tmp, 'again')
    expect(runCli(['build', '--src', book, '--out', again, '--quiet']).status).toBe(0)
    const files = listFiles(out)
    expect(listFiles(again)).toEqual(files)
    for (const f of files) expect(fs.readFileSync(path.join(again, f)).equals(fs.readFileSync(path.join(out, f))), f).toBe(true)
  })
})

describe('failing builds', () => {
  it('--strict turns warnings into exit 1 and writes nothing', () => {
    const strictOut = path.join(tmp, 'strict')
    const run = runCli(['build', '--src', book, '--out', strictOut, '--strict'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('not written')
    expect(fs.existsSync(strictOut)).toBe(false)
  })

  it('a note with an error leaves the previous output untouched', () => {
    const src = path.join(tmp, 'broken-src')
    fs.cpSync(book, src, { recursive: true })
    const target = path.join(tmp, 'kept')
    expect(runCli(['build', '--src', src, '--out', target, '--quiet']).status).toBe(0)
    const before = listFiles(target).map((f) => [f, fs.readFileSync(path.join(target, f), 'utf8')])
    fs.writeFileSync(path.join(src, 'src/go.md'), '---\ntitle: [broken\n---\n# Go\n')
    const run = runCli(['build', '--src', src, '--out', target])
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/src\/go\.md:2:\d+  error  Broken frontmatter YAML/)
    expect(listFiles(target).map((f) => [f, fs.readFileSync(path.join(target, f), 'utf8')])).toEqual(before)
  })

  it('a write that fails midway leaves the previous output and no temporary folder', async () => {
    const target = path.join(tmp, 'midway')
    await writeAtomically(target, { files: new Map([['a.html', 'old']]), copies: new Map() })
    const plan = {
      files: new Map<string, string>(Array.from({ length: 50 }, (_, i) => [`p${i}.html`, 'new'])),
      copies: new Map([['gone.png', path.join(tmp, 'does-not-exist.png')]]),
    }
    await expect(writeAtomically(target, plan)).rejects.toThrow()
    expect(fs.readdirSync(target).sort()).toEqual([MARKER, 'a.html'])
    expect(fs.readFileSync(path.join(target, 'a.html'), 'utf8')).toBe('old')
    expect(fs.readdirSync(tmp).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([])
  })

  it('refuses an output folder it did not create', () => {
    const foreign = path.join(tmp, 'foreign')
    fs.mkdirSync(foreign)
    fs.writeFileSync(path.join(foreign, 'precious.txt'), 'keep me')
    const run = runCli(['build', '--src', book, '--out', foreign])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('not empty and was not made by slugwiki')
    expect(fs.readFileSync(path.join(foreign, 'precious.txt'), 'utf8')).toBe('keep me')
  })
})

describe('an {{#include}} of a file that is not there', () => {
  // mdBook logs the link it could not expand, leaves its text in the page and builds the book.
  let root: string
  const run = (...args: string[]) => runCli(['build', '--src', root, ...args], root)
  const page = (out: string) => fs.readFileSync(path.join(root, out, 'index.html'), 'utf8')
  const text = (html: string) => html.replace(/<[^>]*>/g, '')
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-holes-'))
    fs.writeFileSync(path.join(root, 'book.toml'), '[book]\ntitle = "Holes"\n')
    fs.mkdirSync(path.join(root, 'src'))
    fs.writeFileSync(path.join(root, 'src/SUMMARY.md'), '# Summary\n\n- [Home](index.md)\n')
    fs.writeFileSync(path.join(root, 'src/index.md'), '# Home\n\nBefore {{#include listings/gone.md}} after.\n\n```rust\n{{#rustdoc_include listings/none.rs:main}}\n```\n')
  })
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

  it('is a warning at the link, and the site is written with the link as text', () => {
    const built = run('--out', 'out')
    expect(built.status).toBe(0)
    expect(built.stderr.split('\n').filter((l) => l.includes('include-missing'))).toEqual([
      'src/index.md:3:8  warning  Included file not found: listings/gone.md  include-missing',
      'src/index.md:6:1  warning  Included file not found: listings/none.rs  include-missing',
    ])
    expect(built.stderr).toContain('0 errors, 2 warnings')
    const html = page('out')
    expect(html).toContain('<p>Before {{#include listings/gone.md}} after.</p>')
    expect(text(html.slice(html.indexOf('<pre'), html.indexOf('</pre>')))).toBe('{{#rustdoc_include listings/none.rs:main}}')
  })

  it('fails a --strict build, which writes nothing', () => {
    const strict = run('--out', 'strict', '--strict')
    expect(strict.status).toBe(1)
    expect(strict.stderr).toContain('src/index.md:3:8  warning  Included file not found: listings/gone.md  include-missing')
    // Failed by --strict, not by an error.
    expect(strict.stderr).toMatch(/not written: .*, 0 errors, 2 warnings in .* \(--strict: warnings are errors\)/)
    expect(fs.existsSync(path.join(root, 'strict'))).toBe(false)
  })
})

describe('a wiki without SUMMARY.md or README.md', () => {
  it('orders by folder, titles from frontmatter, h1 or file name, and opens on the first note', async () => {
    const src = path.join(projectRoot, 'test/sites/plain')
    const target = path.join(tmp, 'plain')
    const site = await compileSite(resolveConfig({ src, out: target }))
    const outline = (items: OutlineItem[], depth = 0): string[] =>
      items.flatMap((i) => (i.kind === 'chapter' ? [`${'  '.repeat(depth)}${i.title} ${i.source ?? '-'}`, ...outline(i.children, depth + 1)] : []))
    expect(outline(site.graph.outline)).toEqual([
      'First By H1 2-first.md',
      'From Frontmatter 10-second.md',
      'Alpha Section alpha/index.md',
      '  untitled alpha/untitled.md',
      'Beta beta/README.md',
      '  deep -',
      '    Deep beta/deep/note.md',
    ])
    expect(site.diagnostics).toEqual([])
    const run = runCli(['build', '--src', src, '--out', target, '--strict'])
    expect(run.status).toBe(0)
    const index = fs.readFileSync(path.join(target, 'index.html'), 'utf8')
    expect(index).toContain('<meta http-equiv="refresh" content="0; url=2-first.html">')
  })
})

describe('a Hugo docs folder (MLIR\'s mlir/docs)', () => {
  it('makes each `_index.md` its folder\'s page, so links to the folder and its anchors land', async () => {
    const src = path.join(tmp, 'hugo-docs')
    writeFiles(src, {
      'LangRef.md': '# MLIR Language Reference\n\nSee [Traits](Traits), the [IsolatedFromAbove trait](Traits/#isolatedfromabove), [Linalg](Dialects/Linalg/) and [ODS](DefiningDialects/_index.md).\n',
      'Traits/_index.md': '# Traits\n\nSee [The `Broadcastable` Trait](Broadcastable.md).\n\n### IsolatedFromAbove\n\nText.\n',
      'Traits/Broadcastable.md': '# The `Broadcastable` Trait\n\nBack to [traits](_index.md) and the [reference](../LangRef.md/#mlir-language-reference).\n',
      'Dialects/_index.md': '# Dialects\n',
      'Dialects/Linalg/_index.md': "# 'linalg' Dialect\n",
      'DefiningDialects/_index.md': '# Defining Dialects\n',
    })
    const out = path.join(tmp, 'hugo-docs-out')
    const site = await compileSite(resolveConfig({ src, out }))
    const outline = (items: OutlineItem[], depth = 0): string[] =>
      items.flatMap((i) => (i.kind === 'chapter' ? [`${'  '.repeat(depth)}${i.title} ${i.source ?? '-'}`, ...outline(i.children, depth + 1)] : []))
    expect(outline(site.graph.outline)).toEqual([
      'Defining Dialects DefiningDialects/_index.md',
      'Dialects Dialects/_index.md',
      "  'linalg' Dialect Dialects/Linalg/_index.md",
      'MLIR Language Reference LangRef.md',
      'Traits Traits/_index.md',
      '  The Broadcastable Trait Traits/Broadcastable.md',
    ])
    expect(site.diagnostics).toEqual([])
    const run = runCli(['build', '--src', src, '--out', out, '--strict'])
    expect(run.stderr).toContain('0 errors, 0 warnings')
    expect(run.status).toBe(0)
    expect(fs.existsSync(path.join(out, 'Traits/index.html'))).toBe(true)
    expect(fs.existsSync(path.join(out, 'Traits/_index.html'))).toBe(false)
    const langRef = fs.readFileSync(path.join(out, 'LangRef.html'), 'utf8')
    for (const href of ['Traits/index.html', 'Traits/index.html#isolatedfromabove', 'Dialects/Linalg/index.html', 'DefiningDialects/index.html']) {
      expect(langRef).toContain(`href="${href}"`)
    }
    const broadcastable = fs.readFileSync(path.join(out, 'Traits/Broadcastable.html'), 'utf8')
    expect(broadcastable).toContain('href="index.html"')
    // Its breadcrumbs lead to the folder's page.
    expect(broadcastable).toMatch(/<nav class="breadcrumbs"[^]*?<a href="index.html">Traits<\/a>/)
  })
})

describe('raw HTML that sanitising removes', () => {
  // An mdBook publishes its HTML as written; moved here, what sanitising drops is named, once per note.
  let root: string
  const run = (...args: string[]) => runCli(['build', '--src', root, ...args], root)
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-sanitised-'))
    fs.writeFileSync(path.join(root, 'book.toml'), '[book]\ntitle = "Widgets"\n')
    fs.mkdirSync(path.join(root, 'src'))
    fs.mkdirSync(path.join(root, 'listings'))
    fs.writeFileSync(path.join(root, 'src/SUMMARY.md'), '# Summary\n\n- [Home](index.md)\n')
    fs.writeFileSync(path.join(root, 'src/index.md'), '# Home\n\n{{#include ../listings/widget.html}}\n\nA <span style="color:red">red</span> word.\n\n<iframe src="https://example.com/video"></iframe>\n')
    fs.writeFileSync(path.join(root, 'listings/widget.html'), '<div class="widget">\n  <span style="font-weight:bold">Total</span>\n  <script>count()</script>\n</div>\n')
  })
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

  it('is one warning at the first removal, through the include, and the site is written', () => {
    const built = run('--out', 'out')
    expect(built.status).toBe(0)
    expect(built.stderr.split('\n').filter((l) => l.includes('sanitize'))).toEqual([
      'listings/widget.html:2:3  warning  Raw HTML removed by sanitising: <script> (line 3), <iframe> (src/index.md:7), style attributes ×2 (first line 2); set trusted = true in [slugwiki] to publish it as written  sanitize',
    ])
    expect(built.stderr).toMatch(/0 errors, 1 warnings? in/)
    const html = fs.readFileSync(path.join(root, 'out/index.html'), 'utf8')
    expect(html).toContain('<div class="widget">\n  <span>Total</span>\n  \n</div>')
    expect(html).toContain('A <span>red</span> word.')
  })

  it('fails a --strict build, which writes nothing', () => {
    const strict = run('--out', 'strict', '--strict')
    expect(strict.status).toBe(1)
    expect(strict.stderr).toContain('listings/widget.html:2:3  warning  Raw HTML removed by sanitising: ')
    expect(strict.stderr).toMatch(/not written: .*, 0 errors, 1 warnings? in .* \(--strict: warnings are errors\)/)
    expect(fs.existsSync(path.join(root, 'strict'))).toBe(false)
  })
})

describe('a right-to-left book', () => {
  it('writes dir="rtl" on the <html> of every kind of page: notes, sections, index pages, 404, print and redirects', async () => {
    const root = writeFiles(path.join(tmp, 'rtl-book'), {
      // No text-direction: a regional Arabic tag, which mdBook's exact codes miss, reads right to left.
      'book.toml': '[book]\ntitle = "كتاب"\nlanguage = "ar-EG"\n\n[output.html.redirect]\n"/old.html" = "kernel/rcu.html"\n',
      'src/SUMMARY.md': '# Summary\n\n- [المقدمة](README.md)\n- [النواة](kernel/README.md)\n  - [RCU](kernel/rcu.md)\n',
      'src/README.md': '# المقدمة\n\nانظر [RCU](kernel/rcu.md).\n',
      'src/kernel/README.md': '# النواة\n',
      'src/kernel/rcu.md': '---\ntags: [rcu]\naliases: [old-rcu]\n---\n# RCU\n\nنص عن RCU.\n\n```c\nvoid synchronize_rcu(void) { rcu_barrier(); }\n```\n',
      'src/topics.yml': 'RCU: [RCU]\n',
    })
    const result = await build({ src: root, out: path.join(root, 'out'), quiet: true, cache: false })
    expect(result.written).toBe(true)
    const pages = listFiles(path.join(root, 'out')).filter((f) => f.endsWith('.html'))
    for (const kind of ['index.html', 'kernel/index.html', 'kernel/rcu.html', '404.html', 'print.html', 'old.html', 'old-rcu.html', 'tags/index.html', 'tags/rcu.html', 'topics/index.html', 'topics/rcu.html', 'symbols/index.html']) {
      expect(pages).toContain(kind)
    }
    for (const page of pages) {
      expect(fs.readFileSync(path.join(root, 'out', page), 'utf8'), page).toMatch(/^<!doctype html><html lang="ar-EG" dir="rtl"[ >]/)
    }
  })
})
