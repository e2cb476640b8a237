/**
 * Heading attributes as mdBook (pulldown-cmark) reads them:
 * `## Custom heading {#my-id .class}` gives the heading id `my-id` and class
 * `class`, and the braces are not shown; and as pandoc reads them, where an id
 * may hold `:` and `.` (pandoc-crossref's `# Measuring {#sec:measuring}`, as
 * dendibakh's perf-book labels every section) and `{-}` is `{.unnumbered}`.
 * No maintained remark plugin for mdast 4 does this, and the syntax is one
 * trailing brace group.
 */
import type { Heading, Root } from 'mdast'
import { visit } from 'unist-util-visit'

const TRAILING = /\s*\{([^{}]*)\}\s*$/

export default function remarkHeadingAttributes() {
  return (tree: Root) => {
    visit(tree, 'heading', (node: Heading) => {
      const last = node.children.at(-1)
      if (!last || last.type !== 'text') return
      const match = TRAILING.exec(last.value)
      if (!match) return
      const tokens = match[1]!.trim().split(/\s+/).filter(Boolean)
      // Only a group made entirely of attributes is one; `{x}` (or `{...}`) in a title stays text.
      // An id starts with a word character and may go on with `:` and `.`, as pandoc's do.
      if (tokens.length === 0 || !tokens.every((t) => /^#\w[\w:.-]*$/.test(t) || /^\.[\w-]+$/.test(t) || t === '-' || /^[\w-]+=\S*$/.test(t))) return
      const id = tokens.find((t) => t.startsWith('#'))?.slice(1)
      const classes = tokens.flatMap((t) => (t === '-' ? ['unnumbered'] : t.startsWith('.') ? [t.slice(1)] : []))
      last.value = last.value.slice(0, match.index)
      if (last.value === '') node.children.pop()
      const data = (node.data ??= {})
      data.hProperties = { ...(data.hProperties ?? {}), ...(id ? { id } : {}), ...(classes.length ? { className: classes } : {}) }
    })
  }
}
