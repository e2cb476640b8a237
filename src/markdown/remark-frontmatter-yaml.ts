/**
 * Parse a note's frontmatter (found by remark-frontmatter) into
 * `file.data.frontmatter`, and drop it from the tree so it is never rendered:
 * YAML between `---` lines, or TOML between `+++` lines as Hugo and Zola
 * write it.
 */
import type { Root, Yaml } from 'mdast'
import type { VFile } from 'vfile'
import { isMap, parseDocument, YAMLError } from 'yaml'
import type { Frontmatter } from './data.ts'
import { readTomlFrontmatter, type Toml } from './frontmatter-toml.ts'

/** Known keys and their expected shapes; other keys pass through untouched. */
const LIST_KEYS = ['tags', 'aliases', 'cssclasses'] as const
const STRING_KEYS = ['title', 'description', 'date', 'permalink'] as const
const BOOLEAN_KEYS = ['draft', 'publish', 'enableToc'] as const
/** Obsidian's keys before 1.4, which Quartz still reads: each stands for its plural when that is absent. */
const SINGULAR = { tags: 'tag', aliases: 'alias', cssclasses: 'cssclass' } as const

export default function remarkFrontmatterYaml() {
  return (tree: Root, file: VFile) => {
    const first = tree.children[0]
    file.data.frontmatter = {}
    if (!first || (first.type !== 'yaml' && first.type !== 'toml')) return
    tree.children.shift()
    file.data.frontmatterEnd = first.position?.end.line ?? 0
    file.data.frontmatter = first.type === 'toml' ? readToml(first, file) : readFrontmatter(first, file)
  }
}

/** Where a key is written, 1-based within the frontmatter's text; and its name as written. */
type KeyPlace = (key: string) => { name: string; pos?: { line: number; column: number } }

/** TOML frontmatter: its values read as YAML's are; Zola's `[taxonomies] tags` are the note's tags. */
function readToml(node: Toml, file: VFile): Frontmatter {
  // The TOML text starts on the line after the opening `+++`.
  const lineOffset = node.position ? node.position.start.line : 0
  const read = readTomlFrontmatter(node.value)
  if (!('data' in read)) {
    const m = file.message(
      `Broken frontmatter TOML: ${read.message}`,
      read.line === undefined ? node.position : { line: read.line + lineOffset, column: read.column ?? 1 },
      'slugwiki:frontmatter',
    )
    m.fatal = true
    return {}
  }
  const data = read.data
  const written: Record<string, string[]> = {}
  // Zola writes a page's taxonomies in their own table (`[taxonomies] tags = [...]`); Hugo writes `tags = [...]`.
  const taxonomies = data.taxonomies
  if ((data.tags === undefined || data.tags === null) && taxonomies !== null && typeof taxonomies === 'object' && !Array.isArray(taxonomies) && 'tags' in taxonomies) {
    data.tags = (taxonomies as Record<string, unknown>).tags
    written.tags = ['taxonomies', 'tags']
  }
  const at = (keys: ReadonlyArray<string | number>) => {
    const pos = read.keyAt(keys)
    return pos && { line: pos.line + lineOffset, column: pos.column }
  }
  file.data.frontmatterPlace = (keys) => {
    const pos = at(keys)
    return pos && { start: pos, end: pos }
  }
  const place: KeyPlace = (key) => {
    const keys = written[key] ?? [key]
    return { name: keys.join('.'), pos: at(keys) }
  }
  return normalise(data, { ...data }, place, node, file)
}

