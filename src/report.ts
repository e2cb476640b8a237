/**
 * Diagnostics: every problem points at a source file, line and column, and is
 * printed vfile-reporter style. Only the CLI turns them into an exit code.
 */
import type { VFileMessage } from 'vfile-message'

export type Severity = 'error' | 'warning'

export interface Diagnostic {
  /** Path shown to the user (relative to the working directory when possible). */
  file: string
  line?: number
  column?: number
  severity: Severity
  message: string
  /** Short machine name of the check, e.g. `missing-link`. */
  rule: string
}

/** One diagnostic per line: `file:line:col  warning  message  rule`. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.line ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file
  return `${place}  ${d.severity}  ${d.message}  ${d.rule}`
}

/** Deterministic order: by file, then position, then message. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compare(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compare(a.message, b.message),
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Convert a VFile message into a diagnostic for `file`. */
export function fromVFileMessage(file: string, m: VFileMessage): Diagnostic {
  return {
    file,
    line: m.line ?? undefined,
    column: m.column ?? undefined,
    severity: m.fatal ? 'error' : 'warning',
    message: m.reason,
    rule: m.ruleId ?? m.source ?? 'slugwiki',
  }
}

/** Collects diagnostics for one build. */
export class Diagnostics {
  readonly list: Diagnostic[] = []

  add(d: Diagnostic): void {
    this.list.push(d)
  }

  warn(file: string, message: string, rule: string, at?: { line?: number; column?: number }): void {
    this.list.push({ file, severity: 'warning', message, rule, line: at?.line, column: at?.column })
  }

  error(file: string, message: string, rule: string, at?: { line?: number; column?: number }): void {
    this.list.push({ file, severity: 'error', message, rule, line: at?.line, column: at?.column })
  }

  get errors(): number {
    return this.list.filter((d) => d.severity === 'error').length
  }

  get warnings(): number {
    return this.list.filter((d) => d.severity === 'warning').length
  }
}
