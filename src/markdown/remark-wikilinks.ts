/**
 * Obsidian and Quartz wikilinks: `[[Note]]`, `[[Note|shown text]]`,
 * `[[Note#Heading]]`, `[[#Heading]]`, `[[folder/Note]]` and embeds
 * `![[diagram.png]]`, `![[diagram.png|300]]`, and players of audio and
 * video files, `![[talk.mp3]]`, `![[demo.mp4]]`.
 *
 * remark-wiki-link parses the syntax (a micromark extension, so `[[` in code
 * or a link label stays text); this plugin turns each `wikiLink` node into the
 * element it renders as. A note's name is not resolved here: compiled notes
 * are cached one by one, and which note `[[RCU]]` means depends on the other
 * notes of the site. The element carries the name in `data-wikilink` and the
 * graph stage resolves it (graph/wikilinks.ts); a `[[#Heading]]` of the note
 * itself is an ordinary fragment link at once.
 *
 * remark-wiki-link has no embed syntax, and in `![[…]]` CommonMark's image
 * opener `![` takes the first bracket. `wikiEmbed` below is a `!` followed by
 * remark-wiki-link's own construct, tried before the image opener; it only
 * marks the wikilink node as an embed. (@flowershow/remark-wiki-link, which
 * parses embeds, needs a `@flowershow/core` that is not published.)
 *
 * An embed of a note (`![[Note]]`, `![[Note#Heading]]`, `![[Note#^block]]`)
 * shows that note's body in place, as Obsidian and Quartz transclude it. It is
 * a block: written in a paragraph, the paragraph is split around it, and it
 * becomes an empty `blockquote.transclude` naming the note, which the pages
 * stage fills (pages/transclude.ts). Inside emphasis, a link or a heading,
 * where no block may stand, it stays a link to the note.
 */
import { slug } from 'github-slugger'
import type { ElementContent, Properties } from 'hast'
import type { Paragraph, Parent, PhrasingContent, Root } from 'mdast'
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown'
import type { Construct, Extension as MicromarkExtension } from 'micromark-util-types'
import { wikiLinkPlugin } from 'remark-wiki-link'
import type { Processor } from 'unified'
import type { VFile } from 'vfile'
import { visit, SKIP } from 'unist-util-visit'
import { mdbookId } from './rehype-mdbook-slug.ts'
import type { HeadingIds } from './task.ts'

/** The `wikiLink` node remark-wiki-link adds to mdast. */
interface WikiLinkNode {
  type: 'wikiLink'
  value: string
  data?: { alias?: string | null; embed?: boolean; lifted?: boolean; hName?: string; hProperties?: Properties; hChildren?: ElementContent[] }
}

/** Files an embed shows inline as an image; any other embedded file is linked. */
const IMAGE = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp|ico)$/i
/** Files an embed plays, as Obsidian's accepted audio and video formats (Obsidian plays `.webm` as video). */
const AUDIO = /\.(?:mp3|wav|m4a|ogg|oga|opus|flac|3gp)$/i
const VIDEO = /\.(?:mp4|webm|ogv|mov|mkv|m4v)$/i
/** Obsidian's image size in an embed's alias: `|300` or `|300x200`, after alt text in Quartz's `|alt|300`. */
const SIZE = /^(?:(.*?)\s*\|)?\s*(\d+)(?:x(\d+))?$/

/** The heading part of a target, as the id the note's headings get (rehype-slug's, or mdBook's in a book); Obsidian's `Note#A#B` means the last one. */
export function headingId(heading: string, ids: HeadingIds = 'github'): string {
  const last = heading.split('#').at(-1)!.trim().replace(/^\^/, '')
  return ids === 'mdbook' ? mdbookId(last) : slug(last)
}

