/**
 * A page's wikilink targets (`wikiTargets`, graph/wikilinks.ts) are part of
 * its model, so a page whose wikilinks point elsewhere (a note was added or
 * renamed) has another fingerprint and is rendered again; this looks them up
 * when its body is filled.
 */
import type { WikiTarget } from '../graph/wikilinks.ts'

/** Look up a name among a note's wikilink targets. */
export function targetLookup(targets: readonly WikiTarget[]): (name: string) => string | undefined {
  const byName = new Map(targets.map((t) => [t.name, t.to]))
  return (name) => byName.get(name)
}
