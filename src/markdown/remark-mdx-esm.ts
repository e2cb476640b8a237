/**
 * MDX's ESM in a Docusaurus doc: a top-level block starting with `import` or
 * `export` (`import Tabs from '@theme/Tabs';`) is JavaScript for the page's
 * React component, never text, and is dropped, as MDX hoists it. Docusaurus 3
 * parses `.md` docs as MDX too (its `markdown.format` defaults to `mdx`), so
 * both are read so. Only the top level counts, as in MDX: `import` inside a
 * list, a quote or a code block is what it is there. A full MDX parser
 * (remark-mdx) would also read every `{` and `<` of the prose as JSX and
 * fail on plain markdown that Docusaurus authors escape by habit, so the
 * block is recognised by its first word, as MDX's own tokenizer starts it.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'

/** The start of an ESM block: the keyword, then what can follow it in an import or export. */
const ESM = /^(?:import|export)(?=[\s{*])/

/** Drop the note's top-level `import` and `export` blocks. */
export default function remarkMdxEsm() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value)
    tree.children = tree.children.filter((node) => {
      if (node.type !== 'paragraph' || node.position?.start.offset === undefined) return true
      // Only a block whose source starts the line with the keyword: a paragraph indented into nothing still counts, escaped text (`\import`) does not.
      return !ESM.test(text.slice(node.position.start.offset, node.position.start.offset + 8))
    })
  }
}
