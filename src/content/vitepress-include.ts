/**
 * VitePress's two ways of reading another file into a note, read as VitePress
 * reads them before markdown-it parses the note (its `processIncludes` and
 * `snippetPlugin`):
 *
 * - `<!--@include: ./parts/basics.md-->`, anywhere, with a line range
 *   (`{3,}`, `{,10}`, `{1,10}`), a region (`#basic-usage`, between
 *   `<!-- #region basic-usage -->` and `<!-- #endregion basic-usage -->`) or a
 *   heading's id (`#my-base-section`: the section under that heading);
 * - `<<< @/snippets/snippet.js#region{2 js:line-numbers} [title]` on a line
 *   of its own, outside code fences: the file as a code block.
 *
 * `@` is the source folder. The syntax is VitePress's own (no library reads
 * it outside markdown-it); the heading of an include is found by parsing the
 * file with remark-parse and slugging as the site's headings are.
 */
import GithubSlugger from 'github-slugger'
import { toString } from 'mdast-util-to-string'
import path from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { parse as parseYaml } from 'yaml'

/** `<!--@include: path-->` anywhere in a line. */
export const INCLUDE = /<!--\s*@include:\s*(.*?)\s*-->/g

/** A `<<<` snippet line: its indent and what follows the marker. */
const SNIPPET = /^( {0,3}|[ \t]*)<<<[ \t]*(\S.*?)\s*$/

/**
 * VitePress's snippet path: the file (with its extension), a region, the
 * braces (`{1,2}` lines, then a language and `:line-numbers`), a title.
 */
