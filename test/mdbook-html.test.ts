/**
 * mdBook's `[output.html]` options that change which pages a book has and
 * how they look: the print page's switches, the 404 page from a note, the
 * colour scheme a reader starts with.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { absoluteUrl } from '../src/pages/not-found-body.ts'
import { mdbookScheme } from '../src/config.ts'
import { NO_FLASH } from '../themes/default/templates/document.ts'
import type { Slug } from '../src/paths.ts'
import { tempSite, type TempSite } from './helpers/site.ts'

let site: TempSite | undefined
afterEach(() => site?.cleanup())

const SUMMARY = '# Summary\n\n- [Intro](README.md)\n- [Deep](a/b/deep.md)\n'

/** A book with book.toml beside `src/`: `toml` is appended after `[book]`, `files` go under `src/`. */
function book(toml: string, files: Record<string, string> = {}): TempSite {
  site = tempSite({ 'SUMMARY.md': SUMMARY, 'README.md': '# Intro\n', 'a/b/deep.md': '# Deep\n\n## Part two\n', ...files })
  fs.writeFileSync(path.join(site.root, 'book.toml'), `[book]\ntitle = "T"\nsrc = "src"\n\n${toml}`)
  return site
}

async function run(s: TempSite, options: { src?: string } = {}) {
  const result = await build({ src: s.root, out: s.out, quiet: true, cache: false, ...options })
  const read = (rel: string) => fs.readFileSync(path.join(s.out, rel), 'utf8')
  const exists = (rel: string) => fs.existsSync(path.join(s.out, rel))
  return { result, read, exists }
}

describe('[output.html.search]', () => {
  it('limit-results caps the results the search box lists (too-many-lists sets 30); without it the theme keeps its own', async () => {
    const limited = await run(book('[output.html.search]\nlimit-results = 30\n'))
    expect(limited.read('index.html')).toMatch(/<div class="search-slot" id="search" data-index="[^"]*" data-limit="30">/)
    expect(limited.read('a/b/deep.html')).toContain('data-limit="30"')
    site?.cleanup()
    const plain = await run(book(''))
    expect(plain.read('index.html')).toMatch(/<div class="search-slot" id="search" data-index="[^"]*">/)
    site?.cleanup()
    // A value of the wrong type is an error naming the key, as every book.toml key's is.
    await expect(run(book('[output.html.search]\nlimit-results = "many"\n'))).rejects.toThrow(/output\.html\.search\.limit-results/)
  })
})

describe('[output.html.print]', () => {
  it('builds print.html and links it from every page by default, each chapter starting a sheet', async () => {
    const { read, exists } = await run(book(''))
    expect(exists('print.html')).toBe(true)
    expect(read('index.html')).toContain('href="print.html"')
    expect(read('print.html')).toContain('<div class="print">')
  })

  it('enable = false: no print.html and no link to it anywhere', async () => {
    const { result, read, exists } = await run(book('[output.html.print]\nenable = false\n'))
    expect(result.written).toBe(true)
    expect(exists('print.html')).toBe(false)
    for (const page of ['index.html', 'a/b/deep.html', 'README.html', '404.html'].filter(exists)) expect(read(page)).not.toContain('print.html')
  })

  it('page-break = false: the chapters of the print page run on', async () => {
    const { read } = await run(book('[output.html.print]\npage-break = false\n'))
    expect(read('print.html')).toContain('<div class="print run-on">')
  })
})

