/**
 * mdBook's text preprocessor links: `{{#include file}}`, `{{#include
 * file:anchor}}`, `{{#include file:10:20}}` (and `rustdoc_include`, `title`).
 * Like mdBook, they are expanded in the raw text before parsing, so they also
 * work inside code fences. A line map keeps diagnostics pointing at the file
 * and line the text came from.
 *
 * This is a directive scanner, not a markdown parser: mdBook defines these
 * links textually, and no library implements them.
 */
import { resolveSource, type SourcePath } from '../paths.ts'
import type { Diagnostic } from '../report.ts'

/** Where a run of expanded lines came from. */
export interface LineSegment {
  /** First line of the run in the expanded text (1-based). */
  start: number
  file: SourcePath
  /** Its line in `file`. */
  line: number
}

export interface Expansion {
  text: string
  /** Sorted by `start`; empty when nothing was included. */
  segments: LineSegment[]
  /** Files read to expand this note, for cache keys and the dev watcher. */
  dependencies: SourcePath[]
  /** Set by `{{#title …}}`. */
  title?: string
  diagnostics: Diagnostic[]
}

export interface ExpandOptions {
  source: SourcePath
  /** Read a file of the source folder, or undefined when it does not exist. */
  read: (file: SourcePath) => string | undefined
  /** Shown in diagnostics for a source path. */
  display: (file: SourcePath) => string
}

