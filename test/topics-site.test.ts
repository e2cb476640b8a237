/**
 * The cross-linked indexes on a fixture wiki whose every mention, link,
 * symbol and tag is known (test/sites/topics): topic pages, backlinks, the
 * symbol index and its inline links, related notes, section indexes, tags,
 * the sidebar's Index part, the sitemap and the map.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileSite, type SiteResult } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { SYMBOLS_ON_ONE_PAGE } from '../src/graph/symbols.ts'
import { planContent } from '../src/output.ts'
import type { SymbolsPage, TagsPage, TopicPage, TopicsPage } from '../src/pages/index-model.ts'
import { USES_SHOWN } from '../src/pages/index-pages.ts'
import type { NotePage, Page } from '../src/pages/model.ts'
import { planFiles } from './helpers/files.ts'

const src = path.join(import.meta.dirname, 'sites/topics')
let site: SiteResult

const page = <K extends Page['kind']>(slug: string, kind: K) => {
  const found = site.pages.find((p) => p.slug === slug)
  expect(found?.kind, slug).toBe(kind)
  return found as Extract<Page, { kind: K }>
}
const html = (slug: string) => planContent(site.plan, slug) as string

/** A topic page reduced to note → [heading or "top", mentions] per group. */
function mentions(p: TopicPage) {
  return p.groups.map((g) => [g.title, g.notes.map((n) => [n.title, n.places.map((pl) => [pl.heading ?? 'top', pl.count])])])
}

beforeAll(async () => {
  site = await compileSite(resolveConfig({ src, out: path.join(src, '../../artifacts/topics-out') }))
})

describe('topic pages', () => {
  it('list exactly the notes and sections whose prose mentions a topic, aliases included', () => {
    expect(site.diagnostics).toEqual([])
    expect(mentions(page('topics/rcu.html', 'topic'))).toEqual([
      ['Home', [['Home', [['top', 1]]]]],
      // "Read-Copy-Update (RCU)" is two mentions; `RCU` in code, link text and the heading are none.
      ['Kernel', [['RCU', [['top', 2], ['Readers', 1]]], ['Memory cgroups', [['Lookup', 1]]]]],
    ])
    expect(mentions(page('topics/cgroup.html', 'topic'))).toEqual([
      ['Home', [['Home', [['top', 1]]]]],
      ['Kernel', [['RCU', [['Readers', 1]]], ['Memory cgroups', [['top', 2]]]]],
      ['Scripts', [['Scripts', [['top', 1]]]]],
    ])
    // Case-sensitive topic: "go on" is not the language.
    expect(mentions(page('topics/go.html', 'topic'))).toEqual([
      ['Home', [['Home', [['top', 1]]]]],
      ['Go services', [['Server', [['top', 2]]]]],
    ])
  })

  it('deep-link each place to its heading, with the sentence around the mention', () => {
    const rcu = page('topics/rcu.html', 'topic')
    const readers = rcu.groups[1]!.notes[0]!.places[1]!
    expect(readers).toMatchObject({ slug: 'kernel/rcu.html', fragment: 'readers', heading: 'Readers' })
    expect(readers.context).toBe('Readers call rcu_read_lock first; RCU readers never block. A cgroup lookup is one reader.')
    expect(html('topics/rcu.html')).toContain('<a class="place" href="../kernel/rcu.html#readers">Readers</a>')
    expect(rcu.home).toBeUndefined()
    expect(page('topics/cgroup.html', 'topic').home).toEqual({ title: 'Memory cgroups', slug: 'kernel/memcg.html' })
    expect(page('topics/cgroup.html', 'topic').tag).toEqual({ title: 'cgroup', slug: 'tags/cgroup.html' })
  })

  it('link the first mention of each topic per section in the note, with a preview', () => {
    const rcu = html('kernel/rcu.html')
    const links = [...rcu.matchAll(/<a class="topic-link" href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]])
    expect(links).toEqual([
      ['../topics/rcu.html', 'Read-Copy-Update'],
      ['../topics/rcu.html', 'RCU'],
      ['../topics/cgroup.html', 'cgroup'],
    ])
    expect(rcu).toContain('data-topic-title="cgroup" data-topic-description="Control groups and their memory controller."')
    expect(rcu).toContain('<h3 id="rcu-in-a-heading-is-not-a-mention">RCU in a heading')
  })

  it('index topics A–Z with counts, after a map whose every node links to its note', () => {
    const topics = page('topics/index.html', 'topics') as TopicsPage
    expect(topics.letters.map((l) => [l.letter, l.topics.map((t) => [t.title, t.notes, t.count])])).toEqual([
      ['C', [['cgroup', 4, 5]]],
      ['G', [['Go', 2, 3]]],
      ['R', [['RCU', 3, 5]]],
    ])
    const map = topics.map!
    expect(map.summarised).toBe(false)
    expect(map.clusters.map((c) => [c.title, c.nodes.map((n) => n.slug)])).toEqual([
      ['Home', ['index.html']],
      ['Kernel', ['kernel/index.html', 'kernel/rcu.html', 'kernel/memcg.html']],
      ['Go services', ['go/index.html', 'go/server.html']],
      ['Scripts', ['scripts.html']],
    ])
    const svg = html('topics/index.html').match(/<figure class="wiki-map">[\s\S]*?<\/figure>/)![0]
    for (const href of ['../index.html', '../kernel/index.html', '../kernel/rcu.html', '../kernel/memcg.html', '../go/index.html', '../go/server.html', '../scripts.html']) {
      expect(svg).toContain(`<a href="${href}"`)
    }
    expect(map.edges.filter((e) => e.kind === 'link')).toHaveLength(4)
  })
})

