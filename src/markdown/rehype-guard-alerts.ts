/**
 * Keep rehype-github-alerts from throwing on a blockquote whose first
 * paragraph (or its first `<strong>`) is empty, as `> <script>…</script>`
 * leaves one after sanitising: the plugin reads `children[0].type` without
 * checking (rehype-github-alerts 4). An empty text node there is invisible in
 * the page and makes the plugin see "no alert".
 */
import type { Element, Root } from 'hast'
import { walk } from './walk.ts'

const isElement = (node: unknown, tag: string): node is Element =>
  typeof node === 'object' && node !== null && (node as Element).type === 'element' && (node as Element).tagName === tag

export default function rehypeGuardAlerts() {
  return (tree: Root) => {
    walk(tree, (node) => {
      if (node.type !== 'element' || node.tagName !== 'blockquote') return
      const paragraph = node.children.find((child) => isElement(child, 'p'))
      if (!isElement(paragraph, 'p')) return
      if (paragraph.children.length === 0) paragraph.children.push({ type: 'text', value: '' })
      const first = paragraph.children[0]
      if (isElement(first, 'strong') && first.children.length === 0) first.children.push({ type: 'text', value: '' })
    })
  }
}
