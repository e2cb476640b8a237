/**
 * Fence meta as VitePress, Docusaurus and rehype-pretty-code write it:
 * `title="mm/memcontrol.c" {3,5-7} showLineNumbers`, and VitePress's
 * `[label]` naming a block's tab in a code group; and as PyMdown's
 * `pymdownx.highlight` writes it (MkDocs, Material): `title="x.py"`,
 * `linenums="10"` (numbered from 10), `hl_lines="2 3 5-7"` (lines of the
 * block, counted from 1 whatever `linenums` starts at); and as Expressive
 * Code writes it (Astro Starlight): `ins={4}` and `del={5-6}` mark lines
 * inserted or deleted, `mark={2}` as `{2}` does; and Material's `.annotate`
 * class, which remark-fence-attributes keeps from ```` ``` { .yaml .annotate } ````.
 */
export interface CodeMeta {
  title?: string
  /** VitePress's `[kernel/rcu.c]`: the block's tab in a `::: code-group`. */
  label?: string
  /** 1-based line numbers to highlight. */
  highlight: Set<number>
  lineNumbers: boolean
  /** First line number when counting (`showLineNumbers{10}`). */
  startLine: number
  /** Expressive Code's `ins={4}`: 1-based lines marked inserted. */
  inserted?: Set<number>
  /** Expressive Code's `del={5}`: 1-based lines marked deleted. */
  deleted?: Set<number>
  /** Material's `.annotate`: the block's code annotations are read (code-annotations.ts). */
  annotate?: boolean
}

/** Greedy, as VitePress's `extractTitle` reads it: `[a [b] c]` is `a [b] c`. */
const LABEL = /\[(.*)\]/
const TITLE = /\btitle=(?:"([^"]*)"|'([^']*)'|(\S+))/
const RANGES = /\{([\d\s,-]+)\}/
// Counting from a line: rehype-pretty-code's `showLineNumbers{5}`, Docusaurus's `showLineNumbers=5`.
const LINE_NUMBERS = /\b(?:showLineNumbers|linenums|line-numbers)(?:\{(\d+)\}|=(\d+)\b)?/
/** pymdownx.highlight's `linenums="10"` (its first number: where counting starts; a step and special lines may follow). */
const PYMDOWN_LINENUMS = /\blinenums=(?:"(\d+)[^"]*"|'(\d+)[^']*'|(\d+))/
/** Expressive Code's line markers, `ins={4}`, `del={5-6}`, `mark={2}` (its text markers, `ins="word"`, are not read). */
const EC_LINES = /\b(ins|del|mark)=\{([\d\s,-]*)\}/g
/** pymdownx.highlight's `hl_lines="2 3 5-7"`. */
const PYMDOWN_HL_LINES = /\bhl_lines=(?:"([^"]*)"|'([^']*)')/

/** Parse a fence's meta string. */
export function parseCodeMeta(meta: string | undefined | null): CodeMeta {
  const result: CodeMeta = { highlight: new Set(), lineNumbers: false, startLine: 1 }
  if (!meta) return result
  if (/(?:^|\s)\.annotate(?=\s|$)/.test(meta)) result.annotate = true
  const title = TITLE.exec(meta)
  if (title) result.title = title[1] ?? title[2] ?? title[3]
  const withoutTitle = title ? meta.replace(title[0], '') : meta
  // Read after the title, which may hold brackets (`title="a[0].c"`); a label's braces are not line ranges.
  const label = LABEL.exec(withoutTitle)
  if (label && label[1]!.trim()) result.label = label[1]!.trim()
  let rest = label ? withoutTitle.replace(label[0], ' ') : withoutTitle
  const pymdownNumbers = PYMDOWN_LINENUMS.exec(rest)
  if (pymdownNumbers) {
    result.lineNumbers = true
    result.startLine = Number(pymdownNumbers[1] ?? pymdownNumbers[2] ?? pymdownNumbers[3])
    rest = rest.replace(pymdownNumbers[0], ' ')
  }
  const hlLines = PYMDOWN_HL_LINES.exec(rest)
  if (hlLines) {
    rest = rest.replace(hlLines[0], ' ')
    addLines(result.highlight, (hlLines[1] ?? hlLines[2] ?? '').split(/\s+/))
  }
  // Before the bare `{2}`: `ins={4}` holds one that is no highlight.
  rest = rest.replace(EC_LINES, (_, kind: string, ranges: string) => {
    const lines = kind === 'mark' ? result.highlight : kind === 'ins' ? (result.inserted ??= new Set()) : (result.deleted ??= new Set())
    addLines(lines, ranges.split(','))
    return ' '
  })
  const numbers = pymdownNumbers ? null : LINE_NUMBERS.exec(rest)
  if (numbers) {
    result.lineNumbers = true
    if (numbers[1] ?? numbers[2]) result.startLine = Number(numbers[1] ?? numbers[2])
  }
  const ranges = RANGES.exec(rest.replace(LINE_NUMBERS, ''))
  if (ranges) addLines(result.highlight, ranges[1]!.split(','))
  return result
}

/** Add the lines of `parts` (`3`, `5-7`) to `lines`. */
function addLines(lines: Set<number>, parts: string[]): void {
  for (const part of parts) {
    const [a, b] = part.trim().split('-').map((n) => Number(n.trim()))
    if (!a || Number.isNaN(a)) continue
    const end = b && !Number.isNaN(b) ? Math.min(b, a + 10_000) : a
    for (let n = a; n <= end; n++) lines.add(n)
  }
}

/** VitePress's language with its marks: `js{4}`, `ts:line-numbers {1}`, `ts:line-numbers=2`, `ts:no-line-numbers`. */
const VITEPRESS_LANG = /^([^{:\s]+)(?::(no-)?line-numbers(?:=(\d+))?)?(\{[\d\s,-]*\})?$/

/**
 * Split VitePress's marks off a fence's language (`js{4}` is `js` with
 * `{4}`; `ts:line-numbers=2` is `ts` counting from 2) into meta as
 * `parseCodeMeta` reads it. Any other language is as written.
 */
export function splitLanguageMeta(lang: string): { lang: string; meta: string } {
  const m = VITEPRESS_LANG.exec(lang)
  if (!m || (m[2] === undefined && m[3] === undefined && m[4] === undefined && !lang.includes(':'))) return { lang, meta: '' }
  const numbers = lang.includes(':line-numbers') ? (m[3] ? `line-numbers{${m[3]}}` : 'line-numbers') : ''
  return { lang: m[1]!, meta: [m[4] ?? '', numbers].filter(Boolean).join(' ') }
}
