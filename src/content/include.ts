/**
 * mdBook's text preprocessor links: `{{#include file}}`, `{{#include
 * file:anchor}}`, `{{#include file:10:20}}`, `{{#rustdoc_include …}}`,
 * `{{#playground file attrs}}` and `{{#title …}}`. Like mdBook, they are
 * expanded in the raw text before parsing, so they also work inside code
 * fences. A line map keeps diagnostics pointing at the file and line the text
 * came from.
 *
 * This is a directive scanner, not a markdown parser: mdBook defines these
 * links textually (with the regular expression mirrored below), and no library
 * implements them.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Diagnostic } from '../report.ts'
import { docsifyEmbed, embedFragment, embedType, type DocsifyEmbed } from './docsify.ts'
import { parseSnippetPath, resolveSnippet, selectSnippetLines, snippetLine } from './snippets.ts'
import { parseSelection, takeLines, type Selection } from './take-lines.ts'
import { fenceFor, headingSections, INCLUDE, parseInclude, rebaseLinks, parseSnippet, selectInclude, selectSnippet, type Selected } from './vitepress-include.ts'

/** Where a run of expanded lines came from. */
export interface LineSegment {
  /** First line of the run in the expanded text (1-based). */
  start: number
  /** The file as diagnostics show it. */
  file: string
  /** Its line in `file`. */
  line: number
}

export interface Expansion {
  text: string
  /** Sorted by `start`; empty when nothing was included. */
  segments: LineSegment[]
  /** Absolute paths of the files read to expand this note (cache keys, the dev watcher). */
  dependencies: string[]
  /** Absolute paths of included files that could not be read: the dev watcher expands the note again when one appears. */
  missing: string[]
  /** Set by `{{#title …}}`. */
  title?: string
  diagnostics: Diagnostic[]
}

/** What `ExpandOptions.read` gives for a file that is there but cannot be read: why, as the warning ends (`is a folder`). */
export interface Unreadable {
  unreadable: string
}

export interface ExpandOptions {
  /** Absolute path of the note. */
  file: string
  /** Includes must stay inside this folder (absolute). */
  root: string
  /** Read a file: its text, undefined when it does not exist, or why it cannot be read. */
  read: (absolute: string) => string | Unreadable | undefined
  /** Path shown in diagnostics. */
  display: (absolute: string) => string
  /**
   * Also read VitePress's `<!--@include: …-->` and `<<<` snippet lines (see
   * vitepress-include.ts), `@` naming this folder (absolute). Default: off.
   */
  vitepress?: { srcRoot: string }
  /**
   * Also read PyMdown's `--8<-- "file"` snippets (see snippets.ts), their
   * paths relative to these folders (absolute), the first holding the file.
   * Default: off.
   */
  snippets?: { basePaths: readonly string[]; autoAppend?: readonly string[] }
  /**
   * Also read docsify's embeds, `[label](path ':include')` on a line of its
   * own outside code fences (see docsify.ts): a path from the note's folder,
   * or from this folder (absolute) when it starts with `/`. Default: off.
   */
  docsify?: { srcRoot: string }
}

/**
 * mdBook's link syntax: a link type and, after whitespace, its arguments. A bare
 * `{{#toc}}` (Handlebars in a theme note) is not a link, and `\{{#…}}` escapes one.
 */
