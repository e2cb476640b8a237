/**
 * The outline of a Sphinx site written in MyST, as Sphinx builds its
 * navigation: from the `toctree` directives, starting at the root document
 * (`index.md`). Each entry (`intro`, `Title <guide/start>`, a URL) is a
 * chapter whose children are its own document's toctrees; a toctree's
 * `:caption:` at the top level is a part title; `:glob:` entries
 * (`release/*`) list the notes they match, by name. Entries are documents
 * relative to the document (`/` from the source folder), without `.md`.
 *
 * The toctrees are read from the notes' text with remark-parse (the fences
 * only; a colon fence, `:::{toctree}`, is read as remark-myst reads it).
 */
import path from 'node:path'
import type { Code, Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { rewriteColonFences } from '../markdown/myst-colon-fences.ts'
import { toSourcePath, type SourcePath } from '../paths.ts'
import type { Diagnostic } from '../report.ts'
import type { OutlineChapter, OutlineItem } from './summary.ts'

export interface ToctreeOutlineOptions {
  /** The notes of the site. */
  notes: readonly SourcePath[]
  /** A note's text, or undefined when it cannot be read. */
  read: (source: SourcePath) => string | undefined
  titleOf: (source: SourcePath) => string
  /** A note's path as diagnostics show it. */
  display: (source: SourcePath) => string
}

interface Toctree {
  caption?: string
  glob: boolean
  entries: { title?: string; target: string; line: number }[]
}

/** An entry: `target` or `Title <target>`. */
const TITLED = /^(.*?)\s*<([^<>]+)>$/

/** The toctrees of a note's text. */
function toctreesOf(text: string): Toctree[] {
  const tree = unified().use(remarkParse).parse(rewriteColonFences(text)) as Root
  const found: Toctree[] = []
  visit(tree, 'code', (node: Code) => {
    if (node.lang !== '{toctree}') return
    const lines = node.value.split('\n')
    const toctree: Toctree = { glob: false, entries: [] }
    let k = 0
    if (lines[0]?.trim() === '---') {
      const end = lines.indexOf('---', 1)
      if (end > 0) k = end + 1
    }
    lines.forEach((raw, i) => {
      const line = raw.trim()
      const option = /^:([\w-]+):\s*(.*)$/.exec(line)
      if (option) {
        if (option[1] === 'caption') toctree.caption = option[2]
        if (option[1] === 'glob') toctree.glob = true
        return
      }
      if (i < k || line === '' || line === '---') return
      const titled = TITLED.exec(line)
      toctree.entries.push({ ...(titled && titled[1] && { title: titled[1] }), target: titled ? titled[2]! : line, line: (node.position?.start.line ?? 0) + 1 + i })
    })
    found.push(toctree)
  })
  return found
}

/** The site's outline from its toctrees, or undefined when the root document has none. */
export function toctreeOutline(options: ToctreeOutlineOptions): { items: OutlineItem[]; diagnostics: Diagnostic[] } | undefined {
  const notes = new Set(options.notes)
  const root = (['index.md', 'README.md'] as SourcePath[]).find((s) => notes.has(s))
  if (!root) return undefined
  const rootText = options.read(root)
  if (rootText === undefined) return undefined
  const rootTrees = toctreesOf(rootText)
  if (rootTrees.length === 0) return undefined
  const diagnostics: Diagnostic[] = []
  const seen = new Set<SourcePath>([root])

  /** The chapters of a document's toctrees (the top level's captions as parts). */
  const chaptersOf = (doc: SourcePath, trees: Toctree[], top: boolean): OutlineItem[] =>
    trees.flatMap((tree): OutlineItem[] => {
      const chapters = tree.entries.flatMap((entry) => chapter(doc, tree, entry))
      return top && tree.caption ? [{ kind: 'part', title: tree.caption }, ...chapters] : chapters
    })

  const chapter = (doc: SourcePath, tree: Toctree, entry: Toctree['entries'][number]): OutlineChapter[] => {
    if (entry.target === 'self') return []
    if (/^(https?:|mailto:)/i.test(entry.target)) return [{ kind: 'chapter', title: entry.title ?? entry.target, url: entry.target, children: [], line: entry.line }]
    const wanted = entry.target.startsWith('/') ? entry.target.slice(1) : path.posix.join(path.posix.dirname(doc), entry.target)
    let sources: SourcePath[]
    if (tree.glob && /[*?[]/.test(wanted)) {
      // Sphinx's glob: `*` within a name, `**` across folders; matches listed by name.
      const pattern = new RegExp(`^${wanted.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\0/g, '.*')}\\.md$`)
      sources = [...notes].filter((s) => pattern.test(s) && !seen.has(s)).sort()
    } else {
      const source = toSourcePath(/\.md$/.test(wanted) ? wanted : `${wanted}.md`)
      if (!source || !notes.has(source)) {
        diagnostics.push({ file: options.display(doc), line: entry.line, column: 1, severity: 'warning', message: `\`toctree\` names \`${entry.target}\`, which is not a note; listed, not linked`, rule: 'missing-chapter' })
        return [{ kind: 'chapter', title: entry.title ?? entry.target, children: [], line: entry.line }]
      }
      sources = [source]
    }
    return sources.flatMap((source): OutlineChapter[] => {
      if (seen.has(source)) return []
      seen.add(source)
      const text = options.read(source)
      const children = text === undefined ? [] : chaptersOf(source, toctreesOf(text), false)
      return [{ kind: 'chapter', title: (sources.length === 1 && entry.title) || options.titleOf(source), source, children: children as OutlineChapter[], line: entry.line }]
    })
  }

  const items: OutlineItem[] = [{ kind: 'chapter', title: options.titleOf(root), source: root, children: [] }, ...chaptersOf(root, rootTrees, true)]
  return { items, diagnostics }
}
