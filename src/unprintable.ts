/**
 * Characters an HTML page cannot carry: the HTML parser reports C0 and C1
 * controls (other than tab, newline, form feed and carriage return), DEL and
 * the Unicode noncharacters as parse errors, even written as character
 * references, and a lone UTF-16 surrogate cannot even be written as UTF-8. Pasted terminal output (ANSI colour escapes) and YAML escapes
 * bring them in; they are shown instead as their Unicode control pictures
 * (`␛` for ESC) or U+FFFD.
 */
import type { Root } from 'hast'
import { walk } from './markdown/walk.ts'

const NONCHARACTERS = Array.from({ length: 17 }, (_, plane) => {
  const base = (plane * 0x10000 + 0xfffe).toString(16)
  return `\\u{${base}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`
}).join('')

// In a Unicode-aware regex, the surrogate range matches only lone surrogates (KaTeX's error
// underlining splits astral characters into them).
const CLASS = `[\\u{0}-\\u{8}\\u{b}\\u{e}-\\u{1f}\\u{7f}-\\u{9f}\\u{d800}-\\u{dfff}\\u{fdd0}-\\u{fdef}${NONCHARACTERS}]`
/** One unprintable character, for replacing (global). */
const UNPRINTABLE = new RegExp(CLASS, 'gu')
/** The same, for testing (not global, so it keeps no state between calls). */
const HAS_UNPRINTABLE = new RegExp(CLASS, 'u')

/** How an unprintable character is shown: its control picture, or U+FFFD. */
export function showUnprintable(char: string): string {
  const code = char.codePointAt(0)!
  if (code < 0x20) return String.fromCodePoint(0x2400 + code)
  if (code === 0x7f) return '\u2421'
  return '\ufffd'
}

/** `text` with every unprintable character shown as `showUnprintable` does, and line breaks as LF. */
export function replaceUnprintable(text: string): string {
  const shown = HAS_UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE, showUnprintable) : text
  // The parser turns every CR and CRLF into LF: write what the browser will read.
  return shown.includes('\r') ? shown.replace(/\r\n?/g, '\n') : shown
}

/** Replace unprintable characters in every text, comment and attribute value of a tree, in place. */
export function replaceUnprintableInTree(tree: Root): void {
  // Every element of every page passes here (each token of highlighted code is one): a list
  // is copied only when one of its items changes (`replaceUnprintable` returns a clean string as is).
  walk(tree, (node) => {
    if (node.type === 'text' || node.type === 'comment') node.value = replaceUnprintable(node.value)
    else if (node.type === 'element') {
      const properties = node.properties
      for (const key in properties) {
        const value = properties[key]
        if (typeof value === 'string') properties[key] = replaceUnprintable(value)
        else if (Array.isArray(value)) {
          let copy: typeof value | undefined
          value.forEach((item, i) => {
            const shown = typeof item === 'string' ? replaceUnprintable(item) : item
            if (shown !== item) (copy ??= [...value])[i] = shown
          })
          if (copy) properties[key] = copy
        }
      }
    }
  })
}

/**
 * The first unprintable character of `text` (its index and code point) and
 * how many there are, leaving out those at the offsets in `consumed` (the
 * escapes an `ansi` block takes out of the page).
 */
export function findUnprintable(text: string, consumed?: ReadonlySet<number>): { index: number; codePoint: number; count: number } | undefined {
  const matches = [...text.matchAll(UNPRINTABLE)].filter((m) => !consumed?.has(m.index))
  if (matches.length === 0) return undefined
  const first = matches[0]!
  return { index: first.index, codePoint: first[0].codePointAt(0)!, count: matches.length }
}
