/**
 * The sentence around a phrase in a block of prose, for backlinks ("the
 * sentence around the link") and topic pages ("the sentence around the
 * mention").
 */
import type { Element } from 'hast'
import { toString } from 'hast-util-to-string'

/** Elements whose text is "the sentence around" something inside them. */
export const SNIPPET_BLOCKS: ReadonlySet<string> = new Set(['p', 'li', 'td', 'th', 'dd', 'dt', 'blockquote', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Plain text of `block` around the first occurrence of `phrase`, at most about 240 characters. */
export function sentenceAround(block: Element, phrase: string): string {
  const text = toString(block).replace(/\s+/g, ' ').trim()
  const anchor = phrase.replace(/\s+/g, ' ').trim()
  if (text.length <= 240) return text
  const at = anchor ? text.indexOf(anchor) : -1
  if (at === -1) return `${text.slice(0, 237)}…`
  let start = Math.max(text.lastIndexOf('. ', at) + 2, at - 160, 0)
  const endDot = text.indexOf('. ', at + anchor.length)
  let end = Math.min(endDot === -1 ? text.length : endDot + 1, at + anchor.length + 160)
  // A cut that is not at a sentence's end moves to a word boundary, never into a word.
  if (start > 0 && text[start - 2] !== '.') start = Math.min(at, text.indexOf(' ', start) + 1 || at)
  if (end < text.length && text[end - 1] !== '.') end = Math.max(at + anchor.length, text.lastIndexOf(' ', end))
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`
}