describe('the 404 page from a note', () => {
  const NOTE = '# Lost?\n\nTry [the deep note](a/b/deep.md#part-two), ![a map](img/map.svg), [up here](#lost) or [elsewhere](https://example.com/x).\n'

  it('shows src/404.md on 404.html, with its links absolute under the base so they work at any URL', async () => {
    const s = book('[output.html]\nsite-url = "/book/"\n', { '404.md': NOTE, 'img/map.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' })
    const { result, read } = await run(s)
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const page = read('404.html')
    expect(page).toContain('<h1 id="lost">')
    expect(page).toContain('href="/book/a/b/deep.html#part-two"')
    expect(page).toContain('src="/book/img/map.svg"')
    expect(page).toContain('href="#lost"')
    expect(page).toContain('href="https://example.com/x"')
    expect(page).toContain('<title>Page not found · T</title>')
    // The theme's own links are absolute there already.
    expect(page).toContain('href="/book/_slugwiki/style.css"')
    expect(page).not.toContain('This page does not exist')
  })

  it("loads what its note's code, math and diagrams need, though no page of the book has any", async () => {
    const lost = '# Lost?\n\n```c\nint main(void) { return 404; }\n```\n\nAn equation, in the delimiters mdBook\'s MathJax reads: \\\\( e^{i\\pi} = -1 \\\\).\n\n```mermaid\ngraph TD; A-->B\n```\n'
    const { result, read, exists } = await run(book('[output.html]\nmathjax-support = true\n', { '404.md': lost }))
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const page = read('404.html')
    const sheet = /href="\/(_slugwiki\/code-[0-9a-f]{10}\.css)"/.exec(page)?.[1]
    expect(sheet).toBeDefined()
    for (const asset of [sheet!, '_slugwiki/katex/katex.min.css', '_slugwiki/mermaid/diagrams.js']) {
      expect(page).toContain(`/${asset}"`)
      expect(exists(asset), asset).toBe(true)
    }
    expect(read('index.html')).not.toContain('katex.min.css')
  })

  it('is not a page of its own, a sidebar entry, a search result or an "unlisted" warning', async () => {
    const s = book('', { '404.md': NOTE })
    const { result, read, exists } = await run(s)
    expect(result.written).toBe(true)
    expect(result.diagnostics.map((d) => d.rule)).not.toContain('unlisted')
    expect(result.pages.filter((p) => p.slug === '404.html').map((p) => p.kind)).toEqual(['not-found'])
    expect(result.graph.all).not.toContain('404.md')
    expect(read('index.html')).not.toContain('Lost?')
    expect(read('print.html')).not.toContain('Lost?')
    expect(read('sitemap.xml')).not.toContain('404')
    expect(exists('404.html')).toBe(true)
  })

  it('has its links checked like any note’s, though it is no page of its own', async () => {
    const s = book('', { '404.md': '# Lost?\n\nTry [the deep note](a/b/deep.md#part-two), [up here](#lost), [gone](nowhere.md) or [there](#nothere).\n' })
    const { result } = await run(s)
    const found = result.diagnostics.filter((d) => path.basename(d.file) === '404.md').map((d) => `${d.rule}: ${d.message}`)
    expect(found).toEqual(['missing-link: Link to missing note `nowhere.md`', 'missing-anchor: No heading or anchor `#nothere` in this note'])
  })

  it('is not in the folders’ sidebar of a book without SUMMARY.md', async () => {
    site = tempSite({ 'README.md': '# Home\n', '404.md': NOTE })
    const { result, read } = await run(site, { src: site.src })
    expect(result.written).toBe(true)
    expect(read('index.html')).not.toContain('Lost?')
    expect(read('404.html')).toContain('Lost?')
  })

  it('is the page of a 404 note SUMMARY lists, which stays in the navigation', async () => {
    const s = book('', { 'SUMMARY.md': `${SUMMARY}- [Lost](404.md)\n`, '404.md': NOTE })
    const { result, read } = await run(s)
    expect(result.written).toBe(true)
    expect(result.pages.filter((p) => p.slug === '404.html').map((p) => p.kind)).toEqual(['not-found'])
    expect(read('index.html')).toContain('href="404.html"')
    expect(read('404.html')).toContain('href="/a/b/deep.html#part-two"')
  })

  it('comes from the note `input-404` names, written beside it as mdBook names it', async () => {
    const s = book('[output.html]\ninput-404 = "missing.md"\n', { 'missing.md': NOTE, '404.md': '# Plain note\n' })
    const { result, read } = await run(s)
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(result.pages.filter((p) => p.kind === 'not-found').map((p) => p.slug)).toEqual(['missing.html'])
    expect(read('missing.html')).toContain('href="/a/b/deep.html#part-two"')
    // 404.md is then an ordinary note (unlisted here, so a warning).
    expect(read('404.html')).toContain('Plain note')
    expect(result.diagnostics.filter((d) => d.rule === 'unlisted').map((d) => path.basename(d.file))).toEqual(['404.md'])
  })

  it('is an error when `input-404` names no note, and is not written when it is ""', async () => {
    const missing = await run(book('[output.html]\ninput-404 = "nope.md"\n'))
    expect(missing.result.diagnostics.filter((d) => d.rule === 'not-found').map((d) => d.message)).toEqual(['`input-404` names `nope.md`, which is not a note of the book'])
    expect(missing.result.written).toBe(false)
    site?.cleanup()
    const none = await run(book('[output.html]\ninput-404 = ""\n'))
    expect(none.result.pages.some((p) => p.kind === 'not-found')).toBe(false)
    expect(none.exists('404.html')).toBe(false)
  })

  it('is slugwiki’s own without a 404 note', async () => {
    const { read } = await run(book(''))
    expect(read('404.html')).toContain('This page does not exist')
  })
})

