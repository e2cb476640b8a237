/**
 * A fence's info written as an attribute block, as pandoc and
 * pymdownx.superfences read it: ```` ``` { .python title="x.py" } ```` and
 * ```` ~~~~ {#lst:Chrono .cpp .numberLines} ```` (pandoc-crossref's
 * listings, as dendibakh's perf-book writes every one) are blocks of the
 * first class's language, their `key="value"`s the meta code-meta reads
 * (pandoc's `.numberLines`, from its `startFrom`, numbers the lines);
 * Material's `.annotate` (code-annotations.ts) stays in the meta, as code-meta
 * reads it; other classes and an `#id` are dropped (the theme's code frame has its
 * own). R Markdown's and Quarto's ```` ```{r} ```` name the language as a
 * bare first word. CommonMark gives the whole `{…}` as the info string, whose
 * first word is no language (GitHub and mdBook highlight nothing then); no
 * remark plugin reads it.
 */
import type { Code, Root } from 'mdast'
import { visit } from 'unist-util-visit'

/** Material's class for a block whose code annotations are read. */
const ANNOTATE = /(?:^|\s)\.annotate(?=\s|$)/

/** Read the fence attribute blocks of `tree` into languages and meta. */
export function fenceAttributes(tree: Root): void {
  visit(tree, 'code', (node: Code) => {
    const info = [node.lang, node.meta].filter(Boolean).join(' ').trim()
    const braces = /^\{(.*)\}$/.exec(info)
    if (!braces) return
    const lang = /(?:^|\s)\.([^\s.#{}="']+)/.exec(braces[1]!) ?? /^\s*([A-Za-z][\w+-]*)(?=\s|,|$)/.exec(braces[1]!)
    node.lang = lang?.[1] ?? null
    const attributes: string[] = [...(braces[1]!.match(/[\w-]+=(?:"[^"]*"|'[^']*'|\S+)/g) ?? [])]
    // pandoc's `.numberLines` (`.number-lines`), counting from its `startFrom="10"`.
    if (/(?:^|\s)\.number-?lines(?=\s|$)/i.test(braces[1]!)) {
      const from = /\bstartFrom=["']?(\d+)/.exec(braces[1]!)
      attributes.push(from ? `showLineNumbers{${from[1]}}` : 'showLineNumbers')
    }
    if (ANNOTATE.test(braces[1]!)) attributes.push('.annotate')
    node.meta = attributes.length ? attributes.join(' ') : null
  })
}

/** Read fences' attribute blocks (`{#lst:x .cpp}`, `{ .py title="x.py" }`) in every wiki. */
export default function remarkFenceAttributes() {
  return (tree: Root) => fenceAttributes(tree)
}
