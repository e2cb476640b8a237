/**
 * The RSS feed (`index.xml`): built from a throw-away wiki whose notes are
 * dated by frontmatter and by git commits, read back with a strict XML parser.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { xml2js, type Element as XmlElement } from 'xml-js'
import { build } from '../src/build.ts'
import { ConfigError, resolveConfig } from '../src/config.ts'
import { parseNoteDate } from '../src/feed.ts'
import { tempSite, type TempSite } from './helpers/site.ts'
import { startFixture, type DevFixture } from './helpers/dev.ts'

let site: TempSite | undefined
let dev: DevFixture | undefined
afterEach(async () => {
  site?.cleanup()
  site = undefined
  await dev?.close()
  dev = undefined
})

/** Commit everything under `dir` on `day` (UTC), as author and committer. */
function commit(dir: string, day: string, files: string[] = ['.']): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: `${day}T12:00:00Z`, GIT_COMMITTER_DATE: `${day}T12:00:00Z`, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, stdio: 'ignore' })
  if (!fs.existsSync(path.join(dir, '.git'))) git('init', '-q')
  git('add', ...files)
  git('commit', '-qm', `notes of ${day}`)
}

/** The feed parsed strictly (sax's strict mode: malformed XML throws), as plain objects. */
function parseFeed(xml: string) {
  const doc = xml2js(xml, { compact: false }) as XmlElement
  const rss = doc.elements!.find((e) => e.name === 'rss')!
  const channel = rss.elements!.find((e) => e.name === 'channel')!
  const text = (el: XmlElement | undefined) => (el?.elements ?? []).map((c) => c.text ?? c.cdata ?? '').join('')
  const child = (el: XmlElement, name: string) => el.elements?.find((c) => c.name === name)
  const items = channel.elements!.filter((e) => e.name === 'item').map((item) => ({
    title: text(child(item, 'title')),
    link: text(child(item, 'link')),
    guid: text(child(item, 'guid')),
    date: text(child(item, 'pubDate')),
    description: text(child(item, 'description')),
    content: child(item, 'content:encoded') && text(child(item, 'content:encoded')),
    categories: (item.elements ?? []).filter((c) => c.name === 'category').map(text),
  }))
  return { rss, channel: { title: text(child(channel, 'title')), link: text(child(channel, 'link')), updated: text(child(channel, 'lastBuildDate')) }, items }
}

/** An HTML text (as RSS titles and descriptions are read) as the text it shows. */
const unescapeHtml = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

