/**
 * A docsify site, as its authors push it (docsifyjs/docsify's own `docs/`,
 * basti2204/norex.dev), built end to end: its shell and parts that are no
 * pages, `_sidebar.md` as the sidebar, README.md as the home page, its
 * routes, helpers and embeds.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig } from '../src/config.ts'
import { docsifyRoute } from '../src/content/docsify.ts'
import { writeFiles } from './helpers/files.ts'
import { buildFiles } from './helpers/site.ts'

let tmp: string
beforeAll(() => void (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-docsify-'))))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** Build `files` as a source folder; the site's pages and the warnings, files named from the source folder. */
const site = (name: string, files: Record<string, string>) => buildFiles(tmp, name, files)

/** The sidebar of a page: its entries' text in order, links as `text→href`. */
function sidebar(html: string): string[] {
  const nav = /<nav class="sidebar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? ''
  const entries: string[] = []
  for (const m of nav.matchAll(/<a [^>]*?href="([^"]*)"[^>]*>([^<]*)<\/a>|<span class="(?:folder|draft)"[^>]*>([^<]*)<\/span>/g)) {
    entries.push(m[1] !== undefined ? `${m[2]}→${m[1]}` : m[3]!)
  }
  return entries
}

const SHELL = `<!DOCTYPE html>
<html><body><div id="app"></div>
<script>
  window.$docsify = { name: 'norex', loadSidebar: true, subMaxLevel: 3 }
</script>
<script src="//cdn.jsdelivr.net/npm/docsify@4"></script>
</body></html>
`

describe('docsify routes', () => {
  it.each([
    ['/', 'README.md', undefined],
    ['', 'README.md', undefined],
    ['guide.md', 'guide.md', undefined],
    ['guide', 'guide.md', undefined],
    ['/guide/intro.md', 'guide/intro.md', undefined],
    ['guide/', 'guide/README.md', undefined],
    ['#/guide/', 'guide/README.md', undefined],
    ['#/zh-cn/guide', 'zh-cn/guide.md', undefined],
    ['guide?id=setup', 'guide.md', 'setup'],
    ['guide.md#setup', 'guide.md', 'setup'],
    ['../guide', 'guide.md', undefined],
    ['_media/logo.svg', '_media/logo.svg', undefined],
  ])('`%s` is %s', (written, file, fragment) => {
    expect(docsifyRoute(written)).toEqual({ path: file, ...(fragment && { fragment }) })
  })

  it('leaves URLs and fragments of the page alone', () => {
    for (const url of ['https://docsify.js.org', '//cdn.example/x', 'mailto:a@b', '#setup']) expect(docsifyRoute(url)).toBeUndefined()
  })
})