function readFrontmatter(node: Yaml, file: VFile): Frontmatter {
  // The YAML text starts on the line after the opening `---`.
  const lineOffset = node.position ? node.position.start.line : 0
  // logLevel: problems become diagnostics here, never stray `process.emitWarning` lines.
  const doc = parseDocument(node.value, { prettyErrors: true, uniqueKeys: true, logLevel: 'error' })
  const problem = doc.errors[0]
  if (problem) {
    fail(file, problem, lineOffset)
    return {}
  }
  if (doc.contents === null) return {}
  if (!isMap(doc.contents)) {
    const m = file.message('Frontmatter must be a YAML mapping (`key: value` lines)', node.position, 'slugwiki:frontmatter')
    m.fatal = true
    return {}
  }
  let data: Record<string, unknown>
  try {
    // An alias to an anchor defined later, or a billion-laughs expansion, only fails here.
    data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>
  } catch (error) {
    const m = file.message(`Broken frontmatter YAML: ${(error as Error).message}`, node.position, 'slugwiki:frontmatter')
    m.fatal = true
    return {}
  }
  const out: Frontmatter = { ...data }
  // Where any value is written, for plugins that make markup of frontmatter (remark-vitepress-home.ts).
  const valueStart = node.position?.start.offset === undefined ? undefined : String(file.value).indexOf(node.value, node.position.start.offset)
  file.data.frontmatterPlace = (keys) => {
    const range = (doc.getIn(keys, true) as { range?: [number, number, number] } | undefined)?.range
    if (range === undefined) return undefined
    const at = (offset: number) => ({
      ...lineCol(node.value, offset, lineOffset),
      ...(valueStart !== undefined && valueStart >= 0 && { offset: valueStart + offset }),
    })
    return { start: at(range[0]), end: at(range[1]) }
  }
  // The key each value was written under, for a warning's place.
  const written: Record<string, string> = {}
  for (const [plural, singular] of Object.entries(SINGULAR)) {
    if ((data[plural] === undefined || data[plural] === null) && data[singular] !== undefined && data[singular] !== null) {
      data[plural] = data[singular]
      written[plural] = singular
      delete out[singular]
    }
  }
  const place: KeyPlace = (key) => {
    const name = written[key] ?? key
    const pair = doc.contents && isMap(doc.contents) ? doc.contents.items.find((p) => String((p.key as { value?: unknown })?.value) === name) : undefined
    const offset = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0]
    return { name, pos: offset === undefined ? undefined : lineCol(node.value, offset, lineOffset) }
  }
  return normalise(data, out, place, node, file)
}

/** Check the known keys' shapes (a warning at the key for a wrong one) and record where the later-checked keys are written. */
function normalise(data: Record<string, unknown>, out: Frontmatter, place: KeyPlace, node: Yaml | Toml, file: VFile): Frontmatter {
  // Where the keys whose values later stages check are written (an alias that collides is reported there).
  const lines: Record<string, number> = {}
  for (const key of ['aliases', 'permalink', 'prev', 'next', 'date', 'slug', 'id', 'pagination_prev', 'pagination_next', 'keywords', 'image', 'parent']) {
    const pos = data[key] === undefined || data[key] === null ? undefined : place(key).pos
    if (pos) lines[key] = pos.line
  }
  if (Object.keys(lines).length > 0) file.data.frontmatterLines = lines
  const warn = (key: string, expected: string) => {
    const { name, pos } = place(key)
    file.message(`Frontmatter \`${name}\` should be ${expected}`, pos ? { line: pos.line, column: pos.column } : node.position, 'slugwiki:frontmatter')
  }
  for (const key of STRING_KEYS) {
    const value = data[key]
    if (value === undefined || value === null) delete out[key]
    else if (value instanceof Date) out[key] = value.toISOString().slice(0, 10)
    else if (typeof value === 'string' || typeof value === 'number') out[key] = String(value)
    else {
      warn(key, 'a string')
      delete out[key]
    }
  }
  for (const key of LIST_KEYS) {
    const value = data[key]
    if (value === undefined || value === null) delete out[key]
    else if (typeof value === 'string') out[key] = value.split(',').map((v) => v.trim()).filter(Boolean)
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      out[key] = value.map((v) => String(v).trim()).filter(Boolean)
    } else {
      warn(key, 'a list of strings')
      delete out[key]
    }
  }
  // Obsidian and Quartz read a tag written `#rcu` as `rcu`.
  if (out.tags) out.tags = out.tags.map((tag) => tag.replace(/^#+/, '')).filter(Boolean)
  for (const key of BOOLEAN_KEYS) {
    if (data[key] !== undefined && data[key] !== null && typeof data[key] !== 'boolean') {
      warn(key, '`true` or `false`')
      delete out[key]
    }
  }
  return out
}

function fail(file: VFile, error: YAMLError, lineOffset: number): void {
  const at = error.linePos?.[0]
  // Pretty errors append the position and a source excerpt; the diagnostic carries the position itself.
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
  const m = file.message(
    `Broken frontmatter YAML: ${message}`,
    at ? { line: at.line + lineOffset, column: at.col } : undefined,
    'slugwiki:frontmatter',
  )
  m.fatal = true
}

function lineCol(text: string, offset: number, lineOffset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return { line: line + lineOffset, column }
}
