/**
 * Render the mdbook-admonish blocks remark-mdbook-admonish left, and MkDocs's
 * admonitions remark-mkdocs-blocks left (a `div` of the title's paragraph
 * and the body), as callouts: the frame, icon, title
 * and fold come from the Obsidian callouts' renderer, so the themes style
 * both alike; a collapsible block is a `<details>`, closed (open for MkDocs's `???+`). The body is
 * left as the pipeline made it (alerts and callouts inside are already
 * rendered). The block keeps mdbook-admonish's id and classes
 * (`admonition admonish-warning`, and its own `class`), and a block whose
 * title is `""` has no title bar.
 *
 * It runs after the first sanitising pass, which would remove the icons;
 * the blocks are found by where their fences start (see AdmonitionPlace).
 */
import type { Element, ElementContent, Root } from 'hast'
import type { Processor } from 'unified'
import type { VFile } from 'vfile'
import type { AdmonitionPlace } from './data.ts'
import { calloutRenderer } from './rehype-obsidian-callouts.ts'
import { walk } from './walk.ts'

const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === ''

/** Render mdbook-admonish blocks as the theme's callouts. */
export default function rehypeMdbookAdmonish(this: Processor) {
  const render = calloutRenderer(this)
  return (tree: Root, file: VFile) => {
    const places = file.data.admonitions
    if (!places) return
    const byPlace = new Map(places.map((place) => [`${place.line}:${place.column}`, place]))
    const found: { node: Element; place: AdmonitionPlace; title?: Element; frame: Element }[] = []
    walk(tree, (node) => {
      if (node.type !== 'element' || node.tagName !== 'div' || !node.position) return
      const key = `${node.position.start.line}:${node.position.start.column}`
      const place = byPlace.get(key)
      if (!place) return
      byPlace.delete(key)
      const first = node.children.find((child) => !isBlank(child))
      const title = first?.type === 'element' && first.tagName === 'p' ? first : undefined
      const inline = title?.children ?? []
      // A blockquote written as a callout, with the title only: the renderer visits every blockquote
      // it is given, and the body's own were rendered (or left quotes) already.
      const marker = { type: 'text' as const, value: `[!${place.type}]${place.collapsible ? (place.open ? '+' : '-') : ''} ` }
      const frame: Element = { type: 'element', tagName: 'blockquote', properties: {}, children: [{ type: 'element', tagName: 'p', properties: {}, children: [marker, ...inline] }] }
      found.push({ node, place, title, frame })
    })
    render(
      found.map((f) => f.frame),
      found.filter((f) => !f.place.builtin).map((f) => f.place.type),
    )
    for (const { node, place, title, frame } of found) {
      const [bar, content] = frame.children as Element[]
      content!.children = node.children.filter((child) => child !== title)
      const classes = frame.properties.className as string[]
      node.tagName = frame.tagName
      node.properties = { ...frame.properties, id: place.id || undefined, className: [...classes, ...place.classes.filter((c) => !classes.includes(c))] }
      node.children = place.titled ? [bar!, content!] : [content!]
    }
  }
}
