/**
 * The fuzz property shared by `npm test` (a few hundred runs) and
 * `npm run fuzz` (as many as asked): random and mutated markdown, built from
 * the blocks of the real notes and fixtures, hostile HTML and markdown syntax,
 * goes through the whole pipeline as one note of a site (UTF-8 decoding,
 * `{{#include}}` expansion, the markdown stage, the site graph and link
 * check, page models, the default theme). For every input:
 *
 * - no exception escapes, and no plugin fails (`Failed to render` diagnostics);
 * - every page is well-formed HTML: the HTML parser reports no error;
 * - no page carries a script, event handler, frame or unsafe URL that the
 *   theme did not write, nor an inline style outside our plugins' output.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import type { Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toHtml } from 'hast-util-to-html'
import { resolveConfig, type Config } from '../../src/config.ts'
import { expandIncludes } from '../../src/content/include.ts'
import { outlineFromFolders } from '../../src/content/outline.ts'
import { decodeUtf8, DecodeError } from '../../src/content/read.ts'
import { checkLinks } from '../../src/graph/check-links.ts'
import { buildSiteGraph } from '../../src/graph/site-graph.ts'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import { noteBody } from '../../src/markdown/body.ts'
import { compileNote, type CompiledNote, type CompiledTree } from '../../src/markdown/compile.ts'
import { createCodeHighlighter } from '../../src/markdown/highlighter.ts'
import { memoryNoteCache } from '../../src/markdown/note-cache.ts'
import { isSerialised } from '../../src/markdown/slotted-html.ts'
import { createProcessor, type NoteProcessor } from '../../src/markdown/processor.ts'
import { buildPages } from '../../src/pages/build-pages.ts'
import type { SourcePath } from '../../src/paths.ts'
import { BUILTIN_THEMES, loadTheme, type LoadedTheme } from '../../src/theme/load.ts'
import { renderPage, renderPageTree } from '../../src/theme/render.ts'
import { replaceUnprintableInTree } from '../../src/unprintable.ts'
import { findUnsafe, inlineScripts } from '../helpers/html-safety.ts'

const root = path.resolve(import.meta.dirname, '../..')

/** Blank-line separated blocks of every note we have: the raw material of realistic notes. */
function corpusBlocks(): string[] {
  const dirs = ['content', 'test/sites', 'test/fixtures'].map((d) => path.join(root, d))
  const blocks = new Set<string>()
  for (const dir of dirs) {
    for (const rel of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
      if (!rel.endsWith('.md')) continue
      for (const block of fs.readFileSync(path.join(dir, rel), 'utf8').split(/\n{2,}/)) if (block.trim()) blocks.add(block)
    }
  }
  return [...blocks]
}

/** Payloads from the security catalogue and the usual XSS cheat sheets. */
export const HOSTILE = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<iframe src="javascript:alert(1)"></iframe>',
  '[a](javascript:alert(1))', '[a](JaVaScRiPt:alert(1))', '[a](vbscript:msgbox(1))', '[a](data:text/html;base64,PHNjcmlwdD4=)',
  '![i](javascript:alert(1))', '[a](&#106;avascript:alert(1))', '[a](java&#x09;script:alert(1))', '[x]: javascript:alert(1)', '<javascript:alert(1)>',
  '<a href="&#x6A;avascript:alert(1)">x</a>', '<a href=" javascript:alert(1)">x</a>', '<style>*{display:none}</style>', '<p style="position:fixed" onclick="x()">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="javascript:alert(1)"><button>b</button></form>', '<base href="javascript:alert(1)//">', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<object data="javascript:alert(1)">', '<embed src="javascript:alert(1)">', '<details open ontoggle=alert(1)>', '<a id="__proto__" name="location">',
  '$\\href{javascript:alert(1)}{x}$', '$$\\htmlStyle{color:red}{x}$$', '```js title="</figcaption><script>alert(1)</script>"\nx\n```',
  '<!--', '-->', '<![CDATA[', ']]>', '<?xml ?>', '</p></div></body></html>', '<table><tr><td>', '<select><option>', '<textarea>', '<template>',
]

const SYNTAX = [
  '#', '## ', '> ', '- ', '* ', '+ ', '1. ', '1) ', '```', '~~~', '`', '$', '$$', '\\(', '\\)', '\\[', '\\]', '|', '|-|', '---', '***', '___',
  '[', ']', '(', ')', '![', '](', '[^1]', '[^1]: ', '<', '>', '</', '/>', '&', '&amp;', '&#x3C;', '&#0;', '\\', '*', '_', '~~', '==', ':', '"', "'",
  '{{#include ', '{{#include other.md}}', '{{#include note.md}}', '{{#include ../../etc/passwd}}', '{{#title x}}', '}}', '{{', '{', '}',
  '<details>', '</details>', '<summary>', '<kbd>', '<sub>', '<div>', '</div>', '<span>', 'a', 'word', 'RCU', 'x', 'é', '😀', '\u0301', '\u200b',
  '\u202e', '\u00a0', '\ufeff', '\u0000', '\t', ' ', '  ', '    ', '\n', '\n\n', '\r', '\r\n', 'http://x', 'www.example.com', 'a@b.c',
  '```c\n', '```dmesg\n[    0.000000] Call Trace:\n', '```nosuchlang\n', '\n```\n', '[link](other.md#frag)', '[self](#top)', '<https://x>',
]