/** The `<link rel="alternate">` elements of a page (a quoted attribute may hold `>`). */
const alternates = (html: string) => html.match(/<link rel="alternate"(?:[^>"]|"[^"]*")*>/g) ?? []

const NOTES = {
  'SUMMARY.md': '- [Old](old.md)\n- [Mid](mid.md)\n- [Tie B](tie-b.md)\n- [Tie A](tie-a.md)\n- [Git](git.md)\n- [Draft](draft.md)\n- [Undated](undated.md)\n- [Section](sec/README.md)\n',
  'old.md': '---\ndate: 2023-01-10\n---\n# Old\n\nOld text.\n',
  'mid.md': '---\ndate: 2024-05-01T08:30:00+02:00\ntags: [rcu, "a&b"]\ndescription: Grace periods & <callbacks>\n---\n# Mid <& \\]]> title\n\nNot the summary.\n',
  'tie-b.md': '---\ndate: 2024-06-01\n---\n# Tie B\n\nFirst paragraph of *B*, with [a link](old.md).\n\nSecond paragraph: `a[b[c]]>d` and `x]]>y`.\n',
  'tie-a.md': '---\ndate: 2024-06-01\n---\n# Tie A\n\n> quoted\n\nSee ![pic](pic.png).\n',
  'git.md': '# Git\n\nDated by its commit.\n',
  'draft.md': '---\ndraft: true\ndate: 2030-01-01\n---\n# Draft\n\nNot for feeds.\n',
  'sec/README.md': '---\ntags: [rcu]\n---\n# Section\n\nSection text.\n',
  'pic.png': 'png',
}

/** A wiki of NOTES under `book.toml`'s `toml`, committed on 2024-02-01 (and `git.md` again on 2024-07-01), plus an uncommitted undated note. */
function datedSite(toml: string): TempSite {
  const made = tempSite({ 'book.toml': `[book]\ntitle = "R&D <notes>"\nsrc = "."\n${toml}`, ...NOTES })
  commit(made.src, '2024-02-01')
  fs.appendFileSync(made.file('git.md'), '\nEdited.\n')
  commit(made.src, '2024-07-01', ['git.md'])
  fs.writeFileSync(made.file('undated.md'), '# Undated\n\nNo date anywhere.\n')
  return made
}

describe('the RSS feed', () => {
  it('lists the most recently dated published notes, newest first, ties by URL, with absolute links and escaped titles', async () => {
    site = datedSite('[output.html]\nsite-url = "/wiki/"\n[slugwiki]\nurl = "https://example.org/wiki/"\nfeed-items = 5\n')
    const result = await build({ src: site.src, out: site.out, quiet: true, cache: false, drafts: true })
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const xml = fs.readFileSync(path.join(site.out, 'index.xml'), 'utf8')
    const feed = parseFeed(xml)
    expect(feed.rss.attributes?.version).toBe('2.0')
    expect(feed.channel).toEqual({ title: 'R&D <notes>', link: 'https://example.org/wiki/', updated: 'Mon, 01 Jul 2024 00:00:00 GMT' })
    // git.md by its last commit; tie-a before tie-b (one day, URL order); sec/README.md and old.md by the first commit
    // (their frontmatter has no date, or an older one: old.md's own 2023 date counts, so it falls out of the five).
    expect(feed.items.map((i) => i.link)).toEqual([
      'https://example.org/wiki/git.html',
      'https://example.org/wiki/tie-a.html',
      'https://example.org/wiki/tie-b.html',
      'https://example.org/wiki/mid.html',
      'https://example.org/wiki/sec/',
    ])
    expect(feed.items.map((i) => i.guid)).toEqual(feed.items.map((i) => i.link))
    const mid = feed.items[3]!
    expect(unescapeHtml(mid.title)).toBe('Mid <& ]]> title')
    expect(mid.date).toBe('Wed, 01 May 2024 06:30:00 GMT')
    expect(unescapeHtml(mid.description)).toBe('Grace periods & <callbacks>')
    expect(mid.categories).toEqual(['rcu', 'a&b'])
    expect(mid.content).toBeUndefined()
    // No description: the first paragraph, as text.
    expect(unescapeHtml(feed.items[2]!.description)).toBe('First paragraph of B, with a link.')
    expect(unescapeHtml(feed.items[1]!.description)).toBe('quoted')
    // Drafts (published with --drafts), the undated note and the generated tag pages are no items.
    expect(xml).not.toContain('draft.html')
    expect(xml).not.toContain('undated.html')
    expect(xml).not.toContain('tags/')
    // Every page links the feed, relative to itself, the index pages too.
    expect(alternates(fs.readFileSync(path.join(site.out, 'old.html'), 'utf8'))).toEqual(['<link rel="alternate" type="application/rss+xml" title="R&#x26;D <notes>" href="index.xml">'])
    expect(alternates(fs.readFileSync(path.join(site.out, 'sec/index.html'), 'utf8'))).toEqual(['<link rel="alternate" type="application/rss+xml" title="R&#x26;D <notes>" href="../index.xml">'])
    expect(alternates(fs.readFileSync(path.join(site.out, 'tags/rcu.html'), 'utf8'))).toHaveLength(1)
  })

  it('writes the same bytes again, and a changed title or date into the feed on a cached build', async () => {
    site = datedSite('[output.html]\ncname = "notes.example.org"\n[slugwiki]\ntheme = "paper"\n')
    const cacheDir = path.join(site.root, 'cache')
    await build({ src: site.src, out: site.out, quiet: true, cacheDir })
    const first = fs.readFileSync(path.join(site.out, 'index.xml'), 'utf8')
    // `cname` gives the host; the paper theme has the link too.
    expect(parseFeed(first).channel.link).toBe('https://notes.example.org/')
    expect(alternates(fs.readFileSync(path.join(site.out, 'old.html'), 'utf8'))).toHaveLength(1)
    await build({ src: site.src, out: site.out, quiet: true, cacheDir })
    expect(fs.readFileSync(path.join(site.out, 'index.xml'), 'utf8')).toBe(first)
    fs.writeFileSync(site.file('old.md'), '---\ndate: 2025-01-01\ntitle: Renamed\n---\n# Old\n\nOld text.\n')
    await build({ src: site.src, out: site.out, quiet: true, cacheDir })
    const items = parseFeed(fs.readFileSync(path.join(site.out, 'index.xml'), 'utf8')).items
    expect(items[0]).toMatchObject({ title: 'Renamed', link: 'https://notes.example.org/old.html', date: 'Wed, 01 Jan 2025 00:00:00 GMT' })
    expect(items).toHaveLength(6)
  })

  it('carries each note\'s HTML, its URLs absolute, with `feed-content = "full"`', async () => {
    site = datedSite('[slugwiki]\nurl = "example.org/docs"\nfeed-content = "full"\nfeed-items = 3\n')
    await build({ src: site.src, out: site.out, quiet: true, cache: false })
    const items = parseFeed(fs.readFileSync(path.join(site.out, 'index.xml'), 'utf8')).items
    // A URL without a scheme is Quartz's `baseUrl`; its path is the base.
    expect(items.map((i) => i.link)).toEqual(['https://example.org/docs/git.html', 'https://example.org/docs/tie-a.html', 'https://example.org/docs/tie-b.html'])
    expect(items[1]!.content).toContain('<img src="https://example.org/docs/pic.png" alt="pic">')
    expect(items[2]!.content).toContain('<a href="https://example.org/docs/old.html">a link</a>')
    // Two `]]>` in one item's HTML (the feed package splits only the first CDATA end) still parse, and say the same.
    expect(items[2]!.content).toContain('<code>a[b[c]]&gt;d</code> and <code>x]]&gt;y</code>')
    expect(fs.readFileSync(path.join(site.out, '404.html'), 'utf8')).toContain('href="/docs/index.xml"')
  })

  it('is not written, nor linked, when switched off or without the site\'s URL', async () => {
    site = datedSite('[slugwiki]\nurl = "https://example.org/"\nfeed = false\n')
    await build({ src: site.src, out: site.out, quiet: true, cache: false })
    expect(fs.existsSync(path.join(site.out, 'index.xml'))).toBe(false)
    expect(alternates(fs.readFileSync(path.join(site.out, 'old.html'), 'utf8'))).toEqual([])
    site.cleanup()

    site = datedSite('[slugwiki]\nfeed = true\n')
    const result = await build({ src: site.src, out: site.out, quiet: true, cache: false })
    expect(fs.existsSync(path.join(site.out, 'index.xml'))).toBe(false)
    expect(alternates(fs.readFileSync(path.join(site.out, 'old.html'), 'utf8'))).toEqual([])
    expect(result.diagnostics.filter((d) => d.rule === 'feed').map((d) => [path.basename(d.file), d.line, d.column, d.severity])).toEqual([['book.toml', 5, 1, 'warning']])
  })

  it('warns of a frontmatter date that is none, at its line, and dates the note by git instead', async () => {
    site = datedSite('[slugwiki]\nurl = "https://example.org/"\n')
    fs.writeFileSync(site.file('old.md'), '---\ntitle: Old\ndate: 2024-02-30\n---\n# Old\n\nOld text.\n')
    const result = await build({ src: site.src, out: site.out, quiet: true, cache: false })
    expect(result.diagnostics.filter((d) => d.rule === 'feed-date').map((d) => [path.basename(d.file), d.line])).toEqual([['old.md', 3]])
    expect(parseFeed(fs.readFileSync(path.join(site.out, 'index.xml'), 'utf8')).items.find((i) => i.title === 'Old')?.date).toBe('Thu, 01 Feb 2024 00:00:00 GMT')
  })

  it('is served by the dev server', async () => {
    dev = await startFixture('plain', {}, (dir) => {
      fs.writeFileSync(path.join(dir, 'slugwiki.toml'), 'url = "https://example.org/"\n')
      fs.writeFileSync(path.join(dir, 'dated.md'), '---\ndate: 2024-01-01\n---\n# Dated & done\n\nText.\n')
    })
    const response = await dev.get('index.xml')
    expect(response.status).toBe(200)
    const feed = parseFeed(await response.text())
    expect(feed.items.map((i) => [i.link, unescapeHtml(i.title)])).toEqual([['https://example.org/dated.html', 'Dated & done']])
    expect(unescapeHtml(feed.items[0]!.description)).toBe('Text.')
    // A prose edit (the server's fast path, no graph rebuilt): the summary is the new first paragraph.
    const rebuilt = dev.nextRebuild()
    dev.write('dated.md', '---\ndate: 2024-01-01\n---\n# Dated & done\n\nNew text.\n')
    await rebuilt
    expect(unescapeHtml(parseFeed(await (await dev.get('index.xml')).text()).items[0]!.description)).toBe('New text.')
  })
})

describe('feed settings', () => {
  it('are checked by type, at their line and column', () => {
    site = tempSite({ 'book.toml': '[book]\nsrc = "."\n[slugwiki]\nfeed-items = "ten"\n', 'README.md': '# Hi\n' })
    const place = (toml: string) => {
      fs.writeFileSync(path.join(site!.src, 'book.toml'), `[book]\nsrc = "."\n[slugwiki]\n${toml}`)
      try {
        resolveConfig({ src: site!.src })
      } catch (error) {
        const { line, column, message } = (error as ConfigError).diagnostic
        return { line, column, message }
      }
      return undefined
    }
    expect(place('feed-items = "ten"\n')).toMatchObject({ line: 4, column: 1, message: expect.stringMatching(/^`slugwiki\.feed-items`: /) })
    expect(place('feed-items = 0\n')).toMatchObject({ line: 4, column: 1 })
    expect(place('feed = "yes"\n')).toMatchObject({ line: 4, column: 1, message: expect.stringMatching(/^`slugwiki\.feed`: /) })
    expect(place('feed-content = "html"\n')).toMatchObject({ line: 4, column: 1, message: expect.stringMatching(/^`slugwiki\.feed-content`: /) })
    expect(place('url = "ftp://example.org/"\n')).toMatchObject({ line: 4, column: 1, message: expect.stringMatching(/^`slugwiki\.url`: should be an absolute http\(s\) URL/) })
    expect(place('url = "https://example.org/wiki"\n')).toBeUndefined()
    const config = resolveConfig({ src: site.src })
    expect([config.siteUrl, config.base]).toEqual(['https://example.org/wiki/', '/wiki/'])
    expect(resolveConfig({ src: site.src, base: '/other/' }).siteUrl).toBe('https://example.org/other/')
  })

  it('read dates as written, in UTC unless a zone is given, and no impossible day', () => {
    const iso = (value: string) => parseNoteDate(value)?.toISOString()
    expect(iso('2024-03-01')).toBe('2024-03-01T00:00:00.000Z')
    expect(iso('2024-03-01 10:20')).toBe('2024-03-01T10:20:00.000Z')
    expect(iso('2024-03-01T10:20:30.5+0100')).toBe('2024-03-01T09:20:30.500Z')
    expect(iso('2024-02-29')).toBe('2024-02-29T00:00:00.000Z')
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', 'March 1, 2024', '1709251200', '']) expect(iso(bad)).toBeUndefined()
  })
})
