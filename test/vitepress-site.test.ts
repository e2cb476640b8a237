/**
 * A VitePress docs folder in whole builds: what its author wrote for VitePress
 * (`public/` files linked from the root, snippet imports, markdown includes,
 * `[[toc]]`) works as VitePress shows it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { tempSite, type TempSite } from './helpers/site.ts'

let site: TempSite | undefined
afterEach(() => site?.cleanup())

const SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>\n'

/** A VitePress site's config: its `.vitepress/` folder is what says the folder is one. */
const CONFIG = { '.vitepress/config.mts': "export default { title: 'Docs' }\n" }

async function run(files: Record<string, string>, { vitepress = true } = {}) {
  site = tempSite(vitepress ? { ...CONFIG, ...files } : files)
  const result = await build({ src: site.src, out: site.out, quiet: true, cache: false })
  const read = (rel: string) => fs.readFileSync(path.join(site!.out, rel), 'utf8')
  const has = (rel: string) => fs.existsSync(path.join(site!.out, rel))
  const warnings = result.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`)
  return { result, read, has, warnings }
}

describe('VitePress public folder', () => {
  it('publishes `public/` at the site root, so `/logo.svg` links and images work from any folder', async () => {
    const { read, has, warnings } = await run({
      'index.md': '# Home\n\n![Logo](/logo.svg)\n',
      'guide/intro.md': '# Intro\n\n![Logo](/logo.svg) [robots](/robots.txt) [pure](/pure.html) [notes](/notes.md)\n',
      'public/logo.svg': SVG,
      'public/robots.txt': 'User-agent: *\n',
      'public/pure.html': '<p>pure</p>\n',
      // A markdown file in public/ is a file, as VitePress copies it, not a page.
      'public/notes.md': '# Not a page\n',
    })
    expect(warnings).toEqual([])
    expect(has('logo.svg') && has('robots.txt') && has('pure.html') && has('notes.md')).toBe(true)
    expect(has('public')).toBe(false)
    expect(has('notes.html')).toBe(false)
    expect(read('index.html')).toContain('<img src="logo.svg" alt="Logo">')
    const intro = read('guide/intro.html')
    expect(intro).toContain('<img src="../logo.svg" alt="Logo">')
    expect(intro).toContain('<a href="../robots.txt">robots</a>')
    expect(intro).toContain('<a href="../pure.html">pure</a>')
  })

  it('keeps a player\'s `<source>` and `<track>` and a picture\'s sources, their files made relative and checked as images are', async () => {
    const { read, has, warnings } = await run({
      'index.md': '# Home\n\n![[guide/media]]\n',
      'guide/media.md': [
        '# Media',
        '',
        '<audio controls><source src="/vite.mp3" type="audio/mpeg"></audio>',
        '',
        '<video controls poster="/poster.png"><source src="./clip.webm" type="video/webm"><track kind="captions" src="/clip.vtt" srclang="en" label="English" default></video>',
        '',
        '<picture><source srcset="/wide.avif 1x, /wide@2x.avif 2x" media="(min-width: 600px)" type="image/avif"><source srcset="/a.avif, javascript:alert(1) 2x"><img src="/logo.svg" alt="Logo"></picture>',
        '',
        '<audio controls><source src="/gone.mp3" type="audio/mpeg"><track src="data:text/vtt,WEBVTT" kind="subtitles"></audio>',
        '',
      ].join('\n'),
      'guide/clip.webm': 'webm',
      'public/vite.mp3': 'ID3',
      'public/poster.png': 'png',
      'public/clip.vtt': 'WEBVTT\n',
      'public/logo.svg': SVG,
      'public/wide.avif': 'avif',
    })
    const page = read('guide/media.html')
    expect(page).toContain('<audio controls><source src="../vite.mp3" type="audio/mpeg"></audio>')
    expect(page).toContain('<video controls poster="../poster.png"><source src="./clip.webm" type="video/webm"><track kind="captions" src="../clip.vtt" srclang="en" label="English" default></video>')
    // A srcset's files are made relative and checked as an image's are; one with a URL of another
    // scheme goes whole; the sources keep their media and type.
    expect(page).toContain('<picture><source srcset="../wide.avif 1x, ../wide%402x.avif 2x" media="(min-width: 600px)" type="image/avif"><source><img src="../logo.svg" alt="Logo"></picture>')
    expect(page).toContain('<audio controls><source src="../gone.mp3" type="audio/mpeg"><track kind="subtitles"></audio>')
    expect(has('vite.mp3') && has('clip.vtt') && has('poster.png') && has('guide/clip.webm')).toBe(true)
    // The print page and a page embedding the note, at the root, name the same files from there: the poster as the sources.
    expect(read('index.html')).toContain('<video controls poster="poster.png"><source src="guide/clip.webm" type="video/webm"><track kind="captions" src="clip.vtt"')
    expect(read('print.html')).toContain('<video controls poster="poster.png"><source src="guide/clip.webm" type="video/webm"><track kind="captions" src="clip.vtt"')
    for (const root of [read('index.html'), read('print.html')]) expect(root).toContain('<source srcset="wide.avif 1x, wide%402x.avif 2x" media="(min-width: 600px)"')
    expect(has('wide.avif')).toBe(true)
    expect(warnings).toEqual([
      'media.md:7:10 Missing file `/wide@2x.avif`',
      'media.md:7:104 Raw HTML removed by sanitising: srcset attribute (line 7), data: URL (line 9); set trusted = true in [slugwiki] to publish it as written',
      'media.md:9:17 Missing file `/gone.mp3`',
    ])
  })

  it('a public file of a note\'s URL or of a file beside the notes is a warning naming both', async () => {
    const { read, result } = await run({
      'index.md': '# Home\n',
      'about.md': '# About\n',
      'logo.svg': '<svg id="beside"/>\n',
      'public/logo.svg': '<svg id="public"/>\n',
      'public/about.html': '<p>old</p>\n',
    })
    const shown = result.diagnostics.map((d) => `${path.relative(site!.src, d.file)} ${d.rule}: ${d.message}`).sort()
    expect(shown).toEqual([
      expect.stringMatching(/^logo\.svg public-collision: Also published from \S*src\/public\/logo\.svg, which is used$/),
      expect.stringMatching(/^public\/about\.html public-collision: Same URL as the note \S*src\/about\.md, whose page is published$/),
    ])
    expect(read('about.html')).toContain('About')
    expect(read('logo.svg')).toContain('public')
  })
})

const REGIONS = [
  'export function outer() {',
  '  // #region snippet',
  '  function foo() {',
  '    return 1',
  '  }',
  '  // #endregion snippet',
  '  skipped()',
  '  // #region snippet',
  '  function bar() {}',
  '  // #endregion snippet',
  '}',
  '',
].join('\n')

describe('a wiki that is no VitePress site', () => {
  it('keeps its public/ notes as notes and `<<<`, `[[toc]]` and `<!--@include:-->` as written', async () => {
    const { read, has, warnings } = await run(
      {
        'index.md': '# Home\n\n<<< ./snippets/a.js\n\n<!--@include: ./part.md-->\n',
        'public/idea.md': '# An idea\n\nShared notes.\n',
        'snippets/a.js': 'let a = 1\n',
        'part.md': 'Part text.\n',
      },
      { vitepress: false },
    )
    expect(has('public/idea.html')).toBe(true)
    expect(read('public/idea.html')).toContain('Shared notes.')
    expect(read('index.html')).toContain('&#x3C;&#x3C;&#x3C; ./snippets/a.js')
    expect(read('index.html')).not.toContain('Part text.')
    expect(warnings).toEqual([])
  })
})

describe('VitePress code snippets', () => {
  it('`<<< @/file{2}`, `<<< ../file` and `#region` show the file as a titled code block, `{lines lang}` as VitePress reads them', async () => {
    const { read, warnings } = await run({
      'index.md': '# Home\n',
      'snippets/snippet.js': 'export default function () {\n  // ..\n}\n',
      'snippets/regions.ts': REGIONS,
      'guide/code.md': [
        '# Code',
        '',
        '<<< @/snippets/snippet.js{2}',
        '',
        '::: code-group',
        '',
        '<<< ../snippets/regions.ts#snippet{1 js} [Regions]',
        '',
        '<<< @/snippets/snippet.js',
        '',
        ':::',
        '',
        '```md',
        '<<< @/snippets/snippet.js',
        '```',
        '',
        '<<<<<<< HEAD',
        '',
        '- item',
        '',
        '  <<< @/snippets/snippet.js',
        '',
      ].join('\n'),
    })
    expect(warnings).toEqual([])
    const page = read('guide/code.html')
    const text = page.replace(/<[^>]+>/g, '')
    // The whole file, its second line highlighted.
    expect(page).toMatch(/<span class="line highlighted">[^\n]*\/\/ \.\.<\/span>/)
    // In a code group: both regions of the name, without their markers, dedented; the tab and language as
    // the brackets and braces say, else the file's name and extension.
    expect(page).toMatch(/<figure class="code" id="[^"]+" data-lang="javascript" data-label="js"><figcaption class="code-title">Regions<\/figcaption>/)
    expect(page).toMatch(/<figure class="code" id="[^"]+" data-lang="javascript" data-label="js"><figcaption class="code-title">snippet\.js<\/figcaption>/)
    expect(text).toContain('function foo() {\n  return 1\n}\nfunction bar() {}')
    expect(text).not.toContain('skipped()')
    expect(text).not.toContain('#region')
    // In a code fence it is code; a conflict marker is text.
    expect(text).toContain('&#x3C;&#x3C;&#x3C; @/snippets/snippet.js')
    expect(text).toContain('&#x3C;&#x3C;&#x3C;&#x3C;&#x3C;&#x3C;&#x3C; HEAD')
    // Indented into a list item, the block is the item's.
    expect(page).toMatch(/<li>[\s\S]*<figure class="code"[\s\S]*export[\s\S]*<\/li>/)
  })

  it('a missing file or region is a warning at the line, which stays as written; an mdBook keeps `<<<` as text', async () => {
    const { read, warnings } = await run({
      'index.md': '# Home\n',
      'snippets/a.js': 'x()\n',
      'guide/code.md': '# Code\n\nText.\n\n  <<< @/snippets/gone.js\n\n<<< @/snippets/a.js#nope\n',
    })
    expect(warnings).toEqual(['code.md:5:3 Included file not found: @/snippets/gone.js', 'code.md:7:1 Region `nope` not found in @/snippets/a.js'])
    expect(read('guide/code.html')).toContain('&#x3C;&#x3C;&#x3C; @/snippets/gone.js')
    site?.cleanup()
    const book = await run({ 'book.toml': '[book]\ntitle = "B"\n', 'src/SUMMARY.md': '- [A](a.md)\n', 'src/a.md': '# A\n\n<<< ./b.js\n', 'src/b.js': 'y()\n' })
    expect(book.read('a.html')).toContain('&#x3C;&#x3C;&#x3C; ./b.js')
  })
})

