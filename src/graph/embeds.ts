/**
 * Check the site's note embeds (`![[Note#Heading]]`) once every wikilink is
 * resolved: an embed of a heading or block the note does not have, an embed
 * cycle (a note that shows itself through embeds), and an embed nested
 * deeper than `MAX_EMBED_DEPTH` on some page are warnings at the embed's
 * `file:line:col`. The page shows the first as a broken link and the others
 * as links (pages/transclude.ts).
 */
import { mapLine, type LineSegment } from '../content/include.ts'
import type { LinkInfo } from '../markdown/data.ts'
import type { SourcePath } from '../paths.ts'
import type { Diagnostic } from '../report.ts'
import type { SiteGraph } from './site-graph.ts'

/** How many embeds deep a page shows notes; a deeper one is a link (Obsidian stops at a similar depth). */
export const MAX_EMBED_DEPTH = 5

export interface CheckEmbedsOptions {
  display: (source: SourcePath) => string
  /** Line maps of notes with includes, to point at the included file. */
  segments?: (source: SourcePath) => LineSegment[]
}

/** The embed links of a note that name a published note. */
function embedsOf(graph: SiteGraph, source: SourcePath): LinkInfo[] {
  return (graph.notes.get(source)?.links ?? []).filter((l) => l.embed && !l.problem && graph.notes.has(l.target))
}

/**
 * The embed links of `source` a page shows when it embeds `fragment` of it:
 * all of them for the whole note, those in a heading's section for a
 * heading. A block's extent is not among a note's facts: its embeds are left
 * out, so that no embed is warned of that a page does not show.
 */
function shownEmbedsOf(graph: SiteGraph, source: SourcePath, fragment: string | undefined): LinkInfo[] {
  const links = embedsOf(graph, source)
  if (fragment === undefined) return links
  const headings = graph.notes.get(source)?.headings ?? []
  const first = headings.findIndex((h) => h.id === fragment)
  if (first === -1) return []
  const end = headings.findIndex((h, i) => i > first && h.depth <= headings[first]!.depth)
  return links.filter((l) => l.section >= first && (end === -1 || l.section < end))
}

/** Warnings for embeds of missing sections, embed cycles and embeds nested too deep, in note order. */
export function checkEmbeds(graph: SiteGraph, options: CheckEmbedsOptions): Diagnostic[] {
  const out: Diagnostic[] = []
  const warn = (source: SourcePath, link: LinkInfo, message: string, rule: string) => {
    const mapped = link.line ? mapLine(options.segments?.(source) ?? [], link.line) : undefined
    out.push({ file: mapped?.file ?? options.display(source), line: mapped?.line ?? link.line, column: link.column, severity: 'warning', message, rule })
  }
  for (const source of graph.all) {
    for (const link of embedsOf(graph, source)) {
      if (link.fragment === undefined) continue
      const target = graph.notes.get(link.target)!
      // check-links already warns of an id the note lacks; an id that is neither a heading nor a block is the embed's own problem.
      if (!target.ids.includes(link.fragment)) continue
      if (!target.headings.some((h) => h.id === link.fragment) && !target.blockIds.includes(link.fragment)) {
        warn(source, link, `Embed \`${link.url.slice(0, -2)}#${link.fragment}]]\`: \`#${link.fragment}\` in \`${link.target}\` is neither a heading nor a block (\`^id\`); it is shown as a broken link`, 'embed')
      }
    }
  }
  // Each cycle once: a depth-first walk reports the embed that leads back to a note still being walked.
  const state = new Map<SourcePath, 'open' | 'done'>()
  const path: SourcePath[] = []
  const visit = (source: SourcePath) => {
    state.set(source, 'open')
    path.push(source)
    for (const link of embedsOf(graph, source)) {
      const seen = state.get(link.target)
      if (seen === 'open') {
        const cycle = [...path.slice(path.indexOf(link.target)), link.target].map((s) => `\`${s}\``).join(' → ')
        warn(source, link, `Embed cycle: ${cycle}; the repeated note is shown as a link`, 'embed-cycle')
      } else if (seen === undefined) visit(link.target)
    }
    path.pop()
    state.set(source, 'done')
  }
  for (const source of graph.all) if (!state.has(source)) visit(source)
  // Every page shows its note's embeds, and theirs, down to MAX_EMBED_DEPTH; an embed past that is a link.
  // Each such embed is warned of once, with the first page found to reach it. A note already walked at a
  // depth, for the same part of it, is not walked again there: what it reaches is the same.
  const tooDeep = new Set<LinkInfo>()
  const walked = new Set<string>()
  const walk = (chain: SourcePath[], links: LinkInfo[]) => {
    for (const link of links) {
      // A note already on the page's chain is a cycle, warned of above.
      if (chain.includes(link.target)) continue
      if (chain.length > MAX_EMBED_DEPTH) {
        if (tooDeep.has(link)) continue
        tooDeep.add(link)
        const shown = [...chain, link.target].map((s) => `\`${s}\``).join(' → ')
        warn(chain.at(-1)!, link, `Embed nested more than ${MAX_EMBED_DEPTH} deep on the page of \`${chain[0]}\` (${shown}); there it is shown as a link`, 'embed-depth')
        continue
      }
      const key = `${chain.length}\0${link.target}\0${link.fragment ?? ''}`
      if (walked.has(key)) continue
      walked.add(key)
      walk([...chain, link.target], shownEmbedsOf(graph, link.target, link.fragment))
    }
  }
  for (const source of graph.all) walk([source], embedsOf(graph, source))
  return out
}
