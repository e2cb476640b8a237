/**
 * GitBook's legacy `book.json` (GitBook 3, gitbook-cli), read for what a
 * site shows: `title`, `author`, `description`, `language`. Its presence
 * beside the notes marks a GitBook book (README.md is the introduction, as
 * GitBook makes it); its plugins, styles and variables are GitBook's own
 * and ignored. Checked with JSON.parse, read with `yaml` (JSON is YAML 1.2) for line and column:
 * broken JSON or a key of the wrong type is a warning there, and the site
 * is built with the defaults, as the notes are still readable.
 */
import { isMap, isScalar } from 'yaml'
import { parsePlaced } from './json-places.ts'
import type { Diagnostic } from './report.ts'

/** What `book.json` says, and what is wrong with it. */
export interface BookJson {
  title?: string
  author?: string
  description?: string
  language?: string
  diagnostics: Diagnostic[]
}

const KEYS = ['title', 'author', 'description', 'language'] as const

/** Parse the text of `book.json`; `file` is the path shown in diagnostics. */
export function parseBookJson(text: string, file: string): BookJson {
  const result: BookJson = { diagnostics: [] }
  const { doc, lines, error } = parsePlaced(text)
  const warn = (message: string, offset: number | undefined) => {
    const pos = offset === undefined ? undefined : lines.linePos(offset)
    result.diagnostics.push({ file, line: pos?.line, column: pos?.col, severity: 'warning', message, rule: 'book-json' })
  }
  if (error) {
    result.diagnostics.push({ file, line: error.line, column: error.column, severity: 'warning', message: `${error.message}; ignored`, rule: 'book-json' })
    return result
  }
  // An empty file says nothing: GitBook's defaults.
  if (doc.contents === null) return result
  if (!isMap(doc.contents)) {
    warn('`book.json` should be an object (`title`, `author`…); ignored', doc.contents.range?.[0])
    return result
  }
  for (const key of KEYS) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key)
    if (!pair) continue
    const value = pair.value
    if (isScalar(value) && typeof value.value === 'string') {
      if (value.value.trim()) result[key] = value.value.trim()
    } else warn(`\`${key}\` should be a string; ignored`, (value as { range?: [number] } | null)?.range?.[0])
  }
  return result
}