const LINK = /\\?\{\{\s*#([A-Za-z0-9_]+)(?:\s+([^}]*?))?\s*\}\}/g
const MAX_DEPTH = 10

/** A run of expanded text and where its first character came from. */
interface Piece {
  text: string
  file: SourcePath
  line: number
}

/** Expand mdBook links in `text`, the content of `options.source`. */
export function expandIncludes(text: string, options: ExpandOptions): Expansion {
  if (!text.includes('{{')) return { text, segments: [], dependencies: [], diagnostics: [] }
  const diagnostics: Diagnostic[] = []
  const dependencies = new Set<SourcePath>()
  let title: string | undefined

  const expand = (body: string, file: SourcePath, firstLine: number, stack: SourcePath[]): Piece[] => {
    const pieces: Piece[] = []
    const lines = body.split('\n')
    let buffer = ''
    let bufferLine = firstLine
    lines.forEach((raw, index) => {
      const lineNo = firstLine + index
      const newline = index < lines.length - 1 ? '\n' : ''
      if (!raw.includes('{{')) {
        buffer += raw + newline
        return
      }
      let last = 0
      for (const match of raw.matchAll(LINK)) {
        const at = match.index ?? 0
        buffer += raw.slice(last, at)
        last = at + match[0].length
        const whole = match[0]
        if (whole.startsWith('\\')) {
          buffer += whole.slice(1)
          continue
        }
        const name = match[1]!
        const args = (match[2] ?? '').trim()
        const report = (message: string, rule: string, severity: 'warning' | 'error' = 'warning') =>
          diagnostics.push({ file: options.display(file), line: lineNo, column: at + 1, severity, message, rule })
        if (name === 'title') {
          title = args
          continue
        }
        if (name !== 'include' && name !== 'rustdoc_include') {
          report(`Unknown mdBook link \`{{#${name}}}\`, left as text`, 'unknown-directive')
          buffer += whole
          continue
        }
        const spec = parseSpec(args)
        const target = resolveSource(file, spec.path)
        if (!target) {
          report(`\`{{#${name} ${args}}}\` points outside the source folder`, 'include-outside', 'error')
          continue
        }
        if (target === options.source || stack.includes(target) || target === file) {
          report(`\`{{#${name} ${args}}}\` includes itself (${[...stack, file, target].join(' → ')})`, 'include-cycle', 'error')
          continue
        }
        if (stack.length >= MAX_DEPTH) {
          report(`Includes nested deeper than ${MAX_DEPTH}`, 'include-depth', 'error')
          continue
        }
        const content = options.read(target)
        if (content === undefined) {
          report(`Included file not found: ${spec.path}`, 'include-missing', 'error')
          continue
        }
        dependencies.add(target)
        const selected = select(content.replace(/\r\n?/g, '\n'), spec)
        if (selected.missingAnchor) report(`Anchor \`${spec.anchor}\` not found in ${spec.path}`, 'include-anchor')
        pieces.push({ text: buffer, file, line: bufferLine })
        buffer = ''
        bufferLine = lineNo
        if (selected.text.includes('{{')) pieces.push(...expand(selected.text, target, selected.firstLine, [...stack, file]))
        else pieces.push({ text: selected.text, file: target, line: selected.firstLine })
      }
      buffer += raw.slice(last) + newline
    })
    pieces.push({ text: buffer, file, line: bufferLine })
    return pieces
  }

  const pieces = expand(text, options.source, 1, [])
  // Join the pieces, starting a line segment wherever a piece begins a new line.
  const segments: LineSegment[] = []
  let out = ''
  let outLine = 1
  for (const piece of pieces) {
    if (piece.text === '') continue
    const atLineStart = out === '' || out.endsWith('\n')
    if (atLineStart) segments.push({ start: outLine, file: piece.file, line: piece.line })
    else if (piece.text.includes('\n')) {
      segments.push({ start: outLine + 1, file: piece.file, line: piece.line + 1 })
    }
    out += piece.text
    outLine += countNewlines(piece.text)
  }
  return { text: out, segments, dependencies: [...dependencies].sort(), title, diagnostics }
}

function countNewlines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

interface Spec {
  path: string
  anchor?: string
  from?: number
  to?: number
}

/** `file`, `file:anchor`, `file:10`, `file:10:`, `file::20`, `file:10:20`. */
function parseSpec(args: string): Spec {
  const parts = args.split(':')
  const path = parts[0]!.trim()
  if (parts.length === 1) return { path }
  const a = parts[1]!.trim()
  if (parts.length === 2) {
    if (/^\d+$/.test(a)) return { path, from: Number(a), to: Number(a) }
    return a === '' ? { path } : { path, anchor: a }
  }
  const b = parts[2]!.trim()
  return {
    path,
    from: a === '' ? undefined : Number(a),
    to: b === '' ? undefined : Number(b),
  }
}

const ANCHOR_LINE = /ANCHOR(?:_END)?:\s*[\w-]+/

function select(content: string, spec: Spec): { lines: string[]; firstLine: number; text: string; missingAnchor: boolean } {
  let lines = content.split('\n')
  if (lines.at(-1) === '') lines.pop()
  let firstLine = 1
  let missingAnchor = false
  if (spec.anchor) {
    const start = lines.findIndex((l) => new RegExp(`ANCHOR:\\s*${escape(spec.anchor!)}\\b`).test(l))
    if (start === -1) {
      missingAnchor = true
      lines = []
    } else {
      const end = lines.findIndex((l, i) => i > start && new RegExp(`ANCHOR_END:\\s*${escape(spec.anchor!)}\\b`).test(l))
      lines = lines.slice(start + 1, end === -1 ? undefined : end)
      firstLine = start + 2
    }
  } else if (spec.from !== undefined || spec.to !== undefined) {
    const from = Math.max(1, spec.from ?? 1)
    lines = lines.slice(from - 1, spec.to)
    firstLine = from
  }
  // Anchor markers never reach the page, whichever lines were asked for.
  const kept = lines.filter((l) => !ANCHOR_LINE.test(l))
  return { lines: kept, firstLine, text: kept.join('\n'), missingAnchor }
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Map a line of the expanded text back to the file and line it came from. */
export function mapLine(expansion: Pick<Expansion, 'segments'>, line: number, fallback: SourcePath): { file: SourcePath; line: number } {
  const { segments } = expansion
  if (segments.length === 0) return { file: fallback, line }
  let lo = 0
  let hi = segments.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (segments[mid]!.start <= line) lo = mid
    else hi = mid - 1
  }
  const seg = segments[lo]!
  if (seg.start > line) return { file: fallback, line }
  return { file: seg.file, line: seg.line + (line - seg.start) }
}