const SNIPPET_PATH = /^(.+?(?:\.([a-z0-9]+))?)(?:#([\w-]+))?(?: ?\{(\d+(?:[,-]\d+)*)? ?(\S+)?\})? ?(?:\[(.+)\])?$/

export interface IncludeTarget {
  /** As written, for messages. */
  written: string
  /** Absolute. */
  file: string
  region?: string
  range?: { start?: number; end?: number }
}

/** Resolve a path as VitePress does: `@` (or `@/`) from the source folder, else from the note's folder. */
function resolve(written: string, from: string, srcRoot: string): string {
  if (written.startsWith('@')) return path.join(srcRoot, written.slice(written[1] === '/' ? 2 : 1))
  return path.resolve(path.dirname(from), written)
}

/** Read an include's argument (`./parts/basics.md#region{3,}`); undefined for an empty one, which VitePress leaves as it is. */
export function parseInclude(arg: string, from: string, srcRoot: string): IncludeTarget | undefined {
  let rest = arg
  let range: IncludeTarget['range']
  const braces = /\{(\d*),(\d*)\}$/.exec(rest)
  if (braces) {
    rest = rest.slice(0, braces.index)
    range = { start: braces[1] ? Number(braces[1]) : undefined, end: braces[2] ? Number(braces[2]) : undefined }
  }
  let region: string | undefined
  const hash = /#([^\s{#]+)$/.exec(rest)
  if (hash) {
    rest = rest.slice(0, hash.index)
    region = hash[1]
  }
  if (rest === '') return undefined
  return { written: rest, file: resolve(rest, from, srcRoot), region, range }
}

/** A selection of a file's lines: their text and their 1-based numbers there. */
export interface Selected {
  lines: string[]
  numbers: number[]
  /** The region or heading asked for was not found (the whole file is kept, as VitePress keeps it). */
  notFound?: string
}

/** The lines of a markdown include: a region or heading's section, then a line range; the file's frontmatter is left out when neither is asked for. */
export function selectInclude(content: string, target: IncludeTarget, headingIds: (markdown: string) => Map<string, { start: number; end: number }>): Selected {
  let lines = content.split('\n')
  let numbers = lines.map((_, i) => i + 1)
  let notFound: string | undefined
  if (target.region) {
    const regions = findRegions(lines, target.region)
    if (regions.length > 0) {
      const { start, end } = regions[0]!
      lines = lines.slice(start, end)
      numbers = numbers.slice(start, end)
    } else {
      const section = headingIds(content).get(target.region)
      if (section) {
        lines = lines.slice(section.start, section.end)
        numbers = numbers.slice(section.start, section.end)
      } else notFound = target.region
    }
  }
  if (target.range) {
    const from = target.range.start ? target.range.start - 1 : 0
    const to = target.range.end ?? lines.length
    lines = lines.slice(from, to)
    numbers = numbers.slice(from, to)
  }
  if (!target.region && !target.range) {
    const body = frontmatterEnd(lines)
    lines = lines.slice(body)
    numbers = numbers.slice(body)
  }
  return { lines, numbers, notFound }
}

/**
 * The index of the first line after the file's YAML frontmatter (0 without
 * one), as gray-matter strips it in VitePress: found by remark-frontmatter,
 * as a note's is, and only when it is YAML that parses.
 */
function frontmatterEnd(lines: string[]): number {
  const first = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(lines.join('\n')).children[0]
  if (first?.type !== 'yaml' || !first.position) return 0
  try {
    parseYaml(first.value)
  } catch {
    return 0
  }
  return first.position.end.line
}

/**
 * The sections under a markdown file's headings by id (0-based line indices,
 * `end` exclusive): the lines after the heading up to the next heading of the
 * same or a higher level. An id is `{#custom}` or the heading's slug.
 */
export function headingSections(markdown: string): Map<string, { start: number; end: number }> {
  const tree = unified().use(remarkParse).parse(markdown)
  const slugger = new GithubSlugger()
  const headings = tree.children.flatMap((node) => (node.type === 'heading' && node.position ? [{ depth: node.depth, text: toString(node), start: node.position.start.line, end: node.position.end.line }] : []))
  const lineCount = markdown.split('\n').length
  const out = new Map<string, { start: number; end: number }>()
  headings.forEach((heading, i) => {
    const custom = /\s*\{#([^\s}]+)\}\s*$/.exec(heading.text)
    const id = custom ? custom[1]! : slugger.slug(heading.text)
    const next = headings.slice(i + 1).find((h) => h.depth <= heading.depth)
    if (!out.has(id)) out.set(id, { start: heading.end, end: next ? next.start - 1 : lineCount })
  })
  return out
}

/** Region markers in the comment syntax of each language VitePress knows, as its snippet plugin lists them. */
const MARKERS: Array<{ start: RegExp; end: RegExp }> = [
  { start: /^\s*\/\/\s*#?region\b\s*(.*?)\s*$/, end: /^\s*\/\/\s*#?endregion\b\s*(.*?)\s*$/ },
  { start: /^\s*<!--\s*#?region\b\s*(.*?)\s*-->/, end: /^\s*<!--\s*#?endregion\b\s*(.*?)\s*-->/ },
  { start: /^\s*\/\*\s*#region\b\s*(.*?)\s*\*\//, end: /^\s*\/\*\s*#endregion\b\s*(.*?)\s*\*\// },
  { start: /^\s*#[rR]egion\b\s*(.*?)\s*$/, end: /^\s*#[eE]nd ?[rR]egion\b\s*(.*?)\s*$/ },
  { start: /^\s*#\s*#?region\b\s*(.*?)\s*$/, end: /^\s*#\s*#?endregion\b\s*(.*?)\s*$/ },
  { start: /^\s*(?:--|::|@?REM)\s*#region\b\s*(.*?)\s*$/, end: /^\s*(?:--|::|@?REM)\s*#endregion\b\s*(.*?)\s*$/ },
  { start: /^\s*#pragma\s+region\b\s*(.*?)\s*$/, end: /^\s*#pragma\s+endregion\b\s*(.*?)\s*$/ },
  { start: /^\s*\(\*\s*#region\b\s*(.*?)\s*\*\)/, end: /^\s*\(\*\s*#endregion\b\s*(.*?)\s*\*\)/ },
]

/** Every region of that name: the line indices between its markers (`end` exclusive). */
function findRegions(lines: string[], name: string): Array<{ start: number; end: number; marker: (typeof MARKERS)[number] }> {
  const found: Array<{ start: number; end: number; marker: (typeof MARKERS)[number] }> = []
  let open: { start: number; marker: (typeof MARKERS)[number] } | undefined
  lines.forEach((line, i) => {
    if (open === undefined) {
      const marker = MARKERS.find((m) => m.start.exec(line)?.[1] === name)
      if (marker) open = { start: i + 1, marker }
    } else if (open.marker.end.exec(line)?.[1] === name) {
      found.push({ start: open.start, end: i, marker: open.marker })
      open = undefined
    }
  })
  return found
}

export interface SnippetLine {
  indent: string
  written: string
  file: string
  region?: string
  /** What the fence's info string says: the language and its meta (`js {2} [snippet.js]`). */
  info: string
}

/** Read a `<<<` line; undefined for any other line (a conflict marker `<<<<<<<` is not one). */
export function parseSnippet(line: string, from: string, srcRoot: string): SnippetLine | undefined {
  const m = SNIPPET.exec(line)
  if (!m || m[2]!.startsWith('<')) return undefined
  const parts = SNIPPET_PATH.exec(m[2]!)
  if (!parts) return undefined
  const [, written = '', extension = '', region, lines, braceLang = '', rawTitle] = parts
  const lineNumbers = /:line-numbers\b/.test(braceLang)
  const lang = braceLang.replace(/:(no-)?line-numbers(=\d+)?$/, '') || extension
  const title = rawTitle ?? written.split('/').pop() ?? ''
  const info = [lang, lines ? `{${lines}}` : '', lineNumbers ? 'line-numbers' : '', title ? `[${title}]` : ''].filter(Boolean).join(' ')
  return { indent: m[1]!, written, file: resolve(written, from, srcRoot), region, info }
}

/** The lines of a snippet: the file, or every region of the name, without marker lines and dedented. */
export function selectSnippet(content: string, region: string | undefined): Selected {
  const lines = content.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const numbers = lines.map((_, i) => i + 1)
  if (!region) return { lines, numbers }
  const regions = findRegions(lines, region)
  if (regions.length === 0) return { lines, numbers, notFound: region }
  const kept: number[] = []
  for (const { start, end, marker } of regions) for (let i = start; i < end; i++) if (!marker.start.test(lines[i]!) && !marker.end.test(lines[i]!)) kept.push(i)
  const taken = kept.map((i) => lines[i]!)
  const indents = taken.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length)
  const cut = indents.length > 0 ? Math.min(...indents) : 0
  return { lines: taken.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length))), numbers: kept.map((i) => i + 1) }
}

/** A code fence long enough to hold `lines`. */
export function fenceFor(lines: string[]): string {
  let longest = 0
  for (const line of lines) for (const run of line.matchAll(/`+/g)) longest = Math.max(longest, run[0].length)
  return '`'.repeat(Math.max(3, longest + 1))
}

/**
 * The relative link targets of an included part, from the source folder's
 * root (`(./img.png)` in `guide/parts/a.md` is `(/guide/parts/img.png)`), as
 * VitePress's `processIncludesRelativePath` rewrites them: they name what is
 * beside the part wherever it is included. Only `(./…)` and `(../…)`, as
 * there; a path leaving the source folder stays as written.
 */
export function rebaseLinks(text: string, part: string, srcRoot: string): string {
  if (!text.includes('(.')) return text
  return text.replace(/\((\.{1,2}\/[^()\s]*)/g, (whole: string, target: string) => {
    const relative = path.relative(srcRoot, path.resolve(path.dirname(part), target))
    if (relative.startsWith('..') || path.isAbsolute(relative)) return whole
    return `(/${relative.split(path.sep).join('/')}${target.endsWith('/') ? '/' : ''}`
  })
}