describe('a URL of the 404 note, made absolute', () => {
  it.each([
    ['a/b/deep.html#part-two', '404.html', '/book/', '/book/a/b/deep.html#part-two'],
    ['img/map.svg', '404.html', '/', '/img/map.svg'],
    ['../other.html', 'errors/missing.html', '/book/', '/book/other.html'],
    ['caf%C3%A9.html?x=1', '404.html', '/', '/caf%C3%A9.html?x=1'],
    ['#lost', '404.html', '/book/', '#lost'],
    ['/elsewhere/', '404.html', '/book/', '/elsewhere/'],
    ['https://example.com/x', '404.html', '/book/', 'https://example.com/x'],
    ['mailto:a@b.c', '404.html', '/', 'mailto:a@b.c'],
    ['//cdn.example.com/x.js', '404.html', '/', '//cdn.example.com/x.js'],
  ])('%s on %s (base %s) → %s', (value, from, base, expected) => {
    expect(absoluteUrl(value, from as Slug, base)).toBe(expected)
  })
})

describe('default-theme and preferred-dark-theme', () => {
  it.each([
    ['light', 'light'],
    ['Rust', 'light'],
    ['coal', 'dark'],
    ['navy', 'dark'],
    ['ayu', 'dark'],
    ['my-own', 'light'],
    [undefined, 'light'],
  ])('mdBook’s %s theme is the %s scheme (unknown: the fallback)', (name, scheme) => {
    expect(mdbookScheme(name, 'light')).toBe(scheme)
  })

  it('put the book’s scheme for each system preference on <html> only where it differs from the system’s', async () => {
    const plain = await run(book(''))
    expect(plain.read('index.html')).toContain('<html lang="en">')
    site?.cleanup()
    const set = await run(book('[output.html]\ndefault-theme = "Coal"\npreferred-dark-theme = "rust"\n'))
    expect(set.read('index.html')).toContain('<html lang="en" data-when-light="dark" data-when-dark="light">')
    site?.cleanup()
    const navy = await run(book('[output.html]\ndefault-theme = "navy"\n'))
    expect(navy.read('index.html')).toContain('<html lang="en" data-when-light="dark">')
  })

  /** The scheme the head script picks, for a stored choice, a system preference and the <html> data. */
  function firstPaint(stored: string | null, systemDark: boolean, data: Record<string, string> = {}): string | undefined {
    const dataset: Record<string, string> = { ...data }
    const env = { document: { documentElement: { dataset } }, localStorage: { getItem: () => stored }, matchMedia: () => ({ matches: systemDark }) }
    new Function('document', 'localStorage', 'matchMedia', NO_FLASH)(env.document, env.localStorage, env.matchMedia)
    return dataset.theme
  }

  it('are the scheme before the reader chooses one; a reader’s choice wins', () => {
    expect(firstPaint(null, false)).toBe('light')
    expect(firstPaint(null, true)).toBe('dark')
    expect(firstPaint(null, false, { whenLight: 'dark' })).toBe('dark')
    expect(firstPaint(null, true, { whenDark: 'light' })).toBe('light')
    expect(firstPaint('system', false, { whenLight: 'dark' })).toBe('dark')
    expect(firstPaint('light', false, { whenLight: 'dark' })).toBe('light')
    expect(firstPaint('dark', true, { whenDark: 'light' })).toBe('dark')
  })
})

