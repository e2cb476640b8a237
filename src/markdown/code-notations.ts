/**
 * shiki's notation comments (`// [!code ++]`), read by @shikijs/transformers
 * as VitePress reads them, for rehype-code's highlighting pass.
 */
import {
  transformerNotationDiff,
  transformerNotationErrorLevel,
  transformerNotationFocus,
  transformerNotationHighlight,
  transformerNotationWordHighlight,
} from '@shikijs/transformers'
import type { Element } from 'hast'
import type { ShikiTransformer } from 'shiki'

/**
 * shiki's notation comments, with VitePress's classes: `diff add`, `diff
 * remove`, `highlighted` (as `{1,3}` marks a line), `highlighted error` or
 * `warning`, `focused` lines in a `pre.has-focused-lines`, and
 * `highlighted-word`. Each removes its comment from the code shown.
 */
export const NOTATIONS: readonly ShikiTransformer[] = [
  {
    // Marks the lines that may lose a notation, before any line is removed and while they match the source's.
    name: 'slugwiki:notated-lines',
    code(node) {
      const source = this.source.split('\n')
      node.children.filter((c) => c.type === 'element').forEach((line, i) => {
        if (NOTATION.test(source[i] ?? '') && !/\s$/.test(source[i]!)) line.data = { ...line.data, notated: true } as Element['data']
      })
    },
  },
  transformerNotationDiff(),
  transformerNotationHighlight(),
  transformerNotationFocus({ classActivePre: 'has-focused-lines' }),
  transformerNotationErrorLevel(),
  transformerNotationWordHighlight(),
  {
    // shiki leaves the blank before a removed comment (`f()  `): shown it is nothing, copied it is noise.
    name: 'slugwiki:trim-notated-lines',
    code(node) {
      // `[!CODE FOCUS]` matches case-blind but names no class: a block with no focused line must not be all blurred.
      const classes = this.pre.properties.class
      if (Array.isArray(classes) && classes.includes('has-focused-lines')) {
        const focused = node.children.some((line) => line.type === 'element' && Array.isArray(line.properties.class) && line.properties.class.includes('focused'))
        if (!focused) this.pre.properties.class = classes.filter((c) => c !== 'has-focused-lines')
      }
      for (const line of node.children) {
        if (line.type !== 'element' || !(line.data as { notated?: boolean } | undefined)?.notated) continue
        delete (line.data as { notated?: boolean }).notated
        for (let last = line.children.at(-1); last?.type === 'element' && last.children.length === 1; last = line.children.at(-1)) {
          const text = last.children[0]!
          if (text.type !== 'text') break
          text.value = text.value.trimEnd()
          if (text.value !== '') break
          line.children.pop()
        }
      }
    },
  },
]

const NOTATION = /\[!code\b/i

/** Whether code may hold a notation: the transformers read every comment of every line, so blocks without one skip them. */
export function mayHoldNotation(code: string): boolean {
  return NOTATION.test(code)
}
