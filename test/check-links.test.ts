/**
 * Links without an extension (`other`, a folder `sub/`, VitePress's
 * `/guide/intro`): tried as a note, a folder's index and a file, linked to
 * the page or file they name on the note's page and the print page, and
 * reported only when they name none of them (keeping the href as written).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../src/build.ts'

let tmp: string
let out: string
let result: BuildResult
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-links-'))
  const src = path.join(tmp, 'wiki')
  fs.mkdirSync(path.join(src, 'sub'), { recursive: true })
  fs.writeFileSync(path.join(src, 'README.md'), '# Home\n\n[other](other) [part](other#part) [folder](sub) [license](LICENSE) [notice](NOTICE) [root](/sub/)\n')
  fs.writeFileSync(path.join(src, 'other.md'), '# Other\n\n## Part\n')
  fs.writeFileSync(path.join(src, 'sub/README.md'), '# Sub\n\n[home](..) [sibling](../other)\n')
  fs.writeFileSync(path.join(src, 'LICENSE'), 'MIT\n')
  out = path.join(tmp, 'out')
  result = await build({ src, out, cache: false, quiet: true })
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const links = (file: string, texts: string[]) =>
  texts.map((text) => new RegExp(`<a ([^>]*)>${text}</a>`).exec(fs.readFileSync(path.join(out, file), 'utf8'))?.[1])

describe('links without an extension', () => {
  it('are reported only when they name no note, folder index or file', () => {
    expect(result.written).toBe(true)
    const missing = result.diagnostics.filter((d) => d.rule.startsWith('missing')).map((d) => `${d.line}:${d.column} ${d.message}`)
    expect(missing).toEqual(['3:68 Link to missing note `NOTICE`'])
  })

  it('link to what they name on the page, the href as written when they name nothing', () => {
    expect(links('index.html', ['other', 'part', 'folder', 'license', 'notice', 'root'])).toEqual([
      'href="other.html"',
      'href="other.html#part"',
      'href="sub/index.html"',
      'href="LICENSE"',
      'href="NOTICE"',
      'href="sub/index.html"',
    ])
    expect(links('sub/index.html', ['home', 'sibling'])).toEqual(['href="../index.html"', 'href="../other.html"'])
  })

  it('link within the print page', () => {
    expect(links('print.html', ['other', 'part', 'folder', 'license', 'notice'])).toEqual([
      'href="#other"',
      'href="#other--part"',
      'href="#sub-index"',
      'href="LICENSE"',
      'href="NOTICE"',
    ])
  })

  it('count as links for backlinks', () => {
    expect(fs.readFileSync(path.join(out, 'other.html'), 'utf8')).toMatch(/Linked from[\s\S]*href="index.html"/)
  })
})

/**
 * mdBook's `index` preprocessor renames a folder's `README.md` chapter to
 * `index.md`, so books link to it by that name (the micro:bit Discovery
 * book's `[chapter 3](../03-setup/index.md#tools)`).
 */
describe('a link to `index.md` in a book whose folder page is README.md', () => {
  let book: string
  let bookOut: string
  let bookResult: BuildResult
  beforeAll(async () => {
    book = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-index-md-'))
    fs.mkdirSync(path.join(book, 'src/setup'), { recursive: true })
    fs.writeFileSync(path.join(book, 'book.toml'), '[book]\ntitle = "T"\n')
    fs.writeFileSync(path.join(book, 'src/SUMMARY.md'), '# Summary\n\n- [Intro](intro.md)\n- [Setup](setup/README.md)\n')
    fs.writeFileSync(path.join(book, 'src/intro.md'), '# Intro\n\nSee [chapter 2](setup/index.md#tools) and [a gap](setup/index.md#nowhere).\n')
    fs.writeFileSync(path.join(book, 'src/setup/README.md'), '# Setup\n\n## Tools\n')
    bookOut = path.join(book, 'out')
    bookResult = await build({ src: book, out: bookOut, cache: false, quiet: true })
  })
  afterAll(() => fs.rmSync(book, { recursive: true, force: true }))

  it('reaches the README chapter: no missing-link warning, its anchors checked', () => {
    const found = bookResult.diagnostics.filter((d) => d.rule.startsWith('missing')).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)
    expect(found).toEqual(['3:43 missing-anchor No heading or anchor `#nowhere` in `setup/README.md`'])
  })

  it('links to its page, on the chapter and on the print page', () => {
    const html = fs.readFileSync(path.join(bookOut, 'intro.html'), 'utf8')
    expect(/<a ([^>]*)>chapter 2<\/a>/.exec(html)?.[1]).toBe('href="setup/index.html#tools"')
    const print = fs.readFileSync(path.join(bookOut, 'print.html'), 'utf8')
    expect(/<a ([^>]*)>chapter 2<\/a>/.exec(print)?.[1]).toMatch(/^href="#setup-[^"]*tools"$/)
  })

  it('counts for backlinks', () => {
    expect(fs.readFileSync(path.join(bookOut, 'setup/index.html'), 'utf8')).toMatch(/Linked from[\s\S]*href="\.\.\/intro.html"/)
  })
})

