/**
 * Fingerprints of page models: a hash of everything in a model, with each
 * note body standing by its note's content key. Two models with the same
 * fingerprint render to the same HTML (given the same theme and the same
 * site-wide inputs, which the caller adds as `shared`), so the dev server
 * renders again only pages whose fingerprint changed, and a build keeps the
 * last build's file of every other page. Bodies are never read, so a
 * fingerprint costs the size of the model's facts, not of its notes.
 */
import { createHash } from 'node:crypto'
import type { SiteGraph } from '../graph/site-graph.ts'
import type { Slug } from '../paths.ts'

/** The content key of the note at a slug, if a note is there. */
export type BodyKey = (slug: Slug) => string | undefined

/**
 * `value` as JSON, except that an object with a `slug` whose note `bodyKey`
 * knows and a `body` is written with that note's key as its body, without
 * reading the body (a getter that loads it). JSON.stringify hands the
 * replacer each object before reading its properties, so the copy made
 * here is read instead, and the getter never runs.
 */
function toJson(value: unknown, bodyKey: BodyKey): string {
  const json = JSON.stringify(value, (_name, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item
    const record = item as Record<string, unknown>
    if (typeof record.slug !== 'string' || !('body' in record)) return item
    const key = bodyKey(record.slug as Slug)
    if (key === undefined) return item
    const copy: Record<string, unknown> = {}
    for (const name of Object.keys(record)) copy[name] = name === 'body' ? { key } : record[name]
    return copy
  }) as string | undefined
  return json ?? 'null'
}

/** The fingerprint of `value` (a page model, or anything its HTML depends on), bodies by their notes' keys. */
export function fingerprint(value: unknown, bodyKey: BodyKey = () => undefined): string {
  return createHash('sha256').update(toJson(value, bodyKey)).digest('base64url')
}

/** The content key of the note at each slug of `graph`. */
export function bodyKeys(graph: SiteGraph): BodyKey {
  return (slug) => {
    if (graph.notFound && slug === graph.notFound.slug) return graph.notFound.note.key
    const source = graph.bySlug.get(slug)
    return source && graph.notes.get(source)?.key
  }
}
