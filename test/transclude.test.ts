/**
 * Note embeds end to end: `![[Note]]`, `![[Note#Heading]]` and
 * `![[Note#^block]]` show the note (or its part) on the page embedding it,
 * without its ids; a missing section, an embed cycle and an embed nested too
 * deep are warnings at the embed; an embed is a backlink; and a cached rebuild after the embedded
 * note changed renders the page embedding it again.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../src/build.ts'
import { formatDiagnostic } from '../src/report.ts'
import { tempSite, type TempSite } from './helpers/site.ts'

let site: TempSite
let result: BuildResult

const read = (rel: string) => fs.readFileSync(path.join(site.out, rel), 'utf8')
const options = () => ({ src: site.src, out: site.out, cacheDir: path.join(site.root, 'cache'), quiet: true })
/** The embeds of a page, each `blockquote.transclude` with what it holds. */
const embeds = (html: string) => [...html.matchAll(/<blockquote class="transclude"[^>]*>[\s\S]*?<a class="transclude-src"[^>]*>[^<]*<\/a><\/blockquote>/g)].map((m) => m[0])

beforeAll(async () => {
  site = tempSite({
    'host.md': [
      '# Host',
      '',
      'Whole note:',
      '',
      '![[Shown]]',
      '',
      'A section: ![[Shown#Details|the details]] and on.',
      '',
      '![[folder/Deep#^rule]]',
      '',
      '![[Shown#No such heading]]',
      '',
      '## Details',
      '',
      'The host has a Details heading of its own.',
      '',
    ].join('\n'),
    'shown.md': ['# Shown', '', 'Intro with `code` and [a link](folder/deep.md).', '', '## Details', '', 'Detail text.[^1]', '', '### Sub', '', 'Sub text.', '', '## After', '', 'After text.', '', '[^1]: A footnote.', ''].join('\n'),
    'folder/deep.md': ['---', 'aliases: [RCU rules]', '---', '# Deep', '', 'Not this.', '', 'The rule of RCU. ^rule', '', 'Nor this.', ''].join('\n'),
    // In a folder, an embed names a note as a wikilink does: by its name alone when that is unique.
    'folder/sibling.md': ['# Sibling', '', '![[deep#^rule]]', '', '![[Shown#After]]', ''].join('\n'),
    'other/guest.md': ['# Guest', '', '![[Deep#^rule]]', '', '![[RCU rules]]', ''].join('\n'),
    'loop-a.md': ['# Loop A', '', '![[loop-b]]', ''].join('\n'),
    'loop-b.md': ['# Loop B', '', 'B text.', '', '![[loop-a]]', ''].join('\n'),
    'self.md': ['# Self', '', '![[Self]]', ''].join('\n'),
    // A chain of embeds seven notes long: chain-0's page shows five levels, so chain-6 is a link there.
    ...Object.fromEntries([0, 1, 2, 3].map((i) => [`chain/chain-${i}.md`, `# Chain ${i}\n\n![[chain-${i + 1}]]\n`])),
    'chain/chain-4.md': '# Chain 4\n\n![[chain-5#Deep]]\n',
    // Only its section Deep is shown through chain-4: the embed above it is never that deep.
    'chain/chain-5.md': '# Chain 5\n\n![[lonely]]\n\n## Deep\n\nDeep text.\n\n![[chain-6]]\n',
    'chain/chain-6.md': '# Chain 6\n\nThe bottom.\n',
    'chain/lonely.md': '# Lonely\n\nNot that deep.\n',
  })
  result = await build(options())
}, 60_000)
afterAll(() => site.cleanup())

