/**
 * The map of the wiki as inline SVG: drawn at build time, readable with
 * JavaScript off, every node a link to its note (or, summarised, its section).
 */
import type { Element } from 'hast'
import { h, s } from 'hastscript'
import type { WikiMap } from '../../../src/graph/map.ts'
import type { ThemeContext } from '../../../src/theme/types.ts'
import { countWords, fill } from '../../../src/words/index.ts'

/** The map figure, with a caption saying what it shows. */
export function wikiMap(ctx: ThemeContext, map: WikiMap): Element {
  const edges = map.edges.map((e) =>
    s('line', { className: [`map-edge`, `map-edge-${e.kind}`], x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2, strokeWidth: e.weight > 1 ? Math.min(1 + Math.log2(e.weight), 6).toFixed(1) : undefined }),
  )
  const clusters = map.clusters.map((c) => {
    const label = s('text', { className: ['map-label'], x: c.x, y: c.labelY, textAnchor: 'middle' }, c.title)
    const nodes = c.nodes.map((n) =>
      s('a', { href: ctx.href(n.slug), ariaLabel: map.summarised ? `${n.title}, ${countWords(ctx.config.words, ctx.config.language, 'note-count', n.count)}` : n.title }, [
        s('circle', { className: ['map-node'], cx: n.x, cy: n.y, r: n.r }, [s('title', map.summarised ? `${n.title} (${n.count} notes)` : n.title)]),
      ]),
    )
    return s('g', { className: ['map-cluster'] }, [
      map.summarised ? undefined : s('circle', { className: ['map-cluster-disc'], cx: c.x, cy: c.y, r: c.r }),
      c.slug ? s('a', { href: ctx.href(c.slug) }, [label]) : label,
      ...nodes,
    ].filter((e) => e !== undefined))
  })
  const { words } = ctx.config
  const caption = map.summarised ? fill(words['map-caption-summarised'], { count: map.notes }) : words['map-caption']
  return h('figure.wiki-map', [
    s('svg', { viewBox: `0 0 ${map.width} ${map.height}`, role: 'group', ariaLabel: ctx.config.words['map-of-wiki'], className: ['wiki-map-svg'] }, [
      s('g', { className: ['map-edges'] }, edges),
      ...clusters,
    ]),
    h('figcaption', caption),
  ])
}
