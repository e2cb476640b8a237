/**
 * Mermaid fences: a ```` ```mermaid ```` block becomes `<pre class="mermaid">`
 * holding its source as text, the element mdbook-mermaid writes and mermaid
 * draws. The diagram is drawn in the browser (`src/mermaid/client.js`); a
 * reader without JavaScript, or a diagram mermaid cannot read, shows the
 * source. It is not highlighted: it is a picture, not code.
 */
import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'

/** The fence's language: its first word, before mdBook's attributes after a comma. */
function fenceLanguage(code: Element): string | undefined {
  const classes = code.properties.className
  const found = (Array.isArray(classes) ? classes : []).find((c) => typeof c === 'string' && c.startsWith('language-'))
  return typeof found === 'string' ? found.slice('language-'.length).split(',')[0]!.trim() : undefined
}

/** Turn ```` ```mermaid ```` fences into `<pre class="mermaid">` source for mermaid to draw. */
export default function rehypeMermaid() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code')
      // Lower case only, as mdbook-mermaid and Quartz read it: ```Mermaid stays highlighted code.
      if (!code || fenceLanguage(code) !== 'mermaid') return
      const pre = h('pre.mermaid', toString(code).replace(/\n$/, ''))
      pre.position = node.position
      parent.children[index] = pre
      return 'skip'
    })
  }
}
