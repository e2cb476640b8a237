/**
 * A Quartz/Obsidian-style wiki, built end to end: wikilinks between notes in
 * folders, an image embed, callouts, a VitePress container, backlinks on the
 * target, warnings at the link; then
 * the target notes are added and renamed and the warm (cached) build follows.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sanitize } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../src/build.ts'
import { affectedPages } from '../src/graph/affected.ts'
import { finalSchema } from '../src/markdown/sanitize-schema.ts'
import { slugOf } from '../src/paths.ts'
import { formatDiagnostic } from '../src/report.ts'
import { projectRoot } from './helpers/cli.ts'

let tmp: string
let src: string
let out: string
let cacheDir: string

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-dialects-'))
  src = path.join(tmp, 'garden')
  out = path.join(tmp, 'out')
  cacheDir = path.join(tmp, 'cache')
  fs.cpSync(path.join(projectRoot, 'test/sites/quartz'), src, { recursive: true })
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const run = () => build({ src, out, cacheDir, quiet: true })
const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8')
/** The element of a page holding the note's body. */
function bodyElement(html: string): Element {
  let found: Element | undefined
  visit(fromHtml(html), 'element', (node) => {
    if (!found && Array.isArray(node.properties.className) && node.properties.className.includes('note-body')) found = node
  })
  return found!
}
/** The note's body as published, between the theme's wrappers. */
const body = (rel: string) => toHtml(bodyElement(read(rel)).children)
const warnings = (result: BuildResult) => result.diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(src, path.resolve(d.file)) }))

