/**
 * Pass 1 of sanitising (see sanitize-schema.ts): the author's form fields go
 * (rehype-form-fields.ts), then hast-util-sanitize with the note schema; and
 * one warning per note naming what of the author's raw HTML was removed, so
 * that a book moved from mdBook (which publishes HTML as written) does not
 * lose a widget or a colour without a word.
 *
 * What was removed is read from hast-util-sanitize's own result, not worked
 * out again from the schema: each element parsed from raw HTML is tagged in
 * its `data`, which sanitize copies onto the elements it keeps, so an element
 * missing from the result was removed, and a property missing from its copy
 * was dropped (by name, value list, `data*` rule or URL scheme, whichever of
 * the schema's rules it was).
 */
import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize'
import { find, html } from 'property-information'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { removeFormFields } from './rehype-form-fields.ts'
import { walk } from './walk.ts'

/** The `data` key tying an element of the author's HTML to its sanitised copy. */
const MARK = 'slugwikiPass1'

interface Removal {
  /** 0: an element and its content; 1: an element whose text was kept; 2: an attribute or URL. */
  rank: number
  one: string
  many: string
  count: number
  line: number
}

/** What a removal was made from: the author's raw HTML, or a URL markdown syntax wrote (`[a](javascript:…)`). */
type Origin = 'html' | 'markdown'

const MESSAGES: Record<Origin, string> = {
  html: 'Raw HTML removed by sanitising',
  markdown: 'Link URL removed by sanitising',
}

/** Sanitise a note with `schema`, warning once per origin at the first removal from its raw HTML or its links. */
export default function rehypeSanitizeNote(schema: Schema) {
  // Keys the schema leaves out are hast-util-sanitize's defaults, as in `sanitize`.
  const full: Schema = { ...defaultSchema, ...schema }
  return (tree: Root, file: VFile): Root => {
    const authored = markAuthored(tree, file.data.rawHtml ? (file.data.rawHtmlSpans ?? []) : [])
    // Markdown alone makes only what the schema keeps but the URLs of its links: with neither, nothing to report.
    if (authored.length === 0) return sanitize(tree, schema) as Root
    if (file.data.rawHtml) removeFormFields(tree)
    const clean = sanitize(tree, schema) as Root
    const kept = new Array<Element | undefined>(authored.length)
    walk(clean, (node) => {
      const id = node.type === 'element' ? takeMark(node) : undefined
      if (id !== undefined) kept[id] = node as Element
    })

    // The author's elements that survived: an unknown element around one (`<center><img></center>`) kept some content.
    const survived = new Set(authored.flatMap((item, id) => (kept[id] ? [item.node] : [])))
    const ownMarks = new Set(authored.map((item) => item.node))
    const keepsElement = (node: Element): boolean => {
      let found = false
      walk(node, (child) => {
        if (child !== node && child.type === 'element' && (survived.has(child as Element) || !ownMarks.has(child as Element))) found = true
      })
      return found
    }
    const removals: Record<Origin, Map<string, Removal>> = { html: new Map(), markdown: new Map() }
    const first: Partial<Record<Origin, Position>> = {}
    const note = (rank: number, one: string, many: string, { node, origin }: Authored): void => {
      const line = node.position?.start?.line ?? 0
      first[origin] ??= node.position
      const key = `${rank} ${one}`
      const seen = removals[origin].get(key)
      if (seen) seen.count++
      else removals[origin].set(key, { rank, one, many, count: 1, line })
    }
    // In document order; the form fields removed above are among them, no longer in the tree.
    let strippedUntil = -1
    authored.forEach((item, id) => {
      const { node } = item
      takeMark(node)
      const start = node.position!.start.offset!
      // What a stripped element held went with it and is not counted again.
      if (start < strippedUntil) return
      const copy = kept[id]
      if (!copy) {
        const stripped = full.strip?.includes(node.tagName) ?? false
        const tag = `<${node.tagName}>`
        // parse5 leaves an element cut short by the end of its raw HTML (`<textarea>` unclosed) no end.
        if (stripped) strippedUntil = node.position?.end?.offset ?? start
        // Unknown elements (`<font>`, `<center>`) are replaced by their content: a lesser loss, said so; WAMR's
        // `<center><img …></center>` keeps its image, which "removed" alone would deny.
        if (!stripped && toString(node).trim() !== '') note(1, tag, tag, item)
        else if (!stripped && keepsElement(node)) note(1.5, tag, tag, item)
        else note(0, tag, tag, item)
        return
      }
      for (const [key, value] of Object.entries(node.properties)) {
        if (value === undefined || value === null) continue
        const now = copy.properties[key]
        const attribute = find(html, key).attribute
        if (now === undefined || now === null) {
          const scheme = full.protocols?.[key] && typeof value === 'string' ? /^\s*([a-z][a-z\d+.-]*):/i.exec(value)?.[1] : undefined
          if (scheme) note(2, `${scheme.toLowerCase()}: URL`, `${scheme.toLowerCase()}: URLs`, item)
          // A link's URL whose scheme is disguised (`java&#x09;script:`): its only property that can go.
          else if (item.origin === 'markdown') note(2, 'URL', 'URLs', item)
          else note(2, `${attribute} attribute`, `${attribute} attributes`, item)
        } else if (Array.isArray(value) && Array.isArray(now) && now.length < value.length) {
          note(2, `${attribute} value`, `${attribute} values`, item)
        }
      }
    })

    // Lines of the file the warning points at are bare; an `{{#include}}` can bring in lines of others.
    const sourceOf = file.data.sourceOf ?? (() => undefined)
    for (const origin of ['html', 'markdown'] as const) {
      const at = first[origin]
      if (!at) continue
      const anchor = sourceOf(at.start.line)?.file
      const sourceLine = (line: number): string => {
        const mapped = sourceOf(line)
        return mapped && mapped.file !== anchor ? `${mapped.file}:${mapped.line}` : `line ${mapped?.line ?? line}`
      }
      const items = [...removals[origin].values()]
        .sort((a, b) => a.rank - b.rank)
        .map(({ rank, one, many, count, line }) => {
          const where = count === 1 ? sourceLine(line) : `first ${sourceLine(line)}`
          const text = rank === 1 ? `${where}, text kept` : rank === 1.5 ? `${where}, content kept` : where
          return count === 1 ? `${one} (${text})` : `${many} ×${count} (${text})`
        })
      file.message(`${MESSAGES[origin]}: ${items.join(', ')}; set trusted = true in [slugwiki] to publish it as written`, at, 'slugwiki:sanitize')
    }
    return clean
  }
}

