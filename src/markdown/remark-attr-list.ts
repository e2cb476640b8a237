/**
 * Python-Markdown's attribute lists after inline elements (`attr_list`, in an
 * MkDocs site that lists it): `[Start](start.md){ .md-button }`,
 * `![Logo](logo.png){ width="300" }`, `*word*{ #id .class }` set the id,
 * classes and attributes of the element just before the braces, as
 * Material's buttons, image sizes and alignments are written; and a
 * paragraph's last line holding only braces (`blockAttributes`). (Headings'
 * `{ #id .class }` are read everywhere, by remark-heading-attributes.) What
 * the sanitiser does not allow (`style`, `on…`) is removed with the rest of
 * the author's HTML.
 *
 * Outside such a site (`images`), only an image's braces are read, and only
 * when they hold nothing but attributes: pandoc's `link_attributes`
 * (`![Counting](flow.png){#fig:Counting width=60%}`, as dendibakh's
 * perf-book sizes every figure), Quarto's and markdown-it-attrs' (VitePress)
 * forms are the same, and nobody means such braces to be shown.
 *
 * The braces are text to CommonMark, right after the element they follow;
 * no remark plugin reads Python-Markdown's form (remark-attr reads another
 * syntax, for remark's old tokenizer).
 */
import type { Paragraph, Parent, PhrasingContent, Root, Text } from 'mdast'
import { visit } from 'unist-util-visit'

/** Python-Markdown's inline attribute list (`AttrListTreeprocessor.INLINE_RE`): braces right after the element, an optional `:`. */
const INLINE = /^\{:?[ \t]*([^}\n \t][^}\n]*?)[ \t]*\}/

/** One attribute: `key="value"`, `key='value'`, `key=value`, `#id` or `.class`. */
const ATTRIBUTE = /([\w:-]+)[ \t]*=[ \t]*(?:"([^"]*)"|'([^']*)'|(\S+))|#([\w:.-]+)|\.([\w-]+)/g

/** Elements an attribute list may follow. */
const TARGETS = new Set(['link', 'image', 'emphasis', 'strong', 'delete', 'inlineCode', 'linkReference', 'imageReference'])

/** The attributes an attribute list sets, as hast properties; undefined when it holds none. */
export function readAttributeList(list: string): Record<string, unknown> | undefined {
  const properties: Record<string, unknown> = {}
  const classes: string[] = []
  for (const m of list.matchAll(ATTRIBUTE)) {
    if (m[5] !== undefined) properties.id = m[5]
    else if (m[6] !== undefined) classes.push(m[6])
    else if (m[1] !== undefined) {
      const value = m[2] ?? m[3] ?? m[4] ?? ''
      if (m[1] === 'class') classes.push(...value.split(/\s+/).filter(Boolean))
      else properties[m[1]] = value
    }
  }
  if (classes.length) properties.className = classes
  return Object.keys(properties).length ? properties : undefined
}

/** Elements an attribute list may follow outside an MkDocs site. */
const IMAGES = new Set(['image', 'imageReference'])

export interface AttrListOptions {
  /** Read only an image's braces, and only when they hold attributes alone (default false: Python-Markdown's `attr_list`). */
  images?: boolean
}

/** Python-Markdown's block attribute list (`AttrListTreeprocessor.BLOCK_RE`): a paragraph's last line holding only braces. */
const BLOCK = /\n[ \t]*\{:?[ \t]*([^}\n \t][^}\n]*?)[ \t]*\}[ \t]*$/

/**
 * A paragraph's last line holding only an attribute list (`text (1)` over
 * `{ .annotate }`, as Material's annotations are written): its attributes go
 * on the paragraph, the line goes. A paragraph that is that line alone, right
 * under a fenced block, is dropped: pymdownx.superfences leaves the block as
 * a placeholder line above it, so the attributes went on a paragraph around
 * the block that the browser closes empty (Material's script skips it).
 */
function blockAttributes(tree: Root): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent: Parent | undefined) => {
    const last = node.children.at(-1)
    if (last?.type !== 'text' || index === undefined || !parent) return
    const previous = parent.children[index - 1]
    const alone = node.children.length === 1 && previous?.type === 'code' && previous.position && node.position && node.position.start.line === previous.position.end.line + 1
    const m = BLOCK.exec(alone ? `\n${last.value}` : last.value)
    const properties = m ? readAttributeList(m[1]!) : undefined
    if (!m || !properties) return
    if (alone) {
      parent.children.splice(index, 1)
      return index
    }
    last.value = last.value.slice(0, m.index)
    if (last.value === '') node.children.pop()
    const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> }
    data.hProperties = { ...data.hProperties, ...properties }
  })
}

/** Set the attributes of `{ … }` on the inline element before it, and (in an MkDocs site) on a paragraph whose last line it is. */
export default function remarkAttrList(options: AttrListOptions = {}) {
  const targets = options.images ? IMAGES : TARGETS
  return (tree: Root) => {
    if (!options.images) blockAttributes(tree)
    visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
      if (index === undefined || index === 0 || !parent || !node.value.startsWith('{')) return
      const target = parent.children[index - 1] as PhrasingContent
      if (!targets.has(target.type)) return
      const m = INLINE.exec(node.value)
      // Outside MkDocs, `{x}` after an image is the author's text: every word must be an attribute.
      if (m && options.images && m[1]!.replace(ATTRIBUTE, '').trim() !== '') return
      const properties = m ? readAttributeList(m[1]!) : undefined
      if (!m || !properties) return
      const data = (target.data ??= {}) as { hProperties?: Record<string, unknown> }
      const own = data.hProperties ?? {}
      // Inline code keeps only the classes the sanitiser allows there (a language's): an author's class would leave `class=""`.
      const added = target.type === 'inlineCode' ? [] : ((properties.className as string[] | undefined) ?? [])
      const className = [...((own.className as string[] | undefined) ?? []), ...added]
      const { className: _, ...rest } = properties
      data.hProperties = { ...own, ...rest, ...(className.length && { className }) }
      node.value = node.value.slice(m[0].length)
      if (node.value === '') parent.children.splice(index, 1)
    })
  }
}