describe('VitePress markdown includes', () => {
  const PART = [
    '---',
    'title: Part',
    '---',
    'Some getting started stuff.',
    '',
    '<!-- #region usage -->',
    '## Usage Line 1',
    '',
    '## Usage Line 2',
    '<!-- #endregion usage -->',
    '',
    '## My Base Section {#base}',
    '',
    'Base text with [a link](missing-note.md).',
    '',
    '### Sub',
    '',
    'Sub text.',
    '',
    '## Another Section',
    '',
    'Another text.',
    '',
  ].join('\n')

  it('`<!--@include: -->` shows a file, its lines, its region or a heading\'s section, nested, with problems pointing into the part', async () => {
    const { read, result } = await run({
      'index.md': '# Home\n',
      'guide/parts/basics.md': PART,
      'guide/parts/outer.md': 'Outer.\n\n<!--@include: ./basics.md{4,4}-->\n',
      'guide/docs.md': [
        '# Docs',
        '',
        '## Whole',
        '',
        '<!--@include: ./parts/basics.md-->',
        '',
        '## Region',
        '',
        '<!-- @include: @/guide/parts/basics.md#usage{,1} -->',
        '',
        '## Heading',
        '',
        '<!--@include: ./parts/basics.md#base-->',
        '',
        '## Nested',
        '',
        '<!--@include: ./parts/outer.md-->',
        '',
        '<!--@include: ./parts/gone.md-->',
        '',
      ].join('\n'),
    })
    const page = read('guide/docs.html')
    const section = (id: string) => page.slice(page.indexOf(`id="${id}"`), page.indexOf('<h2', page.indexOf(`id="${id}"`) + 1)).replace(/<[^>]+>/g, '').replace(/#/g, '')
    // The whole file without its frontmatter.
    expect(page).not.toContain('title: Part')
    expect(section('whole')).toContain('Some getting started stuff.')
    expect(page).toContain('id="usage-line-2"')
    // The region's first line only.
    expect(page).toContain('id="usage-line-1-1"')
    expect(page).not.toContain('id="usage-line-2-1"')
    // The section under the heading, without the heading, up to the next of its level.
    expect(page).toContain('id="sub-1"')
    expect(page).not.toContain('id="another-section-1"')
    // Nested: outer.md's own include of line 4.
    expect(section('nested')).toMatch(/Outer\.\s*Some getting started stuff\./)
    const shown = result.diagnostics.map((d) => `${path.relative(site!.src, d.file)}:${d.line}:${d.column} ${d.message}`)
    expect(shown).toEqual(expect.arrayContaining([
      'guide/docs.md:19:1 Included file not found: ./parts/gone.md',
      expect.stringMatching(/^guide\/parts\/basics\.md:14:\d+ Link to missing note `missing-note\.md`$/),
    ]))
  })

  it('links of an included part name what is beside the part, as VitePress rebases them', async () => {
    const { read, warnings } = await run({
      'index.md': '# Home\n',
      'img.png': 'png',
      'guide/parts/other.md': '# Other\n',
      'guide/parts/links.md': 'See [beside](./other.md) and ![the image](../../img.png), [root](/index.md).\n',
      'guide/docs.md': '# Docs\n\n<!--@include: ./parts/links.md-->\n',
    })
    expect(warnings).toEqual([])
    const page = read('guide/docs.html')
    expect(page).toContain('<a href="parts/other.html">beside</a>')
    expect(page).toContain('<img src="../img.png" alt="the image">')
    expect(page).toContain('<a href="../index.html">root</a>')
  })

})