describe('backlinks', () => {
  it('are exact in both directions, with the sentence around each link', () => {
    const backlinks = (slug: string) => page(slug, 'note').backlinks.map((b) => [b.slug, b.heading ?? 'top'])
    expect(backlinks('kernel/rcu.html')).toEqual([['index.html', 'top'], ['kernel/memcg.html', 'Lookup'], ['go/server.html', 'top']])
    expect(backlinks('kernel/memcg.html')).toEqual([['kernel/rcu.html', 'top']])
    expect(backlinks('go/server.html')).toEqual([['index.html', 'top']])
    for (const slug of ['index.html', 'kernel/index.html', 'go/index.html', 'scripts.html']) expect(backlinks(slug), slug).toEqual([])
    // Every link between notes is one backlink, and every backlink is a link.
    const { outgoing } = site.graph.indices.links
    const pairs = [...outgoing].flatMap(([from, targets]) => targets.map((t) => `${from} → ${t}`)).sort()
    const back = [...site.graph.indices.links.backlinks].flatMap(([to, list]) => list.map((b) => `${b.from} → ${to}`)).sort()
    expect(back).toEqual(pairs)
    expect(page('kernel/rcu.html', 'note').backlinks[1]!.context).toBe('The css lookup runs under RCU, as the RCU note explains; the rcu flavour does not matter.')
    expect(html('kernel/rcu.html')).toContain('<a class="place" href="memcg.html#lookup">Memory cgroups › Lookup</a>')
  })
})

