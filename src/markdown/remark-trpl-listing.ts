/**
 * The Rust book's `<Listing>` blocks, as its mdbook-trpl-listing preprocessor
 * writes them for a book whose book.toml has `[preprocessor.trpl-listing]`:
 *
 * ```markdown
 * <Listing number="2-1" file-name="src/main.rs" caption="Code that gets a *guess*">
 *
 * ```rust
 * …
 * ```
 *
 * </Listing>
 * ```
 *
 * becomes a `figure.listing#listing-2-1` holding a `Filename: src/main.rs`
 * line, the block's markdown, and a caption `Listing 2-1: Code that gets a
 * guess` (its markdown rendered, the number linking to the figure), as the
 * preprocessor writes it; with `output-mode = "simple"`, the file name and
 * the caption are plain paragraphs. The content between the tags stays the
 * note's markdown for every later plugin. Left alone, `<listing>` is an
 * obsolete HTML element that sanitising removes, and the caption was lost.
 * An attribute the preprocessor does not know, or one without a value, is a
 * warning at the tag (mdbook-trpl-listing stops the build on it), and the
 * block is shown with the attributes it could read.
 */
import type { Root as HastRoot } from 'hast'
import { raw } from 'hast-util-raw'
import type { Html, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import { find, html } from 'property-information'
import type { Position } from 'unist'
import type { Processor } from 'unified'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

export type TrplListingMode = 'default' | 'simple'

export interface RemarkTrplListingOptions {
  /** The preprocessor's `output-mode` (default `default`). */
  mode?: TrplListingMode
}

const OPEN = /^<Listing(?:\s[^]*)?>$/
const CLOSE = /^<\/Listing\s*>$/
const KNOWN = new Set(['number', 'caption', 'file-name'])

interface ListingAttributes {
  number?: string
  caption?: string
  fileName?: string
}

/**
 * The attributes of an opening `<Listing …>` tag, read by parse5 through
 * hast-util-raw (an HTML tag's quoting and character references are the HTML
 * parser's to read), with the names it does not know or that have no value.
 */
function readTag(tag: string): { attributes: ListingAttributes; problems: string[] } {
  const tree = raw({ type: 'root', children: [{ type: 'raw', value: `${tag}</Listing>` }] } as HastRoot) as HastRoot
  const element = tree.children.find((child) => child.type === 'element')
  const attributes: ListingAttributes = {}
  const problems: string[] = []
  for (const [property, value] of Object.entries(element?.type === 'element' ? element.properties : {})) {
    const name = find(html, property).attribute
    if (!KNOWN.has(name)) problems.push(`Unsupported attribute name: '${name}'`)
    else if (typeof value !== 'string' || value === '') problems.push(`Missing value for attribute: '${name}'`)
    else if (name === 'number') attributes.number = value
    else if (name === 'caption') attributes.caption = value
    else attributes.fileName = value
  }
  return { attributes, problems }
}

/** Turn `<Listing>` … `</Listing>` into the figure mdbook-trpl-listing makes of it. */
export default function remarkTrplListing(this: Processor, options: RemarkTrplListingOptions = {}) {
  const mode = options.mode ?? 'default'
  const parse = (text: string) => this.parse(text) as Root
  return (tree: Root, file: VFile) => {
    if (!String(file.value).includes('<Listing')) return
    /** The caption's markdown as inline content, pointing at the tag. */
    const inline = (markdown: string, position: Position | undefined): PhrasingContent[] => {
      const parsed = parse(markdown).children
      const content: PhrasingContent[] = parsed.length === 1 && parsed[0]!.type === 'paragraph' ? parsed[0].children : [{ type: 'text', value: markdown }]
      visit({ type: 'paragraph', children: content } as Paragraph, (node) => {
        node.position = position && { start: position.start, end: position.start }
      })
      return content
    }
    const paragraph = (children: PhrasingContent[], position: Position | undefined, hName?: string, hProperties?: Record<string, unknown>): Paragraph =>
      ({ type: 'paragraph', children, position, ...(hName && { data: { hName, hProperties } }) }) as Paragraph

    visit(tree, (node) => {
      if (!('children' in node)) return
      const parent = node as Parent
      for (let i = 0; i < parent.children.length; i++) {
        const open = parent.children[i]!
        if (open.type !== 'html' || !OPEN.test((open as Html).value.trim())) continue
        const end = parent.children.findIndex((child, k) => k > i && child.type === 'html' && CLOSE.test((child as Html).value.trim()))
        if (end === -1) continue
        const { attributes, problems } = readTag((open as Html).value.trim())
        for (const problem of problems) file.message(`${problem} in <Listing>`, open.position, 'slugwiki:trpl-listing')
        const where = open.position
        const content = parent.children.slice(i + 1, end) as RootContent[]
        const label = attributes.number === undefined ? undefined : `Listing ${attributes.number}`
        let replacement: RootContent[]
        if (mode === 'simple') {
          replacement = [
            ...(attributes.fileName ? [paragraph([{ type: 'text', value: attributes.fileName }], where)] : []),
            ...content,
            ...(label || attributes.caption
              ? [paragraph([{ type: 'text', value: label ? `${label}${attributes.caption ? ': ' : ''}` : '' }, ...(attributes.caption ? inline(attributes.caption, where) : [])], where)]
              : []),
          ]
        } else {
          const id = attributes.number === undefined ? undefined : `listing-${attributes.number}`
          const fileName = attributes.fileName
            ? [paragraph([{ type: 'text', value: `Filename: ${attributes.fileName}` }], where, 'span', { className: ['file-name'] })]
            : []
          const caption =
            label || attributes.caption
              ? [
                  paragraph(
                    [
                      ...(label ? [{ type: 'link', url: `#${id}`, children: [{ type: 'text', value: label }], position: where } as PhrasingContent] : []),
                      ...(label && attributes.caption ? [{ type: 'text', value: ': ' } as PhrasingContent] : []),
                      ...(attributes.caption ? inline(attributes.caption, where) : []),
                    ],
                    where,
                    'figcaption',
                  ),
                ]
              : []
          const figure = {
            type: 'listing',
            children: [...fileName, ...content, ...caption],
            position: { start: where!.start, end: parent.children[end]!.position!.end },
            data: { hName: 'figure', hProperties: { className: ['listing'], ...(id && { id }) } },
          }
          replacement = [figure as unknown as RootContent]
        }
        parent.children.splice(i, end - i + 1, ...replacement)
        i += replacement.length - 1
      }
    })
  }
}
