/**
 * Mermaid diagrams end to end: a wiki is built, and mermaid's browser build
 * and the drawing script are in the site, and linked, only when and where a
 * page has a diagram; an edit that removes the last diagram takes them out
 * again. An mdbook-mermaid book builds as it is, without its own copy of
 * mermaid. The dev server serves the same files.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { startFixture, type DevFixture } from './helpers/dev.ts'
import { listFiles } from './helpers/files.ts'
import { tempSite, type TempSite } from './helpers/site.ts'

const require = createRequire(import.meta.url)
const MERMAID_BUILD = require.resolve('mermaid/dist/mermaid.min.js')

const DIAGRAM = '```mermaid\ngraph TD\n    A[Start] --> B{"x < 1 && y > 2"}\n```\n'
const LOADER = '_slugwiki/mermaid/diagrams.js'

const sites: TempSite[] = []
afterAll(() => {
  for (const site of sites) site.cleanup()
})

function wiki(files: Record<string, string>): TempSite {
  const site = tempSite(files, 'slugwiki-mermaid-')
  sites.push(site)
  return site
}

const read = (site: TempSite, rel: string) => fs.readFileSync(path.join(site.out, rel), 'utf8')
/** The scripts a page loads, as written in its head. */
const scripts = (html: string) => [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1])

describe('a wiki with a diagram', () => {
  let site: TempSite
  beforeAll(async () => {
    site = wiki({
      'index.md': '# Home\n\nNo diagram here.\n',
      'guide/flow.md': `# Flow\n\n${DIAGRAM}`,
      'guide/code.md': '# Code\n\n```rust\nfn main() {}\n```\n',
      // As mdbook-mermaid writes a diagram into a chapter.
      'guide/html.md': '# HTML\n\n<pre class="mermaid">graph TD\n    A --&gt; B</pre>\n',
    })
    const result = await build({ src: site.src, out: site.out, quiet: true, cacheDir: path.join(site.root, 'cache') })
    expect(result.diagnostics).toEqual([])
    expect(result.written).toBe(true)
  })

  it('writes the diagram as its escaped source in a pre.mermaid, not as highlighted code', () => {
    const html = read(site, 'guide/flow.html')
    expect(html).toContain('<pre class="mermaid">graph TD\n    A[Start] --> B{"x &#x3C; 1 &#x26;&#x26; y > 2"}</pre>')
    expect(html).not.toContain('data-lang="mermaid"')
  })

  it('copies mermaid’s one-file build and the drawing script, nothing else of mermaid', () => {
    expect(listFiles(site.out).filter((f) => f.includes('mermaid'))).toEqual(['_slugwiki/mermaid/diagrams.js', '_slugwiki/mermaid/mermaid.min.js'])
    expect(fs.readFileSync(path.join(site.out, '_slugwiki/mermaid/mermaid.min.js')).equals(fs.readFileSync(MERMAID_BUILD))).toBe(true)
  })

  it('links the drawing script from the pages with a diagram and the print page only', () => {
    expect(scripts(read(site, 'guide/flow.html'))).toContain(`../${LOADER}`)
    expect(scripts(read(site, 'guide/html.html'))).toContain(`../${LOADER}`)
    expect(scripts(read(site, 'print.html'))).toContain(LOADER)
    const others = listFiles(site.out).filter((f) => f.endsWith('.html') && !['guide/flow.html', 'guide/html.html', 'print.html'].includes(f))
    expect(others).toEqual(expect.arrayContaining(['index.html', 'guide/code.html', '404.html']))
    for (const page of others) expect(read(site, page), page).not.toContain('mermaid')
  })

  it('takes the files and the link out again when an edit removes the last diagram', async () => {
    fs.writeFileSync(site.file('guide/flow.md'), '# Flow\n\nNow in words.\n')
    fs.rmSync(site.file('guide/html.md'))
    const result = await build({ src: site.src, out: site.out, quiet: true, cacheDir: path.join(site.root, 'cache') })
    expect(result.written).toBe(true)
    expect(listFiles(site.out).filter((f) => f.includes('mermaid'))).toEqual([])
    expect(read(site, 'guide/flow.html')).not.toContain('mermaid')
    expect(read(site, 'print.html')).not.toContain('mermaid')
  })
})