/** An element the author wrote, tagged with its index in `data`, and what it was written in. */
interface Authored {
  node: Element
  origin: Origin
}

/** The properties through which markdown syntax writes a URL: a link's, an image's. */
const MARKDOWN_URLS: Record<string, string> = { a: 'href', img: 'src' }

/** A URL naming a scheme (`x:` before any `/`, `?` or `#`): the only kind sanitising can take from a markdown link. */
const SCHEME = /^[^/?#]*:/

/**
 * Tag each element parsed from raw HTML (one starting inside a span of it),
 * and each link or image markdown made with a URL naming a scheme, with its
 * index; return them.
 */
function markAuthored(tree: Root, spans: ReadonlyArray<readonly [number, number]>): Authored[] {
  const authored: Authored[] = []
  walk(tree, (node) => {
    if (node.type !== 'element') return
    // A plugin may leave an element a `position` without its `start` (`![[…]](<details>…` does).
    const offset = node.position?.start?.offset
    if (offset === undefined) return
    let origin: Origin | undefined
    if (spans.length > 0 && inSpans(spans, offset)) origin = 'html'
    else {
      const url = MARKDOWN_URLS[node.tagName] && node.properties[MARKDOWN_URLS[node.tagName]!]
      if (typeof url === 'string' && SCHEME.test(url)) origin = 'markdown'
    }
    if (!origin) return
    node.data = { ...node.data, [MARK]: authored.length } as Element['data']
    authored.push({ node, origin })
  })
  return authored
}

/** Remove an element's mark and return it; its `data` goes when the mark was all it held. */
function takeMark(node: Element): number | undefined {
  const data = node.data as Record<string, unknown> | undefined
  const id = data?.[MARK]
  if (data === undefined || typeof id !== 'number') return undefined
  delete data[MARK]
  if (Object.keys(data).length === 0) delete node.data
  return id
}

/** Whether `offset` falls in one of the sorted, disjoint `[start, end)` spans. */
function inSpans(spans: ReadonlyArray<readonly [number, number]>, offset: number): boolean {
  let lo = 0
  let hi = spans.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const [start, end] = spans[mid]!
    if (offset < start) hi = mid - 1
    else if (offset >= end) lo = mid + 1
    else return true
  }
  return false
}
