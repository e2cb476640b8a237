/**
 * Where each key of a TOML file is written, for diagnostics that name
 * `book.toml:line:col`.
 *
 * smol-toml, the parser we read book.toml with, returns values without
 * positions, and no other TOML library is installed (checked: node_modules has
 * smol-toml alone; its exports are `parse`, `stringify`, `TomlDate` and
 * `TomlError`, and only the error carries a line and column). So this walks
 * the text smol-toml has already accepted, far enough to place its keys:
 * table headers, dotted and quoted keys, inline tables and arrays (an array's
 * element is placed at index `i`), stepping over strings and comments.
 * It checks nothing, never throws, and on text it cannot follow places fewer
 * keys: a diagnostic then names the nearest table it did place, or the file.
 */

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
  const lineStarts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1)
  const placeAt = (offset: number): TomlPlace => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (lineStarts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 }
  }
  // The first place a path is written is its place (`[a.b]` then `[a.c]`: `a` is on the first).
  const record = (path: TomlPath, offset: number) => {
    const key = placeKey(path)
    if (!(key in places)) places[key] = placeAt(offset)
  }
  let at = 0

  const skipBlank = (newlines: boolean) => {
    for (;;) {
      const c = text[at]
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) at++
      else if (c === '#') {
        while (at < text.length && text[at] !== '\n') at++
      } else return
    }
  }

  /** A quoted string from `at` (on its quote); returns its value as a key reads it. */
  const quoted = (): string => {
    const quote = text[at]!
    const triple = text.startsWith(quote.repeat(3), at)
    const fence = triple ? quote.repeat(3) : quote
    const start = at + fence.length
    let i = start
    while (i < text.length) {
      if (quote === '"' && text[i] === '\\') i += 2
      else if (text.startsWith(fence, i)) break
      else if (!triple && text[i] === '\n') break
      else i++
    }
    let end = Math.min(i, text.length)
    at = end + fence.length
    // A multi-line string may end in one or two quotes of its own before its closing three.
    if (triple) while (text[at] === quote && at - end < 5) (at++, end++)
    const raw = text.slice(start, end)
    if (quote === "'") return raw
    try {
      return JSON.parse(`"${raw.replace(/\\U([0-9A-Fa-f]{8})/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))}"`) as string
    } catch {
      return raw
    }
  }

  /** A key, dotted or not, from `at`: each part with the offset it starts at. */
  const key = (): Array<{ name: string; offset: number }> => {
    const parts: Array<{ name: string; offset: number }> = []
    for (;;) {
      skipBlank(false)
      const offset = at
      let name: string
      if (text[at] === '"' || text[at] === "'") name = quoted()
      else {
        while (at < text.length && !/[\s=.[\]#"',{}]/.test(text[at]!)) at++
        name = text.slice(offset, at)
      }
      if (at === offset) return parts
      parts.push({ name, offset })
      skipBlank(false)
      if (text[at] !== '.') return parts
      at++
    }
  }

  /** Record a key's parts below `table`; returns the full path of its last part. */
  const recordKey = (table: TomlPath, parts: Array<{ name: string; offset: number }>): TomlPath => {
    let path = table
    for (const { name, offset } of parts) {
      path = [...path, name]
      record(path, offset)
    }
    return path
  }

  const keyValue = (table: TomlPath) => {
    const path = recordKey(table, key())
    skipBlank(false)
    if (text[at] !== '=') return
    at++
    skipBlank(false)
    value(path)
  }

  const value = (path: TomlPath) => {
    const c = text[at]
    if (c === '"' || c === "'") {
      quoted()
    } else if (c === '{') {
      at++
      for (;;) {
        skipBlank(true)
        if (at >= text.length || text[at] === '}') break
        const before = at
        keyValue(path)
        skipBlank(true)
        if (text[at] === ',') at++
        else if (at === before) at++
      }
      at++
    } else if (c === '[') {
      at++
      for (let index = 0; ; index++) {
        skipBlank(true)
        if (at >= text.length || text[at] === ']') break
        const before = at
        record([...path, index], at)
        value([...path, index])
        skipBlank(true)
        if (text[at] === ',') at++
        else if (at === before) at++
      }
      at++
    } else {
      // A number, boolean or date: up to what ends a value.
      while (at < text.length && !/[,\]}\n\r#]/.test(text[at]!)) at++
    }
  }

  let table: TomlPath = root
  const arrayLengths = new Map<string, number>()
  while (at < text.length) {
    skipBlank(true)
    if (at >= text.length) break
    const before = at
    if (text[at] === '[') {
      const array = text[at + 1] === '['
      at += array ? 2 : 1
      table = root
      const parts = key()
      for (const [i, { name, offset }] of parts.entries()) {
        table = [...table, name]
        record(table, offset)
        // `[a.b]` below `[[a]]` is a table of the array's last element.
        const length = i < parts.length - 1 || !array ? arrayLengths.get(placeKey(table)) : undefined
        if (length !== undefined) table = [...table, length - 1]
      }
      if (array) {
        // `[[a]]`: the next element of the array `a`.
        const index = arrayLengths.get(placeKey(table)) ?? 0
        arrayLengths.set(placeKey(table), index + 1)
        record([...table, index], before)
        table = [...table, index]
      }
      while (at < text.length && text[at] !== '\n') at++
    } else {
      keyValue(table)
      // Whatever follows a value on its line (a comment) is skipped by the next turn.
      if (at === before) at++
    }
  }
  return places
}
