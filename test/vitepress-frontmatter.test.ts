/**
 * A VitePress site's frontmatter in whole builds: the home layout's hero and
 * feature cards (links resolved from any folder and checked, search sees
 * their text), and the page keys that shape a page (`outline`, `aside`,
 * `layout: page`, `pageClass`).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { tempSite, type TempSite } from './helpers/site.ts'

let site: TempSite | undefined
afterEach(() => site?.cleanup())

const HOME = [
  '---',
  'layout: home',
  'hero:',
  '  name: Kernel Notes',
  '  text: Notes on cgroup and RCU',
  '  actions:',
  '    - theme: brand',
  '      text: Get started',
  '      link: /guide/intro',
  '    - theme: alt',
  '      text: Gone',
  '      link: /guide/gone',
  'features:',
  '  - title: cgroup',
  '    details: Control groups v2',
  '    link: /guide/intro#setup',
  '---',
  '',
  '## Below',
  '',
  'Text of the home page.',
  '',
].join('\n')

const SECTIONS = '# Intro\n\n## Setup\n\nx\n\n### Deeper\n\ny\n\n#### Deepest\n\nz\n\n## Usage\n\nw\n'

async function run(files: Record<string, string>) {
  site = tempSite(files)
  const result = await build({ src: site.src, out: site.out, quiet: true, cache: false })
  const read = (rel: string) => fs.readFileSync(path.join(site!.out, rel), 'utf8')
  return { result, read }
}

describe('VitePress frontmatter', () => {
  it('a `layout: home` note shows its hero and feature cards, with links made to work and checked, and no "On this page"', async () => {
    const { result, read } = await run({ 'index.md': HOME, 'guide/intro.md': SECTIONS })
    const home = read('index.html')
    expect(home).toContain('<h1 class="vp-hero-name" id="kernel-notes">Kernel Notes')
    expect(home).toContain('<p class="vp-hero-text">Notes on cgroup and RCU</p>')
    expect(home).toContain('<a href="guide/intro.html" class="vp-button vp-button-brand">Get started</a>')
    expect(home).toContain('<h2 class="vp-feature-title" id="cgroup"><a href="guide/intro.html#setup">cgroup</a>')
    expect(home).toContain('<p class="vp-feature-details">Control groups v2</p>')
    // The body follows the cards; a home page has no aside, so no table of contents.
    expect(home.indexOf('vp-features')).toBeLessThan(home.indexOf('Text of the home page.'))
    expect(home).not.toContain('page-toc')
    // The action's link counts as a link of the note: the intro lists the home page among its backlinks.
    expect(read('guide/intro.html')).toMatch(/Linked from[\s\S]*href="\.\.\/index\.html"/)
    // A link to no page is warned of where the frontmatter writes it.
    expect(result.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`)).toEqual(['index.md:12:13 Link to missing note `/guide/gone`'])
  })

  it('`outline` chooses the heading levels of "On this page"; `outline: false`, `aside: false` and `layout: page` leave it out; `pageClass` classes the page', async () => {
    const { read } = await run({
      'index.md': '# Home\n',
      'two.md': `---\noutline: 2\n---\n${SECTIONS}`,
      'deep.md': `---\noutline: deep\npageClass: wide-page\n---\n${SECTIONS}`,
      'range.md': `---\noutline: [3, 4]\n---\n${SECTIONS}`,
      'plain.md': SECTIONS,
      'off.md': `---\noutline: false\n---\n${SECTIONS}`,
      'aside.md': `---\naside: false\n---\n${SECTIONS}`,
      'page.md': `---\nlayout: page\n---\n${SECTIONS}`,
    })
    const levels = (rel: string) => [...read(rel).matchAll(/<li class="toc-h(\d)">/g)].map((m) => Number(m[1]))
    expect(levels('plain.html')).toEqual([2, 3, 2])
    expect(levels('two.html')).toEqual([2, 2])
    expect(levels('deep.html')).toEqual([2, 3, 4, 2])
    // Two entries at least, or the list is left out: `[3, 4]` of this note is one h3 and one h4.
    expect(levels('range.html')).toEqual([3, 4])
    for (const rel of ['off.html', 'aside.html', 'page.html']) expect(read(rel)).not.toContain('page-toc')
    expect(read('deep.html')).toContain('<article class="note wide-page">')
  })
})
