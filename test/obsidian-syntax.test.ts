/**
 * Obsidian's inline syntax in whole builds: `#tags` in prose tag their note
 * (tag pages, the note's tag list, links that work from every page and from
 * the print page) and `==highlights==` mark text; both are read in a wiki
 * without book.toml, and in an mdBook only when its `[slugwiki]` table asks,
 * and switching either compiles the notes again. `%% comments %%` leave no
 * trace in any built file, the search index or the site's indexes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { loadSearch } from './helpers/search-node.ts'
import { tempSite, type TempSite } from './helpers/site.ts'

let site: TempSite | undefined
afterEach(() => site?.cleanup())

const NOTES = {
  'kernel/rcu.md': '# RCU\n\nGrace periods #kernel/sync and #rcu, ==read this first==.\n\nSee [the other note](../mm/memcg.md).\n',
  'mm/memcg.md': '---\ntags: [RCU]\n---\n# memcg\n\nCharged pages #mm. Not a tag: issue #42, `#define`.\n\nCharged once per page. ^charge\n',
}

async function run(s: TempSite, options: { cache?: boolean; cacheDir?: string } = { cache: false }) {
  const result = await build({ src: s.src, out: s.out, quiet: true, ...options })
  const read = (rel: string) => fs.readFileSync(path.join(s.out, rel), 'utf8')
  const exists = (rel: string) => fs.existsSync(path.join(s.out, rel))
  return { result, read, exists }
}

describe('inline #tags and ==highlights== in a wiki without book.toml', () => {
  it('tags the note: tag pages list it, its tag list shows them, and every tag link resolves', async () => {
    site = tempSite(NOTES)
    const { result, read, exists } = await run(site)
    expect(result.written).toBe(true)
    expect(result.diagnostics).toEqual([])
    const rcu = read('kernel/rcu.html')
    expect(rcu).toContain('<a class="tag-link" href="../tags/kernelsync.html">#kernel/sync</a>')
    expect(rcu).toContain('<mark>read this first</mark>')
    // The frontmatter's `RCU` and the prose's `#rcu` are one tag, named as first written in reading order.
    expect(read('tags/rcu.html')).toContain('kernel/rcu.html')
    expect(read('tags/rcu.html')).toContain('mm/memcg.html')
    expect(read('tags/mm.html')).toContain('mm/memcg.html')
    expect(read('tags/kernelsync.html')).toContain('kernel/sync')
    expect(read('tags/index.html')).toContain('kernel/sync')
    expect(exists('tags/42.html')).toBe(false)
    expect(read('mm/memcg.html')).toContain('issue #42')
    // An Obsidian block id names its paragraph.
    expect(read('mm/memcg.html')).toContain('<p id="charge">Charged once per page.</p>')
    // From the print page, at the site's root, the same tag page.
    expect(read('print.html')).toContain('<a class="tag-link" href="tags/kernelsync.html">#kernel/sync</a>')
    // The note's own tag list, as for frontmatter tags.
    expect(rcu).toContain('<li class="tag"><a href="../tags/kernelsync.html" rel="tag">kernel/sync</a></li>')
    for (const page of ['kernel/rcu.html', 'mm/memcg.html', 'print.html']) {
      const hrefs = [...read(page).matchAll(/class="tag-link" href="([^"]+)"/g)].map((m) => m[1]!)
      expect(hrefs.length, page).toBeGreaterThan(0)
      for (const href of hrefs) expect(exists(path.posix.join(path.posix.dirname(page), decodeURIComponent(href))), `${page} → ${href}`).toBe(true)
    }
  })

  it('leaves them as text with [slugwiki] highlights = false and inline-tags = false', async () => {
    site = tempSite({ ...NOTES, 'slugwiki.toml': 'highlights = false\ninline-tags = false\n' })
    const { read, exists } = await run(site)
    expect(read('kernel/rcu.html')).toContain('Grace periods #kernel/sync and #rcu, ==read this first==.')
    expect(exists('tags/kernelsync.html')).toBe(false)
    expect(exists('tags/rcu.html')).toBe(true)
  })

  it('shows tags as text in a wiki without tag pages (indices = false)', async () => {
    site = tempSite({ ...NOTES, 'slugwiki.toml': 'indices = false\n' })
    const { result, read } = await run(site)
    expect(result.diagnostics).toEqual([])
    expect(read('kernel/rcu.html')).toContain('<span class="tag-link">#kernel/sync</span>')
  })
})

describe('Obsidian\'s and Quartz\'s frontmatter', () => {
  const VAULT = {
    'Spaces note.md': [
      '---',
      'alias: Spacey',
      'tag: single',
      'cssclass: wide',
      'enableToc: false',
      'permalink: old/spaces',
      '---',
      '# Spaces note',
      '',
      '## One',
      '',
      '## Two',
      '',
    ].join('\n'),
    'tagged.md': '---\ntags:\n  - "#computer/cpp"\n  - "#beta"\ncssclasses: [list-cards, "hide-title wide"]\n---\n# Tagged\n\nSee [[Spacey]].\n',
    'private.md': '---\npublish: false\n---\n# Private\n\nNot for the site.\n',
    'linking.md': '# Linking\n\n[[private]]\n',
  }

  it('reads `alias`, `tag` and `cssclass` as their plurals, tags written `#tag`, `enableToc`, `permalink` and `publish: false`', async () => {
    site = tempSite(VAULT)
    const { result, read, exists } = await run(site)
    const spaces = read('Spaces note.html')
    // `alias`: a name wikilinks find the note by, and a redirect.
    expect(read('tagged.html')).toContain('href="Spaces%20note.html">Spacey</a>')
    expect(read('Spacey.html')).toContain('Spaces%20note.html')
    // `tag`, and tags written with their `#`.
    expect(read('tags/single.html')).toContain('Spaces%20note.html')
    expect(read('tags/computercpp.html')).toContain('tagged.html')
    expect(read('tags/beta.html')).toContain('tagged.html')
    expect(exists('tags/sharp-beta.html')).toBe(false)
    // `cssclass` / `cssclasses` on the note's page.
    expect(spaces).toContain('<article class="note wide">')
    expect(read('tagged.html')).toContain('<article class="note list-cards hide-title wide">')
    // `enableToc: false`: no "On this page", though the note has two sections.
    expect(spaces).not.toContain('page-toc')
    // `permalink`: one more URL of the note.
    expect(read('old/spaces.html')).toContain('../Spaces%20note.html')
    // `publish: false`: left out, as a draft; a link to it says so.
    expect(exists('private.html')).toBe(false)
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message} ${d.rule}`)).toEqual(['3:1 Wikilink to draft `private.md`, which is not published draft-link'])
    const drafts = await build({ src: site.src, out: site.out, quiet: true, cache: false, drafts: true })
    expect(drafts.diagnostics).toEqual([])
    expect(exists('private.html')).toBe(true)
  })
})

describe('markdown links to notes in a vault', () => {
  const VAULT = {
    'layout.md': [
      '# Layout',
      '',
      'See [the components](component.md), [its intro](component.md#intro), [spaced](Other%20note.md) and [angled](<Other note.md>).',
      '',
      'Relative ones still win: [here](sub/page.md), and a folder: [kernel](kernel/).',
      '',
      'Two of that name: [which](page.md). None: [gone](gone.md).',
      '',
      'Obsidian names a heading by its text: [intro](component.md#Intro), [local](#Layout%20notes), [block](component.md#^intro-text).',
      '',
      '## Layout notes',
      '',
    ].join('\n'),
    'tags/component.md': '# Component\n\n## Intro\n\nText. ^intro-text\n',
    'deep/er/Other note.md': '# Other note\n',
    'sub/page.md': '# Sub page\n',
    'more/page.md': '# More page\n',
    'kernel/README.md': '# Kernel\n',
  }

  it('find a `.md` note by name when it is not at the relative path, as Obsidian and Quartz do', async () => {
    site = tempSite(VAULT)
    const { result, read } = await run(site)
    const layout = read('layout.html')
    expect(layout).toContain('<a href="tags/component.html">the components</a>')
    expect(layout).toContain('<a href="tags/component.html#intro">its intro</a>')
    expect(layout).toContain('<a href="deep/er/Other%20note.html">spaced</a>')
    expect(layout).toContain('<a href="deep/er/Other%20note.html">angled</a>')
    expect(layout).toContain('<a href="sub/page.html">here</a>')
    expect(layout).toContain('<a href="kernel/index.html">kernel</a>')
    expect(read('tags/component.html')).toMatch(/Linked from[\s\S]*href="\.\.\/layout\.html/)
    expect(layout).toContain('<a href="tags/component.html#intro">intro</a>, <a href="#layout-notes">local</a>, <a href="tags/component.html#intro-text">block</a>')
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '7:19 Link `page.md` is ambiguous: it could be `more/page.md`, `sub/page.md`; write its path',
      '7:43 Link to missing note `gone.md`',
    ])
  })

  it('name a custom id `{#MyId}` of another note as written, before a heading whose text reads so', async () => {
    site = tempSite({
      'home.md': '# Home\n\n[md](other.md#MyId), [[other#MyId]], [text](other.md#My%20Id), [[other#My Id]], [[other#Nope]].\n\n[[#HereId]], [[#Here Too]].\n\n## Here {#HereId}\n\n## Here too\n',
      'other.md': '# Other\n\n## Some heading {#MyId}\n\nText.\n\n## My Id\n\nMore.\n\n## Nope\n',
    })
    const { result, read } = await run(site)
    expect(result.diagnostics).toEqual([])
    const home = read('home.html')
    expect(home).toContain('<a href="other.html#MyId">md</a>')
    expect(home).toContain('<a data-wikilink="other" data-wiki-fragment="MyId" href="other.html#MyId">other > MyId</a>')
    // A heading's text still names the heading; the id as written is no attribute of the page.
    expect(home).toContain('<a href="other.html#my-id">text</a>')
    expect(home).toContain('href="other.html#my-id">other > My Id</a>')
    expect(home).toContain('href="other.html#nope">other > Nope</a>')
    expect(home).not.toContain('data-wiki-id')
    // In the note itself too.
    expect(home).toContain('<a href="#HereId">HereId</a>, <a href="#here-too">Here Too</a>')
    // The print page links within itself to the same id.
    const print = read('print.html')
    expect(print).toContain('<a href="#other--MyId">md</a>')
    expect(print).toContain('href="#other--MyId">other > MyId</a>')
  })

  it('keep to relative paths in an mdBook, as mdBook does', async () => {
    site = tempSite({ ...VAULT, 'book.toml': '[book]\ntitle = "B"\nsrc = "."\n' })
    const { result, read } = await run(site)
    expect(read('layout.html')).toContain('<a href="component.html">the components</a>')
    expect(result.diagnostics.map((d) => d.message)).toContain('Link to missing note `component.md`')
  })
})

describe('audio and video', () => {
  it('plays an embedded audio or video file of the vault, and keeps the players an author writes, without autoplay or handlers', async () => {
    site = tempSite({
      'media/talk.mp3': 'ID3',
      'clip.mp4': 'mp4',
      'note.md': [
        '# Note',
        '',
        'A talk: ![[talk.mp3]]',
        '',
        '![[clip.mp4]]',
        '',
        '![[gone.ogg]]',
        '',
        '<video controls autoplay onplay="alert(1)" src="https://example.com/x.mp4"></video>',
        '',
      ].join('\n'),
    })
    const { result, read } = await run(site)
    const note = read('note.html')
    expect(note).toContain('<p>A talk: <audio data-wikilink="talk.mp3" controls src="media/talk.mp3"></audio></p>')
    expect(note).toContain('<video data-wikilink="clip.mp4" controls src="clip.mp4"></video>')
    expect(note).toContain('<span class="broken-link" data-wikilink="gone.ogg">gone.ogg</span>')
    expect(note).toContain('<video controls src="https://example.com/x.mp4"></video>')
    expect(read('print.html')).toContain('<audio data-wikilink="talk.mp3" controls src="media/talk.mp3"></audio>')
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '7:2 Wikilink to missing file `[[gone.ogg]]`',
      '9:1 Raw HTML removed by sanitising: autoplay attribute (line 9), onplay attribute (line 9); set trusted = true in [slugwiki] to publish it as written',
    ])
  })
})

describe('a vault\'s folders without an index note', () => {
  it('head their notes in the sidebar as folders, not as drafts "not written yet"', async () => {
    site = tempSite(NOTES)
    const { read } = await run(site)
    const rcu = read('kernel/rcu.html')
    expect(rcu).toContain('<div class="chapter-row"><span class="folder">kernel</span>')
    expect(rcu).not.toContain('Not written yet')
    expect(read('_slugwiki/nav.js')).toContain('{"t":"mm","f":1,"c":[')
  })
})

describe('aliases and permalinks that cannot be pages', () => {
  it('are warnings at their frontmatter line', async () => {
    site = tempSite({
      'a.md': '---\ntitle: A\naliases:\n  - b\n---\n# A\n',
      'b.md': '# B\n',
      'c.md': '---\ntitle: C\npermalink: ../outside\n---\n# C\n',
    })
    const { result } = await run(site)
    expect(result.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'a.md:3:1 Alias `b` collides with `b.html`, skipped',
      'c.md:3:1 Permalink `../outside` is not a path inside the site',
    ])
  })
})

describe('Quartz\'s tag notes', () => {
  it('shows `tags/<tag>.md` as its tag\'s page, the tagged notes listed beneath its text, and `tags/index.md` with every tag', async () => {
    site = tempSite({
      ...NOTES,
      'tags/rcu.md': '---\ntitle: Read-copy update\n---\nNotes on RCU, newest first.\n',
      'tags/index.md': '# Every tag\n\nWhat the tags mean.\n',
    })
    const { result, read } = await run(site)
    expect(result.diagnostics).toEqual([])
    const rcu = read('tags/rcu.html')
    expect(rcu).toContain('<title>Read-copy update')
    expect(rcu).toContain('Notes on RCU, newest first.')
    expect(rcu).toMatch(/<section class="tag-index"[^>]*><h2 id="tag-index-title">Notes tagged <span class="tag-name">rcu<\/span><\/h2>/)
    expect(rcu).toContain('href="../kernel/rcu.html"')
    expect(rcu).toContain('href="../mm/memcg.html"')
    const index = read('tags/index.html')
    expect(index).toContain('What the tags mean.')
    expect(index).toMatch(/<ul class="tag-cloud">.*href="kernelsync.html"/s)
    // The note's own tag links lead to the tag note's page.
    expect(read('kernel/rcu.html')).toContain('href="../tags/rcu.html"')
  })
})

describe('a note\'s title', () => {
  it('is its file name when its first heading is no H1, whatever H1 it shows further down (Obsidian\'s help writes `<h1>` examples)', async () => {
    site = tempSite({
      'Basic formatting syntax.md': '## Headings\n\nTo create a heading:\n\n<h1>This is a heading 1</h1>\n\n# A late H1\n',
      'Opened.md': 'Intro line.\n\n# Opened by its H1\n\n## Part\n',
    })
    const { read } = await run(site)
    expect(read('Basic formatting syntax.html')).toContain('<title>Basic formatting syntax')
    expect(read('Basic formatting syntax.html')).not.toContain('<title>This is a heading 1')
    expect(read('Opened.html')).toContain('<title>Opened by its H1')
  })

  it('is its file name when its H1s are sections after text (rust-lang/rfcs: `- Start Date:` list, then `# Summary`, `# Motivation`)', async () => {
    site = tempSite({
      '0002-rfc-process.md': '- Start Date: 2014-03-11\n- RFC PR: #2\n\n# Summary\n\nThe RFC process.\n\n# Motivation\n\nWhy.\n',
      'Badged.md': '<!-- SPDX -->\n\n[![build](https://img.shields.io/b.svg)](https://ci.example)\n\n# Badged tool\n\n# Usage\n\n## Flags\n',
    })
    const { read } = await run(site)
    const rfc = read('0002-rfc-process.html')
    expect(rfc).toContain('<title>0002-rfc-process')
    expect(rfc).not.toContain('<title>Summary')
    // The theme heads the page with the title; `# Summary` stays a section of it.
    expect(rfc).toContain('<h1>0002-rfc-process</h1>')
    expect(rfc).toMatch(/<h1 id="summary">Summary/)
    expect(read('index.html')).toContain('>0002-rfc-process</a>')
    // A comment and a row of badges are no text: the H1 under them titles the note.
    expect(read('Badged.html')).toContain('<title>Badged tool')
    // "On this page" lists the sections, H1s among them; a page's own H1 is its title, not listed.
    expect(rfc).toContain('<li class="toc-h1"><a href="#summary">Summary</a></li><li class="toc-h1"><a href="#motivation">Motivation</a></li>')
    expect(read('Badged.html')).toContain('<li class="toc-h1"><a href="#usage">Usage</a></li>')
    expect(read('Badged.html')).not.toContain('<li class="toc-h1"><a href="#badged-tool">')
  })
})

describe('in an mdBook', () => {
  const book = (slugwiki: string) => {
    site = tempSite({ ...NOTES, 'SUMMARY.md': '# Summary\n\n- [RCU](kernel/rcu.md)\n- [memcg](mm/memcg.md)\n' })
    fs.writeFileSync(path.join(site.root, 'book.toml'), `[book]\ntitle = "T"\nsrc = "src"\n${slugwiki}`)
    return site
  }

  it('reads none by default: mdBook does not, and `#define`, `a==b` or a line ending in ` ^2` in its prose mean what they say', async () => {
    const { read, exists } = await run(book(''), { cache: false })
    const rcu = read('kernel/rcu.html')
    expect(rcu).toContain('Grace periods #kernel/sync and #rcu, ==read this first==.')
    expect(exists('tags/kernelsync.html')).toBe(false)
    expect(read('mm/memcg.html')).toContain('<p>Charged once per page. ^charge</p>')
  })

  it('reads them when [slugwiki] asks, compiling every note again when the setting changes', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-obsidian-cache-'))
    try {
      const s = book('')
      expect((await run(s, { cacheDir })).result.compiledNotes).toBe(2)
      expect((await run(s, { cacheDir })).result.compiledNotes).toBe(0)
      fs.appendFileSync(path.join(s.root, 'book.toml'), '\n[slugwiki]\nhighlights = true\n')
      const marked = await run(s, { cacheDir })
      expect(marked.result.compiledNotes).toBe(2)
      expect(marked.read('kernel/rcu.html')).toContain('<mark>read this first</mark>')
      expect(marked.exists('tags/kernelsync.html')).toBe(false)
      fs.appendFileSync(path.join(s.root, 'book.toml'), 'inline-tags = true\n')
      const tagged = await run(s, { cacheDir })
      expect(tagged.result.compiledNotes).toBe(2)
      expect(tagged.read('tags/kernelsync.html')).toContain('kernel/rcu.html')
      fs.appendFileSync(path.join(s.root, 'book.toml'), 'block-ids = true\n')
      const named = await run(s, { cacheDir })
      expect(named.result.compiledNotes).toBe(2)
      expect(named.read('mm/memcg.html')).toContain('<p id="charge">Charged once per page.</p>')
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true })
    }
  })
})

describe('%% comments %%', () => {
  // Words of the comments, found in no built file; `quiescent` and `allocator` are shown, so the searches below can find something.
  const HIDDEN = ['zorblax', 'quuxwidget', 'Hidden heading', 'drafttag']
  const COMMENTED = {
    'kernel/rcu.md': '# RCU\n\nGrace periods end %%zorblax inline%% after a quiescent state.\n\n%%\nTODO: check the quuxwidget numbers against [[memcg]] #drafttag and the slab allocator\n## Hidden heading\n%%\n\nThe reader side takes no lock.\n',
    'mm/memcg.md': '# memcg\n\nCharged pages.\n',
    'mm/slab.md': '# Slab\n\nThe slab allocator, charged to [[memcg]].\n',
    'topics.yml': 'Slab: [slab]\n',
  }

  /** Every file of the built site that is text, by its path. */
  const textFiles = (out: string) =>
    (fs.readdirSync(out, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((e) => e.isFile() && /\.(html|js|json|xml|txt|css)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))

  it('drops them from every page, the print page, the search index, backlinks, tags, headings and topics', async () => {
    site = tempSite(COMMENTED)
    const { result, read, exists } = await run(site)
    expect(result.diagnostics).toEqual([])
    const rcu = read('kernel/rcu.html')
    expect(rcu).toContain('<p>Grace periods end  after a quiescent state.</p>')
    expect(rcu).toContain('<p>The reader side takes no lock.</p>')
    expect(read('print.html')).toContain('The reader side takes no lock.')
    const files = textFiles(site.out)
    expect(files.map((f) => path.relative(site!.out, f))).toContain('print.html')
    for (const file of files) for (const word of HIDDEN) expect(fs.readFileSync(file, 'utf8'), `${path.relative(site.out, file)}: ${word}`).not.toContain(word)
    // Pagefind's index is compressed: ask it.
    const search = await loadSearch(site.out)
    expect((await search.search('quiescent')).map((h) => h.url)).toEqual(['/kernel/rcu.html#rcu'])
    for (const word of ['zorblax', 'quuxwidget']) expect(await search.search(word), word).toEqual([])
    // `[[memcg]]` in a comment is no link: memcg is linked from slab only.
    const linkedFrom = /<h2 id="backlinks-title">Linked from<\/h2>([\s\S]*?)<\/section>/.exec(read('mm/memcg.html'))![1]!
    expect(linkedFrom).toContain('slab.html')
    expect(linkedFrom).not.toContain('rcu.html')
    expect(exists('tags/drafttag.html')).toBe(false)
    // The topic is mentioned in the comment of rcu and in the prose of slab.
    expect(read('topics/slab.html')).toContain('mm/slab.html')
    expect(read('topics/slab.html')).not.toContain('kernel/rcu.html')
  })

  it('keeps them as written in an mdBook unless [slugwiki] comments = true, compiling every note again when it changes', async () => {
    site = tempSite({ ...COMMENTED, 'SUMMARY.md': '# Summary\n\n- [RCU](kernel/rcu.md)\n- [memcg](mm/memcg.md)\n- [Slab](mm/slab.md)\n' })
    fs.writeFileSync(path.join(site.root, 'book.toml'), '[book]\ntitle = "T"\nsrc = "src"\n')
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-comments-cache-'))
    try {
      const kept = await run(site, { cacheDir })
      expect(kept.result.compiledNotes).toBe(3)
      expect(kept.read('kernel/rcu.html')).toContain('<p>Grace periods end %%zorblax inline%% after a quiescent state.</p>')
      expect(kept.read('kernel/rcu.html')).toContain('<p>%%\nTODO: check the quuxwidget numbers')
      expect((await run(site, { cacheDir })).result.compiledNotes).toBe(0)
      fs.appendFileSync(path.join(site.root, 'book.toml'), '\n[slugwiki]\ncomments = true\n')
      const dropped = await run(site, { cacheDir })
      expect(dropped.result.compiledNotes).toBe(3)
      const rcu = dropped.read('kernel/rcu.html')
      expect(rcu).toContain('<p>Grace periods end  after a quiescent state.</p>')
      for (const word of HIDDEN) expect(rcu, word).not.toContain(word)
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true })
    }
  })
})
