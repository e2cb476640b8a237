/**
 * Check every internal link, fragment and asset reference of the site at
 * once, after all notes are compiled: a broken one is a warning at the link's
 * `file:line:col`.
 */
import type { Diagnostic } from '../report.ts'
import { slugOf, type SourcePath } from '../paths.ts'
import { mapLine } from '../content/include.ts'
import { resolvePageTarget, type SiteGraph } from './site-graph.ts'
import { isUnresolvedGuess } from './wikilinks.ts'

export interface CheckLinksOptions {
  display: (source: SourcePath) => string
  /** Line maps of notes with includes, to point at the included file. */
  segments?: (source: SourcePath) => import('../content/include.ts').LineSegment[]
  /** Notes left out of the build, with why (`a draft`); a link to one is reported as such. */
  skipped?: ReadonlyMap<SourcePath, string>
  /** Site paths served as redirect pages (`miri.html` from `[output.html.redirect]`): a link to one leads on. */
  redirects?: ReadonlySet<string>
}

/** All broken links of the site, in note order. */
export function checkLinks(graph: SiteGraph, options: CheckLinksOptions): Diagnostic[] {
  const out: Diagnostic[] = []
  const idSets = new Map<SourcePath, Set<string>>()
  const idsOf = (source: SourcePath) => {
    let ids = idSets.get(source)
    if (!ids) {
      ids = new Set(graph.notes.get(source)?.ids ?? [])
      idSets.set(source, ids)
    }
    return ids
  }
  const checked = graph.all.map((source) => graph.notes.get(source)!)
  // The 404 page's note is no page of its own unless SUMMARY lists it; its links are published all the same.
  if (graph.notFound && !graph.notes.has(graph.notFound.note.source)) checked.push(graph.notFound.note)
  for (const note of checked) {
    const source = note.source
    for (const link of note.links) {
      const where = () => {
        const mapped = link.line ? mapLine(options.segments?.(source) ?? [], link.line) : undefined
        return { file: mapped?.file ?? options.display(source), line: mapped?.line ?? link.line, column: link.column }
      }
      const warn = (message: string, rule: string) => out.push({ ...where(), severity: 'warning', message, rule })
      if (isUnresolvedGuess(link)) continue
      if (link.problem) {
        warn(link.problem, link.problemRule ?? 'missing-link')
        continue
      }
      // Another file of the repository, linked on its host (graph/wikilinks.ts): no file of the site.
      if (link.outside) continue
      if (link.kind === 'fragment') {
        if (link.fragment && !note.ids.includes(link.fragment)) warn(`No heading or anchor \`#${link.fragment}\` in this note`, 'missing-anchor')
        continue
      }
      if (link.kind === 'page' || /\.html$/i.test(link.target)) {
        const target = resolvePageTarget(graph, link.target)
        if (!target) {
          if (link.kind === 'asset' && graph.assets.has(link.target)) continue
          // A note left out says why first: a book's unlisted README.md has the front page's URL, which is a
          // redirect to the first chapter then.
          const why = options.skipped?.get(link.target)
          if (why !== undefined) {
            warn(`Link to \`${link.target}\`, which is not published: ${why}`, 'draft-link')
            continue
          }
          // A book that moved a chapter keeps its old URL as a redirect, and older chapters still link to it.
          if (options.redirects?.has(/\.html$/i.test(link.target) ? link.target : slugOf(link.target))) continue
          warn(`Link to missing note \`${link.url}\``, 'missing-link')
          continue
        }
        if (link.fragment && !idsOf(target).has(link.fragment)) warn(`No heading or anchor \`#${link.fragment}\` in \`${target}\``, 'missing-anchor')
        continue
      }
      if (!graph.assets.has(link.target)) warn(`Missing file \`${link.url}\``, 'missing-asset')
    }
  }
  return out
}
