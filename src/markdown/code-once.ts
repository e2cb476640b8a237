/**
 * A note's code blocks serialised once for both body forms, the page and the
 * print chapter. Highlighted code is one element per token, most of a body's
 * nodes, and a `pre` is the same in both forms when nothing in it is an id
 * or a link the print chapter rewrites; serialising, copying and walking it
 * twice was a sixth of a note's body-making time. Each such `pre` is
 * replaced by a mark (a nonce in private-use characters, as slotted-html's
 * marks: the serialiser passes it through, a note cannot guess it), and its
 * HTML is put back in each form's serialised parts.
 */
import { randomBytes } from 'node:crypto'
import type { Element, Root, RootContent } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { replaceUnprintableInTree } from '../unprintable.ts'
import type { SlottedHtml } from './slotted-html.ts'
import { walk } from './walk.ts'

/** Properties a body form rewrites or marks (print-body.ts, wikilink-slots.ts): a `pre` with any is left in the tree. */
const REWRITTEN = ['id', 'href', 'src', 'dataWikilink']

function untouched(node: Element): boolean {
  if (REWRITTEN.some((name) => node.properties[name] !== undefined)) return false
  let clean = true
  walk(node, (child) => {
    if (child.type === 'element' && REWRITTEN.some((name) => child.properties[name] !== undefined)) clean = false
    return clean
  })
  return clean
}

export interface SerialisedCode {
  /** `html` (serialised from the tree after `serialiseCode`) with each code block's HTML in place of its mark. */
  restore<S>(html: SlottedHtml<S>): SlottedHtml<S>
}

/**
 * Serialise each `pre` of `tree` that no body form changes, with its
 * unprintable characters replaced as both forms replace them, and leave a
 * mark in its place. Changes `tree`.
 */
export function serialiseCode(tree: Root): SerialisedCode {
  const nonce = randomBytes(12).toString('hex')
  const html: string[] = []
  const replaced: Array<{ parent: Root | Element; node: Element }> = []
  walk(tree, (node, parent) => {
    if (node.type !== 'element' || node.tagName !== 'pre') return
    if (untouched(node)) replaced.push({ parent, node })
    return false
  })
  for (const { parent, node } of replaced) {
    const alone: Root = { type: 'root', children: [node] }
    replaceUnprintableInTree(alone)
    const mark: RootContent = { type: 'text', value: `\uE002${nonce}:${html.push(toHtml(alone)) - 1}\uE003` }
    parent.children[parent.children.indexOf(node)] = mark as Element['children'][number]
  }
  const pattern = new RegExp(`\uE002${nonce}:(\\d+)\uE003`, 'g')
  return {
    restore(serialised) {
      if (html.length === 0) return serialised
      let count = 0
      const parts = serialised.parts.map((part) =>
        part.replace(pattern, (_, index: string) => {
          count++
          return html[Number(index)]!
        }),
      )
      if (count !== html.length) throw new Error('A code block mark did not come out of the serialiser exactly once')
      return { parts, slots: serialised.slots }
    },
  }
}