describe('a link to the source folder in a wiki with no README.md or index.md there', () => {
  let wiki: string
  let wikiOut: string
  let wikiResult: BuildResult
  beforeAll(async () => {
    wiki = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-front-'))
    fs.mkdirSync(path.join(wiki, 'src/guide'), { recursive: true })
    fs.writeFileSync(path.join(wiki, 'src/alpha.md'), '# Alpha\n\nBack to [the start](./) or [the top](.).\n')
    fs.writeFileSync(path.join(wiki, 'src/guide/intro.md'), '# Intro\n\nSee [the front page](../) and [the same](/) but not [a readme](../README.md).\n')
    wikiOut = path.join(wiki, 'out')
    wikiResult = await build({ src: path.join(wiki, 'src'), out: wikiOut, cache: false, quiet: true })
  })
  afterAll(() => fs.rmSync(wiki, { recursive: true, force: true }))

  it('leads to the front page, the redirect index.html, without a warning; a missing file there is still one', () => {
    const found = wikiResult.diagnostics.filter((d) => d.rule.startsWith('missing')).map((d) => `${d.file.split('/').slice(-2).join('/')}:${d.line}:${d.column} ${d.message}`)
    expect(found).toEqual(['guide/intro.md:3:53 Link to missing note `../README.md`'])
    expect(fs.readFileSync(path.join(wikiOut, 'index.html'), 'utf8')).toContain('<meta http-equiv="refresh" content="0; url=alpha.html">')
    const alpha = fs.readFileSync(path.join(wikiOut, 'alpha.html'), 'utf8')
    expect(['the start', 'the top'].map((text) => new RegExp(`<a ([^>]*)>${text}</a>`).exec(alpha)?.[1])).toEqual(['href="index.html"', 'href="index.html"'])
    const intro = fs.readFileSync(path.join(wikiOut, 'guide/intro.html'), 'utf8')
    expect(/<a ([^>]*)>the front page<\/a>/.exec(intro)?.[1]).toBe('href="../index.html"')
    expect(/<a ([^>]*)>the same<\/a>/.exec(intro)?.[1]).toBe('href="../index.html"')
  })

  it('in a book without README.md, `index.html` (mdBook copies the first chapter there) is no missing note either', async () => {
    const book = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-front-book-'))
    fs.mkdirSync(path.join(book, 'src'))
    fs.writeFileSync(path.join(book, 'book.toml'), '[book]\ntitle = "T"\n')
    fs.writeFileSync(path.join(book, 'src/SUMMARY.md'), '# Summary\n\n- [Intro](intro.md)\n')
    fs.writeFileSync(path.join(book, 'src/intro.md'), '# Intro\n\nSee [the start](index.html).\n')
    const built = await build({ src: book, out: path.join(book, 'out'), cache: false, quiet: true })
    fs.rmSync(book, { recursive: true, force: true })
    expect(built.diagnostics.filter((d) => d.rule.startsWith('missing'))).toEqual([])
  })
})
