/**
 * The parsed SUMMARY.md kept between builds. Parsing a 2,000-chapter
 * SUMMARY.md is most of a second, and a build after an edit to a note would
 * parse the same text again: the last parse is kept with a hash of what it
 * depends on (the text, which notes exist, how its file is named in
 * diagnostics, the tool's version) and used while that hash is unchanged.
 * A build parses it while its notes compile, before drafts are known
 * (`parseSummaryAhead`), so the file memo keeps that parse and the one
 * without the drafts.
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

/** Parses a file memo keeps: a build with drafts needs two, the one made ahead of compiling (as if no note were a draft) and the one without its drafts. */
const FILE_PARSES = 2

interface FileRecord {
  parses?: Array<{ key?: unknown; result?: SummaryResult }>
}

function readRecord(file: string): FileRecord {
  try {
    const record = JSON.parse(fs.readFileSync(file, 'utf8')) as FileRecord
    return Array.isArray(record.parses) ? record : {}
  } catch {
    return {}
  }
}

/**
 * A memo in `file`, holding the last two parses. A file that cannot be read
 * or parsed, or holds other keys, is a miss; one that cannot be written is
 * left alone.
 */
export function fileSummaryMemo(file: string): SummaryMemo {
  return {
    get(key) {
      const kept = readRecord(file).parses?.find((p) => p.key === key)?.result
      return kept && Array.isArray(kept.items) && Array.isArray(kept.diagnostics) ? kept : undefined
    },
    set(key, result) {
      try {
        const parses = [{ key, result }, ...(readRecord(file).parses ?? []).filter((p) => p.key !== key)].slice(0, FILE_PARSES)
        fs.mkdirSync(path.dirname(file), { recursive: true })
        // Written aside and renamed: a build killed midway leaves the last record or none, never half of one.
        const tmp = `${file}.${process.pid}.tmp`
        fs.writeFileSync(tmp, JSON.stringify({ parses } satisfies FileRecord))
        fs.renameSync(tmp, file)
      } catch {
        // The cache is an optimisation: the next build parses again.
      }
    },
  }
}