describe('code symbols', () => {
  it('index what c, go and shell blocks define or call, A–Z, with links to the blocks', () => {
    const symbols = page('symbols/index.html', 'symbols') as SymbolsPage
    const all = symbols.letters.flatMap((l) => l.symbols)
    expect(all.map((s) => [s.name, s.kinds.join(), s.definitions.map((d) => `${d.slug}#${d.fragment}`), s.uses.map((u) => `${u.slug}#${u.fragment}`)])).toEqual([
      ['build_all', 'function', ['scripts.html#code-1'], []],
      ['container_of', '', [], ['kernel/memcg.html#code-1']],
      ['Handler', 'interface', ['go/server.html#code-1'], []],
      ['listen', 'function', ['go/server.html#code-1'], []],
      ['mem_cgroup', 'struct', ['kernel/memcg.html#code-1'], []],
      ['mem_cgroup_from_css', 'function', ['kernel/memcg.html#code-1'], []],
      ['publish', 'function', ['kernel/rcu.html#code-1'], []],
      ['rcu_assign_pointer', '', [], ['kernel/rcu.html#code-1']],
      ['Server', 'struct', ['go/server.html#code-1'], []],
      ['Start', 'function', ['go/server.html#code-1'], []],
      ['synchronize_rcu', '', [], ['kernel/rcu.html#code-1']],
    ])
    expect(html('symbols/index.html')).toContain('<section class="symbol" id="symbol-publish">')
    expect(html('symbols/index.html')).toContain('href="../kernel/rcu.html#code-1">RCU › Writers</a>')
  })

  it('link inline code that names an indexed symbol, and nothing else', () => {
    const linked = (slug: string) => [...html(slug).matchAll(/<a href="([^"]+)" class="symbol-link"><code>([^<]+)<\/code><\/a>/g)].map((m) => [m[2], m[1]])
    expect(linked('kernel/memcg.html')).toEqual([
      ['mem_cgroup_from_css()', '../symbols/index.html#symbol-mem_cgroup_from_css'],
      ['mem_cgroup', '../symbols/index.html#symbol-mem_cgroup'],
      ['publish', '../symbols/index.html#symbol-publish'],
    ])
    expect(linked('go/server.html').map(([name]) => name)).toEqual(['Start', 'Handler'])
    expect(linked('scripts.html').map(([name]) => name)).toEqual(['build_all'])
    expect(linked('kernel/rcu.html')).toEqual([])
    // The stored body is shared with later builds: linking fills its slots, never edits it.
    const key = site.graph.notes.get('kernel/memcg.md' as never)!.key
    expect(site.graph.bodies.page(key).parts.join('')).not.toContain('symbol-link')
    expect(site.graph.bodies.page(key).slots).toContain('mem_cgroup')
  })
})

describe('related notes, sections and tags', () => {
  it('rank up to five notes by shared topics and tags, rarer ones first on ties', () => {
    const related = (slug: string) => page(slug, 'note').related.map((r) => r.slug)
    expect(related('kernel/rcu.html')).toEqual(['kernel/memcg.html', 'index.html', 'kernel/index.html', 'scripts.html'])
    expect(related('kernel/memcg.html')).toEqual(['kernel/rcu.html', 'index.html', 'kernel/index.html', 'scripts.html'])
    expect(related('index.html')).toEqual(['kernel/rcu.html', 'kernel/memcg.html', 'go/server.html', 'scripts.html'])
    expect(related('go/server.html')).toEqual(['index.html', 'go/index.html'])
    expect(related('scripts.html')).toEqual(['index.html', 'kernel/rcu.html', 'kernel/memcg.html'])
  })

  it('turn empty section pages into indexes of their notes', () => {
    const index = (slug: string) => page(slug, 'note').sectionIndex.map((c) => [c.title, c.description ?? '', c.tags.map((t) => t.title), c.notes ?? 0])
    expect(index('kernel/index.html')).toEqual([
      ['RCU', 'Read-copy-update in the kernel.', ['kernel', 'sync'], 0],
      ['Memory cgroups', 'The memory controller.', ['kernel', 'cgroup'], 0],
    ])
    expect(index('go/index.html')).toEqual([['Server', '', ['go'], 0]])
    expect(index('index.html')).toEqual([['Kernel', '', ['kernel'], 2], ['Go services', '', ['go'], 1], ['Scripts', '', [], 0]])
    expect(html('kernel/index.html')).toContain('<h2 id="section-index-title">In this section</h2>')
  })

  it('link tags to tag pages and list them with counts', () => {
    expect(page('kernel/rcu.html', 'note').tagLinks).toEqual([{ title: 'kernel', slug: 'tags/kernel.html' }, { title: 'sync', slug: 'tags/sync.html' }])
    expect(html('kernel/rcu.html')).toContain('<li class="tag"><a href="../tags/kernel.html" rel="tag">kernel</a></li>')
    expect((page('tags/index.html', 'tags') as TagsPage).tags.map((t) => [t.name, t.count])).toEqual([['cgroup', 1], ['go', 2], ['kernel', 3], ['sync', 1]])
    expect(page('tags/kernel.html', 'tag').notes.map((n) => n.slug)).toEqual(['kernel/index.html', 'kernel/rcu.html', 'kernel/memcg.html'])
  })

  it('put the index pages in the sidebar and the sitemap', () => {
    expect(html('scripts.html')).toContain('<li class="part-title">Index</li><li class="chapter"><a href="topics/index.html">Topics</a></li><li class="chapter"><a href="tags/index.html">Tags</a></li><li class="chapter"><a href="symbols/index.html">Code symbols</a></li>')
    const sitemap = html('sitemap.xml')
    for (const loc of ['/topics/rcu.html', '/topics/', '/tags/kernel.html', '/tags/', '/symbols/', '/kernel/rcu.html']) expect(sitemap).toContain(`<loc>${loc}</loc>`)
    expect(sitemap).not.toContain('print.html')
  })

  it('is deterministic: a second run gives the same files', async () => {
    const again = await compileSite(resolveConfig({ src, out: path.join(src, '../../artifacts/topics-out') }))
    const before = planFiles(site.plan)
    const after = planFiles(again.plan)
    expect([...after.keys()]).toEqual([...before.keys()])
    for (const [slug, content] of before) expect(Buffer.from(after.get(slug)!).equals(Buffer.from(content)), slug).toBe(true)
    const notes = (site.pages.filter((p) => p.kind === 'note') as NotePage[]).map((p) => p.slug)
    expect(notes).toHaveLength(7)
  })
})

