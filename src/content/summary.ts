/**
 * Read mdBook's SUMMARY.md into an outline: prefix chapters, part titles,
 * numbered (nested) chapters, separators, drafts and suffix chapters. It is
 * parsed with remark-parse so positions are exact; prose between the lists,
 * which real books carry, is tolerated, and so are headings other than `#`
 * part titles, which mdBook skips (a warning says so).
 */
import path from 'node:path'
import type { Definition, Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { resolveSource, type Slug, type SourcePath } from '../paths.ts'
import { docsifyRoute } from './docsify.ts'
import type { Diagnostic } from '../report.ts'

export interface OutlinePart {
  kind: 'part'
  title: string
}

export interface OutlineSeparator {
  kind: 'separator'
}

export interface OutlineChapter {
  kind: 'chapter'
  title: string
  /** The note, or undefined for a draft (listed, not linked). */
  source?: SourcePath
  /** A folder of a wiki without SUMMARY.md that has no README.md or index.md: a heading for its notes, not a draft. */
  folder?: true
  /**
   * A folder's generated index page (a Docusaurus category's `link: {type:
   * generated-index}`), listing its items: its title, description and
   * Docusaurus URL; the folder's entry links to it.
   */
  generatedIndex?: GeneratedIndex
  /** A link out of the site (MkDocs's `nav: - Title: https://…`): an `http(s):` or `mailto:` URL, never a page of it. */
  url?: string
  /** Section numbers of a numbered chapter (`[2, 1]` is 2.1.); prefix and suffix chapters have none. */
  number?: number[]
  children: OutlineItem[]
  /** Line in SUMMARY.md, for diagnostics. */
  line?: number
}

/** A folder's generated index page, as its category file describes it. */
export interface GeneratedIndex {
  /** The folder, source-relative. */
  dir: string
  /** Its category file, as diagnostics name it. */
  file?: string
  title: string
  description?: string
  /** Its URL path in Docusaurus (`/category/guides`, or the link's `slug`). */
  url: string
  /** Its page: the folder's `index.html`, or the URL's page when a note of the folder is there. */
  slug: Slug
}

export type OutlineItem = OutlinePart | OutlineSeparator | OutlineChapter

export interface ParseSummaryOptions {
  /** Shown in diagnostics (e.g. `content/SUMMARY.md`). */
  file: string
  /** Whether a note exists. */
  exists: (source: SourcePath) => boolean
  /** GitBook's page groups: a `## Group` heading between the lists is a part title too (default false: mdBook skips it). */
  groups?: boolean
  /** An entry without a link heading sub-entries is a section of them, as mkdocs-literate-nav reads it, not a draft (default false: mdBook's draft, with a warning). */
  sections?: boolean
  /** The summary's own path in the source folder, which its links are relative to (default `SUMMARY.md`; GitBook's `structure.summary` names another). */
  path?: SourcePath
  /**
   * docsify's `_sidebar.md`: links are docsify's routes (`/`, `guide`, `guide/`, `#/guide`, see
   * docsify.ts), a link out of the site (`https://…`) is an entry that leaves it, and an entry
   * without a link heading sub-entries is a group of them, as `sections` (default false).
   */
  docsify?: boolean
  /** An entry without a file is an error, not a draft (book.toml's `[build] create-missing = false`; default false). */
  missingIsError?: boolean
  /**
   * mkdocs-literate-nav's link to a folder (`[Maps](maps/)`, its trailing slash): the section for
   * `dir` (source-relative, `''` for the root) titled `title`, read from the folder's own nav file or
   * its files, or undefined when the folder has neither (then a draft, with a warning; default: none,
   * as mdBook has no such link).
   */
  folder?: (dir: string, title: string) => OutlineChapter | undefined
}

export interface SummaryResult {
  items: OutlineItem[]
  diagnostics: Diagnostic[]
  /** The folders' nav files read for `folder` links (mkdocs-literate-nav), which are the nav, not pages. */
  navFiles?: SourcePath[]
  /** Whether a `folder` link was read from a folder's files, whose titles the result holds (so it is not kept between builds). */
  titled?: boolean
}

/** Parse SUMMARY.md text into outline items. */
export function parseSummary(text: string, options: ParseSummaryOptions): SummaryResult {
  const tree = unified().use(remarkParse).parse(text) as Root
  // A reference link (`[Placeholders][pau]` with `[pau]: ./p.md` below the lists) is an entry as an
  // inline link is: mdBook reads SUMMARY's links after pulldown-cmark has resolved them, and the
  // rustc-dev-guide lists chapters so. The parser has already normalised both identifiers; the first
  // definition of a label wins, as in CommonMark.
  const definitions = new Map<string, Definition>()
  for (const node of tree.children) {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node)
  }
  const diagnostics: Diagnostic[] = []
  const summaryPath = options.path ?? ('SUMMARY.md' as SourcePath)
  // What a message calls the file: mdBook's name for it, or docsify's sidebar by its own.
  const SUMMARY = options.docsify ? summaryPath : 'SUMMARY'
  const items: OutlineItem[] = []
  const seen = new Map<SourcePath, number>()
  const counter = { top: 0 }
  let sawTitle = false

  const warn = (message: string, node: { position?: RootContent['position'] }, rule: string, severity: 'warning' | 'error' = 'warning') =>
    diagnostics.push({
      file: options.file,
      line: node.position?.start.line,
      column: node.position?.start.column,
      severity,
      message,
      rule,
    })

  /** A chapter from its link (children are added by the caller); `ancestors` are the sources of the enclosing chapters. */
  const chapterFromLink = (link: Link, number: number[] | undefined, ancestors: SourcePath[]): OutlineChapter => {
    const children: OutlineItem[] = []
    const title = toString(link).trim() || link.url
    const line = link.position?.start.line
    if (link.url === '') return { kind: 'chapter', title, number, children, line }
    // docsify's sidebar links out of the site as any page may (its GitHub, a changelog), and so
    // does GitBook's table of contents. mdBook has no such entry: it would create a file named
    // after the URL (`src/https:/github.com/…`) and publish it as a chapter; a link out of the
    // site is what the author meant (a repository's URL in the prose above the lists is a prefix
    // chapter to mdBook), so it is one here, with a warning in an mdBook.
    if (/^(https?:|mailto:)/i.test(link.url)) {
      if (!options.docsify && !options.groups && !options.sections) {
        warn(`${SUMMARY} entry \`${link.url}\` is a link out of the book, which mdBook reads as a file to create; listed as a link out of the site`, link, 'summary-url')
      }
      return { kind: 'chapter', title, url: link.url, number, children, line }
    }
    let target = options.docsify ? (docsifyRoute(link.url)?.path ?? link.url) : link.url.replace(/#.*$/, '')
    try {
      target = decodeURIComponent(target)
    } catch {
      // Keep the raw text: a stray `%` is part of a file name.
    }
    // A summary in a folder (GitBook's `structure.summary: product/SUMMARY.md`) may link up out of it, never out of the source folder.
    const climbs = summaryPath.includes('/') ? resolveSource(summaryPath, target) === undefined : target.split('/').includes('..')
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/') || climbs) {
      warn(`SUMMARY entry \`${link.url}\` must be a path inside the source folder`, link, 'summary-path', 'error')
      return { kind: 'chapter', title, number, children, line }
    }
    // mkdocs-literate-nav reads a link ending in `/` as the folder's own nav (see `folder`).
    if (options.folder && target.endsWith('/')) {
      const dir = path.posix.join(path.posix.dirname(summaryPath), target).replace(/\/+$/, '').replace(/^\.$/, '')
      const section = options.folder(dir, title)
      if (section) return { ...section, number, line }
    }
    const source = resolveSource(summaryPath, target)
    if (source === summaryPath) {
      warn(`${summaryPath} lists itself; this entry is not linked`, link, 'summary-cycle')
      return { kind: 'chapter', title, number, children, line }
    }
    if (source && ancestors.includes(source)) {
      warn(`\`${source}\` is listed inside its own chapter (line ${seen.get(source)}), a cycle; this entry is not linked`, link, 'summary-cycle')
      return { kind: 'chapter', title, number, children, line }
    }
    if (!source || !options.exists(source)) {
      // mdBook stops on it ("Chapter file not found") rather than create the file.
      if (options.missingIsError) warn(`${SUMMARY} entry \`${link.url}\` has no file, and book.toml's \`create-missing = false\` asks for every chapter's; listed as a draft`, link, 'missing-chapter', 'error')
      else warn(`${SUMMARY} entry \`${link.url}\` has no file; listed as a draft`, link, 'missing-chapter')
      return { kind: 'chapter', title, number, children, line }
    }
    const first = seen.get(source)
    if (first !== undefined) {
      warn(`\`${source}\` is listed twice in ${SUMMARY} (first on line ${first}); this entry is not linked`, link, 'duplicate-chapter')
      return { kind: 'chapter', title, number, children, line }
    }
    seen.set(source, line ?? 0)
    return { kind: 'chapter', title, source, number, children, line }
  }

  /** The node as a link: itself, or a reference link with the URL of its definition (one without a definition is text). */
  const asLink = (node: PhrasingContent): Link | undefined => {
    if (node.type === 'link') return node
    if (node.type !== 'linkReference') return undefined
    const definition = definitions.get(node.identifier)
    return definition && { type: 'link', url: definition.url, title: definition.title, children: node.children, position: node.position }
  }
  const links = (nodes: PhrasingContent[]): Link[] => nodes.flatMap((n) => asLink(n) ?? [])
  const firstLink = (nodes: PhrasingContent[]): Link | undefined => links(nodes)[0]

  const fromList = (list: List, prefix: number[], ancestors: SourcePath[]): OutlineItem[] => {
    const out: OutlineItem[] = []
    let index = 0
    for (const item of list.children as ListItem[]) {
      const paragraph = item.children.find((c): c is Paragraph => c.type === 'paragraph')
      const sublists = item.children.filter((c): c is List => c.type === 'list')
      const headings = item.children.filter((c): c is Heading => c.type === 'heading')
      // `- # TODO`: mdBook stops on an entry that is not a link; as an entry of plain text, it is a draft here.
      const entry = paragraph ?? headings[0]
      // A heading indented into an entry (`  # TODO` under `- [A](a.md)`) is no part title: mdBook
      // reads those only between the lists, and passes over this one without a word.
      for (const heading of headings) {
        if (heading !== entry) warn(`Heading "${toString(heading).trim()}" inside a SUMMARY entry is ignored; a part title (\`# Title\`) goes between the lists, not indented`, heading, 'summary-heading')
      }
      if (!entry && sublists.length === 0) continue
      // A `---` inside a list is parsed as a thematic break child.
      if (item.children.some((c) => c.type === 'thematicBreak') && !entry) {
        out.push({ kind: 'separator' })
        continue
      }
      index += 1
      const number = [...prefix, index]
      const link = paragraph ? firstLink(paragraph.children) : undefined
      let chapter: OutlineChapter
      // The entry before its sub-entries: in reading order the first listing of a note wins.
      if (link) chapter = chapterFromLink(link, number, ancestors)
      else if ((options.sections || options.docsify) && entry?.type === 'paragraph' && sublists.length > 0) {
        chapter = { kind: 'chapter', title: toString(entry).trim() || '(untitled)', folder: true, number, children: [], line: item.position?.start.line }
      } else {
        const title = entry ? toString(entry).trim() : ''
        const what = entry?.type === 'heading' ? 'is a heading, not a link (a part title goes between the lists)' : 'has no link'
        warn(`${SUMMARY} entry "${title}" ${what}; listed as a draft`, entry ?? item, 'summary-entry')
        chapter = { kind: 'chapter', title: title || '(untitled)', number, children: [], line: item.position?.start.line }
      }
      const inside = chapter.source ? [...ancestors, chapter.source] : ancestors
      // A folder's section (literate-nav) already holds its nav; sub-entries written beneath it follow.
      chapter.children = [...chapter.children, ...sublists.flatMap((l) => fromList(l, number, inside))]
      out.push(chapter)
    }
    return out
  }

  for (const node of tree.children) {
    switch (node.type) {
      case 'heading': {
        const title = toString(node as Heading).trim()
        // The first h1 before any entry is the summary's own title (`# Summary`).
        if (!sawTitle && items.length === 0 && (node as Heading).depth === 1) {
          sawTitle = true
          break
        }
        // mdBook reads only `#` headings as part titles and skips the others, text and all.
        if ((node as Heading).depth !== 1 && !(options.groups && (node as Heading).depth === 2)) {
          warn(`Heading "${title}" (\`${'#'.repeat((node as Heading).depth)}\`) is ignored; only a \`# Title\` heading between the lists is a part title, as in mdBook`, node, 'summary-heading')
          break
        }
        if (title) items.push({ kind: 'part', title })
        break
      }
      case 'thematicBreak':
        items.push({ kind: 'separator' })
        break
      case 'list': {
        const numbered = fromList(node, [], [])
        // Numbering runs on across parts, as mdBook numbers them.
        for (const item of numbered) {
          if (item.kind === 'chapter') renumber(item, counter)
          items.push(item)
        }
        break
      }
      case 'paragraph': {
        // Prefix/suffix chapters are bare links; prose without links is tolerated and ignored.
        for (const link of links((node as Paragraph).children)) {
          items.push(chapterFromLink(link, undefined, []))
        }
        break
      }
      default:
        break
    }
  }
  return { items, diagnostics }
}

function renumber(chapter: OutlineChapter, counter: { top: number }): void {
  counter.top += 1
  const apply = (c: OutlineChapter, prefix: number[]) => {
    c.number = prefix
    let i = 0
    for (const child of c.children) {
      if (child.kind !== 'chapter') continue
      i += 1
      apply(child, [...prefix, i])
    }
  }
  apply(chapter, [counter.top])
}

/** Every chapter in reading order, depth first. */
export function flattenOutline(items: OutlineItem[]): OutlineChapter[] {
  const out: OutlineChapter[] = []
  const walk = (list: OutlineItem[]) => {
    for (const item of list) {
      if (item.kind !== 'chapter') continue
      out.push(item)
      walk(item.children)
    }
  }
  walk(items)
  return out
}
