/**
 * Where each wikilink of a note points, as the graph stage resolved it: the
 * output path of a note's page or of a copied file, or nothing. Part of the
 * page model, so a page whose wikilinks point elsewhere (a note was added or
 * renamed) has another fingerprint and is rendered again.
 */
import type { CompiledNote } from '../markdown/compile.ts'
import { slugOf } from '../paths.ts'

/** One wikilink name of a note and the output path it resolved to (none when broken). */
export interface WikiTarget {
  name: string
  to?: string
}

/** The targets of a note's wikilinks, once per name, in link order. */
export function wikiTargets(note: CompiledNote): WikiTarget[] {
  const seen = new Map<string, WikiTarget>()
  for (const link of note.links) {
    if (link.wiki === undefined || seen.has(link.wiki)) continue
    seen.set(link.wiki, { name: link.wiki, to: link.problem ? undefined : link.kind === 'asset' ? link.target : slugOf(link.target) })
  }
  return [...seen.values()]
}

/** Look up a name among a note's wikilink targets. */
export function targetLookup(targets: readonly WikiTarget[]): (name: string) => string | undefined {
  const byName = new Map(targets.map((t) => [t.name, t.to]))
  return (name) => byName.get(name)
}
