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
 * Write `value` as JSON would (keys in order, `undefined` and functions left
 * out), except that a `body` beside a `slug` whose note `bodyKey` knows is
 * written as that note's key, without reading the body (a getter that loads it).
 */
function write(value: unknown, bodyKey: BodyKey, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(value === undefined || typeof value === 'function' || typeof value === 'symbol' ? 'null' : JSON.stringify(value))
    return
  }
  if (Array.isArray(value)) {
    out.push('[')
    value.forEach((item, i) => {
      if (i > 0) out.push(',')
      write(item, bodyKey, out)
    })
    out.push(']')
    return
  }
  const record = value as Record<string, unknown>
  const key = typeof record.slug === 'string' && 'body' in record ? bodyKey(record.slug as Slug) : undefined
  out.push('{')
  let first = true
  for (const name of Object.keys(record)) {
    if (name === 'body' && key !== undefined) {
      out.push(`${first ? '' : ','}"body":{"key":${JSON.stringify(key)}}`)
      first = false
      continue
    }
    const item = record[name]
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
    out.push(`${first ? '' : ','}${JSON.stringify(name)}:`)
    first = false
    write(item, bodyKey, out)
  }
  out.push('}')
}

/** The fingerprint of `value` (a page model, or anything its HTML depends on), bodies by their notes' keys. */
export function fingerprint(value: unknown, bodyKey: BodyKey = () => undefined): string {
  const out: string[] = []
  write(value, bodyKey, out)
  return createHash('sha256').update(out.join('')).digest('base64url')
}

/** The content key of the note at each slug of `graph`. */
export function bodyKeys(graph: SiteGraph): BodyKey {
  return (slug) => {
    const source = graph.bySlug.get(slug)
    return source && graph.notes.get(source)?.key
  }
}
