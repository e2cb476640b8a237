/**
 * A Sphinx site written in MyST markdown: found by its conf.py, its
 * toctrees read into the sidebar, its directives read; a folder without
 * such a conf.py reads none of it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { formatDiagnostic } from '../src/report.ts'
import { writeFiles } from './helpers/files.ts'

let tmp: string
beforeAll(() => void (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-myst-'))))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** The sidebar of a page: its entries' text in order (a part title in brackets). */
function sidebar(html: string): string[] {
  const nav = /<nav class="sidebar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? ''
  return [...nav.matchAll(/<a [^>]*?href="([^"]*)"[^>]*>([^<]*)<\/a>|<li class="part-title">([^<]*)<\/li>|<span class="draft"[^>]*>([^<]*)<\/span>/g)].map((m) => (m[1] !== undefined ? `${m[2]}→${m[1]}` : m[3] !== undefined ? `[${m[3]}]` : `draft ${m[4]}`))
}

const files = {
  'index.md': '# Overview\n\n```{toctree}\n:hidden:\n:caption: Guides\n\nintro\nGuide <guide/index>\nmissing\n```\n\n:::{toctree}\n:caption: Reference\n:glob:\n\nreference/*\n:::\n',
  'intro.md': '(intro-target)=\n(intro-again)=\n# Intro\n\n```{note}\nA note.\n```\n\nBack to {ref}`intro-target`, {ref}`again <intro-again>`, on to {doc}`guide/index`.\n\n```{math}\n:label: square\nx^2\n```\n',
  'guide/index.md': '# The guide\n\n```{toctree}\nstart\n```\n',
  'guide/start.md': '# Start\n',
  'reference/b.md': '# B\n',
  'reference/a.md': '# A\n',
  'orphan.md': '# Orphan\n',
}

describe('a Sphinx+MyST folder', () => {
  it('reads its toctrees into the sidebar and its directives, when conf.py names myst_parser', async () => {
    const src = path.join(tmp, 'docs')
    writeFiles(src, { ...files, 'conf.py': "extensions = ['myst_parser']\n" })
    const out = path.join(tmp, 'out')
    const result = await build({ src, out, cacheDir: path.join(tmp, 'cache'), quiet: true })
    const shown = (f: string) => path.relative(process.cwd(), path.join(src, f))
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${shown('index.md')}:9:1  warning  \`toctree\` names \`missing\`, which is not a note; listed, not linked  missing-chapter`,
      `${shown('orphan.md')}  warning  Not listed in any \`toctree\`; built but not in the navigation  unlisted`,
    ])
    const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(sidebar(index)).toEqual(['Overview→index.html', '[Guides]', 'Intro→intro.html', 'Guide→guide/index.html', 'draft missing', '[Reference]', 'A→reference/a.html', 'B→reference/b.html'])
    // The guide's own toctree is its chapter's children, shown open on its pages.
    expect(sidebar(fs.readFileSync(path.join(out, 'guide/start.html'), 'utf8'))).toContain('Start→start.html')
    // A visible toctree is also its list of links, as Sphinx shows it; a hidden one is not.
    const guide = fs.readFileSync(path.join(out, 'guide/index.html'), 'utf8')
    expect(guide).toMatch(/<li><a href="start.html">start<\/a><\/li>/)
    const intro = fs.readFileSync(path.join(out, 'intro.html'), 'utf8')
    expect(intro).toContain('admonish-note')
    expect(intro).toContain('<a href="#intro">Intro</a>')
    expect(intro).toContain('<a href="guide/index.html">guide/index</a>')
    expect(intro).not.toContain('(intro-target)=')
    expect(intro).toContain('<a href="#intro">again</a>')
    // `{math}` is typeset as display math, its `:label:` line no part of it.
    expect(intro).toContain('class="katex-display"')
    expect(intro).not.toContain(':label:')
  })

  it('is found in a Jupyter Book by its _toc.yml', async () => {
    const src = path.join(tmp, 'book')
    writeFiles(src, { '_toc.yml': 'format: jb-book\nroot: intro\n', '_config.yml': 'title: A book\n', 'intro.md': '# Intro\n\n:::{tip}\nA tip.\n:::\n' })
    const out = path.join(tmp, 'book-out')
    await build({ src, out, cacheDir: path.join(tmp, 'book-cache'), quiet: true })
    expect(fs.readFileSync(path.join(out, 'intro.html'), 'utf8')).toContain('admonish-tip')
  })

  it('reads none of it without such a conf.py', async () => {
    const src = path.join(tmp, 'plain')
    writeFiles(src, files)
    const out = path.join(tmp, 'plain-out')
    await build({ src, out, cacheDir: path.join(tmp, 'plain-cache'), quiet: true })
    const intro = fs.readFileSync(path.join(out, 'intro.html'), 'utf8')
    expect(intro).not.toContain('admonish-note')
    expect(intro).toContain('(intro-target)=')
    expect(sidebar(fs.readFileSync(path.join(out, 'index.html'), 'utf8'))).toContain('The guide→guide/index.html')
  })
})

describe('broken MyST', () => {
  it('never throws, and keeps what it cannot read as text or code', async () => {
    const { render } = await import('./helpers/markdown.ts')
    const notes = [
      ':::{note}\nnever closed\n',
      '- item\n\n  :::{tip}\n  in a list\n  :::\n',
      '```{note}\n---\n: not: yaml: [\n---\nbody\n```\n',
      '```{figure}\n```\n',
      '```{toctree}\n```\n',
      '{ref}`` `` and {doc}`<>` and {`x`\n',
      '(a)=\n(b)=\n# Two labels\n\n{ref}`a` {ref}`b`\n',
      '::::{note}\n:::{warning}\n::::\n',
      '$$\nx\n$$ (eq)\n% comment\n%\n',
    ]
    for (const text of notes) {
      const { html } = await render(text, { myst: true, math: true })
      expect(typeof html).toBe('string')
    }
    const { html, note } = await render('```{note}\n---\n: not: yaml: [\n---\nbody\n```\n', { myst: true })
    expect(html).toContain('body')
    expect(note.diagnostics.map((d) => d.message)).toContain('Unreadable YAML options of a MyST directive: ignored')
  })
})
