/**
 * A VitePress site's frontmatter in whole builds: the home layout's hero and
 * feature cards (links resolved from any folder and checked, search sees
 * their text), and the page keys that shape a page (`outline`, `aside`,
 * `layout: page`, `pageClass`).
 */
import fs from 'node:fs'
import { execFileSync } from 'node:child_process'
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

describe('VitePress prev/next, editLink and lastUpdated', () => {
  const nav = (html: string) => {
    const m = /<nav class="page-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)
    if (!m) return []
    return [...m[1]!.matchAll(/<a class="(prev|next)" href="([^"]*)"[^>]*>[\s\S]*?<span class="title">([^<]*)<\/span><\/a>/g)].map((x) => `${x[1]} ${x[2]} ${x[3]}`)
  }

  it('`prev: false`, `next: \'Text\'` and `{ text, link }` shape the page\'s previous and next links; a link to no page is a warning at its line', async () => {
    const { result, read } = await run({
      'index.md': '# Home\n',
      'a.md': '# A\n',
      'b.md': "---\nprev: false\nnext: 'Onwards'\n---\n# B\n",
      'c.md': '---\ntitle: C\nprev:\n  text: Back to the start\n  link: /a\nnext:\n  text: Gone\n  link: /guide/gone\n---\n# C\n',
      'd.md': '---\nnext:\n  link: ./index.md\n---\n# D\n',
    })
    expect(nav(read('a.html'))).toEqual(['prev index.html Home', 'next b.html B'])
    expect(nav(read('b.html'))).toEqual(['next c.html Onwards'])
    // A link to no page keeps the neighbour and warns where `next` is written.
    expect(nav(read('c.html'))).toEqual(['prev a.html Back to the start', 'next d.html D'])
    expect(nav(read('d.html'))).toEqual(['prev c.html C', 'next index.html Home'])
    expect(result.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`)).toEqual(['c.md:6:1 Frontmatter `next.link` names no page: `/guide/gone`'])
  })

  it('a `#fragment` in `link` leads to that heading of the page, encoded once', async () => {
    const { result, read } = await run({
      'index.md': '# Home\n\n## Über cargo\n',
      'a.md': '# A\n\n## Setup\n',
      'b.md': '---\nprev:\n  text: Set up first\n  link: /a#setup\nnext:\n  link: ./index.md#%C3%BCber-cargo\n---\n# B\n',
      'c.md': "---\nprev: { text: Over, link: '/index#über-cargo' }\n---\n# C\n",
    })
    expect(nav(read('b.html'))).toEqual(['prev a.html#setup Set up first', 'next index.html#%C3%BCber-cargo Home'])
    expect(nav(read('c.html'))[0]).toBe('prev index.html#%C3%BCber-cargo Over')
    expect(result.diagnostics).toEqual([])
  })

  it('`editLink: false` and `lastUpdated: false` leave "Edit this page" and "Last updated" out', async () => {
    site = tempSite({
      'book.toml': '[book]\ntitle = "B"\n[output.html]\nedit-url-template = "https://example.org/edit/{path}"\n',
      'src/SUMMARY.md': '- [A](a.md)\n- [B](b.md)\n',
      'src/a.md': '# A\n',
      'src/b.md': '---\neditLink: false\nlastUpdated: false\n---\n# B\n',
    })
    const git = (...args: string[]) => execFileSync('git', args, { cwd: site!.src, env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-02T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-02T00:00:00Z', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } })
    git('init', '-q')
    git('add', '.')
    git('commit', '-qm', 'notes')
    await build({ src: site.src, out: site.out, quiet: true, cache: false })
    const read = (rel: string) => fs.readFileSync(path.join(site!.out, rel), 'utf8')
    expect(read('a.html')).toContain('https://example.org/edit/src/a.md')
    expect(read('a.html')).toContain('<span class="last-updated">Last updated <time')
    expect(read('b.html')).not.toContain('https://example.org/edit/')
    expect(read('b.html')).not.toContain('last-updated')
  })
})
