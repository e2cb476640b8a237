/**
 * Markdown stage for a whole site: serve unchanged notes from the cache and
 * compile the rest on a worker pool, each under the `note-timeout-ms` budget.
 * The result is in input order and the same whatever the number of threads
 * and whether it came from the cache.
 */
import { calloutTitles } from '../words/index.ts'
import { randomUUID } from 'node:crypto'
import type { Config } from '../config.ts'
import type { TopicDef } from '../content/topics-file.ts'
import type { SourcePath } from '../paths.ts'
import type { CompiledNote, NoteInput } from './compile.ts'
import { noteFingerprint, toolFingerprint } from './fingerprint.ts'
import { outsideLinks } from '../repository-links.ts'
import { memoryNoteCache, noteCacheKey, type NoteBodies, type NoteCache } from './note-cache.ts'
import { withCompactHeaps } from './heap-growth.ts'
import { createNotePool, defaultThreads, type NotePool, type NotePoolOptions } from './pool.ts'
import type { NoteProcessor } from './processor.ts'

export interface CompileAllOptions {
  config: Config
  displaySource: (source: SourcePath) => string
  /** Topics to link in prose (default none). A given `pool` must have been made with the same. */
  topics?: readonly TopicDef[]
  onProgress?: (done: number, total: number) => void
  /** Compiled notes from earlier runs (default: a memory cache for this call only, every note is compiled). */
  cache?: NoteCache
  /**
   * A pool to compile on, kept by the caller across builds; it must have been
   * made with `poolOptions(config)`. Without one, a pool is made when a note
   * needs compiling and closed at the end of the call.
   */
  pool?: NotePool
  /**
   * A pool the caller started before the notes were read, on a guess of how
   * many changed (`threadsFor`); this call owns it: it compiles on it, or
   * closes it when it has fewer threads than the notes found to compile want,
   * or none needs compiling. Not with `pool`.
   */
  started?: NotePool
  /** Threads of a pool made for this call (default: one per core, fewer for few notes). */
  threads?: number
  /** The tool's fingerprint (default `toolFingerprint()`); tests pass another to play a new version. */
  tool?: string
}

export interface CompileAllResult {
  /** Each note's facts and the key of its body. */
  notes: CompiledNote[]
  /** Where the bodies are: the cache's, read when a page needs one. */
  bodies: NoteBodies
  /** Notes compiled in this call; the others came from the cache. */
  compiled: number
}

/** Notes one thread is worth starting for: a thread costs about as much as compiling this many. */
const NOTES_PER_THREAD = 12

/** Threads worth starting to compile `notes` notes: `threads` when given, else one per core, fewer for few notes. */
export function threadsFor(notes: number, threads?: number): number {
  return threads ?? Math.min(defaultThreads(), Math.ceil(notes / NOTES_PER_THREAD))
}

/** Outcomes that depend on the machine (time, crashes), not on the note: never cached. */
const UNCACHEABLE = new Set(['note-timeout', 'highlight-timeout', 'worker'])

/** Create the processor a site's notes compile with in this thread (one shiki highlighter for all), linking `topics` in prose. */
export async function createSiteProcessor(config: Config, topics: readonly TopicDef[] = []): Promise<NoteProcessor> {
  // Loaded here, not at the top: a build compiles on workers, and the pipeline is a second of start-up.
  const [{ createCodeHighlighter }, { createProcessor }] = await Promise.all([import('./highlighter.ts'), import('./processor.ts')])
  const highlighter = await createCodeHighlighter({ lightTheme: config.lightTheme, darkTheme: config.darkTheme })
  return createProcessor({ ...poolOptions(config, undefined, topics), highlighter })
}

