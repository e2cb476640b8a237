/**
 * mdbook-admonish's blocks: a fenced code block whose info string starts
 * with `admonish` (```` ```admonish warning "Data loss" ````) is a callout
 * whose body is markdown, and whose title is markdown too. A longer fence,
 * or one of tildes, holds code blocks inside.
 *
 * mdbook-admonish rewrites the chapter's text before mdBook parses it; here
 * the body is parsed by this processor's own parser (every syntax the note
 * has: GFM, math, wikilinks…) and put in the block's place, so every later
 * plugin (code highlighting, math, links, footnotes) treats it as the note's
 * own markdown. Its positions are moved to where the body sits in the note,
 * so a problem inside one is reported at the note's line and column. The
 * block becomes a `div` of its title's paragraph and its body, which
 * rehype-mdbook-admonish renders as a callout after the sanitiser.
 *
 * The Obsidian Admonition plugin's blocks, which vaults wrote before
 * Obsidian had callouts, are read the same way: ```` ```ad-warning ```` is a
 * warning callout, its first lines may set `title:` (empty: no title bar)
 * and `collapse:` (`closed`, or empty: a closed fold; `open` and `none`:
 * shown open), its `icon:` and `color:` lines are dropped, and the rest is
 * its body. Its custom types are neutral callouts titled with their name.
 */