describe('a docsify site (basti2204/norex.dev)', () => {
  const files = {
    'index.html': SHELL,
    '.nojekyll': '',
    '_sidebar.md': '<!-- _sidebar.md -->\n\n* [Home](/)\n\n* Getting Started\n  * [Quick Start](quickstart.md)\n  * [Guide](guide/)\n\n* Architecture\n  * [System Calls](/syscalls)\n  * [Memory](#/mm/intro)\n\n* [GitHub](https://github.com/basti2204/norex)\n',
    'README.md': '# norex Documentation\n\nWelcome.\n',
    'quickstart.md': '# Quick Start\n\nSee the [syscalls](syscalls.md).\n',
    'syscalls.md': '# System Calls\n\n## Syscall ABI\n',
    'guide/README.md': '# Guide\n',
    'mm/intro.md': '# Memory\n',
    'zz-unlisted.md': '# Unlisted\n',
  }

  it('is recognised by its index.html, or by _sidebar.md beside README.md, and not when slugwiki.toml says no', () => {
    const src = path.join(tmp, 'detect')
    writeFiles(src, { 'index.html': SHELL, 'README.md': '# Home\n' })
    expect(resolveConfig({ src }).docsify).toBe(true)
    expect(resolveConfig({ src }).summary).toBe('_sidebar.md')
    const bySidebar = path.join(tmp, 'detect-sidebar')
    writeFiles(bySidebar, { '_sidebar.md': '* [Home](/)\n', 'README.md': '# Home\n' })
    expect(resolveConfig({ src: bySidebar }).docsify).toBe(true)
    writeFiles(bySidebar, { 'slugwiki.toml': 'docsify = false\n' })
    expect(resolveConfig({ src: bySidebar }).docsify).toBe(false)
    const plain = path.join(tmp, 'detect-plain')
    writeFiles(plain, { 'index.html': '<html></html>\n', 'README.md': '# Home\n' })
    expect(resolveConfig({ src: plain }).docsify).toBe(false)
    const book = path.join(tmp, 'detect-book')
    writeFiles(book, { 'SUMMARY.md': '- [Home](README.md)\n', '_sidebar.md': '* [Home](/)\n', 'README.md': '# Home\n' })
    expect(resolveConfig({ src: book }).docsify).toBe(false)
  })

  it("takes the site's title and repository from index.html's literals, never running it", () => {
    const docs = path.join(tmp, 'named', 'docs')
    writeFiles(docs, { 'index.html': SHELL.replace("name: 'norex'", "name: 'norex', repo: 'basti2204/norex'"), 'README.md': '# Home\n' })
    expect(resolveConfig({ src: docs })).toMatchObject({ title: 'norex', repositoryUrl: 'https://github.com/basti2204/norex', repositoryHost: 'github', docsifyRelativePath: false })
    // A name written as HTML is no title: the page's <title> is.
    writeFiles(docs, { 'index.html': `<title>norex Documentation</title>\n${SHELL.replace("name: 'norex'", "name: '<img src=\"logo.svg\">'")}` })
    expect(resolveConfig({ src: docs }).title).toBe('norex Documentation')
    // slugwiki.toml's title wins.
    writeFiles(docs, { 'slugwiki.toml': 'title = "Own"\n' })
    expect(resolveConfig({ src: docs }).title).toBe('Own')
  })

  it('publishes no shell, sidebar, navbar or cover page, opens on README.md and orders the sidebar as _sidebar.md does', async () => {
    const { read, pages, warnings } = await site('norex', { ...files, '_navbar.md': '* [En](/)\n', '_coverpage.md': '# norex\n', 'guide/_sidebar.md': '* [Guide](guide/)\n' })
    expect(pages).not.toContain('_sidebar.html')
    expect(pages).not.toContain('_navbar.html')
    expect(pages).not.toContain('_coverpage.html')
    expect(pages).not.toContain('guide/_sidebar.html')
    // The home page is README.md's, not docsify's shell.
    expect(read('index.html')).toContain('Welcome.')
    expect(read('index.html')).not.toContain('window.$docsify')
    // Titled by the sidebar's text; a group is a heading of its links; a page shows its own group open.
    expect(sidebar(read('quickstart.html'))).toEqual([
      'Home→index.html',
      'Getting Started',
      'Quick Start→quickstart.html',
      'Guide→guide/index.html',
      'Architecture',
      'GitHub→https://github.com/basti2204/norex',
    ])
    expect(sidebar(read('syscalls.html')).slice(2)).toEqual(['Architecture', 'System Calls→syscalls.html', 'Memory→mm/intro.html', 'GitHub→https://github.com/basti2204/norex'])
    expect(warnings).toEqual(['zz-unlisted.md  warning  Not listed in _sidebar.md; built but not in the navigation  unlisted'])
  })

  it('makes an unlisted README.md the first page, as docsify opens every site on it', async () => {
    const { read } = await site('norex-home', { ...files, '_sidebar.md': '* [Quick Start](quickstart.md)\n' })
    expect(sidebar(read('quickstart.html')).slice(0, 2)).toEqual(['norex Documentation→index.html', 'Quick Start→quickstart.html'])
  })
})