describe('a wiki without a diagram', () => {
  it('has no mermaid file and no page loads one', async () => {
    const site = wiki({ 'index.md': '# Home\n\n```Mermaid\ngraph TD\n    A --> B\n```\n', 'other.md': '# Other\n\n`mermaid`\n' })
    const result = await build({ src: site.src, out: site.out, quiet: true, cache: false })
    expect(result.written).toBe(true)
    expect(listFiles(site.out).filter((f) => f.includes('mermaid'))).toEqual([])
    for (const page of listFiles(site.out).filter((f) => f.endsWith('.html'))) expect(scripts(read(site, page)).join(' '), page).not.toContain('mermaid')
  })
})

describe('an mdbook-mermaid book', () => {
  it('builds unchanged: its fences are diagrams, and its own mermaid.min.js and mermaid-init.js are left out', async () => {
    const site = wiki({ 'SUMMARY.md': '# Summary\n\n- [Flow](flow.md)\n', 'flow.md': `# Flow\n\n${DIAGRAM}` })
    // What `mdbook-mermaid install` leaves beside book.toml, and a script of the book's own.
    fs.writeFileSync(
      path.join(site.root, 'book.toml'),
      '[book]\ntitle = "Book"\n\n[preprocessor.mermaid]\ncommand = "mdbook-mermaid"\n\n[output.html]\nadditional-js = ["mermaid.min.js", "mermaid-init.js", "own.js"]\n',
    )
    for (const name of ['mermaid.min.js', 'mermaid-init.js', 'own.js']) fs.writeFileSync(path.join(site.root, name), `// ${name}\n`)
    const result = await build({ src: site.root, out: site.out, quiet: true, cache: false })
    expect(result.diagnostics).toEqual([])
    expect(scripts(read(site, 'flow.html'))).toEqual([
      '_slugwiki/theme.js',
      '_slugwiki/search.js',
      '_slugwiki/topics.js',
      '_slugwiki/popovers.js',
      LOADER,
      '_slugwiki/additional/own.js',
    ])
    expect(listFiles(site.out).filter((f) => f.includes('additional/'))).toEqual(['_slugwiki/additional/own.js'])
  })

  it('keeps a book’s mermaid scripts when it has no [preprocessor.mermaid]: they are then its own', async () => {
    const site = wiki({ 'SUMMARY.md': '# Summary\n\n- [Flow](flow.md)\n', 'flow.md': '# Flow\n' })
    fs.writeFileSync(path.join(site.root, 'book.toml'), '[book]\ntitle = "Book"\n\n[output.html]\nadditional-js = ["mermaid-init.js"]\n')
    fs.writeFileSync(path.join(site.root, 'mermaid-init.js'), '// the book’s own\n')
    await build({ src: site.root, out: site.out, quiet: true, cache: false })
    expect(scripts(read(site, 'flow.html'))).toContain('_slugwiki/additional/mermaid-init.js')
  })
})

describe('the dev server', () => {
  let f: DevFixture
  beforeAll(async () => {
    f = await startFixture('mdbook', {}, (dir) => {
      fs.writeFileSync(path.join(dir, 'src/flow.md'), `# Flow\n\n${DIAGRAM}`)
      fs.writeFileSync(path.join(dir, 'own.js'), '// the book’s own\n')
      const toml = path.join(dir, 'book.toml')
      fs.writeFileSync(toml, fs.readFileSync(toml, 'utf8').replace('mathjax-support = true\n', 'mathjax-support = true\nadditional-js = ["own.js"]\n'))
    })
  })
  afterAll(async () => {
    await f?.close()
    fs.rmSync(f.dir, { recursive: true, force: true })
  })

  it('serves the drawing script and mermaid’s build, linked with the book’s own scripts before the reload client', async () => {
    const page = await (await f.get('flow.html')).text()
    expect(scripts(page).slice(-3)).toEqual([LOADER, '_slugwiki/additional/own.js', '_slugwiki/__dev/reload.js'])
    expect(scripts(await (await f.get('go.html')).text()).slice(-2)).toEqual(['_slugwiki/additional/own.js', '_slugwiki/__dev/reload.js'])
    const loader = await f.get(LOADER)
    expect(loader.status).toBe(200)
    expect(loader.headers.get('content-type')).toMatch(/javascript/)
    const build = await f.get('_slugwiki/mermaid/mermaid.min.js')
    expect(build.status).toBe(200)
    expect(Buffer.from(await build.arrayBuffer()).equals(fs.readFileSync(MERMAID_BUILD))).toBe(true)
  })
})