const LINK = /\\\{\{#.*?\}\}|\{\{\s*#([A-Za-z0-9_]+)\s+([^}]+)\}\}/g
const MAX_DEPTH = 10
const KNOWN = new Set(['include', 'rustdoc_include', 'playground', 'title'])

/** A code fence line (CommonMark: up to three spaces, then three or more backticks or tildes, then the info). */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/

/** A run of expanded text and where its first character came from. */
interface Piece {
  text: string
  file: string
  line: number
}

/** Expand mdBook links in `text`, the content of `options.file`. */
export function expandIncludes(written: string, options: ExpandOptions): Expansion {
  const vitepress = options.vitepress
  const snippets = options.snippets
  const docsify = options.docsify
  // Snippets' `auto_append`: its files end every page, as if each were a snippet line after the text.
  const text = snippets?.autoAppend?.length ? `${written}${written.endsWith('\n') ? '' : '\n'}\n${snippets.autoAppend.map((file) => `--8<-- "${file}"`).join('\n')}\n` : written
  if (!text.includes('{{') && !(vitepress && (text.includes('@include') || text.includes('<<<'))) && !(snippets && text.includes('8<')) && !(docsify && text.includes(':include'))) return { text, segments: [], dependencies: [], missing: [], diagnostics: [] }
  const diagnostics: Diagnostic[] = []
  const dependencies = new Set<string>()
  const missing = new Set<string>()
  let title: string | undefined
  const pattern = vitepress ? new RegExp(`${LINK.source}|${INCLUDE.source}`, 'g') : LINK

  /** Whether `target`, asked for by `label` in `file`, may be read: inside the root, not hidden, no cycle, not too deep. */
  const allowed = (target: string, label: string, file: string, stack: string[], report: (message: string, rule: string, severity?: 'warning' | 'error') => void): boolean => {
    const relative = path.relative(options.root, target)
    if (relative.startsWith('..') || path.isAbsolute(relative) || target.includes('\0')) {
      // Where includes may read, and how to widen it: a book inside a git repository reads the whole repository.
      const root = options.display(options.root) || 'the book'
      report(`\`${label}\` points outside ${root}, the folder includes may read (the git repository holding the book, or the book's folder when it is not in one)`, 'include-outside', 'error')
      return false
    }
    if (relative.split(path.sep).some((part) => part.startsWith('.'))) {
      report(`\`${label}\` points at a hidden file; dotfiles and dot-folders (.git, .env) are never published`, 'include-hidden', 'error')
      return false
    }
    if (!realInside(target, options.root)) {
      report(`\`${label}\` leads outside ${options.display(options.root) || 'the book'} through a symbolic link`, 'include-outside', 'error')
      return false
    }
    if (target === options.file || stack.includes(target) || target === file) {
      const chain = [...stack, file, target].map(options.display).join(' → ')
      report(`\`${label}\` includes itself (${chain})`, 'include-cycle', 'error')
      return false
    }
    if (stack.length >= MAX_DEPTH) {
      report(`Includes nested deeper than ${MAX_DEPTH}`, 'include-depth', 'error')
      return false
    }
    return true
  }

  /** Read `target` for `label`: its text, or undefined after a warning (the dev server reads the note again when it appears). */
  const readTarget = (target: string, written: string, label: string, report: (message: string, rule: string) => void): string | undefined => {
    const content = options.read(target)
    if (typeof content === 'string') {
      dependencies.add(target)
      return content.replace(/\r\n?/g, '\n')
    }
    if (content === undefined) report(`Included file not found: ${written}`, 'include-missing')
    else report(`Included file \`${written}\` ${content.unreadable}`, 'include-unreadable')
    missing.add(target)
    return undefined
  }

  // `lineAt` gives each line of `body` its number in `file`: an include may leave lines out.
  const expand = (body: string, file: string, lineAt: (index: number) => number, stack: string[]): Piece[] => {
    const pieces: Piece[] = []
    const lines = body.split('\n')
    let buffer = ''
    let bufferLine = lineAt(0)
    // The marker of the code fence the line is in: unknown links there are code about templates
    // (Handlebars' `{{#if …}}`), left as they are without a word, as mdBook leaves them. Links are
    // expanded before the markdown is parsed (as mdBook's preprocessor does: an include may open or
    // close a fence), so no parser's tree is there yet; fences are told by CommonMark's opening line.
    // Only a warning depends on it: a fence this misses (inside a list or quote) keeps the warning.
    let fence: string | undefined
    // The indent of an open block of snippets (`--8<--` on its own line, a file per line, `--8<--`).
    let snippetBlock: string | undefined
    lines.forEach((raw, index) => {
      const lineNo = lineAt(index)
      if (index > 0 && lineNo !== lineAt(index - 1) + 1) {
        // A line left out before this one: a new run, so that lines map to where they came from.
        pieces.push({ text: buffer, file, line: bufferLine })
        buffer = ''
        bufferLine = lineNo
      }
      const newline = index < lines.length - 1 ? '\n' : ''
      const marker = FENCE.exec(raw)
      if (marker && fence === undefined && !(marker[1]!.startsWith('`') && marker[2]!.includes('`'))) fence = marker[1]
      else if (marker && fence !== undefined && marker[1]![0] === fence[0] && marker[1]!.length >= fence.length && marker[2]!.trim() === '') fence = undefined
      // PyMdown's snippets are read before markdown is, in code fences too, as its preprocessor reads them.
      if (snippets && (snippetBlock !== undefined || raw.includes('8<'))) {
        const scissors = snippetLine(raw)
        if (snippetBlock !== undefined) {
          if (scissors?.kind === 'block') snippetBlock = undefined
          else if (raw.trim() !== '' && !raw.trim().startsWith(';')) {
            includeSnippet(raw.trim(), snippetBlock, raw.length - raw.trimStart().length + 1)
            return
          }
          // A marker line, or a file commented out with `;`, leaves a blank line: the lines after keep their numbers.
          buffer += (raw.trim() === '' ? raw : '') + newline
          return
        }
        if (scissors?.kind === 'escaped') {
          buffer += scissors.text + newline
          return
        }
        if (scissors?.kind === 'block') {
          snippetBlock = scissors.indent
          buffer += newline
          return
        }
        if (scissors?.kind === 'inline') {
          includeSnippet(scissors.path, scissors.indent, scissors.indent.length + 1)
          return
        }
      }
      /** Put the snippet `written` (indented by `indent`) in this line's place; a file not found leaves a blank line and a warning. */
      function includeSnippet(written: string, indent: string, column: number): void {
        const report = (message: string, rule: string, severity: 'warning' | 'error' = 'warning') =>
          diagnostics.push({ file: options.display(file), line: lineNo, column, severity, message, rule })
        const spec = parseSnippetPath(written)
        const isFile = (p: string) => fs.existsSync(p) && fs.statSync(p).isFile()
        const isDir = (p: string) => fs.existsSync(p) && fs.statSync(p).isDirectory()
        const target = resolveSnippet(spec.file, snippets!.basePaths, isFile, isDir)
        const label = `--8<-- "${written}"`
        if (target === undefined) {
          report(`Snippet not found: \`${spec.file}\` (looked in ${snippets!.basePaths.map((p) => options.display(p) || '.').join(', ')})`, 'include-missing')
          if (snippets!.basePaths[0]) missing.add(path.resolve(snippets!.basePaths[0], spec.file))
          buffer += newline
          return
        }
        // PyMdown skips a file already being included, rather than stopping.
        if (target === options.file || target === file || stack.includes(target)) {
          report(`\`${label}\` includes itself; skipped`, 'include-cycle')
          buffer += newline
          return
        }
        const content = allowed(target, label, file, stack, report) ? readTarget(target, spec.file, label, report) : undefined
        if (content === undefined) {
          buffer += newline
          return
        }
        const selected = selectSnippetLines(content, spec)
        if (selected.notFound) report(`Section \`${selected.notFound}\` not found in ${spec.file}`, 'include-anchor')
        pieces.push({ text: buffer, file, line: bufferLine })
        buffer = ''
        const final = selected.numbers.at(-1) ?? 0
        const body = selected.lines.map((line) => (line === '' ? '' : indent + line)).join('\n')
        pieces.push(...expand(body, target, (i) => selected.numbers[i] ?? final + 1, [...stack, file]))
        pieces.push({ text: newline, file, line: lineNo })
        bufferLine = lineAt(index + 1)
      }
      const embed = docsify && fence === undefined && raw.includes(':include') ? docsifyEmbed(raw) : undefined
      if (embed && includeEmbed(embed)) return
      /** Put docsify's embed in this line's place: true when it is, false to keep the line (a link) after a warning. */
      function includeEmbed(embed: DocsifyEmbed): boolean {
        const report = (message: string, rule: string, severity: 'warning' | 'error' = 'warning') =>
          diagnostics.push({ file: options.display(file), line: lineNo, column: embed.column, severity, message, rule })
        const type = embedType(embed)
        if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(embed.url)) {
          report(`docsify's \`:include\` of \`${embed.url}\` is not fetched (the site is built from the notes alone); left as a link`, 'include-remote')
          return false
        }
        if (type === 'iframe') {
          report(`docsify's \`:include\` of \`${embed.url}\` as a frame is not embedded (frames are not kept); left as a link`, 'include-frame')
          return false
        }
        const done = () => {
          pieces.push({ text: newline, file, line: lineNo })
          bufferLine = lineAt(index + 1)
          return true
        }
        if (type === 'video' || type === 'audio') {
          pieces.push({ text: buffer, file, line: bufferLine })
          buffer = ''
          // A player of the file, with its controls, as docsify's compileMedia writes it.
          pieces.push({ text: `${embed.indent}<${type} controls src="${embed.url.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></${type}>`, file, line: lineNo })
          return done()
        }
        let written = embed.url.replace(/[?#].*$/, '')
        try {
          written = decodeURIComponent(written)
        } catch {
          // A stray `%` is part of the name.
        }
        const target = written.startsWith('/') ? path.join(docsify!.srcRoot, written) : path.resolve(path.dirname(file), written)
        const label = `[${embed.label}](${embed.url} ':include')`
        const content = allowed(target, label, file, stack, report) ? readTarget(target, embed.url, label, report) : undefined
        if (content === undefined) {
          // docsify shows nothing where a file cannot be fetched; the link's text stays, and the one warning says why.
          buffer += `${embed.indent}${embed.label}${newline}`
          return true
        }
        pieces.push({ text: buffer, file, line: bufferLine })
        buffer = ''
        const lines = content.replace(/\n$/, '').split('\n')
        if (type === 'markdown') {
          // docsify drops an included note's front matter.
          const end = lines[0] === '---' ? lines.indexOf('---', 1) : -1
          const first = end === -1 ? 0 : end + 1
          const body = lines.slice(first).map((line) => (line === '' ? '' : embed.indent + line)).join('\n')
          pieces.push(...expand(body, target, (i) => first + i + 1, [...stack, file]))
          return done()
        }
        let chosen = { lines, first: 0 }
        if (typeof embed.options.fragment === 'string') {
          const fragment = embedFragment(lines, embed.options.fragment)
          if (!fragment) report(`No fragment \`${embed.options.fragment}\` (between \`/// [${embed.options.fragment}]\` or \`### [${embed.options.fragment}]\` lines) in ${embed.url}`, 'include-anchor')
          chosen = fragment ?? { lines: [], first: 0 }
        }
        const indent = Math.min(...chosen.lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length))
        const code = Number.isFinite(indent) && indent > 0 ? chosen.lines.map((line) => line.slice(indent)) : chosen.lines
        const lang = type === 'mermaid' ? 'mermaid' : (embed.rest.split(/\s+/)[0] || /\.([a-z0-9]+)$/i.exec(written)?.[1] || '')
        const marker = fenceFor(code)
        pieces.push({ text: `${embed.indent}${marker}${lang}\n`, file, line: lineNo })
        code.forEach((line, i) => pieces.push({ text: `${line === '' ? '' : embed.indent}${line}\n`, file: target, line: chosen.first + i + 1 }))
        pieces.push({ text: `${embed.indent}${marker}`, file, line: lineNo })
        return done()
      }
      const snippet = vitepress && fence === undefined && raw.includes('<<<') ? parseSnippet(raw, file, vitepress.srcRoot) : undefined
      if (snippet) {
        const label = `<<< ${snippet.written}`
        const report = (message: string, rule: string, severity: 'warning' | 'error' = 'warning') =>
          diagnostics.push({ file: options.display(file), line: lineNo, column: snippet.indent.length + 1, severity, message, rule })
        const content = allowed(snippet.file, label, file, stack, report) ? readTarget(snippet.file, snippet.written, label, report) : undefined
        if (content === undefined) {
          // As an include that cannot be read: the line stays in the page as written.
          buffer += raw + newline
          return
        }
        const selected = selectSnippet(content, snippet.region)
        if (selected.notFound) report(`Region \`${selected.notFound}\` not found in ${snippet.written}`, 'include-anchor')
        const marker = fenceFor(selected.lines)
        pieces.push({ text: buffer, file, line: bufferLine })
        pieces.push({ text: `${snippet.indent}${marker}${snippet.info}\n`, file, line: lineNo })
        selected.lines.forEach((line, i) => pieces.push({ text: `${line === '' ? '' : snippet.indent}${line}\n`, file: snippet.file, line: selected.numbers[i]! }))
        buffer = ''
        bufferLine = lineNo
        pieces.push({ text: `${snippet.indent}${marker}${newline}`, file, line: lineNo })
        bufferLine = lineAt(index + 1)
        return
      }
      if (!raw.includes('{{') && !(vitepress && raw.includes('@include'))) {
        buffer += raw + newline
        return
      }
      let last = 0
      for (const match of raw.matchAll(pattern)) {
        const at = match.index ?? 0
        buffer += raw.slice(last, at)
        last = at + match[0].length
        const whole = match[0]
        if (whole.startsWith('\\')) {
          buffer += whole.slice(1)
          continue
        }
        const report = (message: string, rule: string, severity: 'warning' | 'error' = 'warning') =>
          diagnostics.push({ file: options.display(file), line: lineNo, column: at + 1, severity, message, rule })
        if (vitepress && match[3] !== undefined) {
          const include = parseInclude(match[3], file, vitepress.srcRoot)
          const content = include && allowed(include.file, whole, file, stack, report) ? readTarget(include.file, include.written, whole, report) : undefined
          if (include === undefined || content === undefined) {
            buffer += whole
            continue
          }
          const selected: Selected = selectInclude(content, include, headingSections)
          if (selected.notFound) report(`No region or heading \`${selected.notFound}\` in ${include.written}`, 'include-anchor')
          pieces.push({ text: buffer, file, line: bufferLine })
          buffer = ''
          bufferLine = lineNo
          const final = selected.numbers.at(-1) ?? 0
          const text = rebaseLinks(selected.lines.join('\n'), include.file, vitepress.srcRoot)
          pieces.push(...expand(text, include.file, (i) => selected.numbers[i] ?? final + 1, [...stack, file]))
          continue
        }
        const name = match[1]!
        const args = match[2]!.trim()
        if (!KNOWN.has(name)) {
          if (fence === undefined) report(`Unknown mdBook link \`{{#${name}}}\`, left as text`, 'unknown-directive')
          buffer += whole
          continue
        }
        if (name === 'title') {
          title = args
          continue
        }
        const spec = parseTarget(args)
        const target = path.resolve(path.dirname(file), spec.path)
        if (!allowed(target, `{{#${name} ${args}}}`, file, stack, report)) continue
        const content = options.read(target)
        if (typeof content !== 'string') {
          // As mdBook: the build goes on with the link's own text in the page, not expanded again.
          if (content === undefined) report(`Included file not found: ${spec.path}`, 'include-missing')
          else report(`Included file \`${spec.path}\` ${content.unreadable}`, 'include-unreadable')
          missing.add(target)
          buffer += whole
          continue
        }
        dependencies.add(target)
        const selected = select(content.replace(/\r\n?/g, '\n'), spec.selection, name === 'rustdoc_include')
        if ('anchor' in spec.selection && !selected.anchorFound) report(`Anchor \`${spec.selection.anchor}\` not found in ${spec.path}`, 'include-anchor')
        pieces.push({ text: buffer, file, line: bufferLine })
        buffer = ''
        bufferLine = lineNo
        if (name === 'playground') {
          // mdBook wraps the file in a rust fence carrying the link's attributes.
          const attributes = args.split(/\s+/).slice(1)
          pieces.push({ text: `\`\`\`${['rust', ...attributes].join(',')}\n`, file, line: lineNo })
          pieces.push({ text: `${selected.text}\n`, file: target, line: selected.lineAt(0) })
          pieces.push({ text: '```', file, line: lineNo })
        } else pieces.push(...expand(selected.text, target, selected.lineAt, [...stack, file]))
      }
      buffer += raw.slice(last) + newline
    })
    pieces.push({ text: buffer, file, line: bufferLine })
    return pieces
  }

  const pieces = expand(text, options.file, (index) => index + 1, [])
  // Join the pieces, starting a line segment wherever a piece begins a new line.
  const segments: LineSegment[] = []
  let out = ''
  let outLine = 1
  for (const piece of pieces) {
    if (piece.text === '') continue
    const atLineStart = out === '' || out.endsWith('\n')
    const shown = options.display(piece.file)
    if (atLineStart) segments.push({ start: outLine, file: shown, line: piece.line })
    else if (piece.text.includes('\n')) segments.push({ start: outLine + 1, file: shown, line: piece.line + 1 })
    out += piece.text
    outLine += countNewlines(piece.text)
  }
  return { text: out, segments, dependencies: [...dependencies].sort(), missing: [...missing].sort(), title, diagnostics }
}

/**
 * Whether `target`, with symbolic links resolved, is still inside `root`. A
 * file that does not exist passes: reading it reports it missing.
 */
function realInside(target: string, root: string): boolean {
  let real: string
  try {
    real = fs.realpathSync(target)
  } catch {
    return true
  }
  let realRoot = root
  try {
    realRoot = fs.realpathSync(root)
  } catch {
    // A root that does not exist holds nothing: compare the paths as they are.
  }
  const relative = path.relative(realRoot, real)
  return !relative.startsWith('..') && !path.isAbsolute(relative)
}

function countNewlines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

/**
 * A link's target as mdBook reads it: its first word (what follows is a
 * playground's attributes, and ignored by the others), split at the first
 * colon into the path and the lines asked for (see `parseSelection`).
 */
function parseTarget(args: string): { path: string; selection: Selection } {
  const word = args.split(/\s+/)[0]!
  const colon = word.indexOf(':')
  if (colon === -1) return { path: word, selection: parseSelection(undefined) }
  return { path: word.slice(0, colon), selection: parseSelection(word.slice(colon + 1)) }
}

/**
 * The lines of `content` a selection asks for, joined, with the line in the
 * file each comes from; `rustdoc` keeps the rest as hidden Rust lines (`# `).
 */
function select(content: string, selection: Selection, rustdoc: boolean): { text: string; lineAt: (index: number) => number; anchorFound: boolean } {
  // As Rust's `str::lines`: a last newline ends the last line, it does not start another.
  const lines = content.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const { taken, anchorFound } = takeLines(lines, selection, rustdoc)
  const last = taken.at(-1)?.line ?? 0
  return { text: taken.map((l) => l.text).join('\n'), lineAt: (index) => taken[index]?.line ?? last + 1, anchorFound }
}

/** Map a line of the expanded text back to the file (as displayed) and line it came from. */
export function mapLine(segments: LineSegment[], line: number): { file: string; line: number } | undefined {
  if (segments.length === 0) return undefined
  let lo = 0
  let hi = segments.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (segments[mid]!.start <= line) lo = mid
    else hi = mid - 1
  }
  const seg = segments[lo]!
  if (seg.start > line) return undefined
  return { file: seg.file, line: seg.line + (line - seg.start) }
}
