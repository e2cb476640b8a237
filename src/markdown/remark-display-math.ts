/**
 * `$$…$$` as Obsidian, mdbook-katex and MathJax read it: display math,
 * wherever it is written. remark-math (micromark-extension-math) reads it
 * otherwise in two places, and this plugin, used after it, changes both:
 *
 * - A line starting with `$$` opens a math block whose rest of the line is
 *   its "meta" (`$$asciimath`), closed only by a line of `$$`. So
 *   `$$\begin{vmatrix}a & b\\` … `\end{vmatrix}=ad-bc$$`, as Obsidian's own
 *   help writes a matrix, opened a block that nothing closed, and the rest of
 *   the note (headings included) became one KaTeX error. Here a block opens
 *   only on a line holding nothing but `$$` (and spaces): any other is a
 *   paragraph, where `$$…$$` is math over its lines. The block construct is
 *   remark-math's own, behind a check of its opening line.
 * - `$$…$$` inside a paragraph (`$$x^2$$` on its own line is one) is inline
 *   math to remark-math; here it is typeset in KaTeX's display mode.
 */
import type { Root } from 'mdast'
import type { InlineMath } from 'mdast-util-math'
import { markdownLineEnding, markdownSpace } from 'micromark-util-character'
import { codes } from 'micromark-util-symbol'
import type { Code, Construct, Extension as MicromarkExtension, State } from 'micromark-util-types'
import type { Processor } from 'unified'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    mathFlowOpeningLookahead: 'mathFlowOpeningLookahead'
  }
}

interface ProcessorData {
  micromarkExtensions?: MicromarkExtension[]
}

/** Two or more `$` and nothing else but spaces to the end of the line. */
const bareOpening: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    let size = 0
    const sequence: State = (code: Code) => {
      if (code === codes.dollarSign) {
        effects.consume(code)
        size++
        return sequence
      }
      return size < 2 ? nok(code) : rest(code)
    }
    const rest: State = (code: Code) => {
      if (code === codes.eof || markdownLineEnding(code)) {
        effects.exit('mathFlowOpeningLookahead')
        return ok(code)
      }
      if (!markdownSpace(code)) return nok(code)
      effects.consume(code)
      return rest
    }
    return (code: Code) => {
      effects.enter('mathFlowOpeningLookahead')
      return sequence(code)
    }
  },
}

/** remark-math's block construct, tried only when its opening line is bare. */
function bareMathFlow(inner: Construct): Construct {
  return {
    name: 'mathFlowBare',
    concrete: true,
    tokenize(effects, ok, nok) {
      const start = inner.tokenize.call(this, effects, ok, nok)
      return (code: Code) => effects.check(bareOpening, start, nok)(code)
    },
  }
}

/** The block construct remark-math registered (`mathFlow`). */
function mathFlowOf(extensions: MicromarkExtension[]): Construct | undefined {
  for (const extension of extensions) {
    const entry = extension.flow?.[codes.dollarSign]
    const constructs = Array.isArray(entry) ? entry : entry ? [entry] : []
    const found = constructs.find((c) => c.name === 'mathFlow')
    if (found) return found
  }
  return undefined
}

/** Read `$$…$$` as display math everywhere; use after remark-math. */
export default function remarkDisplayMath(this: Processor) {
  const data = this.data() as ProcessorData
  const extensions = (data.micromarkExtensions ??= [])
  const mathFlow = mathFlowOf(extensions)
  if (!mathFlow) throw new Error('remark-display-math: use remark-math first')
  extensions.push({ flow: { [codes.dollarSign]: bareMathFlow(mathFlow) }, disable: { null: ['mathFlow'] } })
  return (tree: Root, file: VFile) => {
    const source = String(file.value)
    visit(tree, 'inlineMath', (node: InlineMath) => {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      if (source.slice(start, start + 2) !== '$$' || source.slice(end - 2, end) !== '$$') return
      const properties = node.data?.hProperties
      if (properties) properties.className = ['language-math', 'math-display']
    })
  }
}