import type { Code, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import type { Point, Position } from 'unist'
import type { Processor } from 'unified'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { DEFAULT_ADMONISH, type AdmonishConfig } from '../config-admonish.ts'
import { admonitionId, readBlockOptions, resolveAdmonition, type ResolvedAdmonition } from './admonish-options.ts'
import type { AdmonitionPlace } from './data.ts'
import type { CalloutTitles } from '../words/index.ts'

export interface RemarkMdbookAdmonishOptions {
  /** The book's `[preprocessor.admonish]` settings (default: mdbook-admonish's defaults). */
  settings?: AdmonishConfig
  /** Callouts' default titles in the wiki's language (default: mdbook-admonish's, from the directive's name). */
  titles?: CalloutTitles
  /** Read a block's parsed body before its own blocks are (remark-myst's `mystBody`: a MyST directive nested in another's body). */
  body?: (tree: Root, file: VFile) => void
}

/** What a block becomes in mdast: a `div` (mdast-util-to-hast's element for a node it does not know). */
interface AdmonitionNode extends Parent {
  type: 'admonition'
  children: RootContent[]
}

/** A callout type the renderer can read back from `[!type]`. */
const TYPE = /^[\w-]+$/

/** The Obsidian Admonition plugin's fence language: `ad-` and the type. */
const AD_BLOCK = /^ad-([\w-]+)$/

/** The opening fence of either kind of block, anywhere in the text (in a list or a quote too). */
const FENCE_OF_BLOCK = /(?:```|~~~)[`~]*[ \t]*(?:admonish|ad-|\{)|:::[ \t]*\{/
/** One of its option lines, before the body. */
const AD_OPTION = /^(title|collapse|icon|color)\s*:(.*)$/i
/** Its types that are no admonish directive, and the one they look like. */
const AD_TYPES: Readonly<Record<string, string>> = { seealso: 'note' }

/**
 * The note's link and footnote definitions, written out again: a body is
 * parsed on its own, and micromark makes a reference only of a label it has
 * seen defined, while mdBook reads the body as part of the chapter.
 */
export function definitionsOf(tree: Root): string {
  const written: string[] = []
  visit(tree, (node) => {
    if (node.type === 'definition') written.push(`[${node.label ?? node.identifier}]: #`)
    else if (node.type === 'footnoteDefinition') written.push(`[^${node.label ?? node.identifier}]: x`)
  })
  return written.join('\n\n')
}

/** Turn ```` ```admonish ```` blocks into admonitions whose body is the note's markdown. */
export default function remarkMdbookAdmonish(this: Processor, options: RemarkMdbookAdmonishOptions = {}) {
  const settings = options.settings ?? DEFAULT_ADMONISH
  const parse = (text: string) => this.parse(text) as Root
  return (tree: Root, file: VFile) => {
    const source = String(file.value)
    // A fence's info string, not prose: `ad-` alone is in every other note (`read-copy-update`).
    // `{` (or `:::{`) is a MyST directive's, which remark-myst may have made an admonish block.
    if (!FENCE_OF_BLOCK.test(source)) return
    const lines = source.split('\n')
    const lineStarts = [0]
    for (const line of lines) lineStarts.push(lineStarts.at(-1)! + line.length + 1)
    const definitions = definitionsOf(tree)
    const seen = new Map<string, number>()
    const places: AdmonitionPlace[] = []

    const report = (reason: string, position: Position) => {
      const message = file.message(reason, position, 'slugwiki:admonish')
      if (settings.onFailure === 'bail') message.fatal = true
    }

    /** The block's options, or the callout it is shown as when they cannot be used (with a diagnostic). */
    const optionsOf = (node: Code, position: Position): ResolvedAdmonition => {
      const bail = settings.onFailure === 'bail'
      const read = readBlockOptions(node.meta ?? '')
      if (!read.ok) {
        let shown = resolveAdmonition({ directive: read.directive ?? '', classes: [] }, settings, options.titles)
        if (shown.kind === 'unknown') shown = resolveAdmonition({ directive: '', classes: [] }, settings, options.titles)
        report(`Unreadable admonish options \`${node.meta ?? ''}\`: ${read.error}${bail ? '' : `; shown as a ${shown.directive} callout`}`, position)
        return shown
      }
      const resolved = resolveAdmonition(read.options, settings, options.titles)
      if (resolved.kind === 'unknown') report(`Unknown admonish directive \`${resolved.directive}\`${bail ? '' : '; shown as a plain callout'}`, position)
      return resolved
    }

    /** The body's markdown, parsed, at its place in the note. */
    const bodyOf = (node: Code, position: Position): RootContent[] => {
      const valueLines = node.value.split('\n')
      const fence = position.start.line
      // What the fence's container (a list item, a quote) and indent take off each line of the body.
      const cut = valueLines.map((text, k) => {
        const line = lines[fence + k] ?? ''
        return line.endsWith(text) ? line.length - text.length : 0
      })
      // A first blank line keeps a body starting with `---` from being read as frontmatter.
      const text = `\n${node.value}`
      const last = valueLines.length + 1
      let root: Root
      if (definitions && node.value.includes('[')) {
        root = parse(`${text}\n\n${definitions}`)
        // A body that leaves a construct open (a code fence) would take the definitions in: parse it alone.
        const spills = root.children.some((child) => child.position!.start.line <= last && child.position!.end.line > last)
        root.children = spills ? parse(text).children : root.children.filter((child) => child.position!.start.line <= last)
      } else {
        root = parse(text)
      }
      const move = (point: Point): Point => {
        const k = Math.max(point.line - 2, 0)
        const line = fence + 1 + k
        const column = point.column + (cut[k] ?? 0)
        return { line, column, offset: (lineStarts[line - 1] ?? 0) + column - 1 }
      }
      visit(root, (child) => {
        if (child !== root && child.position) child.position = { start: move(child.position.start), end: move(child.position.end) }
      })
      options.body?.(root, file)
      expand(root)
      return root.children
    }

    /** The title's markdown, inline; anything but one paragraph stays as written. All of it points at the fence. */
    const titleOf = (title: string, position: Position): PhrasingContent[] => {
      const parsed = parse(title).children
      const content: PhrasingContent[] = parsed.length === 1 && parsed[0]!.type === 'paragraph' ? parsed[0].children : [{ type: 'text', value: title }]
      const at = { start: position.start, end: position.start }
      for (const child of content) {
        visit(child, (node) => {
          node.position = at
          // The renderer ends the title at a line break.
          if (node.type === 'text') node.value = node.value.replace(/\n/g, ' ')
        })
      }
      return content
    }

    const admonition = (node: Code, position: Position): AdmonitionNode => render(node, optionsOf(node, position), position, position)

    /** The block as an admonition node: `position` is the fence's, `body` where the body's first line follows. */
    const render = (node: Code, resolved: ResolvedAdmonition, position: Position, body: Position): AdmonitionNode => {
      const type = resolved.kind === 'builtin' ? resolved.directive : TYPE.test(resolved.directive) ? resolved.directive.toLowerCase() : 'admonition'
      places.push({
        line: position.start.line,
        column: position.start.column,
        type,
        builtin: resolved.kind === 'builtin',
        titled: resolved.title !== undefined,
        collapsible: resolved.collapsible,
        id: resolved.id ?? admonitionId(settings.idPrefix, resolved.title, seen),
        classes: ['admonition', `admonish-${type}`, ...resolved.classes],
      })
      const title: Paragraph = { type: 'paragraph', children: resolved.title === undefined ? [] : titleOf(resolved.title, position), position: { start: position.start, end: position.start } }
      return { type: 'admonition', data: { hName: 'div' }, children: [title, ...bodyOf(node, body)], position }
    }

    /** An Admonition plugin block: its option lines read, its body the lines after them. */
    const adBlock = (node: Code, type: string, position: Position): AdmonitionNode => {
      const bodyLines = node.value.split('\n')
      const options: Record<string, string> = {}
      while (bodyLines.length > 0) {
        const option = AD_OPTION.exec(bodyLines[0]!)
        if (!option) break
        options[option[1]!.toLowerCase()] = option[2]!.trim()
        bodyLines.shift()
      }
      const skipped = node.value.split('\n').length - bodyLines.length
      const written = type.toLowerCase()
      const collapse = options.collapse?.toLowerCase()
      const resolved = resolveAdmonition({ directive: AD_TYPES[written] ?? written, classes: [], ...(options.title !== undefined && { title: options.title }), collapsible: collapse === '' || collapse === 'closed' }, settings)
      // The body starts after the option lines, which the fence's line stands in for.
      const at: Position = { start: { ...position.start, line: position.start.line + skipped }, end: position.end }
      return render({ ...node, value: bodyLines.join('\n') }, resolved, position, at)
    }

    function expand(parent: Parent): void {
      visit(parent as Root, 'code', (node: Code, index, container) => {
        if (index === undefined || !container || !node.position) return
        const ad = node.lang ? AD_BLOCK.exec(node.lang) : null
        if (node.lang !== 'admonish' && !ad) return
        container.children.splice(index, 1, (ad ? adBlock(node, ad[1]!, node.position) : admonition(node, node.position)) as unknown as Code)
        return [SKIP, index + 1]
      })
    }

    expand(tree)
    if (places.length > 0) file.data.admonitions = places
  }
}