describe("docsify's markdown", () => {
  const files = {
    'index.html': SHELL,
    '_sidebar.md': '* [Home](/)\n* [Guide](guide/)\n* [Intro](guide/intro.md)\n* [Setup](setup.md)\n',
    'README.md': '# Home\n\n!> **Time** is money, my friend!\n\n?> _TODO_ unit test\n\nNot a tip: a ?> in the middle.\n',
    'setup.md': '# Setup\n\n## Install\n\n### Hello, world! :id=hello-world\n',
    'guide/README.md': '# Guide\n',
    // docsify reads a link from the site\'s root, whichever page holds it.
    'guide/intro.md': [
      '# Intro',
      '',
      '[setup](setup.md), [route](#/setup), [bare](setup), [query](setup?id=install), [home](/), [guide](guide/)',
      '',
      "[titled](setup.md ':target=_blank A title') [off](setup.md ':disabled') [raw](setup.md ':ignore')",
      '',
      "![logo](logo.png ':size=50x100') ![wide](logo.png ':size=10% :class=wide')",
      '',
      '[heading](setup.md#hello-world) and [here](#intro)',
      '',
    ].join('\n'),
    'guide/logo.png': 'png',
  }

  it('shows ?> and !> paragraphs as callouts, and a heading\'s :id= as its id', async () => {
    const { read, warnings } = await site('helpers', files)
    expect(warnings).toEqual([])
    const home = read('index.html')
    expect(home).toContain('<div class="markdown-alert markdown-alert-warning docsify-important"><p class="markdown-alert-title">Warning</p><p><strong>Time</strong> is money, my friend!</p></div>')
    expect(home).toContain('<div class="markdown-alert markdown-alert-tip docsify-tip"><p class="markdown-alert-title">Tip</p><p><em>TODO</em> unit test</p></div>')
    expect(home).toContain('<p>Not a tip: a ?> in the middle.</p>')
    expect(read('setup.html')).toMatch(/<h3 id="hello-world">Hello, world!<a /)
  })

  it('reads links as docsify routes from the root, and takes its options out of titles', async () => {
    const { read } = await site('links', files)
    const intro = read('guide/intro.html')
    expect(intro).toContain('<a href="../setup.html">setup</a>, <a href="../setup.html">route</a>, <a href="../setup.html">bare</a>')
    expect(intro).toContain('<a href="../setup.html#install">query</a>')
    expect(intro).toContain('<a href="../index.html">home</a>, <a href="index.html">guide</a>')
    expect(intro).toContain('<a href="../setup.html" title="A title">titled</a> off <a href="../setup.html">raw</a>')
    expect(intro).toContain('<img src="logo.png" alt="logo" width="50" height="100"> <img src="logo.png" alt="wide" width="10%" class="wide">')
    expect(intro).toContain('<a href="../setup.html#hello-world">heading</a> and <a href="#intro">here</a>')
  })
})

