import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { placeKey, placeOf, tomlPlaces, type TomlPath } from '../src/toml-places.ts'

/** Every path smol-toml's table holds, tables and array elements included. */
function paths(value: unknown, prefix: TomlPath = []): TomlPath[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])])
  if (value && typeof value === 'object' && [null, Object.prototype].includes(Object.getPrototypeOf(value))) {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])])
  }
  return []
}

/** The text at a place, from its column to the end of its line. */
function at(text: string, place: { line: number; column: number } | undefined): string | undefined {
  return place && text.split('\n')[place.line - 1]!.slice(place.column - 1)
}

const TRICKY = [
  '# a comment with key = "value" and [a.table]',
  'title = "T" # trailing',
  'multi = """',
  'not = "a key"',
  '[not.a.table]',
  'ends with two quotes""""',
  "literal = '''",
  "fake = 'x'",
  "'''",
  'date = 1979-05-27 07:32:00Z',
  'nums = [ 1, 2, # comment ]',
  '  3 ]',
  '',
  '[output . html]',
  'additional-css = [',
  '  "a.css",',
  '  "b.css", # why',
  ']',
  'point = { x = 1, "y.z" = { deep = true } }',
  '',
  '[output.html.redirect]',
  '"/old/page.html" = "new.html"',
  "'/literal.html' = 'x.html'",
  '"/caf\\u00e9.html" = "c.html"',
  '',
  '[[preprocessor.admonish.custom]]',
  'directive = "a"',
  '[[preprocessor.admonish.custom]]',
  'directive = "b"',
  '[preprocessor.admonish.custom.inner]',
  'k = 1',
  '',
  '[slugwiki]',
  'site.dotted."quoted key" = 1',
  'math = true',
].join('\n')

describe('tomlPlaces', () => {
  it('places every key smol-toml reads, where the file writes it', () => {
    const places = tomlPlaces(TRICKY)
    const all = paths(parse(TRICKY))
    expect(all.length).toBeGreaterThan(30)
    for (const path of all) expect(places[placeKey(path)], JSON.stringify(path)).toBeDefined()
    expect(Object.keys(places).sort()).toEqual(all.map(placeKey).sort())
  })

  it.each<[TomlPath, number, string]>([
    [['title'], 2, 'title = "T" # trailing'],
    [['multi'], 3, 'multi = """'],
    [['literal'], 7, "literal = '''"],
    [['date'], 10, 'date = 1979-05-27 07:32:00Z'],
    [['nums', 2], 12, '3 ]'],
    [['output'], 14, 'output . html]'],
    [['output', 'html'], 14, 'html]'],
    [['output', 'html', 'additional-css', 1], 17, '"b.css", # why'],
    [['output', 'html', 'point', 'y.z', 'deep'], 19, 'deep = true } }'],
    [['output', 'html', 'redirect', '/old/page.html'], 22, '"/old/page.html" = "new.html"'],
    [['output', 'html', 'redirect', '/literal.html'], 23, "'/literal.html' = 'x.html'"],
    [['output', 'html', 'redirect', '/café.html'], 24, '"/caf\\u00e9.html" = "c.html"'],
    [['preprocessor', 'admonish', 'custom', 1, 'directive'], 29, 'directive = "b"'],
    [['preprocessor', 'admonish', 'custom', 1, 'inner', 'k'], 31, 'k = 1'],
    [['slugwiki', 'site', 'dotted', 'quoted key'], 34, '"quoted key" = 1'],
    [['slugwiki', 'math'], 35, 'math = true'],
  ])('places %j on line %i', (path, line, text) => {
    const place = tomlPlaces(TRICKY)[placeKey(path)]
    expect(place?.line).toBe(line)
    expect(at(TRICKY, place)).toBe(text)
  })

  it('falls back to the nearest table written, and to nothing', () => {
    const places = tomlPlaces('[output.html]\ntheme = "x"\n')
    expect(placeOf(places, ['output', 'html', 'redirect', '/a.html'])).toEqual({ line: 1, column: 9 })
    expect(placeOf(places, ['book', 'title'])).toBeUndefined()
  })

  it('puts the keys of slugwiki.toml under a root', () => {
    expect(tomlPlaces('\ntheme = "paper"\n', ['slugwiki'])[placeKey(['slugwiki', 'theme'])]).toEqual({ line: 2, column: 1 })
  })

  it('never throws or hangs on text that is not TOML', () => {
    for (const text of ['[', '[[a', 'a = {', 'a = [1, {b = "', '"unterminated', 'x = """', '= = =', '{}}]]', 'a.b.', '\u0000']) {
      expect(() => tomlPlaces(text)).not.toThrow()
    }
  })
})
