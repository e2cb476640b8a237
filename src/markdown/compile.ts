/**
 * Compile one note: run the processor on its (include-expanded) text and
 * return the body tree and facts as plain data, with diagnostics mapped back
 * to the file and line the text came from.
 */
import { pageColumn, type ColumnShift } from '../content/mkdocs-macros.ts'
import path from 'node:path'
import type { Root as HastRoot } from 'hast'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { mapLine, type LineSegment } from '../content/include.ts'
import { isIndexNote, type SourcePath } from '../paths.ts'
import type { Diagnostic } from '../report.ts'
import type { CodeBlockInfo, CodeSymbolInfo, Frontmatter, HeadingInfo, HighlightControl, LinkInfo, TopicMention } from './data.ts'
import type { NoteProcessor } from './processor.ts'
import { walk } from './walk.ts'

export interface NoteInput {
  source: SourcePath
  /** Text after `{{#include}}` expansion. */
  text: string
  segments: LineSegment[]
  /** Title set by `{{#title}}`. */
  includeTitle?: string
  /** Where mkdocs-macros's variables, replaced, moved the page's lines' text (content/mkdocs-macros.ts). */
  columnShifts?: ColumnShift[]
}

/**
 * What the site knows of a compiled note besides its body: plain,
 * structured-clonable data (it crosses worker threads and is stored in the
 * cache as JSON). The graph, the indexes and the page models are built from
 * these alone; a body is read only when its page is rendered.
 */
export interface NoteFacts {
  source: SourcePath
  title: string
  /** Where the title came from; a file-name title yields to SUMMARY's. */
  titleFrom: 'frontmatter' | 'include' | 'h1' | 'file'
  /** Whether the body starts its own h1 (otherwise the theme prints the title). */
  hasH1: boolean
  frontmatter: Frontmatter
  /** The line of frontmatter keys whose values the pages stage checks (`aliases`, `permalink`). */
  frontmatterLines?: Record<string, number>
  headings: HeadingInfo[]
  links: LinkInfo[]
  codeBlocks: CodeBlockInfo[]
  /** Topics mentioned in prose, per heading section. */
  mentions: TopicMention[]
  /** Symbols the code blocks define, call or name. */
  symbols: CodeSymbolInfo[]
  /** Identifiers written as inline code in prose. */
  inlineCode: string[]
  hasMath: boolean
  /** True when the body has highlighted code, so its page needs the code stylesheet. */
  hasCode: boolean
  /** True when the body has a mermaid diagram (`pre.mermaid`), so its page loads mermaid. */
  hasDiagrams: boolean
  /** Every element id of the body, for checking `#fragment` links. */
  ids: string[]
  /** Obsidian block ids (`^rcu-rule`) as the ids of their blocks: with the headings' ids, what an embed can show part of. */
  blockIds: string[]
  diagnostics: Diagnostic[]
  /** True when the note has an error and must not be published as is. */
  failed: boolean
}

/** A note as `compileNote` leaves it: its facts and its body as a tree. */
export interface CompiledTree extends NoteFacts {
  /** The body, without source positions (the facts carry the lines they need). */
  tree: HastRoot
}

/**
 * A note as the site holds it: its facts, and the key its body is stored
 * under (`NoteBodies`). The key changes whenever the body may have, so page
 * fingerprints compare keys instead of bodies.
 */
export interface CompiledNote extends NoteFacts {
  key: string
}

/** The title of a note with nothing better: its file name, or its folder's for a section page. */
export function fallbackTitle(source: SourcePath): string {
  if (isIndexNote(source)) {
    const dir = path.posix.dirname(source)
    return dir === '.' ? 'Introduction' : path.posix.basename(dir)
  }
  return path.posix.basename(source).replace(/\.mdx?$/i, '')
}

