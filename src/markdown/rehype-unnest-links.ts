/**
 * A link inside a link is not HTML: a browser closes the outer one first, so
 * the page would not read back as it was built. Markdown can still produce one
 * (an autolink in a link's text, `[a <https://x>](y)`); the inner link gives up
 * its `<a>` and keeps its text.
 */
import type { Element, ElementContent, Root } from 'hast'

function unnest(children: ElementContent[], insideLink: boolean): ElementContent[] {
  return children.flatMap((child) => {
    if (child.type !== 'element') return [child]
    const isLink = child.tagName === 'a'
    const inner = unnest(child.children, insideLink || isLink)
    if (isLink && insideLink) return inner
    ;(child as Element).children = inner
    return [child]
  })
}

export default function rehypeUnnestLinks() {
  return (tree: Root) => {
    tree.children = unnest(tree.children as ElementContent[], false) as Root['children']
  }
}
