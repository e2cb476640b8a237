/**
 * GitBook's `.gitbook.yaml`, Git Sync's content configuration, read as GitBook
 * documents it: `root` is the folder of the content, `structure.readme` and
 * `structure.summary` its first page and table of contents, `redirects` old
 * URL paths of the site → the notes they now lead to; the paths of the last
 * three are relative to `root`. Parsed with `yaml` for line and column
 * positions; keys GitBook does not document are ignored, as GitBook does.
 *
 * ```yaml
 * root: ./docs/
 * structure:
 *   readme: ./product-tour.md
 *   summary: ./SUMMARY.md
 * redirects:
 *   help: ./support.md
 * ```
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml'
import type { Diagnostic } from './report.ts'

/** A line and column of `.gitbook.yaml` (1-based), for diagnostics. */
export interface YamlPlace {
  line: number
  column: number
}

/** A path `.gitbook.yaml` gives, as written, and where. */
export interface GitbookValue {
  value: string
  place?: YamlPlace
}

/** One of `redirects`: an old URL path of the site and the note it leads to (relative to `root`), each with its place. */
export interface GitbookRedirect {
  from: string
  to: string
  fromPlace?: YamlPlace
  toPlace?: YamlPlace
}

/** What `.gitbook.yaml` says, and what is wrong with it. */
export interface GitbookYaml {
  /** `root`: the content's folder, relative to the file's own. */
  root?: GitbookValue
  /** `structure.readme`: the first page, relative to `root`. */
  readme?: GitbookValue
  /** `structure.summary`: the table of contents, relative to `root`. */
  summary?: GitbookValue
  redirects: GitbookRedirect[]
  /**
   * Broken YAML, or a `root` that is not a path, is an error (what it says of
   * the notes' folder cannot be known); another key of the wrong type is a
   * warning, and that key is ignored.
   */
  diagnostics: Diagnostic[]
}

/** Parse the text of `.gitbook.yaml`; `file` is the path shown in diagnostics. */
export function parseGitbookYaml(source: string, file: string): GitbookYaml {
  const result: GitbookYaml = { redirects: [], diagnostics: [] }
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const placeOf = (node: unknown): YamlPlace | undefined => {
    const offset = (node as { range?: [number, number, number] } | null | undefined)?.range?.[0]
    if (offset === undefined) return undefined
    const pos = lineCounter.linePos(offset)
    return { line: pos.line, column: pos.col }
  }
  const report = (message: string, node: unknown, severity: Diagnostic['severity'] = 'warning') =>
    result.diagnostics.push({ file, ...placeOf(node), severity, message, rule: 'gitbook-yaml' })

  if (doc.errors.length > 0) {
    const error = doc.errors[0]!
    const pos = lineCounter.linePos(error.pos[0])
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    result.diagnostics.push({ file, line: pos.line, column: pos.col, severity: 'error', message: `Broken YAML: ${message}`, rule: 'gitbook-yaml' })
    return result
  }
  // An empty file says nothing: GitBook's defaults.
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return result
  if (!isMap(doc.contents)) {
    report('`.gitbook.yaml` should be a mapping (`root`, `structure`, `redirects`); ignored', doc.contents)
    return result
  }

  /** The text of a scalar that is a string or a number (`404: ./not-found.md`), else undefined. */
  const text = (node: unknown): string | undefined => {
    if (!isScalar(node)) return undefined
    const value = node.value
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
  }
  /** `key: value` is unset (`key:` with nothing after it). */
  const empty = (pair: Pair) => pair.value === null || (isScalar(pair.value) && pair.value.value === null)
  const entries = (map: YamlNode): Array<{ key: string; pair: Pair }> =>
    isMap(map) ? map.items.flatMap((pair) => (text(pair.key) === undefined ? [] : [{ key: text(pair.key)!, pair: pair as Pair }])) : []
  const path = (pair: Pair, name: string, severity: Diagnostic['severity']): GitbookValue | undefined => {
    if (empty(pair)) return undefined
    const value = text(pair.value)
    if (value === undefined || value.trim() === '') {
      report(`\`${name}\` should be a path${severity === 'warning' ? '; ignored' : ''}`, pair.value, severity)
      return undefined
    }
    return { value: value.trim(), place: placeOf(pair.value) }
  }

  for (const { key, pair } of entries(doc.contents)) {
    if (key === 'root') result.root = path(pair, 'root', 'error')
    else if (key === 'structure') {
      if (empty(pair)) continue
      if (!isMap(pair.value)) {
        report('`structure` should be a mapping of `readme` and `summary`; ignored', pair.value)
        continue
      }
      for (const { key: part, pair: inner } of entries(pair.value as YamlNode)) {
        if (part === 'readme') result.readme = path(inner, 'structure.readme', 'warning')
        else if (part === 'summary') result.summary = path(inner, 'structure.summary', 'warning')
      }
    } else if (key === 'redirects') {
      if (empty(pair)) continue
      if (!isMap(pair.value)) {
        report('`redirects` should be a mapping of old URL paths to notes; ignored', pair.value)
        continue
      }
      for (const { key: from, pair: inner } of entries(pair.value as YamlNode)) {
        const to = text(inner.value)
        if (to === undefined || to.trim() === '') {
          report(`Redirect from \`${from}\` should lead to a note (a path relative to \`root\`); skipped`, inner.value ?? inner.key)
          continue
        }
        result.redirects.push({ from, to: to.trim(), fromPlace: placeOf(inner.key), toPlace: placeOf(inner.value) })
      }
    }
  }
  return result
}
