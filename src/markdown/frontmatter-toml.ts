/**
 * Read TOML frontmatter, written between `+++` lines as Hugo and Zola write
 * it (their default), into plain values and the places of its keys.
 *
 * smol-toml (the parser book.toml is read with) gives the values and, for text
 * that does not parse, the line and column of the problem; toml-eslint-parser
 * (toml-places.ts) gives where each key is written.
 */
import type { Literal } from 'mdast'
import { parse as parseToml, TomlError } from 'smol-toml'
import { placeKey, tomlPlaces, type TomlPlace } from '../toml-places.ts'

/** remark-frontmatter's node for `+++` frontmatter (its `toml` preset). */
export interface Toml extends Literal {
  type: 'toml'
}

declare module 'mdast' {
  interface FrontmatterContentMap {
    toml: Toml
  }
  interface RootContentMap {
    toml: Toml
  }
}

/** A TOML frontmatter's values and where its keys are written (line and column within the TOML text). */
export interface TomlFrontmatter {
  data: Record<string, unknown>
  keyAt: (keys: ReadonlyArray<string | number>) => TomlPlace | undefined
}

/** What is wrong with a TOML frontmatter that does not parse, and where (within the TOML text). */
export interface TomlProblem {
  message: string
  line?: number
  column?: number
}

/** What smol-toml says is wrong, without the excerpt of the text it appends: a diagnostic names the place itself. */
export function tomlProblem(error: TomlError): string {
  return error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '')
}

/** Parse the text between a note's `+++` lines. */
export function readTomlFrontmatter(text: string): TomlFrontmatter | TomlProblem {
  let data: Record<string, unknown>
  try {
    data = plain(parseToml(text)) as Record<string, unknown>
  } catch (error) {
    if (!(error instanceof TomlError)) throw error
    return { message: tomlProblem(error), line: error.line, column: error.column }
  }
  let places: ReturnType<typeof tomlPlaces> | undefined
  return {
    data,
    keyAt: (keys) => {
      places ??= tomlPlaces(text)
      return places[placeKey(keys)]
    },
  }
}

/**
 * TOML's values as YAML's would be: a date stays a `Date` (smol-toml's
 * `TomlDate` is one), tables and arrays are copied as plain objects.
 */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain)
  if (value instanceof Date) return value
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
  return value
}
