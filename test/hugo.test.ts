/**
 * A Hugo content folder (alex-shpak/hugo-book's exampleSite, in part), built
 * end to end: `_index.md` as its section's page, `weight` ordering the
 * sidebar, `draft: true` left out.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { replaceHugoRefs } from '../src/content/hugo-refs.ts'
import { readHugoShortcodes } from '../src/content/hugo-shortcodes.ts'
import { frontmatterWeight, outlineFromFolders } from '../src/content/outline.ts'
import type { SourcePath } from '../src/paths.ts'
import { formatDiagnostic } from '../src/report.ts'
import { listFiles, writeFiles } from './helpers/files.ts'

let tmp: string
beforeAll(() => void (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-hugo-'))))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** The sidebar of a page: its entries' text in order. */
function sidebar(html: string): string[] {
  const nav = /<nav class="sidebar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? ''
  return [...nav.matchAll(/<a [^>]*?href="([^"]*)"[^>]*>([^<]*)<\/a>|<span class="folder"[^>]*>([^<]*)<\/span>/g)].map((m) => (m[1] !== undefined ? `${m[2]}→${m[1]}` : m[3]!))
}

describe('a Hugo content folder', () => {
  const files = {
    '_index.md': '---\ntitle: Introduction\ntype: docs\n---\n\n# Hugo Book\n\nSee the [example]({{< ref "docs/example" >}}), the [hints]({{< relref "hints.md#usage" >}}) and [zeta]({{% ref path="/docs/example/zeta.md" lang="en" %}}).\n',
    'docs/_index.md': '---\ntitle: Documentation\nweight: 10\n---\n',
    'docs/example/_index.md': '---\nweight: 1\nparams:\n  bookFlatSection: true\ntitle: "Example Site"\n---\n\n# Introduction\n',
    'docs/example/hidden.md': '---\nparams:\n  bookHidden: true\n---\n\n# This page is hidden in menu\n',
    'docs/example/zeta.md': '---\ntitle: Zeta first\nweight: 1\n---\n\nWeighted first, named last.\n',
    'docs/example/alpha.md': '---\ntitle: Alpha second\nweight: 2\n---\n\nWeighted second.\n',
    'docs/example/wip.md': '---\ntitle: Work in progress\ndraft: true\n---\n\nNot yet.\n',
    'docs/shortcodes/_index.md': '---\nparams:\n  bookFlatSection: true\n---\n',
    'docs/shortcodes/hints.md': '---\ntitle: Hints\n---\n\n## Usage\n\nHints.\n',
  }

  it("makes each _index.md its section's page, orders by weight, and leaves drafts out", async () => {
    const src = path.join(tmp, 'book')
    const out = path.join(tmp, 'book-out')
    writeFiles(src, files)
    const result = await build({ src, out, cacheDir: path.join(tmp, 'book-cache'), quiet: true })
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([])
    const pages = listFiles(out).filter((f) => f.endsWith('.html') && !f.startsWith('_slugwiki/'))
    expect(pages.sort()).toEqual(['404.html', 'docs/example/alpha.html', 'docs/example/hidden.html', 'docs/example/index.html', 'docs/example/zeta.html', 'docs/index.html', 'docs/shortcodes/hints.html', 'docs/shortcodes/index.html', 'index.html', 'print.html'])
    const home = fs.readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(home).toContain('Hugo Book')
    // `ref` and `relref` lead to the page they name: a section by its folder, a page by its name found anywhere.
    expect(home).toContain('See the <a href="docs/example/index.html">example</a>, the <a href="docs/shortcodes/hints.html#usage">hints</a> and <a href="docs/example/zeta.html">zeta</a>.')
    expect(sidebar(fs.readFileSync(path.join(out, 'docs/example/zeta.html'), 'utf8'))).toEqual([
      'Introduction→../../index.html',
      'Documentation→../index.html',
      'Example Site→index.html',
      'Zeta first→zeta.html',
      'Alpha second→alpha.html',
      'This page is hidden in menu→hidden.html',
      'shortcodes→../shortcodes/index.html',
    ])
  })

  it('weights order a folder: the lightest first, weighted before unweighted (0 is unset), the rest by name', () => {
    const notes = ['b.md', 'a.md', 'zero.md', 'heavy.md', 'light.md', 'neg.md', 'sub/_index.md', 'sub/x.md'] as SourcePath[]
    const weights: Record<string, number> = { 'zero.md': 0, 'heavy.md': 20, 'light.md': 5, 'neg.md': -1, 'sub/_index.md': 10 }
    const outline = outlineFromFolders(notes, (s) => s, undefined, (s) => weights[s])
    expect(outline.map((c) => (c.kind === 'chapter' ? c.source : c.kind))).toEqual(['neg.md', 'light.md', 'sub/_index.md', 'heavy.md', 'a.md', 'b.md', 'zero.md'])
  })

  it("weighs a page by its frontmatter weight, else by its first menu entry's, as a Hugo theme's menu orders it", () => {
    expect(frontmatterWeight({ weight: 3, menu: { main: { weight: 10 } } })).toBe(3)
    expect(frontmatterWeight({ menu: { main: { parent: 'Reference', weight: 20 } } })).toBe(20)
    expect(frontmatterWeight({ menu: { docs: [{ weight: 4 }, { weight: 9 }] } })).toBe(4)
    expect(frontmatterWeight({ menu: 'main' })).toBeUndefined()
    expect(frontmatterWeight({ weight: '3' })).toBeUndefined()
  })

  it("reads Hugo's other shortcodes: a pair's body kept, highlight as a fence, a link's text unlinked, the rest as written", () => {
    const text = [
      'A [`GridFSBucket`]({{< apiref "T_MongoDB_Driver_GridFS_GridFSBucket" >}}) object.',
      '{{% note class="warning" %}}Always use a bucket.{{% /note %}}',
      '{{< youtube CdiDYZ51a2o >}}',
      '{{< highlight go >}}',
      'func main() {}',
      '{{< /highlight >}}',
      '```go-html-template',
      '{{</* gist spf13 7896402 */>}}',
      '```',
      'See [x](a.md).',
    ].join('\n')
    const { text: read, calls } = readHugoShortcodes(text)
    expect(read.split('\n')).toEqual(['A `GridFSBucket` object.', 'Always use a bucket.', '{{< youtube CdiDYZ51a2o >}}', '```go', 'func main() {}', '```', '```go-html-template', '{{< gist spf13 7896402 >}}', '```', 'See [x](a.md).'])
    expect(calls).toEqual([
      { name: 'apiref', line: 1, column: 3, kind: 'link' },
      { name: 'note', line: 2, column: 1, kind: 'paired' },
      { name: 'youtube', line: 3, column: 1, kind: 'single' },
      { name: 'highlight', line: 4, column: 1, kind: 'paired' },
    ])
    expect(readHugoShortcodes('No shortcode {{ here }}.')).toEqual({ text: 'No shortcode {{ here }}.', calls: [] })
    // Hugo's built-in figure is its image (a source markdown cannot write stays as written).
    expect(readHugoShortcodes('{{< figure src="rcu.png" alt="RCU grace period" caption="A grace period" >}}').text).toBe('![RCU grace period](rcu.png "A grace period")')
    expect(readHugoShortcodes('{{< figure src="a b.png" >}}').calls).toEqual([{ name: 'figure', line: 1, column: 1, kind: 'single' }])
  })

  it('reads ref and relref only as a link destination, every line keeping its number', () => {
    expect(replaceHugoRefs('[a]({{< ref "x.md" >}}) and [b]( {{%relref "y/z" %}} )\nnext')).toBe('[a](x.md) and [b](y/z)\nnext')
    expect(replaceHugoRefs('[a]({{< ref "my page.md" >}})')).toBe('[a](my%20page.md)')
    // The MongoDB drivers' docs write a ref's folders with Windows separators.
    expect(replaceHugoRefs('[b]({{< relref "reference\\driver\\ssl.md#connection-string" >}})')).toBe('[b](reference/driver/ssl.md#connection-string)')
    // Not a destination: as written.
    expect(replaceHugoRefs('Write {{< ref "x.md" >}} in a link.')).toBe('Write {{< ref "x.md" >}} in a link.')
    const fenced = '```md\n[a]({{< ref "x.md" >}})\n```\n[a]({{< ref "x.md" >}})'
    expect(replaceHugoRefs(fenced)).toBe('```md\n[a]({{< ref "x.md" >}})\n```\n[a](x.md)')
  })
})