describe("docsify's embeds", () => {
  const files = {
    'index.html': SHELL,
    '_sidebar.md': '* [Home](/)\n* [Embeds](guide/embeds.md)\n',
    'README.md': '# Home\n',
    'guide/embeds.md': [
      '# Embeds',
      '',
      "[filename](_media/example.md ':include')",
      '',
      "[code](/guide/_media/example.js ':include :type=code :fragment=demo')",
      '',
      '```markdown',
      "[filename](_media/example.md ':include')",
      '```',
      '',
      "[as code](_media/example.md ':include :type=code')",
      '',
      "[gist](https://gist.githubusercontent.com/u/1/raw/a.md ':include')",
      '',
      "[none](_media/missing.md ':include')",
      '',
      "[no fragment](_media/example.js ':include :fragment=nope')",
      '',
      "[clip](_media/clip.mp4 ':include')",
      '',
    ].join('\n'),
    'guide/_media/example.md': '---\nauthor: John Smith\n---\n\n> This is from the `example.md`\n',
    'guide/_media/example.js': "import fetch from 'fetch';\n\n  /// [demo]\n  const result = fetch(URL);\n  /// [demo]\n\nresult.then(console.log);\n",
    'guide/_media/clip.mp4': 'mp4',
  }

  it('includes a note without its front matter, a code file or its fragment, and a player; a URL, a missing file or fragment is a warning at the line', async () => {
    const { read, pages, warnings } = await site('embeds', files)
    const page = read('guide/embeds.html')
    expect(page).toContain('<blockquote>\n<p>This is from the <code>example.md</code></p>\n</blockquote>')
    // Its front matter dropped, as docsify drops it from an included note (a code embed shows the file as it is).
    expect(page.slice(page.indexOf('<h1'), page.indexOf('<figure'))).not.toContain('John Smith')
    // The fragment between its markers, its indent taken off, highlighted as the file's language.
    const js = /<figure class="code"[^>]*data-lang="javascript" data-label="js">[\s\S]*?<\/figure>/.exec(page)?.[0] ?? ''
    expect(js.replace(/<[^>]+>/g, '')).toBe('const result = fetch(URL);')
    // Inside a code fence the link is code.
    const text = page.replace(/<[^>]+>/g, '')
    expect(text).toContain("[filename](_media/example.md ':include')")
    // As code, the file as it is.
    expect(text).toContain('---\nauthor: John Smith\n---\n\n> This is from the `example.md`')
    expect(page).toContain('<video controls src="_media/clip.mp4"></video>')
    // An included note is a part of its page, no page of its own.
    expect(pages).not.toContain('guide/_media/example.html')
    expect(warnings).toEqual([
      "guide/embeds.md:13:1  warning  docsify's `:include` of `https://gist.githubusercontent.com/u/1/raw/a.md` is not fetched (the site is built from the notes alone); left as a link  include-remote",
      'guide/embeds.md:15:1  warning  Included file not found: _media/missing.md  include-missing',
      'guide/embeds.md:17:1  warning  No fragment `nope` (between `/// [nope]` or `### [nope]` lines) in _media/example.js  include-anchor',
    ])
  })
})

describe("docsify's sidebar problems", () => {
  it('name _sidebar.md at their line: a page it lists twice, a page that is not there', async () => {
    const { warnings } = await site('sidebar-problems', {
      'index.html': SHELL,
      '_sidebar.md': '* [Home](/)\n* Getting Started\n  * [Introduction](README.md)\n  * [Installation](installation.md)\n',
      'README.md': '# Home\n',
    })
    expect(warnings).toEqual([
      '_sidebar.md:3:5  warning  `README.md` is listed twice in _sidebar.md (first on line 1); this entry is not linked  duplicate-chapter',
      '_sidebar.md:4:5  warning  _sidebar.md entry `installation.md` has no file; listed as a draft  missing-chapter',
    ])
  })
})

describe("docsify's relativePath", () => {
  it('reads a link from the note\'s folder when index.html sets relativePath: true', async () => {
    const shell = SHELL.replace('loadSidebar: true', 'loadSidebar: true, relativePath: true')
    const { read, warnings } = await site('relative', {
      'index.html': shell,
      '_sidebar.md': '* [Home](/)\n* [Guide](guide/)\n* [Setup](guide/setup.md)\n* [Top setup](setup.md)\n',
      'README.md': '# Home\n',
      'setup.md': '# Top setup\n',
      'guide/README.md': '# Guide\n\n[setup](setup), [top](/setup), [up](../setup.md)\n',
      'guide/setup.md': '# Guide setup\n',
    })
    expect(warnings).toEqual([])
    expect(read('guide/index.html')).toContain('<a href="setup.html">setup</a>, <a href="../setup.html">top</a>, <a href="../setup.html">up</a>')
  })
})
