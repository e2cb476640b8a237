/**
 * Zola's shortcodes, read as a Zola site writes them: `{{ youtube(id="…") }}`
 * and `{% quote(author="…") %}…{% end %}` call the site's own Tera templates,
 * which slugwiki does not have. A body shortcode's markdown is kept and its
 * tags dropped; one without a body is shown as written. Either is a warning,
 * once per shortcode name and note, at the first call. A call escaped as
 * Zola's documentation shows one (a comment's `/*` and `* /` just inside its
 * braces) and Tera's `{% raw %}…{% endraw %}` markers are written as Zola
 * renders them, in code too (Zola reads shortcodes before markdown).
 *
 * The call syntax is Zola's own (its `content.pest` grammar), which no
 * markdown library reads; these patterns follow that grammar: a name, then
 * named arguments in parentheses.
 */
import type { Root, RootContent, Text } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

/** A call's name and arguments (`name(a="x", b=[1, 2])`), strings in any of Zola's three quotes. */
const CALL = String.raw`([A-Za-z_]\w*)\s*\((?:[^()"'\x60]|"[^"]*"|'[^']*'|\x60[^\x60]*\x60)*\)`
const INLINE = new RegExp(String.raw`\{\{\s*${CALL}\s*\}\}`, 'g')
const BODY_START = new RegExp(String.raw`\{%\s*${CALL}\s*%\}`, 'g')
const BODY_END = /\{%\s*end\s*%\}/g
const ESCAPED_INLINE = new RegExp(String.raw`\{\{/\*\s*(${CALL})\s*\*/\}\}`, 'g')
const ESCAPED_BODY = new RegExp(String.raw`\{%/\*\s*(${CALL}|end)\s*\*/%\}`, 'g')
/** Tera's raw markers, with their whitespace-trimming dashes (`{% raw -%}`, `{%- endraw %}`). */
const RAW = /\{%-?\s*(?:end)?raw\s*-?%\}/g

/** Text as Zola renders it: escaped calls unescaped, raw markers gone (a line holding only one goes with it). */
function unescape(value: string): string {
  if (!value.includes('{')) return value
  return value
    .replace(/^[ \t]*\{%-?\s*(?:end)?raw\s*-?%\}[ \t]*\r?\n/gm, '')
    .replace(/\r?\n[ \t]*\{%-?\s*(?:end)?raw\s*-?%\}[ \t]*$/, '')
    .replace(RAW, '')
    .replace(ESCAPED_INLINE, (_, call: string) => `{{ ${call} }}`)
    .replace(ESCAPED_BODY, (_, call: string) => `{% ${call} %}`)
}

export default function remarkZolaShortcodes() {
  return (tree: Root, file: VFile) => {
    const warned = new Set<string>()
    const warn = (name: string, node: RootContent, body: boolean) => {
      if (warned.has(name)) return
      warned.add(name)
      const what = body ? 'its body is kept, the tags dropped' : 'shown as written'
      file.message(`Zola shortcode \`${name}\` is not rendered (it is the site's own template): ${what}`, node.position, 'slugwiki:zola-shortcode')
    }
    visit(tree, (node, index, parent) => {
      if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') {
        node.value = unescape(node.value)
        return SKIP
      }
      if (node.type !== 'paragraph' || !parent || index === undefined) return
      // A call may span several text nodes (an argument autolinked by GFM): found in the paragraph's text.
      const whole = toString(node)
      for (const match of whole.matchAll(INLINE)) if (!match[0].includes('/*')) warn(match[1]!, node, false)
      let tags = whole.match(BODY_END) !== null
      for (const match of whole.matchAll(BODY_START)) {
        warn(match[1]!, node, true)
        tags = true
      }
      visit(node, (child) => {
        if (child.type === 'inlineCode' || child.type === 'html') child.value = unescape(child.value)
        if (child.type !== 'text') return
        const text: Text = child
        let value = tags ? text.value.replace(BODY_START, '').replace(BODY_END, '') : text.value
        value = unescape(value)
        // The lines a dropped tag stood on.
        if (tags) value = value.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n[ \t]*$/, '').replace(/\n[ \t]*\n/g, '\n')
        text.value = value
      })
      // A paragraph that held only tags is gone.
      if (tags && toString(node).trim() === '') {
        parent.children.splice(index, 1)
        return index
      }
      return SKIP
    })
  }
}
