/**
 * Where each key of a TOML file is written, for diagnostics that name
 * `book.toml:line:col`.
 *
 * smol-toml, the parser book.toml is read with, returns values without
 * positions; toml-eslint-parser (eslint-plugin-toml's parser) gives a syntax
 * tree whose every key and value has its place. The text is parsed twice, but
 * a book.toml is a few hundred bytes, read once per build.
 */
import { parseTOML, type AST } from 'toml-eslint-parser'

/** A key's path from the document's root, as the parsed object nests it (an array's element by index). */
export type TomlPath = readonly (string | number)[]

/** A 1-based line and column. */
export interface TomlPlace {
  line: number
  column: number
}

/** Places of the keys of one file, by `placeKey(path)`. */
export type TomlPlaces = Readonly<Record<string, TomlPlace>>

/** The lookup key of a path in `TomlPlaces`. */
export function placeKey(path: TomlPath): string {
  return JSON.stringify(path)
}

/** The place of `path`, or of the nearest table holding it that the file writes; undefined when none is written. */
export function placeOf(places: TomlPlaces | undefined, path: TomlPath): TomlPlace | undefined {
  if (!places) return undefined
  for (let end = path.length; end > 0; end--) {
    const place = places[placeKey(path.slice(0, end))]
    if (place) return place
  }
  return undefined
}

/** Place every key of `text`, each path below `root` (`['slugwiki']` for slugwiki.toml, whose keys are that table's). */
export function tomlPlaces(text: string, root: TomlPath = []): TomlPlaces {
  const places: Record<string, TomlPlace> = Object.create(null) as Record<string, TomlPlace>
  let program: AST.TOMLProgram
  try {
    program = parseTOML(text)
  } catch {
    // smol-toml reports what is wrong with the text; without a tree nothing is placed.
    return places
  }
  // The first place a path is written is its place (`[a.b]` then `[a.c]`: `a` is on the first).
  const record = (path: TomlPath, node: AST.TOMLNode) => {
    const key = placeKey([...root, ...path])
    places[key] ??= { line: node.loc.start.line, column: node.loc.start.column + 1 }
  }
  const name = (part: AST.TOMLBare | AST.TOMLQuoted) => (part.type === 'TOMLBare' ? part.name : part.value)
  const value = (path: TomlPath, node: AST.TOMLContentNode) => {
    if (node.type === 'TOMLInlineTable') for (const pair of node.body) keyValue(path, pair)
    else if (node.type === 'TOMLArray') {
      node.elements.forEach((element, i) => {
        record([...path, i], element)
        value([...path, i], element)
      })
    }
  }
  // `a.b."c d" = v`: each part of a dotted key is placed where it is written.
  const keyValue = (table: TomlPath, pair: AST.TOMLKeyValue) => {
    const path = [...table]
    for (const part of pair.key.keys) {
      path.push(name(part))
      record(path, part)
    }
    value(path, pair.value)
  }
  for (const node of program.body[0]?.body ?? []) {
    if (node.type === 'TOMLKeyValue') {
      keyValue([], node)
      continue
    }
    // A header's path holds the index of each array of tables it passes (`[[a]]` → `a`, 0), placed on the array's name.
    const parts = node.key.keys
    let part = -1
    node.resolvedKey.forEach((step, i) => {
      if (typeof step === 'string') part++
      record(node.resolvedKey.slice(0, i + 1), parts[Math.max(part, 0)]!)
    })
    for (const pair of node.body) keyValue(node.resolvedKey, pair)
  }
  return places
}
