/**
 * The lines an mdBook include takes from a file, as mdBook takes them
 * (`take_lines`, `take_anchored_lines`, `take_rustdoc_include_lines` and
 * `take_rustdoc_include_anchored_lines` in mdBook 0.4's src/utils/string.rs,
 * `parse_range_or_anchor` in src/preprocess/links.rs). Each line keeps its
 * number in the file, so diagnostics point there even where lines were left out.
 */

/** A range of 0-based line indices (`end` exclusive; none for the end of the file), or an anchor's name. */
export type Selection = { start: number; end?: number } | { anchor: string }

/** A line taken from the file, with its 1-based number there. */
export interface TakenLine {
  text: string
  line: number
}

/** A character of Rust's `\w`, which is Unicode's: mdBook's anchor pattern is `[\w_-]+`. */
const WORD = String.raw`\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}`
/** Anywhere in a line, as mdBook's patterns are not anchored: `// ANCHOR: name`, `<!-- ANCHOR:name -->`. */
const ANCHOR_START = new RegExp(String.raw`ANCHOR:\s*([${WORD}-]+)`, 'u')
const ANCHOR_END = new RegExp(String.raw`ANCHOR_END:\s*([${WORD}-]+)`, 'u')

const MAX_USIZE = 2n ** 64n - 1n

/** Rust's `parse::<usize>()`: ASCII digits after an optional `+`, within 64 bits; undefined when it fails. */
function parseUsize(text: string): number | undefined {
  if (!/^\+?\d+$/.test(text)) return undefined
  const value = BigInt(text.replace(/^\+/, ''))
  return value > MAX_USIZE ? undefined : Number(value)
}

/**
 * What follows the path's first colon, read as mdBook reads it: `10` one line,
 * `10:` from it, `:20` up to it, `10:20` both inclusive (1-based; line 0 counts
 * as line 1); an end that is not a number means the end of the file; a start
 * that is neither a number nor empty is an anchor's name. Nothing selects the
 * whole file.
 */
export function parseSelection(rest: string | undefined): Selection {
  // mdBook splits at most twice: anything after a second colon is ignored.
  const [first = '', second] = (rest ?? '').split(':')
  const start = parseUsize(first)
  if (start === undefined && first !== '') return { anchor: first }
  const from = start === undefined ? 0 : Math.max(0, start - 1)
  if (second === undefined) return start === undefined ? { start: 0 } : { start: from, end: from + 1 }
  const end = parseUsize(second)
  return end === undefined ? { start: from } : { start: from, end }
}

const numbered = (lines: readonly string[]): TakenLine[] => lines.map((text, i) => ({ text, line: i + 1 }))

/**
 * Take the lines of `lines` (the file split as Rust's `str::lines` splits it)
 * that `selection` asks for. `{{#include}}` takes them alone; `rustdoc_include`
 * keeps the file compilable, the other lines hidden behind Rust's `# `.
 * `anchorFound` is false when an anchor's start line is not in the file.
 */
export function takeLines(lines: readonly string[], selection: Selection, rustdoc: boolean): { taken: TakenLine[]; anchorFound: boolean } {
  if ('anchor' in selection) return rustdoc ? takeRustdocAnchored(lines, selection.anchor) : takeAnchored(lines, selection.anchor)
  const { start, end = Number.POSITIVE_INFINITY } = selection
  // Marker lines are text like any other in a line range or a whole file: mdBook only drops them around an anchor.
  if (!rustdoc) return { taken: numbered(lines).slice(start, Math.max(start, end)), anchorFound: true }
  return { taken: numbered(lines).map((l, i) => (i >= start && i < end ? l : { ...l, text: `# ${l.text}` })), anchorFound: true }
}

/** The lines after the first start marker of `anchor`, up to its end marker; marker lines of any anchor are left out. */
function takeAnchored(lines: readonly string[], anchor: string): { taken: TakenLine[]; anchorFound: boolean } {
  const taken: TakenLine[] = []
  let found = false
  for (const [i, text] of lines.entries()) {
    if (!found) {
      found = ANCHOR_START.exec(text)?.[1] === anchor
      continue
    }
    const end = ANCHOR_END.exec(text)
    if (end) {
      if (end[1] === anchor) break
    } else if (!ANCHOR_START.test(text)) taken.push({ text, line: i + 1 })
  }
  return { taken, anchorFound: found }
}

/**
 * Every section of `anchor` as it is, the other lines behind `# `; unlike
 * `takeAnchored`, a later section of the same name is taken too. Marker lines
 * of any anchor are left out, inside the sections and outside.
 */
function takeRustdocAnchored(lines: readonly string[], anchor: string): { taken: TakenLine[]; anchorFound: boolean } {
  const taken: TakenLine[] = []
  let within = false
  let found = false
  for (const [i, text] of lines.entries()) {
    if (within) {
      const end = ANCHOR_END.exec(text)
      if (end) within = end[1] !== anchor
      else if (!ANCHOR_START.test(text)) taken.push({ text, line: i + 1 })
      continue
    }
    const start = ANCHOR_START.exec(text)
    if (start) {
      within = start[1] === anchor
      found ||= within
    } else if (!ANCHOR_END.test(text)) taken.push({ text: `# ${text}`, line: i + 1 })
  }
  return { taken, anchorFound: found }
}
