/**
 * A compiled note's body in the forms the later stages read, made in the
 * worker that compiled it so the main thread never holds, clones or
 * serialises a body tree: the note page's HTML (with a slot around each
 * inline code that may link to the symbol index), the print chapter's HTML,
 * the search sections, and the highlighted code blocks the note's next
 * version may reuse.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import { toString } from 'hast-util-to-string'
import { slugOf } from '../paths.ts'
import { collectSections, type SearchSection } from '../search/sections.ts'
import { replaceUnprintableInTree } from '../unprintable.ts'
import { serialiseCode } from './code-once.ts'
import type { CompiledTree } from './compile.ts'
import { embedHtml, type EmbedSlot } from './embed-body.ts'
import { printChapterHtml, type PrintSlot } from './print-body.ts'
import { toSlottedHtml, type Mark, type SlottedHtml } from './slotted-html.ts'
import { markWikilinks } from './wikilink-slots.ts'
import { walk } from './walk.ts'

/** Everything the site reads of a note's body. */
export interface NoteBody {
  /**
   * The body on the note's page. Its slots are the names of inline code
   * that could link to the symbol index, twice each: where the link would
   * open, then where it would close (`linkInlineSymbols` fills them).
   */
  page: SlottedHtml<string>
  /** The body as a chapter of the print page. */
  print: SlottedHtml<PrintSlot>
  /** The body as other notes embed it (`![[Note]]`): no ids, URLs and cuts as slots. */
  embed: SlottedHtml<EmbedSlot>
  /** Heading sections for the search index. */
  sections: SearchSection[]
  /** JSON of the highlighted `pre` of each code block by `CodeBlockInfo.key`, for `BlockReuse`. */
  blocks: string
}

/** Elements inside which inline code is not linked: links, code blocks, headings' anchors. */
const NO_LINKS = new Set(['a', 'pre', 'figure', 'svg', 'math'])

/** Inline code naming an identifier, optionally called: `container_of`, `synchronize_rcu()`. */
const NAME = /^([A-Za-z_][A-Za-z0-9_]*)(?:\(\))?$/

/** Put a mark before and after each inline `code` naming an identifier, outside links and code blocks. */
export function markInlineCode(node: Root | Element, mark: Mark<string>): void {
  const children: ElementContent[] = []
  let changed = false
  for (const child of node.children as ElementContent[]) {
    if (child.type === 'element' && child.tagName === 'code') {
      const name = NAME.exec(toString(child).trim())?.[1]
      if (name !== undefined) {
        children.push({ type: 'text', value: mark(name) }, child, { type: 'text', value: mark(name) })
        changed = true
        continue
      }
    } else if (child.type === 'element' && !NO_LINKS.has(child.tagName)) markInlineCode(child, mark)
    children.push(child)
  }
  if (changed) node.children = children
}

/** The highlighted `pre` of each block, by block key. */
function highlightedBlocks(note: CompiledTree): Record<string, Element> {
  const keys = new Map(note.codeBlocks.filter((b) => b.key).map((b) => [b.id, b.key!]))
  const blocks: Record<string, Element> = {}
  if (keys.size === 0) return blocks
  walk(note.tree, (node) => {
    if (node.type !== 'element') return
    const key = typeof node.properties.id === 'string' ? keys.get(node.properties.id) : undefined
    if (!key) return
    const pre = node.children.findLast((c): c is Element => c.type === 'element' && c.tagName === 'pre')
    if (pre) blocks[key] = pre
    // A code block holds no other.
    return false
  })
  return blocks
}

/**
 * A copy of `tree` that a body form may change: every node, property list and
 * child list is new; positions and `data` are shared, as no form changes
 * them. structuredClone copied those too, and was ~3 % of a note thread's time.
 */
function copyTree<T extends Root | RootContent>(node: T): T {
  const copy = { ...node }
  if ('properties' in copy) {
    const properties = { ...copy.properties }
    for (const key in properties) {
      const value = properties[key]
      if (Array.isArray(value)) properties[key] = [...value]
    }
    copy.properties = properties
  }
  if ('children' in copy) (copy as { children: RootContent[] }).children = copy.children.map((child: RootContent) => copyTree(child))
  if ('content' in copy && copy.content) copy.content = copyTree(copy.content)
  return copy
}

/** Make the body forms of a compiled note. Changes `note.tree` (its unprintable characters are replaced). */
export function noteBody(note: CompiledTree): NoteBody {
  // Sections and blocks from the tree as compiled; the pages replace unprintable characters, search never did.
  const sections = collectSections(note.tree)
  const blocks = JSON.stringify(highlightedBlocks(note))
  const code = serialiseCode(note.tree)
  const print = code.restore(printChapterHtml(copyTree(note.tree), slugOf(note.source)))
  const embed = code.restore(embedHtml(copyTree(note.tree), note, markInlineCode))
  const page = toSlottedHtml<string>(note.tree, (mark) => {
    markInlineCode(note.tree, mark)
    // After inline code, which is never marked inside a link: the two kinds of pairs do not nest.
    markWikilinks(note.tree, mark)
    replaceUnprintableInTree(note.tree)
  })
  return { page: code.restore(page), print, embed, sections, blocks }
}

/** The body of a note that could not be compiled: nothing. */
export function emptyBody(): NoteBody {
  return { page: { parts: [''], slots: [] }, print: { parts: [''], slots: [] }, embed: { parts: [''], slots: [] }, sections: [], blocks: '{}' }
}
