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

async function run(files: Record<string, string>) {
  site = tempSite(files)
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
