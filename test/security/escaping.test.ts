/**
 * Catalogue item 1, "frontmatter titles and descriptions are escaped
 * everywhere they appear": a wiki whose book title, note titles,
 * descriptions, tags, aliases and SUMMARY entries are all HTML payloads is
 * built, and every page is parsed as a browser would and scanned.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { build, type BuildResult } from '../../src/build.ts'
import { findUnsafe, inlineScripts } from '../helpers/html-safety.ts'
import { loadSearch } from '../helpers/search-node.ts'
import { listFiles, tempSite, type TempSite } from '../helpers/site.ts'

// Every case builds a whole wiki; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 })

const TITLE = '</title><script>alert("title")</script>'
const DESCRIPTION = '"><script>alert("description")</script><meta x="'
const NAV = '<img src=x onerror=alert("nav")>'
const TAG = '<svg onload=alert("tag")>'
const BOOK = '<script>alert("book")</script>'
const TOPIC = '<img src=x onerror=alert("topic")>'

let site: TempSite
let result: BuildResult
const page = (rel: string) => fs.readFileSync(path.join(site.out, rel), 'utf8')

beforeAll(async () => {
  site = tempSite({
    'book.toml': `[book]\ntitle = ${JSON.stringify(BOOK)}\ndescription = ${JSON.stringify(DESCRIPTION)}\nsrc = "."\n`,
    'SUMMARY.md': `# Summary\n\n- [${NAV}](a.md)\n- [Plain](b.md)\n- [Section](sub/README.md)\n  - [Child](sub/c.md)\n- [Zebras](zebra.md)\n`,
    'a.md': `---\ntitle: ${JSON.stringify(TITLE)}\ndescription: ${JSON.stringify(DESCRIPTION)}\ntags: [${JSON.stringify(TAG)}]\naliases: ["old/<script>alert(1)<\\/script>"]\n---\nBody of A.\n`,
    'b.md': `---\ntitle: ${JSON.stringify(NAV)}\n---\nBody of B.\n`,
    'sub/README.md': `---\ntitle: ${JSON.stringify(TITLE)}\n---\nSection.\n`,
    'sub/c.md': '# Child\n\nChild body.\n',
    'topics.yml': `zebra:\n  title: ${JSON.stringify(TOPIC)}\n  description: ${JSON.stringify(DESCRIPTION)}\n  aliases: [zebra]\n`,
    'zebra.md': '# Zebras\n\nA zebra note.\n',
  })
  // The book.toml sits beside the notes: the notes folder is the book root.
  result = await build({ src: site.src, out: site.out, quiet: true })
})
afterAll(() => site.cleanup())

describe('hostile titles and descriptions', () => {
  it('build cleanly', () => {
    expect(result.diagnostics).toEqual([])
    expect(result.written).toBe(true)
  })

  it('no page carries a script, handler or unsafe URL', () => {
    const themeScripts = inlineScripts(page('sub/c.html'))
    const pages = listFiles(site.out).filter((f) => f.endsWith('.html'))
    expect(pages.length).toBeGreaterThanOrEqual(7)
    for (const rel of pages) expect(findUnsafe(page(rel), { themeScripts }), rel).toEqual([])
  })

  it('escapes the title in <title>, the heading and the book title', () => {
    const a = page('a.html')
    // The tab names the page as SUMMARY.md does (NAV), itself hostile.
    expect(a).toContain('<title>&#x3C;img src=x onerror=alert("nav")> · &#x3C;script>alert("book")&#x3C;/script></title>')
    expect(a).toContain('<h1>&#x3C;/title>&#x3C;script>alert("title")&#x3C;/script></h1>')
    expect(a).toContain('<a class="site-title" href="index.html">&#x3C;script>alert("book")&#x3C;/script></a>')
  })

  it('escapes the description in <meta>', () => {
    // Inside a quoted attribute only `"` and `&` need escaping; `<` and `>` are inert there.
    const meta = '<meta name="description" content="&#x22;><script>alert(&#x22;description&#x22;)</script><meta x=&#x22;">'
    expect(page('a.html')).toContain(meta)
    // A note without a description gets the book's, escaped the same way.
    expect(page('b.html')).toContain(meta)
  })

  it('escapes titles in the sidebar, prev/next and breadcrumbs', () => {
    const b = page('b.html')
    expect(b).toContain('<span class="chapter-number">1.</span> &#x3C;img src=x onerror=alert("nav")></a>')
    expect(b).toMatch(/<a class="prev" href="a\.html" rel="prev">.*?<span class="title">&#x3C;img src=x onerror=alert\("nav"\)><\/span><\/a>/)
    expect(page('sub/c.html')).toContain('<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol><li><a href="index.html">Section</a></li></ol></nav>')
  })

  it('keeps titles as data in the shared navigation script', () => {
    const script = page('_slugwiki/nav.js')
    const literal = /^self\.slugwikiNav=(.*);\n$/s.exec(script)?.[1]
    expect(literal).toBeDefined()
    const titles: string[] = []
    const walk = (items: Array<{ t?: string; c?: unknown[] }>) => {
      for (const item of items) {
        if (item.t !== undefined) titles.push(item.t)
        if (Array.isArray(item.c)) walk(item.c as typeof items)
      }
    }
    walk(JSON.parse(literal!))
    expect(titles).toContain(NAV)
  })

  it('keeps titles as data in the search index (the search box renders them as text)', async () => {
    const search = await loadSearch(site.out)
    const hits = await search.search('Body')
    const hit = hits.find((h) => h.url.endsWith('/a.html'))
    expect(hit?.title).toBe(TITLE)
    expect(hits.find((h) => h.url.endsWith('/b.html'))?.title).toBe(NAV)
  })

  it('escapes topic titles and descriptions on the topic page, the topic index and in topic links', () => {
    expect(page('topics/zebra.html')).toContain('<h1>&#x3C;img src=x onerror=alert("topic")></h1>')
    expect(page('topics/index.html')).toContain('&#x3C;img src=x onerror=alert("topic")>')
    // In the note, the link carries them as attribute text for the theme's preview (set as text).
    expect(page('zebra.html')).toContain('data-topic-title="<img src=x onerror=alert(&#x22;topic&#x22;)>"')
  })

  it('escapes tags, on the note and on the tag pages', () => {
    expect(page('a.html')).toContain('<li class="tag"><a href="tags/svg-onloadalerttag.html" rel="tag">&#x3C;svg onload=alert("tag")></a></li>')
    expect(page('tags/svg-onloadalerttag.html')).toContain('&#x3C;svg onload=alert("tag")>')
  })

  it('escapes titles on the print page and alias redirects', () => {
    expect(page('print.html')).toContain('<h1>&#x3C;/title>&#x3C;script>alert("title")&#x3C;/script></h1>')
    // The alias is the author's path: `</script>` holds a slash, so it nests one folder deeper.
    expect(listFiles(site.out).filter((f) => f.startsWith('old/'))).toEqual(['old/<script>alert(1)</script>.html'])
    expect(page('old/<script>alert(1)</script>.html')).toContain('This page moved to <a href="../../a.html">&#x3C;img src=x onerror=alert("nav")></a>')
  })
})
