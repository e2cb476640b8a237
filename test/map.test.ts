/** The map of the wiki, laid out from a graph of plain notes: note by note, and summarised past the limit. */
import { describe, expect, it } from 'vitest'
import { outlineFromFolders } from '../src/content/outline.ts'
import { layoutMap } from '../src/graph/map.ts'
import { buildSiteGraph, type SiteGraph } from '../src/graph/site-graph.ts'
import type { CompiledNote } from '../src/markdown/compile.ts'
import { memoryNoteCache } from '../src/markdown/note-cache.ts'
import type { SourcePath } from '../src/paths.ts'

/** A compiled note with only what the map reads: its place and its links. */
function note(source: string, links: string[] = []): CompiledNote {
  return {
    source: source as SourcePath,
    key: source,
    title: source,
    titleFrom: 'file',
    hasH1: false,
    frontmatter: {},
    headings: [],
    links: links.map((target) => ({ kind: 'page', target: target as SourcePath, url: target, section: -1 })),
    codeBlocks: [],
    mentions: [],
    symbols: [],
    inlineCode: [],
    hasMath: false,
    hasCode: false,
    hasDiagrams: false,
    ids: [],
    blockIds: [],
    diagnostics: [],
    failed: false,
  }
}

function wiki(perFolder: number): SiteGraph {
  const notes: CompiledNote[] = []
  for (const folder of ['alpha', 'beta', 'gamma']) {
    notes.push(note(`${folder}/README.md`))
    for (let i = 1; i < perFolder; i++) notes.push(note(`${folder}/n${i}.md`, folder === 'alpha' && i === 1 ? ['beta/n1.md', 'gamma/n1.md', 'beta/n2.md'] : []))
  }
  const outline = outlineFromFolders(notes.map((n) => n.source), (s) => s)
  return buildSiteGraph({ notes, bodies: memoryNoteCache(), outline, assets: [] })
}

describe('layoutMap', () => {
  it('draws every note as a node in its section’s disc, links as edges, inside the drawing', () => {
    const graph = wiki(12)
    const map = layoutMap(graph, { titleOf: (s) => s })
    expect(map.summarised).toBe(false)
    expect(map.clusters.map((c) => [c.title, c.nodes.length])).toEqual([['alpha/README.md', 12], ['beta/README.md', 12], ['gamma/README.md', 12]])
    for (const c of map.clusters) {
      for (const n of c.nodes) {
        expect(Math.hypot(n.x - c.x, n.y - c.y), n.slug).toBeLessThanOrEqual(c.r)
        expect(n.x).toBeGreaterThan(0)
        expect(n.x).toBeLessThan(map.width)
        expect(n.y).toBeLessThan(map.height)
      }
      // Sunflower spacing: no two nodes of a cluster overlap.
      for (const [i, a] of c.nodes.entries()) for (const b of c.nodes.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.r + b.r)
    }
    expect(map.edges.filter((e) => e.kind === 'link')).toHaveLength(3)
    expect(layoutMap(graph, { titleOf: (s) => s })).toEqual(map)
  })

  it('summarises past maxNodes: one node per section, sized by its notes, edges weighted by the links between sections', () => {
    const map = layoutMap(wiki(12), { titleOf: (s) => s, maxNodes: 20 })
    expect(map.summarised).toBe(true)
    expect(map.clusters.map((c) => c.nodes.map((n) => [n.slug, n.count]))).toEqual([[['alpha/index.html', 12]], [['beta/index.html', 12]], [['gamma/index.html', 12]]])
    // alpha → beta twice and alpha → gamma once.
    expect(map.edges.map((e) => e.weight)).toEqual([2, 1])
  })
})
