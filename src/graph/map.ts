/**
 * The map of the wiki, laid out at build time: each section a cluster of
 * note nodes (a sunflower disc, so any count packs evenly), clusters packed
 * in reading order on shelves, links and shared topics as edges. Past
 * `maxNodes` notes the map summarises: one node per section, edges weighted
 * by the links between sections. Deterministic: no randomness, coordinates
 * rounded.
 */
import { slugOf, type Slug, type SourcePath } from '../paths.ts'
import type { SiteGraph } from './site-graph.ts'
import { groupOf } from './sections.ts'

export interface MapNode {
  title: string
  slug: Slug
  x: number
  y: number
  r: number
  /** Notes it stands for (1 for a note, the section's size when summarised). */
  count: number
}

export interface MapCluster {
  title: string
  /** The section page, if the section has one. */
  slug?: Slug
  /** Centre and radius of the cluster's disc, and where its label sits. */
  x: number
  y: number
  r: number
  labelY: number
  nodes: MapNode[]
}

export interface MapEdge {
  x1: number
  y1: number
  x2: number
  y2: number
  kind: 'link' | 'topic'
  /** Links it stands for (summarised maps), else 1. */
  weight: number
}

export interface WikiMap {
  width: number
  height: number
  /** True when sections are drawn as single nodes. */
  summarised: boolean
  clusters: MapCluster[]
  edges: MapEdge[]
  /** Notes on the map. */
  notes: number
}

export interface MapOptions {
  /** Navigation title of a note. */
  titleOf: (source: SourcePath) => string
  /** Most notes drawn one by one (default 400). */
  maxNodes?: number
  /** Width of the drawing (default 960). */
  width?: number
}

const SPACING = 17
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5))
const LABEL_CHARS = 26
const CHAR_WIDTH = 6.6
const round = (n: number) => Math.round(n * 10) / 10

interface Group {
  title: string
  source?: SourcePath
  notes: SourcePath[]
}

function groups(graph: SiteGraph): Group[] {
  const byKey = new Map<string, Group>()
  for (const source of graph.all) {
    const g = groupOf(graph, source)
    let group = byKey.get(g.key)
    if (!group) {
      group = { title: g.title, source: g.source, notes: [] }
      byKey.set(g.key, group)
    }
    group.notes.push(source)
  }
  return [...byKey.values()]
}

function label(title: string): string {
  return title.length > LABEL_CHARS ? `${title.slice(0, LABEL_CHARS - 1)}…` : title
}

/** Lay out the map of the wiki. */
export function layoutMap(graph: SiteGraph, options: MapOptions): WikiMap {
  const summarised = graph.all.length > (options.maxNodes ?? 400)
  const list = groups(graph)
  // Disc radius of each cluster: a sunflower of n nodes spaced SPACING apart.
  const radii = list.map((g) => (summarised ? 12 + 3 * Math.sqrt(g.notes.length) : SPACING * Math.sqrt(g.notes.length) + 10))

  // Shelf packing in reading order: a cluster's slot is wide enough for its disc and its label.
  const slots = list.map((g, i) => {
    const text = label(summarised ? `${g.title} (${g.notes.length})` : g.title)
    return { group: g, r: radii[i]!, text, width: Math.max(2 * radii[i]!, text.length * CHAR_WIDTH) + 24 }
  })
  // A cluster wider than the drawing widens it rather than overflow.
  const width = Math.max(options.width ?? 960, ...slots.map((s) => s.width))
  const shelves: Array<typeof slots> = []
  for (const slot of slots) {
    const row = shelves.at(-1)
    if (row && row.reduce((w, s) => w + s.width, 0) + slot.width <= width) row.push(slot)
    else shelves.push([slot])
  }
  const clusters: MapCluster[] = []
  let y = 6
  for (const row of shelves) {
    // Each shelf is centred; its height is its largest disc plus the label line.
    let x = Math.max(0, (width - row.reduce((w, s) => w + s.width, 0)) / 2)
    const shelf = Math.max(...row.map((s) => 2 * s.r)) + 18 + 20
    for (const { group: g, r, text, width: slot } of row) {
      const cx = x + slot / 2
      const cy = y + 18 + r
      x += slot
      clusters.push({ title: text, slug: g.source ? slugOf(g.source) : undefined, x: round(cx), y: round(cy), r: round(r), labelY: round(y + 12), nodes: nodesOf(graph, g, { cx, cy, r, summarised, titleOf: options.titleOf }) })
    }
    y += shelf
  }
  const height = Math.ceil(y + 4)
  return { width, height, summarised, clusters, edges: summarised ? sectionEdges(graph, list, clusters) : noteEdges(graph, clusters), notes: graph.all.length }
}

