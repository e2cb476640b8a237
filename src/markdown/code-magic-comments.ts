/**
 * Docusaurus's magic comments: a line holding only `// highlight-next-line`
 * highlights the line after it, `// highlight-start` … `// highlight-end`
 * the lines between, and the comment lines are removed from the code shown.
 * Each language takes the comment styles Docusaurus's
 * `getAllMagicCommentDirectiveStyles` gives it (`#` for Python and shell,
 * `<!-- -->` for HTML and Markdown, JSX's braced block comments, and the popular ones
 * for any other language). A convention of Docusaurus's theme, read by no
 * library outside it, so it is written out here as its table.
 */

/** Comment openers and closers, as regular expression sources (Docusaurus's `commentPatterns`). */
const COMMENTS: Readonly<Record<string, readonly [string, string]>> = {
  js: ['\\/\\/', ''],
  jsBlock: ['\\/\\*', '\\*\\/'],
  jsx: ['\\{\\s*\\/\\*', '\\*\\/\\s*\\}'],
  bash: ['#', ''],
  html: ['<!--', '-->'],
  lua: ['--', ''],
  wasm: ['\\;\\;', ''],
  tex: ['%', ''],
  vb: ["['\u2018\u2019]", ''],
  vbnet: ["(?:_\\s*)?['\u2018\u2019]", ''],
  rem: ['[Rr][Ee][Mm]\\b', ''],
  f90: ['!', ''],
  ml: ['\\(\\*', '\\*\\)'],
  cobol: ['\\*>', ''],
}

const POPULAR = ['js', 'jsBlock', 'jsx', 'bash', 'html']

/** The comment styles of a fence language; any other takes the popular ones. */
const STYLES: Readonly<Record<string, readonly string[]>> = {
  js: ['js', 'jsBlock'],
  javascript: ['js', 'jsBlock'],
  ts: ['js', 'jsBlock'],
  typescript: ['js', 'jsBlock'],
  jsx: ['js', 'jsBlock', 'jsx'],
  tsx: ['js', 'jsBlock', 'jsx'],
  html: ['js', 'jsBlock', 'html'],
  python: ['bash'],
  py: ['bash'],
  bash: ['bash'],
  // Text uses HTML comments, front matter `#`.
  markdown: ['html', 'jsx', 'bash'],
  md: ['html', 'jsx', 'bash'],
  tex: ['tex'],
  latex: ['tex'],
  matlab: ['tex'],
  lua: ['lua'],
  haskell: ['lua'],
  sql: ['lua', 'jsBlock'],
  wasm: ['wasm'],
  vb: ['vb', 'rem'],
  vba: ['vb', 'rem'],
  'visual-basic': ['vb', 'rem'],
  vbnet: ['vbnet', 'rem'],
  batch: ['rem'],
  basic: ['rem', 'f90'],
  fsharp: ['js', 'ml'],
  ocaml: ['ml'],
  sml: ['ml'],
  fortran: ['f90'],
  cobol: ['cobol'],
}

const DIRECTIVES = 'highlight-next-line|highlight-start|highlight-end'

function directiveLine(lang: string): RegExp {
  const styles = STYLES[lang] ?? POPULAR
  const alternatives = styles.map((style) => `(?:${COMMENTS[style]![0]}\\s*(${DIRECTIVES})\\s*${COMMENTS[style]![1]})`)
  // The comment alone on its line, blanks around it allowed.
  return new RegExp(`^\\s*(?:${alternatives.join('|')})\\s*$`)
}

/**
 * The code without its magic comment lines and the 1-based numbers of the
 * lines they highlight (counted in the code returned); undefined when it has
 * none. A `highlight-start` without its `highlight-end` highlights nothing,
 * as in Docusaurus.
 */
export function readMagicComments(code: string, lang: string): { code: string; highlight: Set<number> } | undefined {
  if (!code.includes('highlight-')) return undefined
  const pattern = directiveLine(lang.toLowerCase())
  const lines = code.split('\n')
  const kept: string[] = []
  const highlight = new Set<number>()
  let start: number | undefined
  for (const line of lines) {
    const match = pattern.exec(line)
    if (!match) {
      kept.push(line)
      continue
    }
    const directive = match.slice(1).find((m) => m !== undefined)
    // Lines are numbered in the code shown: the next kept line is `kept.length + 1`.
    if (directive === 'highlight-next-line') highlight.add(kept.length + 1)
    else if (directive === 'highlight-start') start = kept.length + 1
    else if (start !== undefined) {
      for (let n = start; n <= kept.length; n++) highlight.add(n)
      start = undefined
    }
  }
  if (kept.length === lines.length) return undefined
  return { code: kept.join('\n'), highlight }
}