describe('a Quartz-style wiki', () => {
  let first: BuildResult
  let previous: BuildResult

  it('resolves wikilinks by shortest path and warns at file:line:col for missing and ambiguous names', async () => {
    first = await run()
    expect(first.ok).toBe(true)
    expect(warnings(first)).toEqual([
      'index.md:11:33  warning  Wikilink to missing note `[[Scheduler]]`  missing-link',
      'index.md:11:72  warning  Wikilink `[[notes]]` is ambiguous: it could be `kernel/notes.md`, `wasm/notes.md`; write the folder too (`[[folder/notes]]`)  missing-link',
      'wasm/notes.md:3:27  warning  No heading or anchor `#no-such-heading` in `kernel/RCU.md`  missing-anchor',
    ])
    const index = body('index.html')
    expect(index).toContain('<a data-wikilink="RCU" href="kernel/RCU.html">RCU</a>')
    expect(index).toContain('<a data-wikilink="kernel/cgroup" href="kernel/cgroup.html">control groups</a>')
    expect(index).toContain('<span class="broken-link" data-wikilink="Scheduler">Scheduler</span>')
    expect(index).toContain('<span class="broken-link" data-wikilink="notes">notes</span>')
    const cgroup = body('kernel/cgroup.html')
    // A heading by its text, a heading of the note itself, an alias from frontmatter, the note in the same folder.
    expect(cgroup).toContain('href="RCU.html#grace-periods">grace periods</a>')
    expect(cgroup).toContain('<a href="#limits">Limits</a>')
    expect(cgroup).toContain('<a data-wikilink="read-copy-update" href="RCU.html">read-copy-update</a>')
    expect(cgroup).toContain('<a data-wikilink="notes" href="notes.html">notes</a>')
    expect(body('wasm/notes.html')).toContain('<a data-wikilink="../kernel/RCU" href="../kernel/RCU.html">../kernel/RCU</a>')
  })

  it('embeds images found by file name, and copies them', () => {
    expect(body('index.html')).toContain('<img data-wikilink="flow.png" alt="flow.png" src="attachments/flow.png">')
    expect(body('kernel/cgroup.html')).toContain('<img data-wikilink="attachments/flow.png" alt="flow.png" width="200" src="../attachments/flow.png">')
    expect(fs.existsSync(path.join(out, 'attachments/flow.png'))).toBe(true)
  })

  it('renders Obsidian callouts and VitePress containers in the theme\'s alert styles', () => {
    const rcu = body('kernel/RCU.html')
    expect(rcu).toContain('<div class="markdown-alert markdown-alert-warning callout" data-callout="warning" data-collapsible="false">')
    expect(rcu).toContain('<span class="callout-title-text">Never sleep in a reader</span>')
    expect(rcu).toMatch(/<details class="markdown-alert markdown-alert-important callout" data-callout="example" data-collapsible="true"><summary class="markdown-alert-title callout-title">.*A reader, folded.*<\/summary><div class="callout-content"><figure class="code"/)
    const wasm = body('wasm/notes.html')
    expect(wasm).toContain('<div class="markdown-alert markdown-alert-tip custom-block custom-block-tip"><p class="markdown-alert-title custom-block-title">Runtimes</p><p>Wasmtime and WAMR, at 12:30 on std::vector day.</p></div>')
    expect(wasm).toMatch(/<details class="markdown-alert markdown-alert-other custom-block custom-block-details"><summary class="markdown-alert-title custom-block-title">The trap log<\/summary><figure class="code"/)
  })

  it('lists wikilinks as backlinks on the target and as edges of the link graph', () => {
    const linkedFrom = /<h2 id="backlinks-title">Linked from<\/h2>([\s\S]*?)<\/section>/.exec(read('kernel/RCU.html'))![1]!
    expect(linkedFrom).toContain('href="../index.html">Garden</a>')
    expect(linkedFrom).toContain('href="cgroup.html">cgroup</a>')
    expect(linkedFrom).toContain('href="../wasm/notes.html">Wasm notes</a>')
    expect(first.graph.indices.links.outgoing.get('index.md' as never)).toEqual(['kernel/RCU.md', 'kernel/cgroup.md'])
  })

  it('publishes only markup the final sanitising pass allows, on the pages and the print page', () => {
    const bodies: Array<[string, Element]> = []
    for (const source of first.graph.all) {
      bodies.push([source, bodyElement(read(slugOf(source)))])
    }
    visit(fromHtml(read('print.html')), 'element', (node) => {
      if (node.tagName === 'article' && typeof node.properties.id === 'string') bodies.push([`print.html#${node.properties.id}`, node])
    })
    expect(bodies.length).toBeGreaterThan(first.graph.all.length)
    for (const [where, node] of bodies) {
      const tree: Root = { type: 'root', children: node.children }
      expect(toHtml(sanitize(structuredClone(tree), finalSchema) as Root), where).toBe(toHtml(tree))
    }
  })

  it('points wikilinks within the print page', () => {
    const print = read('print.html')
    expect(print).toContain('<a data-wikilink="RCU" href="#kernel-RCU">RCU</a>')
    expect(print).toMatch(/<img data-wikilink="flow.png" alt="flow.png" src="attachments\/flow.png">/)
  })

  it('follows an alias added to another note, and the dev server re-renders the linking page', async () => {
    const notes = path.join(src, 'kernel/notes.md')
    fs.writeFileSync(notes, `---\naliases: [Scheduler]\n---\n\n${fs.readFileSync(notes, 'utf8')}`)
    const second = await run()
    expect(second.compiledNotes).toBe(1)
    expect(body('index.html')).toContain('<a data-wikilink="Scheduler" href="kernel/notes.html">Scheduler</a>')
    // Only kernel/notes.md changed, yet index.md's wikilink now points elsewhere: its page is rendered again.
    const affected = affectedPages(first.graph, second.graph, ['kernel/notes.md' as never])
    expect(affected).toMatchObject({ all: false })
    expect(affected.all === false && affected.pages).toContain('index.html')
    previous = second
  })

  it('follows a target note added on the next warm build, compiling only that note', async () => {
    fs.writeFileSync(path.join(src, 'kernel/Scheduler.md'), '# Scheduler\n\nCFS and EEVDF.\n')
    const third = await run()
    expect(third.compiledNotes).toBe(1)
    expect(warnings(third).filter((w) => w.includes('Scheduler'))).toEqual([])
    // A note of that name wins over another note's alias.
    expect(body('index.html')).toContain('<a data-wikilink="Scheduler" href="kernel/Scheduler.html">Scheduler</a>')
    expect(read('kernel/Scheduler.html')).toMatch(/Linked from[\s\S]*href="\.\.\/index\.html">Garden<\/a>/)
    expect(previous.graph.indices.links.outgoing.get('index.md' as never)).toContain('kernel/notes.md')
    expect(third.graph.indices.links.outgoing.get('index.md' as never)).toContain('kernel/Scheduler.md')
  })

  it('follows a renamed target note on the next warm build', async () => {
    fs.mkdirSync(path.join(src, 'archive'))
    fs.renameSync(path.join(src, 'kernel/RCU.md'), path.join(src, 'archive/RCU.md'))
    const third = await run()
    expect(third.compiledNotes).toBe(1)
    expect(body('index.html')).toContain('<a data-wikilink="RCU" href="archive/RCU.html">RCU</a>')
    expect(body('kernel/cgroup.html')).toContain('href="../archive/RCU.html#grace-periods">grace periods</a>')
    // A path naming the old folder no longer matches.
    expect(warnings(third)).toContain('wasm/notes.md:3:5  warning  Wikilink to missing note `[[../kernel/RCU]]`  missing-link')
    expect(read('archive/RCU.html')).toMatch(/Linked from[\s\S]*href="\.\.\/index\.html">Garden<\/a>/)
  })
})
