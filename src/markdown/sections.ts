/**
 * The heading section a position falls in, so links, code blocks and topic
 * mentions can be deep-linked to the heading above them.
 */
import type { HeadingInfo } from './data.ts'

/** Index into `headings` of the last heading at or before `line`; -1 before the first. */
export function sectionAt(headings: HeadingInfo[], line: number | undefined): number {
  if (line === undefined) return -1
  let found = -1
  for (let i = 0; i < headings.length; i++) {
    const at = headings[i]!.line
    if (at === undefined || at > line) break
    found = i
  }
  return found
}
