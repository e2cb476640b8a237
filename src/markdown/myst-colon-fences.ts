/**
 * MyST's colon fences (`:::{note}` … `:::`, myst-parser's `colon_fence`
 * extension) and comment lines (`% text`), read before micromark parses the
 * note.
 *
 * A colon fence is a fenced block as a backtick fence is, whose body is
 * markdown; micromark knows no such fence and no library adds one to it
 * (remark-directive's `:::name[label]` is another syntax, and reads prose
 * such as `a:b` as directives). Each colon fence line outside a code block
 * is written as a tilde fence of the same length, so every line and column
 * of the note stays where it was, and remark-myst reads the block as it
 * reads ```` ```{note} ````: a code block with a backtick fence inside (a
 * console session in an LLVM `{option}`) does not close it. A comment line
 * is blanked, as MyST drops it and ends the paragraph there, and an
 * equation's label after its closing `$$ (label)` is blanked (no anchor yet).
 */

/** A fence line: its indent, its characters, and the rest (the info string). */
const FENCE = /^( {0,3})(`{3,}|~{3,}|:{3,})(.*)$/
/** A container's markers before a fence in a list item or a quote. */
const CONTAINER = /^((?:\s*(?:>|[-*+]|\d+[.)]))*\s*)/

/** Rewrite a note's colon fences as tilde fences and blank its comment lines; other text is kept byte for byte. */
export function rewriteColonFences(text: string): string {
  if (!text.includes(':::') && !text.includes('$$') && !/^\s*%/m.test(text)) return text
  const lines = text.split('\n')
  // The open backtick or tilde fence (code: colons inside are its text), and the open colon fences.
  let code: { char: string; length: number } | undefined
  const colons: number[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const prefix = CONTAINER.exec(line)![1]!
    const rest = line.slice(prefix.length)
    const fence = FENCE.exec(rest.replace(/^ +/, (s) => s.slice(0, 3)))
    if (code) {
      if (fence && fence[2]![0] === code.char && fence[2]!.length >= code.length && fence[3]!.trim() === '') code = undefined
      continue
    }
    if (!fence) {
      if (/^\s*%/.test(line) && prefix.trim() === '') lines[i] = ''
      // An equation's label after its closing `$$` (dollarmath's `$$ (label)`): no math.
      else lines[i] = line.replace(/^(\s*\$\$)(\s*\([^()]+\)\s*)$/, (_, dollars: string, label: string) => dollars + ' '.repeat(label.length))
      continue
    }
    const [, , marks, info] = fence
    if (marks![0] !== ':') {
      code = { char: marks![0]!, length: marks!.length }
      continue
    }
    const at = prefix.length + rest.indexOf(marks!)
    if (info!.trim() === '' && colons.length > 0 && marks!.length >= colons.at(-1)!) {
      colons.pop()
    } else if (info!.trim().startsWith('{')) {
      colons.push(marks!.length)
    } else {
      continue
    }
    lines[i] = line.slice(0, at) + '~'.repeat(marks!.length) + line.slice(at + marks!.length)
  }
  return lines.join('\n')
}
