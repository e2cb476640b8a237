/**
 * Check the site's note embeds (`![[Note#Heading]]`) once every wikilink is
 * resolved: an embed of a heading or block the note does not have, and an
 * embed cycle (a note that shows itself through embeds), are warnings at the
 * embed's `file:line:col`. The page shows the former as a broken link and
 * the repeat of a cycle as a link (pages/transclude.ts).
 */
import { mapLine, type LineSegment } from '../content/include.ts'
import type { LinkInfo } from '../markdown/data.ts'
import type { SourcePath } from '../paths.ts'
import type { Diagnostic } from '../report.ts'
import type { SiteGraph } from './site-graph.ts'

export interface CheckEmbedsOptions {
  display: (source: SourcePath) => string
  /** Line maps of notes with includes, to point at the included file. */
  segments?: (source: SourcePath) => LineSegment[]
}

/** The embed links of a note that name a published note. */
function embedsOf(graph: SiteGraph, source: SourcePath): LinkInfo[] {
  return (graph.notes.get(source)?.links ?? []).filter((l) => l.embed && !l.problem && graph.notes.has(l.target))
}

/** Warnings for embeds of missing sections and for embed cycles, in note order. */
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
  return out
}