/** `!` then a wikilink: an embed. Reuses remark-wiki-link's tokenizer for the link itself. */
function embedConstruct(wikiLink: Construct): Construct {
  return {
    name: 'wikiEmbed',
    tokenize(effects, ok, nok) {
      return (code) => {
        effects.enter('wikiEmbed' as never)
        effects.enter('wikiEmbedMarker' as never)
        effects.consume(code)
        effects.exit('wikiEmbedMarker' as never)
        return effects.attempt(wikiLink, (after) => {
          effects.exit('wikiEmbed' as never)
          return ok(after)
        }, nok)
      }
    },
  }
}

const markEmbed: FromMarkdownExtension = {
  exit: {
    wikiEmbed() {
      const parent = this.stack.at(-1) as Parent
      const last = parent.children.at(-1) as unknown as WikiLinkNode | undefined
      if (last?.type === 'wikiLink') last.data = { ...last.data, embed: true }
    },
  },
}

/** The name part of a wikilink as written (`Note` of `Note#Heading`), without a table cell's escape. */
function nameOf(node: WikiLinkNode): string {
  const written = node.value.replace(/\\$/, '').trim()
  const hashAt = written.indexOf('#')
  return (hashAt === -1 ? written : written.slice(0, hashAt)).trim()
}

/** Whether `node` embeds a note (or a file that is not an image): everything an embed does except show an image. */
function isNoteEmbed(node: unknown): node is WikiLinkNode {
  const link = node as WikiLinkNode
  if (link.type !== 'wikiLink' || link.data?.embed !== true) return false
  const name = nameOf(link)
  // `![[#Heading]]` would embed the note in itself.
  return name !== '' && !IMAGE.test(name) && !AUDIO.test(name) && !VIDEO.test(name)
}

/** Whether a paragraph's phrasing is only white space (what is left beside an embed on its own line). */
function blank(children: PhrasingContent[]): boolean {
  return children.every((c) => (c.type === 'text' && c.value.trim() === '') || c.type === 'break')
}

/** Split each paragraph holding note embeds into the paragraphs around them and the embeds themselves. */
function liftEmbeds(tree: Root): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent: Parent | undefined) => {
    if (index === undefined || !parent || !node.children.some(isNoteEmbed)) return
    const blocks: Parent['children'] = []
    let run: PhrasingContent[] = []
    const flush = () => {
      if (!blank(run)) {
        // The space that stood between the text and the embed is no part of either.
        const first = run[0]
        const last = run.at(-1)
        if (first?.type === 'text') first.value = first.value.trimStart()
        if (last?.type === 'text') last.value = last.value.trimEnd()
        blocks.push({ type: 'paragraph', children: run } satisfies Paragraph)
      }
      run = []
    }
    for (const child of node.children) {
      const embed: unknown = child
      if (isNoteEmbed(embed)) {
        flush()
        embed.data = { ...embed.data, lifted: true }
        blocks.push(embed as never)
      } else run.push(child)
    }
    flush()
    parent.children.splice(index, 1, ...blocks)
    return [SKIP, index + blocks.length]
  })
}

export interface RemarkWikilinksOptions {
  /** How the notes' headings get their ids, for `[[Note#Heading]]` (default `github`). */
  headingIds?: HeadingIds
  /**
   * Read links as a GitHub wiki writes them (default false): `[[Shown text|Page-Name]]`, the text first (Obsidian's
   * order reversed), and a page's name with its spaces as hyphens (`[[Feature Support]]` is `Feature-Support.md`).
   */
  githubWiki?: boolean
}

