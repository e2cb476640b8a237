/**
 * A page's wikilink targets (`wikiTargets`, graph/wikilinks.ts) are part of
 * its model, so a page whose wikilinks point elsewhere (a note was added or
 * renamed) has another fingerprint and is rendered again; this looks them up
 * when its body is filled.
 */
import type { WikiTarget } from '../graph/wikilinks.ts'
import type { TargetOf } from '../markdown/wikilink-slots.ts'

/** Look up a name among a note's wikilink targets. */
export function targetLookup(targets: readonly WikiTarget[]): TargetOf {
  const byName = new Map(targets.map((t) => [t.name, t]))
  return Object.assign((name: string) => byName.get(name)?.to, { hasId: (name: string, id: string) => byName.get(name)?.ids?.includes(id) === true })
}
