/**
 * Fingerprints of page models: a hash of everything in a model. Two models
 * with the same fingerprint render to the same HTML (given the same theme and
 * the same site-wide inputs, which the caller adds as `shared`), so the dev
 * server renders again only pages whose fingerprint changed, and a build
 * keeps the last build's file of every other page.
 *
 * A model holds each note body behind a getter that loads it (`lazyBody`):
 * the getter is not enumerable, so JSON leaves the body out, and the note's
 * content key beside it (`bodyKey`) stands for it. Bodies are never read, so
 * a fingerprint costs the size of the model's facts, not of its notes; and
 * no replacer function is needed, which would make JSON.stringify call back
 * into JavaScript for every value of every model (it was half the cost).
 */
import { createHash } from 'node:crypto'
import type { Root } from 'hast'

/** The fingerprint of `value` (a page model, or anything its HTML depends on): its JSON's hash. */
export function fingerprint(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value) ?? 'null')
    .digest('base64url')
}

/**
 * `model` with a `body` that `read` loads each time it is read, left out of
 * its JSON, and the `bodyKey` that stands for it there: the content key of
 * the note it is the body of, which with the rest of the model decides it.
 */
export function lazyBody<T extends object>(model: T, bodyKey: string, read: () => Root): T & { body: Root; bodyKey: string } {
  Object.defineProperty(model, 'body', { get: read, enumerable: false, configurable: true })
  return Object.assign(model, { bodyKey }) as T & { body: Root; bodyKey: string }
}