/** Compile a note; never throws for problems in the note itself. */
export async function compileNote(
  processor: NoteProcessor,
  input: NoteInput,
  display: (source: SourcePath) => string,
  highlight?: HighlightControl,
): Promise<CompiledTree> {
  const sourceOf = (line: number) => mapLine(input.segments, line)
  const file = new VFile({ path: input.source, value: input.text, data: { source: input.source, sourceOf, ...(highlight && { highlight }) } })
  let tree: HastRoot = { type: 'root', children: [] }
  let thrown: unknown
  try {
    tree = await processor.run(processor.parse(file), file)
  } catch (error) {
    thrown = error
  }

  const toDiagnostic = (m: VFileMessage): Diagnostic => {
    const mapped = m.line ? mapLine(input.segments, m.line) : undefined
    const line = mapped?.line ?? m.line ?? undefined
    // A replaced variable moved the rest of its line, on the page's own lines (the first segment's file; not a snippet's).
    const own = !mapped || mapped.file === input.segments[0]?.file
    return {
      file: mapped?.file ?? display(input.source),
      line,
      column: m.column && line && own ? pageColumn(input.columnShifts, line, m.column) : (m.column ?? undefined),
      severity: m.fatal ? 'error' : 'warning',
      message: withCause(m),
      rule: (m.ruleId ?? m.source ?? 'markdown').replace(/^slugwiki:/, ''),
    }
  }
  const diagnostics = file.messages.map(toDiagnostic)
  if (thrown !== undefined) {
    const error = thrown as Error & { line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } } }
    const place = error.place && 'start' in error.place && error.place.start ? error.place.start : (error.place as { line?: number; column?: number } | undefined)
    const line = place?.line ?? error.line
    const mapped = line ? mapLine(input.segments, line) : undefined
    diagnostics.push({
      file: mapped?.file ?? display(input.source),
      line: mapped?.line ?? line,
      column: place?.column ?? error.column,
      severity: 'error',
      message: `Failed to render: ${error instanceof Error ? error.message : String(error)}`,
      rule: 'render',
    })
  }

  const data = file.data
  const headings = data.headings ?? []
  const frontmatter = data.frontmatter ?? {}
  // The note's own H1 titles it when it is the first heading: an H1 further down (an `<h1>` shown as an example) is a section.
  // So are H1s that follow text and are not the only one: an RFC's `# Summary`, `# Motivation`… below its `- Start Date:` list.
  const sectionH1s = data.textBeforeHeadings === true && headings.filter((h) => h.depth === 1).length > 1
  const firstH1 = headings[0]?.depth === 1 && !sectionH1s ? headings[0] : undefined
  let hasMath = false
  let hasCode = false
  let hasDiagrams = false
  const ids: string[] = []
  delete tree.position
  walk(tree, (node) => {
    // Every fact that needs a source position has been taken; without them the tree is a third smaller to pass between threads and cache.
    delete node.position
    if (node.type !== 'element') return
    if (typeof node.properties.id === 'string') ids.push(node.properties.id)
    const classes = node.properties.className
    if (!hasMath && Array.isArray(classes) && classes.includes('katex')) hasMath = true
    // shiki writes its `pre`'s classes as a `class` string, which becomes a list once a transformer adds one (`has-diff`).
    if (!hasCode && node.tagName === 'pre' && isShiki(node.properties.class)) hasCode = true
    // InlineHilite's highlighted inline code needs the code stylesheet as a block does.
    if (!hasCode && node.tagName === 'code' && isShiki(node.properties.class)) hasCode = true
    // rehype-mermaid's, or one the author wrote in HTML as mdbook-mermaid does: mermaid draws both.
    if (!hasDiagrams && node.tagName === 'pre' && Array.isArray(classes) && classes.includes('mermaid')) hasDiagrams = true
  })
  return {
    source: input.source,
    tree,
    title: frontmatter.title ?? input.includeTitle ?? firstH1?.text ?? fallbackTitle(input.source),
    titleFrom: frontmatter.title ? 'frontmatter' : input.includeTitle ? 'include' : firstH1 ? 'h1' : 'file',
    hasH1: firstH1 !== undefined && headings[0] === firstH1,
    // A tag written in the prose is a tag of the note, as one in its frontmatter.
    frontmatter: data.inlineTags?.length ? { ...frontmatter, tags: [...(frontmatter.tags ?? []), ...data.inlineTags] } : frontmatter,
    ...(data.frontmatterLines && { frontmatterLines: data.frontmatterLines }),
    headings,
    links: data.links ?? [],
    codeBlocks: data.codeBlocks ?? [],
    mentions: data.topicMentions ?? [],
    symbols: data.codeSymbols ?? [],
    inlineCode: data.inlineCode ?? [],
    hasMath,
    hasCode,
    hasDiagrams,
    ids,
    blockIds: data.blockIds ?? [],
    diagnostics,
    failed: diagnostics.some((d) => d.severity === 'error'),
  }
}

/** A note that could not be compiled at all (time budget, crashed worker): an empty body and the error. */
export function failedNote(input: NoteInput, diagnostic: Diagnostic): CompiledTree {
  return {
    source: input.source,
    tree: { type: 'root', children: [] },
    title: input.includeTitle ?? fallbackTitle(input.source),
    titleFrom: input.includeTitle ? 'include' : 'file',
    hasH1: false,
    frontmatter: {},
    headings: [],
    links: [],
    codeBlocks: [],
    mentions: [],
    symbols: [],
    inlineCode: [],
    hasMath: false,
    hasCode: false,
    hasDiagrams: false,
    ids: [],
    blockIds: [],
    diagnostics: [diagnostic],
    failed: true,
  }
}

/**
 * A plugin's message with the reason of the error behind it, which a plugin
 * like rehype-katex keeps apart (`Could not render math with KaTeX` says
 * nothing of the `\frac` that broke). KaTeX's `rawMessage` is its reason
 * without the copy of the TeX it underlines.
 */
function withCause(m: VFileMessage): string {
  const cause = m.cause as { rawMessage?: unknown; message?: unknown } | undefined
  const reason = typeof cause?.rawMessage === 'string' ? cause.rawMessage : typeof cause?.message === 'string' ? cause.message : undefined
  return reason && !m.reason.includes(reason) ? `${m.reason}: ${reason}` : m.reason
}

/** Whether a `pre`'s `class` (a string, or a list after a shiki transformer) names shiki. */
function isShiki(value: unknown): boolean {
  return (Array.isArray(value) ? value.map(String) : String(value ?? '').split(' ')).includes('shiki')
}
