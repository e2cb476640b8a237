/**
 * The parsed SUMMARY.md kept between builds. Parsing a 2,000-chapter
 * SUMMARY.md is most of a second, and a build after an edit to a note would
 * parse the same text again: the last parse is kept with a hash of what it
 * depends on (the text, which notes exist, how its file is named in
 * diagnostics, the tool's version) and used while that hash is unchanged.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { SummaryResult } from './summary.ts'

/** Where the last parse is kept: in memory (the dev server) or in the cache folder (builds). */
export interface SummaryMemo {
  get(key: string): SummaryResult | undefined
  /** Keep `result` as the parse for `key`, in place of the last one. */
  set(key: string, result: SummaryResult): void
}

/** The memo key of a parse: a hash of everything the result depends on. */
export function summaryKey(parts: readonly string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('base64url')
}

/** A memo in memory, holding one parse. */
export function memorySummaryMemo(): SummaryMemo {
  let kept: { key: string; result: SummaryResult } | undefined
  return {
    get: (key) => (kept?.key === key ? kept.result : undefined),
    set: (key, result) => void (kept = { key, result }),
  }
}

/**
 * A memo in `file`, holding one parse. A file that cannot be read or parsed,
 * or holds another key, is a miss; one that cannot be written is left alone.
 */
export function fileSummaryMemo(file: string): SummaryMemo {
  return {
    get(key) {
      try {
        const record = JSON.parse(fs.readFileSync(file, 'utf8')) as { key?: unknown; result?: SummaryResult }
        return record.key === key && Array.isArray(record.result?.items) && Array.isArray(record.result.diagnostics) ? record.result : undefined
      } catch {
        return undefined
      }
    },
    set(key, result) {
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true })
        // Written aside and renamed: a build killed midway leaves the last record or none, never half of one.
        const tmp = `${file}.${process.pid}.tmp`
        fs.writeFileSync(tmp, JSON.stringify({ key, result }))
        fs.renameSync(tmp, file)
      } catch {
        // The cache is an optimisation: the next build parses again.
      }
    },
  }
}
