/**
 * Obsidian's inline tags: `#tag` in prose tags the note, as a tag in its
 * frontmatter does, and links to the tag's page. As in Obsidian, a tag
 * follows a space or starts its line, is letters, digits, `_`, `-` and `/`
 * (nested tags, `#kernel/mm`), and is not only digits (`#1` is an issue
 * number). Text in code, links, headings, math and raw scripts is not prose
 * and is left alone. Runs after the link collector, so tag links are not
 * taken for the author's own links (they are checked and counted as tags).
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast'
import { headingRank } from 'hast-util-heading-rank'
import { h } from 'hastscript'
import type { VFile } from 'vfile'
import { hrefTo, slugOf, tagSlug } from '../paths.ts'
import { NOT_PROSE } from './rehype-topics.ts'
import type { InlineTags } from './task.ts'

/** A tag and the space or line start before it. */
const TAG = /(^|\s)#([\p{L}\p{M}\p{N}_-]+(?:\/[\p{L}\p{M}\p{N}_-]+)*)/gu
const ONLY_DIGITS = /^[\p{N}/]+$/u

export interface RehypeInlineTagsOptions {
  /** `link` to the tag's page, or `text` (a wiki without tag pages); the plugin does nothing without it. */
  mode?: InlineTags
}

export default function rehypeInlineTags(options: RehypeInlineTagsOptions = {}) {
  return (tree: Root, file: VFile) => {
    file.data.inlineTags = []
    const mode = options.mode
    if (!mode) return
    const from = slugOf(file.data.source!)
    const found = new Set<string>()

    const tag = (name: string): Element =>
      mode === 'link' ? h('a.tag-link', { href: hrefTo(from, tagSlug(name)) }, `#${name}`) : h('span.tag-link', `#${name}`)

    /** `node` split at its tags, or undefined to keep it. `atStart`: whether the text starts a line of prose. */
    const scan = (node: Text, atStart: boolean): ElementContent[] | undefined => {
      const out: ElementContent[] = []
      let last = 0
      for (const m of node.value.matchAll(TAG)) {
        const name = m[2]!
        if (ONLY_DIGITS.test(name) || (m.index === 0 && m[1] === '' && !atStart)) continue
        const start = m.index + m[1]!.length
        if (start > last) out.push({ type: 'text', value: node.value.slice(last, start) })
        out.push(tag(name))
        found.add(name)
        last = start + 1 + name.length
      }
      if (last === 0) return undefined
      if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) })
      return out
    }

    const walk = (parent: Root | Element) => {
      const children = parent.children as RootContent[]
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!
        if (child.type === 'text') {
          // A text right after an inline element (`**a**#b`) does not follow a space.
          const before = children[i - 1]
          const replaced = scan(child, before === undefined || (before.type === 'element' && before.tagName === 'br'))
          if (replaced) {
            children.splice(i, 1, ...replaced)
            i += replaced.length - 1
          }
          continue
        }
        if (child.type !== 'element' || headingRank(child) || NOT_PROSE.has(child.tagName)) continue
        walk(child)
      }
    }
    walk(tree)
    file.data.inlineTags = [...found]
  }
}
