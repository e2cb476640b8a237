/**
 * PyMdown's Snippets (`pymdownx.snippets`), read as its preprocessor reads
 * the text before Python-Markdown parses it (inside code fences too): a line
 * `--8<-- "path"` (one or more dashes each side, the path quoted, the line
 * indented as the file's lines are to be) is the file; a block of names
 * between two `--8<--` lines is each file in turn, blank lines kept; a `;`
 * before the scissors escapes them (one `;` is taken off, the line kept).
 * A path may select lines (`file.md:3:5`, `file.md:3`, `file.md::3`, ranges
 * after commas) or a section, the lines between `--8<-- [start:name]` and
 * `--8<-- [end:name]` (marker lines are never included). Paths are relative
 * to `base_path`'s folders, tried in order (a file there matches by name).
 *
 * The syntax is PyMdown's own, defined by its regular expressions (mirrored
 * here); no JavaScript library reads it.
 */
import path from 'node:path'

/** One snippet line (`RE_ALL_SNIPPETS`): its indent, escapes, and a quoted path or a bare block marker. */
const SNIPPET_LINE = /^([ \t]*)(;*)(?:-+8<-+[ \t]+("(?:\\"|[^"\n\r])+?"|'(?:\\'|[^'\n\r])+?')|(-+8<-+))$/
/** A section marker, anywhere in a line of an included file (`RE_SNIPPET_SECTION`). */
const SECTION = /^(.*?)(;*)(-+8<-+[ \t]+\[[ \t]*(start|end)[ \t]*:[ \t]*([a-z][-_0-9a-z]*)[ \t]*\])(.*?)$/i
/** A path and what it selects (`RE_SNIPPET_FILE`): line ranges, or a section's name. */
const FILE = /^(.*?)(?:((?::-?[0-9]*){1,2}(?:,(?=[-0-9:])-?[0-9]*(?::-?[0-9]*)?)*)|(:[a-z][-_0-9a-z]*))?$/i

/** A snippet line: an inline snippet of `path`, a block marker, or an escaped line to keep (one `;` off). */
export type SnippetLine = { kind: 'inline'; indent: string; path: string } | { kind: 'block'; indent: string } | { kind: 'escaped'; text: string }

/** Read a line as Snippets does; undefined for any other line. */
export function snippetLine(raw: string): SnippetLine | undefined {
  const m = SNIPPET_LINE.exec(raw)
  if (!m) return undefined
  const [, indent = '', escapes = '', quoted, block] = m
  if (escapes) return { kind: 'escaped', text: indent + raw.slice(indent.length + 1) }
  if (block !== undefined) return { kind: 'block', indent }
  return { kind: 'inline', indent, path: quoted!.slice(1, -1).replace(/\\(["'])/g, '$1') }
}

/** What a snippet path selects of its file. */
export interface SnippetSpec {
  /** The file, as written. */
  file: string
  /** 1-based inclusive line ranges (`end` undefined: to the end). */
  ranges?: Array<{ start: number; end?: number }>
  section?: string
}

/** Split a snippet path into its file and what it selects. */
export function parseSnippetPath(written: string): SnippetSpec {
  const m = FILE.exec(written.trim())!
  const file = m[1]!.trim()
  if (m[3]) return { file, section: m[3].slice(1) }
  if (!m[2]) return { file }
  const ranges = m[2].split(',').map((part) => {
    const [, start = '', end] = part.split(':')
    const s = Number.parseInt(start, 10)
    const e = end === undefined || end === '' ? undefined : Number.parseInt(end, 10)
    return { start: Number.isNaN(s) || s < 1 ? 1 : s, end: e === undefined || Number.isNaN(e) ? undefined : e }
  })
  return { file, ranges }
}

/** The file a snippet names: the first base path holding it (a base that is a file matches by its name); undefined when none does. */
export function resolveSnippet(file: string, basePaths: readonly string[], isFile: (absolute: string) => boolean, isDir: (absolute: string) => boolean): string | undefined {
  for (const base of basePaths) {
    if (isFile(base)) {
      if (path.basename(base) === file) return base
      continue
    }
    if (!isDir(base)) continue
    const target = path.resolve(base, file)
    // Snippets' `restrict_base_path` (its default): a path must stay inside its base.
    const relative = path.relative(base, target)
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue
    if (isFile(target)) return target
  }
  return undefined
}

/** The lines of `content` a snippet asks for, with their 1-based numbers; section markers are left out. */
export function selectSnippetLines(content: string, spec: SnippetSpec): { lines: string[]; numbers: number[]; notFound?: string } {
  const all = content.split('\n')
  if (all.at(-1) === '') all.pop()
  const picked: number[] = []
  if (spec.section) {
    let inside = false
    let found = false
    for (let i = 0; i < all.length; i++) {
      const marker = SECTION.exec(all[i]!)
      if (marker && !marker[2]) {
        if (marker[5] === spec.section) {
          if (marker[4]!.toLowerCase() === 'start' && !found) inside = found = true
          else if (marker[4]!.toLowerCase() === 'end' && inside) break
        }
        continue
      }
      if (inside) picked.push(i)
    }
    if (!found) return { lines: [], numbers: [], notFound: spec.section }
  } else if (spec.ranges) {
    for (const { start, end } of spec.ranges) for (let i = start - 1; i < Math.min(end ?? all.length, all.length); i++) picked.push(i)
  } else {
    for (let i = 0; i < all.length; i++) {
      const marker = SECTION.exec(all[i]!)
      if (marker && !marker[2]) continue
      picked.push(i)
    }
  }
  return { lines: picked.map((i) => all[i]!), numbers: picked.map((i) => i + 1) }
}