function nodesOf(graph: SiteGraph, g: Group, at: { cx: number; cy: number; r: number; summarised: boolean; titleOf: MapOptions['titleOf'] }): MapNode[] {
  const { cx, cy, r } = at
  if (at.summarised) return [{ title: g.title, slug: slugOf(g.source ?? g.notes[0]!), x: round(cx), y: round(cy), r: round(r), count: g.notes.length }]
  const backlinks = graph.indices.links.backlinks
  return g.notes.map((source, k) => {
    // A sunflower: the k-th node at distance ∝ √k, turned by the golden angle, packs a disc evenly.
    const d = SPACING * Math.sqrt(k + 0.5)
    const a = k * GOLDEN_ANGLE
    const links = backlinks.get(source)?.length ?? 0
    return {
      title: at.titleOf(source),
      slug: graph.slugs.get(source)!,
      x: round(cx + d * Math.cos(a)),
      y: round(cy + d * Math.sin(a)),
      r: round(Math.min(4 + Math.sqrt(links) * 1.5, 8)),
      count: 1,
    }
  })
}

function noteEdges(graph: SiteGraph, clusters: MapCluster[]): MapEdge[] {
  const at = new Map<string, MapNode>()
  for (const c of clusters) for (const n of c.nodes) at.set(n.slug, n)
  const edges: MapEdge[] = []
  const seen = new Set<string>()
  const add = (a: SourcePath, b: SourcePath, kind: MapEdge['kind']) => {
    const [p, q] = [graph.slugs.get(a)!, graph.slugs.get(b)!].sort()
    const key = `${p}\u0000${q}`
    const from = at.get(p!)
    const to = at.get(q!)
    if (seen.has(key) || !from || !to) return
    seen.add(key)
    edges.push({ x1: from.x, y1: from.y, x2: to.x, y2: to.y, kind, weight: 1 })
  }
  for (const source of graph.all) for (const target of graph.indices.links.outgoing.get(source) ?? []) add(source, target, 'link')
  // Shared topics: each note to the two notes it is most related to, where no link already joins them.
  for (const source of graph.all) for (const other of (graph.indices.related.get(source) ?? []).slice(0, 2)) add(source, other, 'topic')
  return edges
}

function sectionEdges(graph: SiteGraph, list: Group[], clusters: MapCluster[]): MapEdge[] {
  const clusterOf = new Map<SourcePath, number>()
  list.forEach((g, i) => g.notes.forEach((n) => clusterOf.set(n, i)))
  const weights = new Map<number, number>()
  for (const source of graph.all) {
    for (const target of graph.indices.links.outgoing.get(source) ?? []) {
      const a = clusterOf.get(source)!
      const b = clusterOf.get(target)
      if (b === undefined || a === b) continue
      // One number per unordered pair of clusters.
      const key = Math.min(a, b) * list.length + Math.max(a, b)
      weights.set(key, (weights.get(key) ?? 0) + 1)
    }
  }
  return [...weights.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, weight]) => {
      const p = clusters[Math.floor(key / list.length)]!
      const q = clusters[key % list.length]!
      return { x1: p.x, y1: p.y, x2: q.x, y2: q.y, kind: 'link' as const, weight }
    })
}