describe('heading ids', () => {
  // mdBook's `id_from_content` lower-cases ASCII letters only: a Russian or German book links to `#Переменные`, `#Über`.
  const RU = {
    'SUMMARY.md': '# Summary\n\n- [Игра](guess.md)\n- [Переменные](vars.md)\n',
    'guess.md': '# Игра\n\n## Хранение значений с помощью переменных\n\n## Über Cargo\n\n## Über Cargo\n',
    'vars.md': '# Переменные\n\nКак в разделе [«Хранение значений»](guess.md#Хранение-значений-с-помощью-переменных), [Über](guess.html#Über-cargo-1) и [выше](#Переменные).\n',
  }

  it('are the ids mdBook gives in a book, so its links find them', async () => {
    site = tempSite(RU)
    fs.writeFileSync(path.join(site.root, 'book.toml'), '[book]\ntitle = "Книга"\nlanguage = "ru"\n')
    const { result, read } = await run(site)
    expect(result.diagnostics.filter((d) => d.rule === 'missing-anchor')).toEqual([])
    const guess = read('guess.html')
    expect(guess).toContain('<h2 id="Хранение-значений-с-помощью-переменных">')
    expect(guess).toContain('<h2 id="Über-cargo">')
    expect(guess).toContain('<h2 id="Über-cargo-1">')
    expect(read('vars.html')).toContain('<h1 id="Переменные">')
  })

  it('include the anchors a chapter’s HTML names, `<a name>` as `<a id>`', async () => {
    site = tempSite({ 'SUMMARY.md': '- [A](a.md)\n- [B](b.md)\n', 'a.md': '# A\n\n<a name="old-anchor"></a>\nText.\n', 'b.md': '# B\n\nSee [the old anchor](a.md#old-anchor).\n' })
    fs.writeFileSync(path.join(site.root, 'book.toml'), '[book]\ntitle = "T"\n')
    const { result, read } = await run(site)
    expect(result.diagnostics.filter((d) => d.rule === 'missing-anchor')).toEqual([])
    expect(read('a.html')).toContain('<a id="old-anchor"></a>')
    expect(read('b.html')).toContain('<a href="a.html#old-anchor">the old anchor</a>')
  })

  it('stay GitHub’s in a wiki without book.toml, where a link names a heading by its text (as Obsidian) and an mdBook id misses', async () => {
    site = tempSite(RU)
    const { result, read } = await run(site, { src: site.src })
    expect(read('guess.html')).toContain('<h2 id="хранение-значений-с-помощью-переменных">')
    expect(read('guess.html')).toContain('<h2 id="über-cargo-1">')
    // `#Хранение-значений-…` and `#Переменные` are the headings' text (dashes for spaces): they lead to GitHub's ids.
    const vars = read('vars.html')
    expect(vars).toContain(`<a href="guess.html#${encodeURIComponent('хранение-значений-с-помощью-переменных')}">«Хранение значений»</a>`)
    expect(vars).toContain(`<a href="#${encodeURIComponent('переменные')}">выше</a>`)
    // `#Über-cargo-1` is an id only mdBook gives: no heading has that text.
    expect(result.diagnostics.filter((d) => d.rule === 'missing-anchor').map((d) => d.message)).toEqual(['No heading or anchor `#Über-cargo-1` in `guess.md`'])
  })
})

describe('text-direction', () => {
  it.each([
    ['language = "fa"\n', '<html lang="fa" dir="rtl">'],
    ['language = "he"\ntext-direction = "ltr"\n', '<html lang="he">'],
    ['language = "en"\ntext-direction = "rtl"\n', '<html lang="en" dir="rtl">'],
    // mdBook matches the code exactly, so a region makes its book left to right; the platform's CLDR data reads Persian right to left in any region.
    ['language = "fa-IR"\n', '<html lang="fa-IR" dir="rtl">'],
    ['', '<html lang="en">'],
  ])('[book] %j gives %s on every page', async (toml, html) => {
    site = tempSite({ 'SUMMARY.md': SUMMARY, 'README.md': '# Intro\n', 'a/b/deep.md': '# Deep\n' })
    fs.writeFileSync(path.join(site.root, 'book.toml'), `[book]\ntitle = "T"\n${toml}`)
    const { read } = await run(site)
    for (const page of ['index.html', 'a/b/deep.html', 'print.html', '404.html']) expect(read(page), page).toContain(html)
  })

  it('is an error naming the key when it is neither ltr nor rtl', async () => {
    site = tempSite({ 'README.md': '# Intro\n' })
    fs.writeFileSync(path.join(site.root, 'book.toml'), '[book]\ntext-direction = "up"\n')
    await expect(run(site)).rejects.toThrow(/`book\.text-direction`/)
  })
})

describe('no-section-label', () => {
  const numbers = (html: string) => [...html.matchAll(/<span class="chapter-number">([^<]*)<\/span>/g)].map((m) => m[1])

  it('numbers the sidebar’s chapters by default, on the pages and in the shared tree', async () => {
    const { read } = await run(book(''))
    expect(numbers(read('a/b/deep.html'))).toEqual(['1.', '2.'])
    expect(read('_slugwiki/nav.js')).toContain('"n":"2."')
  })

  it('= true leaves the numbers out of the sidebar and out of the tree the script unfolds', async () => {
    const { read } = await run(book('[output.html]\nno-section-label = true\n'))
    expect(numbers(read('a/b/deep.html'))).toEqual([])
    expect(read('a/b/deep.html')).toContain('>Deep</a>')
    expect(read('_slugwiki/nav.js')).not.toContain('"n":')
  })
})