describe('note embeds', () => {
  it('shows the whole note, a section and a block, each with a link to its note', () => {
    const [whole, section, block, ...rest] = embeds(read('host.html'))
    expect(rest).toEqual([])
    expect(whole).toContain('Intro with')
    expect(whole).toContain('After text.')
    expect(whole).toContain('<a class="transclude-src" data-wikilink="Shown" href="shown.html">Shown</a>')
    // The section: its heading, its subsection, up to the next heading of its level.
    expect(section).toContain('Detail text.')
    expect(section).toContain('Sub text.')
    expect(section).not.toContain('Intro with')
    expect(section).not.toContain('After text.')
    expect(section).toContain('href="shown.html#details">the details</a>')
    // The block alone, its marker gone.
    expect(block).toContain('<p>The rule of RCU.</p>')
    expect(block).not.toContain('Not this')
    expect(block).not.toContain('Nor this')
    expect(block).not.toContain('RCU. ^rule')
    // Search indexes each note's own text only.
    expect(whole).toContain('data-pagefind-ignore')
  })

  it('points the embedded note\'s links from the page it is shown on', () => {
    const [whole] = embeds(read('host.html'))
    // Written `folder/deep.md` on shown.md, which is beside host.md; a footnote reference leads to the note's own page.
    expect(whole).toContain('href="folder/deep.html"')
    expect(whole).toMatch(/href="shown\.html#user-content-fn-1"/)
  })

  it('finds the embedded note by name from a note in a folder, as a wikilink finds it', () => {
    expect(result.diagnostics.filter((d) => d.file.includes('sibling.md')).map(formatDiagnostic)).toEqual([])
    const [block, section, ...rest] = embeds(read('folder/sibling.html'))
    expect(rest).toEqual([])
    expect(block).toContain('<p>The rule of RCU.</p>')
    expect(block).toContain('<a class="transclude-src" data-wikilink="deep" href="deep.html#rule">')
    expect(section).toContain('After text.')
    expect(section).toContain('href="../shown.html#after"')
  })

  it('finds an embedded note by its name or an alias from another folder, as a wikilink is found', () => {
    const [block, whole, ...rest] = embeds(read('other/guest.html'))
    expect(rest).toEqual([])
    expect(block).toContain('<p>The rule of RCU.</p>')
    expect(block).not.toContain('Not this')
    expect(whole).toContain('Nor this.')
    expect(result.diagnostics.map(formatDiagnostic).filter((d) => d.includes('guest.md'))).toEqual([])
  })

  it('leaves no id twice on the page: embedded content has none', () => {
    const html = read('host.html')
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])
    expect(new Set(ids).size).toBe(ids.length)
    for (const embed of embeds(html)) expect(embed).not.toMatch(/\sid="/)
    expect(ids).toContain('details')
  })

  it('shows an embed of a missing heading as a broken link, with a warning at the embed', () => {
    expect(read('host.html')).toContain('<span class="broken-link" data-wikilink="Shown">Shown > No such heading</span>')
    const warnings = result.diagnostics.map(formatDiagnostic).filter((d) => d.includes('host.md'))
    expect(warnings.join('\n')).toMatch(/host\.md:11:2 +warning +No heading or anchor `#no-such-heading` in `shown\.md`/)
  })

  it('ends an embed cycle with a link and a warning naming the cycle', () => {
    const warnings = result.diagnostics.map(formatDiagnostic)
    expect(warnings.some((w) => /loop-b\.md:5:2 +warning +Embed cycle: `loop-a\.md` → `loop-b\.md` → `loop-a\.md`/.test(w))).toBe(true)
    expect(warnings.some((w) => /self\.md:3:2 +warning +Embed cycle: `self\.md` → `self\.md`/.test(w))).toBe(true)
    const a = read('loop-a.html')
    expect(embeds(a)).toHaveLength(1)
    expect(a).toContain('B text.')
    expect(a).toContain('<a class="transclude-link" data-wikilink="loop-a" href="loop-a.html">loop-a</a>')
    expect(read('self.html')).toContain('<a class="transclude-link" data-wikilink="Self" href="self.html">Self</a>')
  })

  it('shows an embed nested more than five deep as a link, with a warning at the embed naming the page', () => {
    const deep = result.diagnostics.filter((d) => d.rule === 'embed-depth').map(formatDiagnostic)
    expect(deep).toHaveLength(1)
    expect(deep[0]).toMatch(
      /\/chain\/chain-5\.md:9:2 +warning +Embed nested more than 5 deep on the page of `chain\/chain-0\.md` \(`chain\/chain-0\.md` → `chain\/chain-1\.md` → .* → `chain\/chain-5\.md` → `chain\/chain-6\.md`\); there it is shown as a link/,
    )
    const top = read('chain/chain-0.html')
    expect(top.match(/<blockquote class="transclude"/g)).toHaveLength(5)
    expect(top).toContain('Deep text.')
    expect(top).not.toContain('The bottom.')
    expect(top).toContain('<a class="transclude-link" data-wikilink="chain-6" href="chain-6.html">chain-6</a>')
    // One level down the chain fits.
    expect(read('chain/chain-1.html')).toContain('The bottom.')
  })

  it('counts an embed as a link: the embedded note lists the page embedding it', () => {
    expect(read('folder/deep.html')).toMatch(/Linked from[\s\S]*href="\.\.\/host\.html"/)
  })

  it('shows the embed on the print page, its links within the page', () => {
    const print = read('print.html')
    expect(print).toContain('Detail text.')
    expect(print).toContain('href="#shown"')
    const ids = [...print.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('renders the page embedding a note again when a cached rebuild sees the note changed', async () => {
    fs.writeFileSync(site.file('folder/deep.md'), fs.readFileSync(site.file('folder/deep.md'), 'utf8').replace('The rule of RCU.', 'The new rule of RCU.'))
    const again = await build(options())
    expect(again.plan.rendered?.has('host.html')).toBe(true)
    expect(read('host.html')).toContain('The new rule of RCU.')
  }, 60_000)
})
