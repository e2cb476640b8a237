/**
 * Warnings about a match inside a text node (`{{ macro() }}`, `[@cite]`,
 * `:icon-name:`): the node's place is its start, so the match's own line and
 * column are counted from the text before it.
 */
import type { Point } from 'unist'
import type { VFile } from 'vfile'

/** A match of `code` at `index` of a text node's value. */
export interface TextMatch {
  code: string
  node: { value: string; position?: { start: Point } }
  index: number
}

/** Where the match starts in the note (the node's text is the source's there: no escapes before it). */
export function matchPlace({ node, index }: Pick<TextMatch, 'node' | 'index'>): { start: Point; end: Point } | undefined {
  const point = pointAt(node, index)
  return point && { start: point, end: point }
}

/** The place in the note of a text node's character at `index`, counted as `matchPlace` counts it (its offset too when the node has one). */
export function pointAt(node: TextMatch['node'], index: number): Point | undefined {
  const start = node.position?.start
  if (!start) return undefined
  const lines = node.value.slice(0, index).split('\n')
  return {
    line: start.line + lines.length - 1,
    column: lines.length > 1 ? lines.at(-1)!.length + 1 : start.column + index,
    ...(start.offset !== undefined && { offset: start.offset + index }),
  }
}

/**
 * One warning a note, at the first of `count` matches, naming it (cut to 60
 * characters) and counting the rest: `say` gets the shown match and
 * ` (and N more on this page)` or nothing.
 */
export function warnFirstMatch(file: VFile, first: TextMatch, count: number, say: (shown: string, more: string) => string, rule: string): void {
  // A match over several lines (`{{\n  proj }}`) is shown on one, as a diagnostic is one line.
  const code = first.code.replace(/\s*\n\s*/g, ' ')
  const shown = code.length > 60 ? `${code.slice(0, 57)}…` : code
  const more = count > 1 ? ` (and ${count - 1} more on this page)` : ''
  file.message(say(shown, more), matchPlace(first), rule)
}
