/**
 * Per-heading-section search records, read from a compiled note's hast tree
 * (never from its markdown again): the heading, the prose under it, and the
 * code under it, kept apart so code can rank below prose.
 */
import type { Element, ElementContent, Root } from 'hast'
import { headingRank } from 'hast-util-heading-rank'
import { isHiddenHeading } from '../markdown/rehype-headings.ts'

export interface SearchSection {
  /** The heading's element id; empty for the text before the first heading. */
  id: string
  /** Heading rank 1–6; 0 for the text before the first heading. */
  depth: number
  heading: string
  /** Paragraphs, lists, tables, inline code: everything read as text. */
  prose: string
  /** Code blocks and kernel logs. */
  code: string
}

/** Elements whose text runs on with their neighbours' (no word break around them). */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's',
  'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
])

/** Elements with no readable text. */
const SKIP = new Set(['script', 'style', 'template', 'button', 'svg', 'math', 'input', 'select', 'textarea'])

function classes(node: Element): string[] {
  const value = node.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

/** Code blocks, as rehype-code and the kernel-log renderer leave them, or a bare `pre`. */
function isCodeBlock(node: Element): boolean {
  const c = classes(node)
  return node.tagName === 'pre' || (node.tagName === 'figure' && c.includes('code')) || (node.tagName === 'div' && c.includes('log'))
}

interface Builder {
  sections: SearchSection[]
  current: { id: string; depth: number; heading: string; prose: string[]; code: string[] }
}

function flush(b: Builder): void {
  const { id, depth, heading, prose, code } = b.current
  const squash = (parts: string[]) => parts.join('').replace(/\s+/g, ' ').trim()
  const section = { id, depth, heading, prose: squash(prose), code: squash(code) }
  if (section.heading || section.prose || section.code) b.sections.push(section)
}

/** The text of `node` for the index: TeX source for math, alt text for images, no anchor marks. */
function textOf(node: ElementContent, out: string[]): void {
  if (node.type === 'text') {
    out.push(node.value)
    return
  }
  if (node.type !== 'element' || SKIP.has(node.tagName)) return
  const c = classes(node)
  // Material's code annotation markers are links to the annotations (indexed as prose), no text of the code.
  if (c.includes('heading-anchor') || c.includes('katex-html') || c.includes('copy-button') || c.includes('code-annotation')) return
  if (c.includes('katex-mathml')) {
    // KaTeX keeps the TeX it was given in an <annotation>; search that rather than the MathML glyphs.
    out.push(' ', findAnnotation(node) ?? '', ' ')
    return
  }
  if (node.tagName === 'img' && typeof node.properties.alt === 'string') out.push(' ', node.properties.alt, ' ')
  const block = !INLINE.has(node.tagName)
  if (block) out.push(' ')
  for (const child of node.children) textOf(child, out)
  if (block) out.push(' ')
}

function findAnnotation(node: Element): string | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'annotation') return child.children.map((t) => (t.type === 'text' ? t.value : '')).join('')
    const found = findAnnotation(child)
    if (found !== undefined) return found
  }
  return undefined
}

/** A table of contents the note asked for (mdbook-toc's and `[TOC]`'s list, VitePress's `[[toc]]`): its headings are indexed where they are. */
function isTableOfContents(node: Element): boolean {
  const c = classes(node)
  return c.includes('mdbook-toc') || c.includes('table-of-contents')
}

function walk(nodes: ElementContent[], b: Builder): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      b.current.prose.push(node.value)
      continue
    }
    if (node.type !== 'element' || isTableOfContents(node)) continue
    const depth = headingRank(node)
    // The footnotes' hidden "Footnotes" label is neither a section nor text of one.
    if (depth && isHiddenHeading(node)) continue
    if (depth) {
      flush(b)
      const heading: string[] = []
      for (const child of node.children) textOf(child, heading)
      const id = typeof node.properties.id === 'string' ? node.properties.id : ''
      b.current = { id, depth, heading: heading.join('').replace(/\s+/g, ' ').trim(), prose: [], code: [] }
    } else if (isCodeBlock(node)) {
      // A code title (figcaption) names a file or function: it reads as prose.
      const caption = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption')
      if (caption) textOf(caption, b.current.prose)
      const code: string[] = []
      for (const child of node.children) if (child !== caption) textOf(child, code)
      b.current.code.push(' ', code.join(''), ' ')
    } else if (INLINE.has(node.tagName) || node.children.every((c) => c.type === 'text')) {
      textOf(node, b.current.prose)
    } else {
      // A container (list, table, blockquote, details, footnotes) may hold headings and code of its own.
      if (SKIP.has(node.tagName)) continue
      b.current.prose.push(' ')
      walk(node.children, b)
      b.current.prose.push(' ')
    }
  }
}

/** Split a note body into its heading sections, in document order. */
export function collectSections(tree: Root): SearchSection[] {
  const b: Builder = { sections: [], current: { id: '', depth: 0, heading: '', prose: [], code: [] } }
  walk(tree.children as ElementContent[], b)
  flush(b)
  return b.sections
}