/** One note's text, from realistic blocks, hostile payloads, syntax tokens and random code points. */
export function noteText(blocks: string[]): fc.Arbitrary<string> {
  const syntaxRun = fc.array(fc.constantFrom(...SYNTAX), { maxLength: 16 }).map((tokens) => tokens.join(''))
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...blocks) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 3, arbitrary: syntaxRun },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  )
  const separator = fc.constantFrom('\n\n', '\n', '', ' ', '\r\n')
  const body = fc.array(fc.tuple(piece, separator), { maxLength: 10 }).map((parts) => parts.map(([p, s]) => p + s).join(''))
  // Mutations: replace a span of the text with a short random run, anywhere.
  const mutation = fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.oneof(syntaxRun, fc.string({ unit: 'binary', maxLength: 4 })))
  const mutated = fc.tuple(body, fc.array(mutation, { maxLength: 4 })).map(([text, edits]) => {
    let out = text
    for (const [at, length, insert] of edits) {
      const i = out.length ? at % (out.length + 1) : 0
      out = out.slice(0, i) + insert + out.slice(i + length)
    }
    return out
  })
  const frontmatter = fc.option(
    fc.oneof(
      fc.record({ title: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 20 })), description: fc.constantFrom(...HOSTILE), tags: fc.array(fc.constantFrom(...HOSTILE), { maxLength: 3 }) })
        .map((fm) => `---\n${Object.entries(fm).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n---\n`),
      syntaxRun.map((yaml) => `---\n${yaml}\n---\n`),
    ),
    { nil: '' },
  )
  return fc.tuple(frontmatter, mutated).map(([fm, text]) => fm + text)
}

export interface FuzzHarness {
  config: Config
  processor: NoteProcessor
  theme: LoadedTheme
  themeScripts: Set<string>
  blocks: string[]
  cleanup(): void
}

/** Set up what every run shares: config, highlighter, processor, theme, the corpus. */
export async function createHarness(): Promise<FuzzHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-fuzz-'))
  const config = { ...resolveConfig({ src: dir, out: path.join(dir, 'out') }), math: true }
  const highlighter = await createCodeHighlighter({ lightTheme: config.lightTheme, darkTheme: config.darkTheme })
  const processor = createProcessor({ math: true, trusted: false, highlighter })
  const theme = await loadTheme('default', [BUILTIN_THEMES])
  const harness: FuzzHarness = { config, processor, theme, themeScripts: new Set(), blocks: corpusBlocks(), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
  const benign = await renderSite(harness, '# Benign\n\nText.\n')
  harness.themeScripts = inlineScripts(benign.pages[0]!.html)
  return harness
}

const NOTE = 'note.md' as SourcePath
const OTHER = 'other.md' as SourcePath

/** A page's HTML and the tree it should parse back to. */
export interface RenderedPage {
  slug: string
  tree: Root
  html: string
}

/**
 * `tree` with each note body, which the pipeline placed already serialised,
 * replaced by the tree a parser builds from that HTML: the theme's parts are
 * checked here, each body's own serialisation by `bodyPage`.
 */
function expandBodies(tree: Root): Root {
  visit(tree, 'raw', (node, index, parent) => {
    if (!isSerialised(node) || !parent || index === undefined) return undefined
    const children = fromHtml(node.value, { fragment: true }).children
    parent.children.splice(index, 1, ...(children as typeof parent.children))
    return index + children.length
  })
  return tree
}

/** A compiled body as its worker serialises it, alone in a page, so a parser must build it back unchanged. */
function bodyPage(note: CompiledTree): RenderedPage {
  const body = structuredClone(note.tree)
  replaceUnprintableInTree(body)
  const tree: Root = { type: 'root', children: [{ type: 'doctype' }, h('html', [h('head', [h('title', 'body')]), h('body', [h('div', body.children as never)])])] }
  return { slug: `${note.source} (body)`, tree, html: `${toHtml(tree)}\n` }
}

