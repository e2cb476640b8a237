/**
 * Material for MkDocs's code annotations: a comment holding `(1)` marks the
 * place of annotation 1, whose content is item 1 of the ordered list right
 * after the block. Material's script finds the markers in Pygments's comment
 * spans (`.c`, `.c1`, `.cm`); here the grammar's `comment` scopes say where
 * the comments are, so a `"(1)"` in a string or `f(1)` in code is never one.
 * `(1)` alone is replaced by the marker, the rest of the comment kept;
 * `(1)!` replaces the rest of its comment, comment characters included.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import { toString } from 'hast-util-to-string'
import { h } from 'hastscript'
import type { ShikiTransformer } from 'shiki'
import type { ScopedToken } from './tokenize.ts'

/** One marker: the columns `[start, end)` of its line that it replaces. */
export interface AnnotationMarker {
  /** 1-based line of the block. */
  line: number
  /** 0-based columns of the line. */
  start: number
  end: number
  /** The annotation's number, `1` of `(1)`. */
  number: number
  /** Written `(1)!`: the comment around it goes too. */
  strip: boolean
}

/** Material's marker, as its `findMarkers` reads a comment's text. */
const MARKER = /\((\d+)\)(!)?/g

/** Could `code` hold a marker at all: blocks without one skip reading scopes for them. */
export function mayHoldAnnotation(code: string): boolean {
  return /\(\d+\)/.test(code)
}

const isComment = (token: ScopedToken) => token.scopes.some((s) => s === 'comment' || s.startsWith('comment.'))

/**
 * The markers in the comments of a block, from the scopes of its tokens. A
 * comment is a run of comment tokens on one line (a block comment over
 * several lines is read line by line).
 */
export function findAnnotationMarkers(lines: readonly ScopedToken[][]): AnnotationMarker[] {
  const markers: AnnotationMarker[] = []
  lines.forEach((tokens, i) => {
    let column = 0
    let host: { start: number; text: string } | undefined
    const read = () => {
      if (!host) return
      const { start, text } = host
      host = undefined
      for (const m of text.matchAll(MARKER)) {
        const at = start + m.index
        if (m[2] === undefined) {
          markers.push({ line: i + 1, start: at, end: at + m[0].length, number: Number(m[1]), strip: false })
          continue
        }
        // As Material replaces the rest of the comment's text (after any marker before it) by the marker.
        const previous = markers.at(-1)
        const from = previous && previous.line === i + 1 && previous.start >= start ? previous.end : start
        markers.push({ line: i + 1, start: from, end: start + text.length, number: Number(m[1]), strip: true })
        break
      }
    }
    for (const token of tokens) {
      if (isComment(token)) {
        if (host) host.text += token.text
        else host = { start: column, text: token.text }
      } else read()
      column += token.text.length
    }
    read()
  })
  return markers
}

/** The id of annotation `n` of block `blockId` (`code-3-annotation-1`), which its markers link to. */
export const annotationId = (blockId: string, n: number) => `${blockId}-annotation-${n}`

/** The marker element: a link to its annotation, named by `label` (`Annotation {n}`). */
function markerElement(blockId: string, n: number, label: string): Element {
  return h('a.code-annotation', { href: `#${annotationId(blockId, n)}`, ariaLabel: label.replaceAll('{n}', String(n)) }, String(n))
}

/**
 * A shiki transformer putting each marker's link where its columns were,
 * splitting the tokens it cuts through (their colours kept on both sides).
 */
export function annotationMarkers(markers: readonly AnnotationMarker[], blockId: string, label: string): ShikiTransformer {
  return {
    name: 'slugwiki:code-annotations',
    line(node, line) {
      const mine = markers.filter((m) => m.line === line)
      if (mine.length === 0) return
      const out: ElementContent[] = []
      let column = 0
      for (const child of node.children) {
        const only = child.type === 'element' && child.children.length === 1 ? child.children[0] : undefined
        if (child.type !== 'element' || only?.type !== 'text') {
          out.push(child)
          column += toString(child).length
          continue
        }
        const end = column + only.value.length
        const cuts = new Set([column, end])
        for (const m of mine) for (const at of [m.start, m.end]) if (at > column && at < end) cuts.add(at)
        const points = [...cuts].sort((a, b) => a - b)
        for (let k = 0; k + 1 < points.length; k++) {
          const from = points[k]!
          const marker = mine.find((m) => m.start <= from && from < m.end)
          // One link for the marker's columns, at the piece where they start.
          if (marker) {
            if (marker.start === from) out.push(markerElement(blockId, marker.number, label))
            continue
          }
          out.push({ ...child, properties: { ...child.properties }, children: [{ type: 'text', value: only.value.slice(from - column, points[k + 1]! - column) }] })
        }
        column = end
      }
      node.children = out
    },
  }
}

/** The parts of a tree `findAnnotationList` reads. */
type Parent = Root | Element

const isBlank = (node: RootContent) => node.type === 'text' && node.value.trim() === ''
const isEmptyParagraph = (node: RootContent) => node.type === 'element' && node.tagName === 'p' && node.children.every(isBlank)

/**
 * The ordered list right after the block at `index` of `parent`, as Material
 * finds it: the next element, past empty paragraphs (a `{ .annotate }` line's).
 */
export function findAnnotationList(parent: Parent, index: number): Element | undefined {
  for (const node of parent.children.slice(index + 1) as RootContent[]) {
    if (isBlank(node) || isEmptyParagraph(node)) continue
    return node.type === 'element' && node.tagName === 'ol' ? node : undefined
  }
  return undefined
}

/** The list's items, `li` children in order: item n is annotation n whatever the list's `start`, as `:nth-child(n)` counts. */
export function annotationItems(list: Element): Element[] {
  return list.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li')
}

/** Make `list` the annotations of block `blockId`: classed, each item with the id its markers link to. */
export function markAnnotationList(list: Element, blockId: string): void {
  const classes = Array.isArray(list.properties.className) ? list.properties.className : []
  list.properties.className = [...classes, 'code-annotations']
  annotationItems(list).forEach((item, i) => {
    item.properties.id = annotationId(blockId, i + 1)
  })
}