/** Parse wikilinks and render them as links and images whose targets the graph stage resolves. */
export default function remarkWikilinks(this: Processor, options: RemarkWikilinksOptions = {}) {
  wikiLinkPlugin.call(this, { aliasDivider: '|' })
  const data = this.data() as { micromarkExtensions: MicromarkExtension[]; fromMarkdownExtensions: FromMarkdownExtension[] }
  const wikiLink = (data.micromarkExtensions.at(-1)!.text as Record<number, Construct>)[91]!
  data.micromarkExtensions.push({ text: { 33: embedConstruct(wikiLink) } })
  data.fromMarkdownExtensions.push(markEmbed)
  return (tree: Root, file: VFile) => {
    // Wikilink nodes come only from `[[` in the text.
    if (!String(file.value).includes('[[')) return
    if (String(file.value).includes('![[')) liftEmbeds(tree)
    visit(tree, 'wikiLink' as never, (node: WikiLinkNode) => {
      // In a table cell Obsidian writes `[[Note\|shown]]`, leaving the escape on the target.
      let written = node.value.replace(/\\$/, '').trim()
      // A table cell's `[[Note\|shown]]` escapes the pipes of the alias too (`![[img.png\|alt\|300]]`).
      let alias = node.data?.alias != null && node.data.alias !== node.value ? node.data.alias.replace(/\\\|/g, '|').trim() : undefined
      // GitHub's wiki writes the shown text first: `[[Shown text|Page-Name]]`.
      if (options.githubWiki && alias !== undefined) [written, alias] = [alias, written]
      const hashAt = written.indexOf('#')
      const name = (hashAt === -1 ? written : written.slice(0, hashAt)).trim()
      const heading = hashAt === -1 ? undefined : written.slice(hashAt + 1).trim()
      const fragment = heading ? headingId(heading, options.headingIds) : undefined
      // `[[Other#MyId]]` may name an id written `{#MyId}` in that note rather than a heading's text:
      // kept as written beside the heading's id, for the graph stage to pick when the note has it.
      const exactId = heading && /^[^\s#^][^\s#]*$/.test(heading) && heading !== fragment ? heading : undefined

      const embed = node.data?.embed === true
      const text = (value: string): ElementContent[] => [{ type: 'text', value }]
      if (embed && IMAGE.test(name)) {
        const size = alias ? SIZE.exec(alias) : null
        const alt = size ? size[1] || undefined : alias
        const properties: Properties = { dataWikilink: name, alt: alt ?? name.split('/').at(-1)! }
        if (size) {
          properties.width = size[2]!
          if (size[3]) properties.height = size[3]
        }
        node.data = { hName: 'img', hProperties: properties, hChildren: [] }
        return SKIP
      }
      if (embed && (AUDIO.test(name) || VIDEO.test(name))) {
        // A player, as Obsidian shows it; its file is found as an image's is.
        node.data = { hName: AUDIO.test(name) ? 'audio' : 'video', hProperties: { dataWikilink: name, controls: true }, hChildren: [] }
        return SKIP
      }
      // Obsidian shows `Note > Heading`; a block's id (`#^rule`) is a machine's name, which Quartz never shows: `Note`.
      const parts = heading?.split('#').filter((part) => !part.trim().startsWith('^')) ?? []
      const shown = alias ?? (name === '' ? heading ?? '' : parts.length ? `${name} > ${parts.join(' > ')}` : name)
      if (node.data?.lifted === true) {
        // Lifted out of its paragraph: a block of its own, filled with the note when the page is rendered.
        const properties: Properties = { className: ['transclude'], dataWikilink: name, ...(fragment && { dataWikiFragment: fragment }), dataWikiEmbed: shown }
        node.data = { hName: 'blockquote', hProperties: properties, hChildren: [] }
        return SKIP
      }
      // `[[#Heading]]`: a heading of this note, checked like any `#fragment` link.
      // A GitHub wiki page's file name has hyphens for the spaces of its name.
      const page = options.githubWiki ? name.replace(/ /g, '-') : name
      const properties: Properties = name === '' ? { href: `#${fragment ?? ''}`, ...(exactId && { dataWikiId: exactId }) } : { dataWikilink: page, ...(fragment && { dataWikiFragment: fragment }), ...(exactId && { dataWikiId: exactId }) }
      node.data = { hName: 'a', hProperties: properties, hChildren: text(shown) }
      return SKIP
    })
  }
}