describe('files for GitHub Pages', () => {
  it('writes .nojekyll, so a branch served by GitHub Pages keeps `_slugwiki/`, and no CNAME without `cname`', async () => {
    const { read, exists } = await run(book(''))
    expect(read('.nojekyll')).toContain('GitHub Pages')
    expect(exists('CNAME')).toBe(false)
  })

  it('writes `cname` to CNAME, as mdBook does', async () => {
    const { read } = await run(book('[output.html]\ncname = "book.example.org"\n'))
    expect(read('CNAME')).toBe('book.example.org\n')
  })

  it('leaves the book’s own CNAME and .nojekyll as they are', async () => {
    const { read } = await run(book('[output.html]\ncname = "book.example.org"\n', { CNAME: 'mine.example.org\n', '.nojekyll': '' }))
    expect(read('CNAME')).toBe('mine.example.org\n')
  })
})

describe('the tab title', () => {
  it('names a chapter as SUMMARY.md does, as mdBook titles its tab; the page still shows its own H1', async () => {
    const s = book('', { 'SUMMARY.md': '# Summary\n\n- [Intro](README.md)\n- [Deep](a/b/deep.md)\n- [Walk-through](walk.md)\n', 'a/b/deep.md': '# The deep note, at length\n', 'walk.md': '# Walk-through\n' })
    const { read } = await run(s)
    const deep = read('a/b/deep.html')
    expect(deep).toContain('<title>Deep · T</title>')
    expect(deep).toMatch(/<h1 id="the-deep-note-at-length">/)
    // Where the names agree nothing changes.
    expect(read('walk.html')).toContain('<title>Walk-through · T</title>')
  })

  it('outside an authored outline the page title names the tab, not its sidebar label', async () => {
    site = tempSite({ 'docusaurus.config.js': '', 'docs/intro.md': '---\nsidebar_label: Start\n---\n# Read-copy update\n' })
    const { read } = await run(site, { src: site.src })
    expect(read('intro.html')).toContain('<title>Read-copy update · ')
    expect(read('intro.html')).toMatch(/<a [^>]*href="intro.html"[^>]*>Start</)
  })
})

describe('a README.md SUMMARY does not list', () => {
  it('is left out, as mdBook leaves it, so the site opens on the first chapter (Rust Design Patterns keeps its repository README beside the chapters)', async () => {
    const s = book('', { 'SUMMARY.md': '# Summary\n\n- [Introduction](./intro.md)\n- [Deep](a/b/deep.md)\n', 'README.md': '# The repository\n\nTODO lists.\n', 'intro.md': '# Introduction\n\nSee [the README](README.md).\n' })
    const { result, read, exists } = await run(s)
    expect(result.written).toBe(true)
    expect(read('index.html')).toContain('url=intro.html')
    expect(read('index.html')).not.toContain('The repository')
    expect(exists('README.html')).toBe(false)
    expect(read('print.html')).not.toContain('TODO lists')
    const unlisted = result.diagnostics.filter((d) => d.rule === 'unlisted')
    expect(unlisted.map((d) => [path.basename(d.file), d.message])).toEqual([['README.md', 'Not listed in SUMMARY.md; not published, as mdBook leaves it out: the site opens on the first chapter']])
    // The link says why the note is not published: it is no draft.
    expect(result.diagnostics.filter((d) => d.rule === 'draft-link').map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'intro.md:3:5 Link to `README.md`, which is not published: not listed in SUMMARY.md, which mdBook leaves out',
    ])
  })

  it('a link to a draft says it is one', async () => {
    const s = book('', { 'SUMMARY.md': '# Summary\n\n- [Intro](README.md)\n- [WIP](wip.md)\n', 'README.md': '# Intro\n\nSee [the plan](wip.md).\n', 'wip.md': '---\ndraft: true\n---\n# Plan\n' })
    const { result } = await run(s)
    expect(result.diagnostics.filter((d) => d.rule === 'draft-link').map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'README.md:3:5 Link to `wip.md`, which is not published: a draft',
    ])
  })

  it('in a sub-folder is still built, as before: it takes no page from the first chapter', async () => {
    const s = book('', { 'a/README.md': '# Folder\n' })
    const { result, exists } = await run(s)
    expect(exists('a/index.html')).toBe(true)
    expect(result.diagnostics.filter((d) => d.rule === 'unlisted').map((d) => d.message)).toEqual(['Not listed in SUMMARY.md; built but not in the navigation'])
  })
})