/** The pool settings a config asks for; `topics` are linked in prose. */
export function poolOptions(config: Config, threads?: number, topics: readonly TopicDef[] = []): NotePoolOptions {
  return {
    math: config.math,
    mathSyntax: config.mathSyntax,
    katex: config.katex,
    trusted: config.trusted,
    lightTheme: config.lightTheme,
    darkTheme: config.darkTheme,
    smartPunctuation: config.smartPunctuation,
    hideLines: config.hideLines,
    admonish: config.admonish,
    topics: [...topics],
    symbols: config.indices,
    highlights: config.highlights,
    emoji: config.emoji,
    inlineTags: config.inlineTags ? (config.indices ? 'link' : 'text') : undefined,
    blockIds: config.blockIds,
    comments: config.comments,
    headingIds: config.headingIds,
    trplListing: config.trplListing,
    specRules: config.specRules,
    svgbob: config.svgbob,
    toc: config.toc,
    vitepress: config.vitepress,
    docusaurus: config.docusaurus,
    starlight: config.starlight,
    // Snippets are read by the load stage, before markdown: not the processor's.
    mkdocs: config.mkdocsMarkdown && { admonition: config.mkdocsMarkdown.admonition, details: config.mkdocsMarkdown.details, tabbed: config.mkdocsMarkdown.tabbed, abbr: config.mkdocsMarkdown.abbr, defList: config.mkdocsMarkdown.defList, keys: config.mkdocsMarkdown.keys, attrList: config.mkdocsMarkdown.attrList, mdInHtml: config.mkdocsMarkdown.mdInHtml, inlineHilite: config.mkdocsMarkdown.inlineHilite, macros: config.mkdocsMarkdown.macros, customIcons: config.mkdocsMarkdown.customIcons, codeAnnotate: config.mkdocsMarkdown.codeAnnotate, codeAnnotationLabel: config.words['code-annotation'] },
    inlineFootnotes: config.inlineFootnotes,
    taskMarks: config.taskMarks,
    shortestLinks: config.shortestLinks,
    gitbookBlocks: config.gitbookBlocks,
    outsideLinks: outsideLinks(config.repositoryLinks, config.src),
    githubWiki: config.githubWiki,
    zola: config.zola,
    kramdown: config.jekyll && { callouts: config.jekyll.callouts },
    myst: config.myst,
    docsify: config.docsify ? { relativePath: config.docsifyRelativePath } : undefined,
    calloutTitles: calloutTitles(config.words),
    timeoutMs: config.noteTimeoutMs,
    threads,
  }
}

/** Compile notes (or take them from the cache); diagnostics stay on each note, files as `displaySource` shows them. */
export function compileAll(inputs: NoteInput[], options: CompileAllOptions): Promise<CompileAllResult> {
  return withCompactHeaps(() => compileEach(inputs, options))
}

async function compileEach(inputs: NoteInput[], options: CompileAllOptions): Promise<CompileAllResult> {
  const { config, displaySource } = options
  const cache = options.cache ?? memoryNoteCache()
  const settings = options.pool?.settings ?? poolOptions(config, undefined, options.topics)
  // Everything besides the note that shapes its output; it also salts code block keys.
  const version = options.cache ? noteFingerprint(options.tool ?? toolFingerprint(), settings) : ''
  let done = 0
  const finish = (note: CompiledNote): CompiledNote => {
    options.onProgress?.(++done, inputs.length)
    // Workers name the note itself by its source path (how it is shown depends on this process's
    // working folder, which cache keys leave out); lines mapped through includes come shown already.
    return { ...note, diagnostics: note.diagnostics.map((d) => (d.file === note.source ? { ...d, file: displaySource(note.source) } : d)) }
  }

  let pool = options.pool
  let owned = false
  let early = options.started
  let closing: Promise<void> | undefined
  const start = (notes: number) => {
    const threads = threadsFor(notes, options.threads)
    if (early && early.threads >= threads) pool = early
    else {
      // Too few threads for what changed: its boot is stopped, not waited for.
      closing = early?.close()
      pool = createNotePool(poolOptions(config, threads, options.topics))
    }
    early = undefined
    owned = true
  }
  const kept = new Set<string>()
  try {
    const keys = inputs.map((input) => noteCacheKey(input, settings, version))
    // Threads take a while to start: when the cache's records say some notes changed, they start
    // now, while the entries of the others are read.
    if (!pool && cache.recorded) {
      const expected = inputs.filter((input, i) => cache.recorded!(input.source) !== keys[i]).length
      if (expected > 0) start(expected)
    }
    const compile = async (input: NoteInput, key: string): Promise<CompiledNote> => {
      const blocks = cache.previousBlocks?.(input.source) ?? '{}'
      const { note, body } = await pool!.compile(input, { blocks, salt: version })
      // An outcome of the machine is kept for this build's pages under a key of its own, never served again.
      const lasting = !note.diagnostics.some((d) => UNCACHEABLE.has(d.rule))
      const stored = lasting ? key : `${key}-${randomUUID()}`
      cache.set(stored, note, body, { lasting })
      kept.add(stored)
      return finish({ ...note, key: stored })
    }
    // With threads already started, a changed note goes to them as soon as it is found, while the
    // entries of the notes after it are read.
    const lookups = inputs.map((input, i) => {
      const key = keys[i]!
      const found = cache.get(key)
      const hit = found?.source === input.source ? found : undefined
      return { input, key, hit, compiled: !hit && pool ? compile(input, key) : undefined }
    })
    const misses = lookups.filter((l) => !l.hit).length
    if (!pool && misses > 0) start(misses)
    const notes = await Promise.all(
      lookups.map(async ({ input, key, hit, compiled }) => {
        if (!hit) return compiled ?? compile(input, key)
        kept.add(key)
        return finish(hit)
      }),
    )
    cache.retain?.(kept)
    await cache.flush?.()
    return { notes, bodies: cache, compiled: misses }
  } finally {
    // A pool started for notes that turned out unchanged stops here.
    await Promise.all([owned && pool!.close(), closing, early?.close()])
  }
}