/** Run one note (and a neighbour it can link to or include) through every stage; return each page's HTML, and each body's alone. */
export async function renderSite(harness: FuzzHarness, text: string): Promise<{ pages: RenderedPage[]; bodies: RenderedPage[]; diagnostics: string[] }> {
  const { config, processor, theme } = harness
  let decoded: string
  try {
    decoded = decodeUtf8(Buffer.from(text, 'utf8'))
  } catch (error) {
    // A NUL or a leading UTF-16 byte-order mark: the load stage reports the note, nothing is rendered.
    if (error instanceof DecodeError) return { pages: [], bodies: [], diagnostics: [] }
    throw error
  }
  const sources = new Map<SourcePath, string>([[NOTE, decoded], [OTHER, '# Other\n\n## Frag\n']])
  const src = config.src
  const absolute = (source: SourcePath) => path.join(src, source)
  const read = (file: string) => sources.get(path.relative(src, file) as SourcePath)
  const inputs = [...sources].map(([source, body]) => {
    const expansion = expandIncludes(body, { file: absolute(source), root: src, read, display: (file) => path.relative(src, file) })
    return { source, text: expansion.text, segments: expansion.segments, includeTitle: expansion.title }
  })
  const compiled: CompiledTree[] = []
  for (const input of inputs) compiled.push(await compileNote(processor, input, (s) => s))
  // Bodies serialised as the worker does, into the cache the pages read them from.
  const bodies = memoryNoteCache()
  const facts: CompiledNote[] = compiled.map(({ tree: _tree, ...note }, i) => {
    bodies.set(note.source, note, noteBody(structuredClone(compiled[i]!)))
    return { ...note, key: note.source }
  })
  const notes = compiled.map((c) => c.source)
  const graph = buildSiteGraph({ notes: facts, bodies, outline: outlineFromFolders(notes, (s) => compiled.find((c) => c.source === s)!.title), assets: [] })
  checkLinks(graph, { display: (s) => s })
  const { pages } = buildPages(graph, { config, display: (s) => s })
  const diagnostics = compiled.flatMap((c) => c.diagnostics).filter((d) => d.rule === 'render').map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)
  // The note's own page and the print page carry everything of the note; the other pages
  // show only its title in the navigation, which note.html shows too (sidebar, "next" link).
  const checked = pages.filter((page) => page.slug === 'note.html' || page.kind === 'print')
  const rendered = checked.map((page) => {
    const options = { config, graph, theme }
    return { slug: page.slug, tree: expandBodies(renderPageTree(page, options)), html: renderPage(page, options) }
  })
  return { pages: rendered, bodies: compiled.map(bodyPage), diagnostics }
}

/**
 * Parse a page as a browser does: the tree, the parser's errors, and whether
 * the browser's tree is the one we built (`built`), compared serialised with
 * empty attributes collapsed (`data-x` and `data-x=""` are the same HTML).
 */
export function parsePage(html: string, built?: Root): { tree: Root; errors: string[] } {
  const errors: string[] = []
  // The page's final newline would be re-parsed into <body>; compare without it.
  const document = html.trimEnd()
  const tree = fromHtml(document, {
    onerror: (message) => {
      errors.push(`${message.ruleId} at ${message.line}:${message.column}: ${message.reason}`)
    },
  })
  if (built && errors.length === 0) {
    // Misnested markup is no parse error, but the parser rebuilds it differently.
    const ours = toHtml(built, { collapseEmptyAttributes: true })
    const theirs = toHtml(tree, { collapseEmptyAttributes: true })
    if (ours !== theirs) {
      let at = 0
      while (at < ours.length && ours[at] === theirs[at]) at++
      errors.push(`a browser builds a different tree at offset ${at}: ${JSON.stringify(ours.slice(Math.max(0, at - 40), at + 40))} becomes ${JSON.stringify(theirs.slice(Math.max(0, at - 40), at + 40))}`)
    }
  }
  return { tree, errors }
}

/** The property: throws (with the reason) when one input breaks a promise. */
export async function checkNote(harness: FuzzHarness, text: string): Promise<void> {
  const { pages, bodies, diagnostics } = await renderSite(harness, text)
  if (diagnostics.length) throw new Error(`a plugin failed: ${diagnostics.join('; ')}`)
  for (const page of [...pages, ...bodies]) {
    const { tree, errors } = parsePage(page.html, page.tree)
    if (errors.length) throw new Error(`${page.slug} is not well-formed HTML: ${errors.slice(0, 3).join('; ')}`)
    const unsafe = findUnsafe(tree, { themeScripts: harness.themeScripts })
    if (unsafe.length) throw new Error(`${page.slug} is unsafe: ${unsafe.slice(0, 3).join('; ')}`)
  }
}

/** The fast-check property over random notes. */
export function noteProperty(harness: FuzzHarness): fc.IAsyncPropertyWithHooks<[string]> {
  return fc.asyncProperty(noteText(harness.blocks), (text) => checkNote(harness, text))
}