describe('a wiki with more symbols than one page holds', () => {
  it('lists the names on symbols/index.html and the entries on a page per letter, uses capped', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-symbols-'))
    try {
      const defs = Array.from({ length: SYMBOLS_ON_ONE_PAGE + 1 }, (_, i) => `void fn_${String(i).padStart(3, '0')}(void) {}`).join('\n')
      fs.writeFileSync(path.join(tmp, 'defs.md'), `# Defs\n\nCall \`fn_007\` or \`zz_helper\`.\n\n\`\`\`c\n${defs}\nint zz_helper(void) { return 0; }\n\`\`\`\n`)
      const calls = Array.from({ length: USES_SHOWN + 3 }, (_, i) => `## Call ${i}\n\n\`\`\`c\nvoid caller_${i}(void) { zz_helper(); }\n\`\`\`\n`).join('\n')
      fs.writeFileSync(path.join(tmp, 'calls.md'), `# Calls\n\n${calls}`)
      const big = await compileSite(resolveConfig({ src: tmp, out: path.join(tmp, '../out-unused') }))
      const symbolPages = big.pages.filter((p): p is SymbolsPage => p.kind === 'symbols')
      expect(symbolPages.map((p) => [p.slug, p.overview])).toEqual([
        ['symbols/index.html', true],
        ['symbols/c.html', false],
        ['symbols/f.html', false],
        ['symbols/z.html', false],
      ])
      const overview = symbolPages[0]!
      expect(overview.letters.flatMap((l) => l.symbols).every((s) => s.definitions.length === 0 && s.uses.length === 0)).toBe(true)
      expect(overview.letters.find((l) => l.letter === 'Z')!.symbols[0]).toMatchObject({ name: 'zz_helper', href: { slug: 'symbols/z.html', fragment: 'symbol-zz_helper' }, definitionCount: 1, useCount: USES_SHOWN + 3 })
      const helper = symbolPages[3]!.letters[0]!.symbols[0]!
      expect(helper.uses).toHaveLength(USES_SHOWN)
      expect(planContent(big.plan, 'symbols/z.html')).toContain(`…and 3 more blocks.`)
      const defsPage = planContent(big.plan, 'defs.html') as string
      expect(defsPage).toContain('<a href="symbols/f.html#symbol-fn_007" class="symbol-link"><code>fn_007</code></a>')
      expect(defsPage).toContain('<a href="symbols/z.html#symbol-zz_helper" class="symbol-link">')
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  })
})
