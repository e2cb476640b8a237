/**
 * mkdocs-macros's variables (`{{ proj }}`, `{{ extra.version }}`,
 * `{{ config.site_name }}`), replaced in a page's text before markdown reads
 * it, as the plugin renders the page as a Jinja template before MkDocs
 * converts it (in code too: Jinja knows no markdown). Only a lone name or
 * dotted path on one line whose value is a string, a whole number or a
 * boolean is replaced, so every line keeps its number; anything else (a
 * macro call, a filter, a statement, a name the site does not define, an
 * expression over several lines) is left as written, for
 * remark-mkdocs-macros to warn of. Not nunjucks or another Jinja engine:
 * they would fail on the first macro the project defines in Python, and
 * they do not keep an unknown name as written, as mkdocs-macros does.
 */

/** A variable's expression: a name and its attributes, on one line. */
const VARIABLE = /\{\{[ \t]*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)[ \t]*\}\}/g

/** Text Jinja leaves alone: `{% raw %}` … `{% endraw %}`. */
const RAW = /\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g

/** A variable's value as Jinja prints it, or undefined when it is no plain value. */
function printed(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isInteger(value)) return String(value)
  // Python's spelling of its booleans.
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  return undefined
}

/** Where a replacement moved the rest of its line: from column `at` (1-based, in the replaced text) on, `by` columns left of the page's. */
export interface ColumnShift {
  line: number
  at: number
  by: number
}

/** `text` with the one-line `{{ variable }}`s `variables` defines replaced by their values, and where each moved its line's text. */
export function replaceMacroVariables(text: string, variables: Record<string, unknown>): { text: string; shifts: ColumnShift[] } {
  const shifts: ColumnShift[] = []
  if (!text.includes('{{')) return { text, shifts }
  let out = ''
  // The line and the column change so far on it, of the text written out.
  let line = 1
  let lineStart = 0
  let moved = 0
  const copy = (part: string) => {
    for (let i = part.indexOf('\n'); i !== -1; i = part.indexOf('\n', i + 1)) {
      line += 1
      lineStart = out.length + i + 1
      moved = 0
    }
    out += part
  }
  const replace = (part: string) => {
    let last = 0
    for (const match of part.matchAll(VARIABLE)) {
      let value: unknown = variables
      for (const key of match[1]!.split('.')) value = value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
      const shown = printed(value)
      // A value of several lines would move every line after it.
      if (shown === undefined || shown.includes('\n')) continue
      copy(part.slice(last, match.index))
      out += shown
      moved += match[0].length - shown.length
      if (match[0].length !== shown.length) shifts.push({ line, at: out.length - lineStart + 1, by: moved })
      last = match.index + match[0].length
    }
    copy(part.slice(last))
  }
  let last = 0
  for (const raw of text.matchAll(RAW)) {
    replace(text.slice(last, raw.index))
    copy(raw[0])
    last = raw.index + raw[0].length
  }
  replace(text.slice(last))
  return { text: out, shifts }
}

/** A column of the replaced text as the page's own: moved back by the last replacement before it on its line. */
export function pageColumn(shifts: readonly ColumnShift[] | undefined, line: number, column: number): number {
  let by = 0
  for (const shift of shifts ?? []) if (shift.line === line && shift.at <= column) by = shift.by
  return column + by
}