describe('a Hugo site with TOML frontmatter (the MongoDB C# driver docs, in part)', () => {
  const menu = (title: string, weight: number, parent?: string) =>
    `+++\ndate = "2015-03-17T15:36:56Z"\ndraft = false\ntitle = "${title}"\n[menu.main]\n${parent ? `  parent = "${parent}"\n` : ''}  identifier = "${title}"\n  weight = ${weight}\n  pre = "<i class='fa'></i>"\n+++\n\n## ${title}\n`
  it('orders the sidebar by the menu weights and follows refs written with Windows separators', async () => {
    const src = path.join(tmp, 'mongo')
    const out = path.join(tmp, 'mongo-out')
    writeFiles(src, {
      'index.md': '+++\ntitle = "index"\ntype = "index"\n+++\n\nSee the [Reference]({{< relref "reference\\index.md" >}}) guide.\n',
      'getting_started/index.md': menu('Getting Started', 10),
      'what_is_new.md': menu("What's New", 20),
      'reference/index.md': menu('Reference', 80),
      'reference/gridfs/index.md': `${menu('GridFS', 40, 'Reference')}\nA [\`GridFSBucket\`]({{< apiref "T_GridFSBucket" >}}) object.\n\n{{% note class="warning" %}}Always use a [\`GridFSBucket\`]({{< apiref "T_GridFSBucket" >}}).{{% /note %}}\n`,
      'reference/bson/index.md': menu('BSON', 10, 'Reference'),
      'examples/index.md': menu('Examples', 90),
      'issues_help.md': menu('Issues & Help', 1000),
    })
    const result = await build({ src, out, cacheDir: path.join(tmp, 'mongo-cache'), quiet: true })
    // One warning per shortcode name and note, at its first call.
    const gridfs = path.relative(process.cwd(), path.join(src, 'reference/gridfs/index.md'))
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${gridfs}:14:3  warning  Hugo shortcode \`apiref\` is not rendered (it is the site's own template): the link's text is kept, unlinked  hugo-shortcode`,
      `${gridfs}:16:1  warning  Hugo shortcode \`note\` is not rendered (it is the site's own template): its body is kept, the tags dropped  hugo-shortcode`,
    ])
    expect(fs.readFileSync(path.join(out, 'reference/gridfs/index.html'), 'utf8')).toContain('<p>A <code>GridFSBucket</code> object.</p>\n<p>Always use a <code>GridFSBucket</code>.</p>')
    const home = fs.readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(home).toContain('See the <a href="reference/index.html">Reference</a> guide.')
    expect(sidebar(fs.readFileSync(path.join(out, 'reference/bson/index.html'), 'utf8'))).toEqual([
      'index→../../index.html',
      'Getting Started→../../getting_started/index.html',
      "What's New→../../what_is_new.html",
      'Reference→../index.html',
      'BSON→index.html',
      'GridFS→../gridfs/index.html',
      'Examples→../../examples/index.html',
      'Issues &#x26; Help→../../issues_help.html',
    ])
  })
})


describe("an mdBook's chapter about Hugo", () => {
  it('shows a shortcode in its prose as written, without a warning: the chapter is written for mdBook, which reads none', async () => {
    const src = path.join(tmp, 'mdbook')
    const out = path.join(tmp, 'mdbook-out')
    writeFiles(src, {
      'book.toml': '[book]\ntitle = "Site generators"\nsrc = "src"\n',
      'src/SUMMARY.md': '- [Hugo](hugo.md)\n',
      'src/hugo.md': '# Hugo\n\nA note box is written {{< hint info >}}Careful{{< /hint >}} in a Hugo site.\n',
    })
    const result = await build({ src, out, cacheDir: path.join(tmp, 'mdbook-cache'), quiet: true })
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([])
    expect(fs.readFileSync(path.join(out, 'hugo.html'), 'utf8')).toContain('{{&#x3C; hint info >}}Careful{{&#x3C; /hint >}}')
  })
})
