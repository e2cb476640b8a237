/**
 * A Docusaurus site's `static/` folder, beside `docs/`: published at the
 * site's root as Docusaurus serves it, so `![](/img/arch.png)` and frontmatter
 * `image: /img/card.png` find `static/img/…`, with the public folder's rules.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { formatDiagnostic } from '../src/report.ts'
import { writeFiles } from './helpers/files.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-docusaurus-static-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const PNG = 'not really a png\n'

/** Build a site made of `files`, from `--src` at `src` (the site's folder by default). */
async function run(name: string, files: Record<string, string>, src = '') {
  const dir = writeFiles(path.join(tmp, name), files)
  const out = path.join(tmp, `${name}-out`)
  const result = await build({ src: path.join(dir, src), out, cacheDir: path.join(tmp, `${name}-cache`), quiet: true })
  return {
    dir,
    result,
    shown: result.diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(dir, d.file) })),
    read: (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8'),
    has: (rel: string) => fs.existsSync(path.join(out, rel)),
  }
}

describe("Docusaurus's static/ folder", () => {
  it('is published at the site root: `/img/…` images and links work from any folder, a missing one is still reported', async () => {
    for (const src of ['', 'docs']) {
      const { read, has, shown } = await run(`root-${src || 'site'}`, {
        'docusaurus.config.js': 'module.exports = {}\n',
        'docs/intro.md': '# Intro\n\n![Architecture](/img/arch.png)\n',
        'docs/guides/setup.md': '# Setup\n\n![Architecture](/img/arch.png) [the spec](/files/spec.pdf) [notes](/files/notes.md)\n\n![Gone](/img/gone.png)\n',
        'static/img/arch.png': PNG,
        'static/files/spec.pdf': '%PDF\n',
        // A markdown file in static/ is a file, as Docusaurus copies it, not a page.
        'static/files/notes.md': '# Not a page\n',
        'static/.hidden': 'no\n',
      }, src)
      expect(shown).toEqual(['docs/guides/setup.md:5:1  warning  Missing file `/img/gone.png`  missing-asset'])
      expect(has('img/arch.png') && has('files/spec.pdf') && has('files/notes.md')).toBe(true)
      expect(has('static') || has('files/notes.html') || has('.hidden')).toBe(false)
      expect(read('img/arch.png')).toBe(PNG)
      expect(read('intro.html')).toContain('<img src="img/arch.png" alt="Architecture">')
      const setup = read('guides/setup.html')
      expect(setup).toContain('<img src="../img/arch.png" alt="Architecture">')
      expect(setup).toContain('href="../files/spec.pdf"')
      expect(setup).toContain('href="../files/notes.md"')
    }
  })

  it('makes frontmatter `image: /img/…` the og:image: absolute with the site URL, else relative to the page; one of no file is a warning', async () => {
    const files = {
      'docusaurus.config.js': 'module.exports = {}\n',
      'docs/intro.md': '---\nimage: /img/card.png\n---\n# Intro\n',
      'docs/guides/setup.md': '---\nimage: /img/card.png\n---\n# Setup\n',
      'docs/guides/other.md': '---\nimage: /img/none.png\n---\n# Other\n',
      'docs/guides/relative.md': '---\nimage: img/card.png\n---\n# Relative\n',
      'static/img/card.png': PNG,
    }
    const plain = await run('og-plain', files)
    expect(plain.shown).toEqual([
      'docs/guides/other.md:2:1  warning  Frontmatter `image` names no file of the site: `/img/none.png` (in `static/` or beside the docs); ignored  frontmatter',
      "docs/guides/relative.md:2:1  warning  Frontmatter `image` should be a path from the site's root (`/img/x.png`) or an absolute http(s) URL (the page's `og:image`); ignored  frontmatter",
    ])
    expect(plain.read('intro.html')).toContain('<meta property="og:image" content="img/card.png">')
    expect(plain.read('guides/setup.html')).toContain('<meta property="og:image" content="../img/card.png">')
    expect(plain.read('guides/other.html')).not.toContain('og:image')
    const withUrl = await run('og-url', { ...files, 'slugwiki.toml': 'url = "https://example.org/docs/"\n' })
    expect(withUrl.read('guides/setup.html')).toContain('<meta property="og:image" content="https://example.org/docs/img/card.png">')
  })

  it("follows the public folder's collision rules: a note's page wins over a static file, a static file over one beside the docs", async () => {
    const { read, shown } = await run('collide', {
      'docusaurus.config.js': 'module.exports = {}\n',
      'docs/index.md': '# Home\n\n![Logo](/img/logo.svg)\n',
      'docs/about.md': '# About\n',
      'docs/img/logo.svg': '<svg id="docs"/>\n',
      'static/img/logo.svg': '<svg id="static"/>\n',
      'static/about.html': '<p>old</p>\n',
      'static/index.html': '<p>old home</p>\n',
      // The Docusaurus URL of `02-guide.md`, `/guide`, is a file of static/: no redirect over it.
      'docs/02-guide.md': '# Guide\n',
      'static/guide.html': '<p>static guide</p>\n',
    })
    expect(shown.sort()).toEqual([
      'docs/02-guide.md  warning  Docusaurus URL `/guide` is `guide.html`, a file of the site; no redirect there  docusaurus',
      'docs/img/logo.svg  warning  Also published from static/img/logo.svg, which is used  public-collision',
      'static/about.html  warning  Same URL as the note docs/about.md, whose page is published  public-collision',
      'static/index.html  warning  Same URL as the note docs/index.md, whose page is published  public-collision',
    ].map((line) => line.replace(/(from |note )/, `$1${path.relative(process.cwd(), path.join(tmp, 'collide'))}/`)))
    expect(read('about.html')).toContain('About')
    expect(read('index.html')).toContain('Home')
    expect(read('img/logo.svg')).toContain('static')
    expect(read('guide.html')).toBe('<p>static guide</p>\n')
  })

  it('names a `staticDirectories` list in the config, which is not run, at its line and column (the default written out is no warning)', () => {
    const dir = writeFiles(path.join(tmp, 'dirs'), {
      'docusaurus.config.js': "module.exports = {\n  title: 'x',\n  staticDirectories: ['public', 'static'],\n}\n",
      'docs/intro.md': '# Intro\n',
      'static/a.png': PNG,
    })
    const config = resolveConfig({ src: dir }, tmp)
    expect(config.staticDir).toBe(path.join(dir, 'static'))
    expect(config.docusaurusSite?.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      "dirs/docusaurus.config.js:3:3  warning  `staticDirectories` is not read (slugwiki runs no site JavaScript): only `static/` is published at the site's root  docusaurus",
    ])
    fs.writeFileSync(path.join(dir, 'docusaurus.config.js'), "export default { staticDirectories: ['static'] }\n")
    expect(resolveConfig({ src: dir }, tmp).docusaurusSite?.diagnostics).toEqual([])
  })
})
