/**
 * One shiki highlighter per build: one grammar pass per code block gives both
 * colour schemes (as classes that the build's code stylesheet defines) and
 * the scopes the symbol index reads; grammars load when a note first uses them.
 */
import {
  bundledLanguagesInfo,
  createHighlighter,
  createOnigurumaEngine,
  tokensToHast,
  type Highlighter,
  type LanguageRegistration,
  type ShikiTransformer,
} from 'shiki'
import type { Root } from 'hast'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { ANSI, ansiTokens } from './ansi.ts'
import { createCodeColors } from './code-colors.ts'
import { BUILTIN_GRAMMARS } from './grammars.ts'
import { tokenizeCode, type ScopedToken } from './tokenize.ts'

export type { ScopedToken } from './tokenize.ts'

/**
 * Oniguruma's WebAssembly as shiki ships it, a plain `.wasm` file. Its inlined
 * copy (`shiki/wasm`) is gzipped base64 unpacked through a web `Response` and
 * `DecompressionStream`, which loads Node's fetch implementation into every
 * note thread: about 50 ms more of each thread's start, on the critical path
 * of a build that compiles one note.
 */
const ONIGURUMA_WASM = createRequire(import.meta.url).resolve('shiki/onig.wasm')

/** Names that mean "no highlighting". */
const PLAIN = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'none', 'nohighlight'])

/** Every language id and alias shiki ships, lower-cased, to its id. */
const LANGUAGE_IDS: ReadonlyMap<string, string> = new Map(
  bundledLanguagesInfo.flatMap((info) => [info.id, ...(info.aliases ?? [])].map((name) => [name.toLowerCase(), info.id] as const)),
)

/**
 * Common names shiki does not alias itself: file extensions, and the
 * highlight.js names mdBook books use (`x86asm`, `objectivec`, `vbnet`…),
 * and Pygments's that MkDocs sites use (`shell-session`, `py3`, `pycon`).
 */
const EXTRA_ALIASES: Record<string, string> = {
  sh: 'shellscript',
  shell: 'shellscript',
  dmesg: 'log',
  kmsg: 'log',
  'c++': 'cpp',
  h: 'c',
  cc: 'cpp',
  cxx: 'cpp',
  hh: 'cpp',
  hpp: 'cpp',
  hxx: 'cpp',
  arduino: 'cpp',
  objectivec: 'objective-c',
  // GitHub's linguist (and so GitHub and GitBook) reads `assembly` as its Assembly language; kernel books write it.
  assembly: 'asm',
  x86asm: 'asm',
  armasm: 'asm',
  arm: 'asm',
  avrasm: 'asm',
  mipsasm: 'asm',
  nasm: 'asm',
  gas: 'asm',
  ex: 'elixir',
  exs: 'elixir',
  pgsql: 'sql',
  vbnet: 'vb',
  delphi: 'pascal',
  dos: 'bat',
  gradle: 'groovy',
  fortran: 'fortran-free-form',
  // WebAssembly's text format (`.wat`) and the spec suite's scripts (`.wast`, the same S-expressions): shiki's `wasm` grammar is the text format's (scope `source.wat`).
  wat: 'wasm',
  wast: 'wasm',
  // Pygments's names, as MkDocs sites (pymdownx.highlight) write them.
  'shell-session': 'shellsession',
  py3: 'python',
  python3: 'python',
  pycon: 'python',
  // Jinja2, as Zola's documentation (Tera templates) and Flask books name their fences.
  jinja2: 'jinja',
}

export interface CodeHighlighter {
  /** The shiki id for a fence language, `text` for plain, undefined when unknown. */
  resolve(lang: string): string | undefined
  /**
   * Highlight code as a `pre` tree whose tokens carry both schemes' colours
   * as classes (see `stylesheet`), with the scopes of the same pass;
   * transformers may be made from those scopes (code annotations read where
   * the comments are).
   */
  highlight(code: string, lang: string, transformers?: ShikiTransformer[] | ((scopes: ScopedToken[][]) => ShikiTransformer[])): Promise<Highlighted>
  /**
   * The grammar's scopes for each token of each line, outermost first, for
   * reading facts (symbol definitions) out of code: the same as `highlight`
   * gives, for a block whose `pre` came from elsewhere (the cache).
   */
  scopes(code: string, lang: string): Promise<ScopedToken[][]>
  /** The stylesheet defining the classes of highlighted code (`codeStylesheet` makes the same without a highlighter). */
  stylesheet(): string
  readonly themes: { light: string; dark: string }
}

/** A highlighted block. */
export interface Highlighted {
  tree: Root
  /** The scopes of each token of each line; lines longer than 2000 characters as one token without scopes. */
  scopes: ScopedToken[][]
}

export interface HighlighterOptions {
  lightTheme: string
  darkTheme: string
  /** Grammars beyond shiki's own and grammars.ts's, known by their `name` (tests use one that backtracks without end). */
  langs?: LanguageRegistration[]
}

/** Create the build's highlighter. */
export async function createCodeHighlighter(options: HighlighterOptions): Promise<CodeHighlighter> {
  const themes = { light: options.lightTheme, dark: options.darkTheme }
  const shiki: Highlighter = await createHighlighter({
    themes: [themes.light, themes.dark],
    langs: [...BUILTIN_GRAMMARS, ...(options.langs ?? [])],
    // Oniguruma (WebAssembly shipped inside the shiki package), not the JavaScript engine: the
    // grammars are written for it, and `npm run bench:highlight` measured the JavaScript engine at
    // 2.4 s of CPU to compile the C++ grammar per thread and 3× slower on C++ blocks after that.
    // An instantiator, not the bytes: shiki tells bytes from a `Response` by `instanceof
    // Response`, and that reference alone loads fetch.
    engine: createOnigurumaEngine({ instantiator: async (imports) => WebAssembly.instantiate(await readFile(ONIGURUMA_WASM), imports) }),
  })
  const loading = new Map<string, Promise<void>>()
  const extra = new Map([...BUILTIN_GRAMMARS, ...(options.langs ?? [])].flatMap((l) => [l.name, ...(l.aliases ?? [])].map((n) => [n.toLowerCase(), l.name] as const)))

  const resolve = (lang: string): string | undefined => {
    const name = lang.trim().toLowerCase()
    if (PLAIN.has(name)) return 'text'
    // shiki's own language for terminal output, read by its ANSI parser rather than a grammar.
    if (name === ANSI) return ANSI
    return LANGUAGE_IDS.get(EXTRA_ALIASES[name] ?? name) ?? extra.get(name)
  }

  const ensure = (id: string): Promise<void> => {
    if (id === 'text' || id === ANSI || shiki.getLoadedLanguages().includes(id)) return Promise.resolve()
    let pending = loading.get(id)
    if (!pending) {
      pending = shiki.loadLanguage(id as Parameters<Highlighter['loadLanguage']>[0])
      loading.set(id, pending)
    }
    return pending
  }

  const colors = createCodeColors({ light: shiki.getTheme(themes.light), dark: shiki.getTheme(themes.dark) })
  const tokenize = async (code: string, lang: string) => {
    const id = resolve(lang) ?? 'text'
    if (id === ANSI) {
      // Its escapes are consumed, not shown; no grammar, so no scopes for the symbol index.
      const tokens = ansiTokens(shiki, code, themes)
      return { id, tokens, scopes: tokens.map((line) => [{ text: line.map((t) => t.content).join(''), scopes: [] }]) }
    }
    await ensure(id)
    // No time limit: shiki's default (500 ms per line) silently leaves the rest of a line
    // unhighlighted when it runs out, and the first line of a big grammar (cpp) can take that
    // long while its rules compile on a busy machine, so output would depend on load. Runaway
    // grammars are stopped by the per-note time budget instead (pool.ts, worker.ts).
    return { id, ...tokenizeCode(code, id === 'text' ? undefined : shiki.getLanguage(id), colors) }
  }

  return {
    themes,
    resolve,
    async highlight(code, lang, given = []) {
      const { id, tokens, scopes } = await tokenize(code, lang)
      const transformers = typeof given === 'function' ? given(scopes) : given
      const options = { lang: id, themes, defaultColor: false as const, transformers }
      // shiki's own renderer, so line transformers work as with codeToHast; the `pre`'s colours are in the stylesheet too.
      const tree = tokensToHast(tokens, { ...options, fg: '', bg: '', themeName: colors.themeName, rootStyle: false }, {
        meta: {},
        options,
        codeToHast: (c, o) => shiki.codeToHast(c, o),
        codeToTokens: (c, o) => shiki.codeToTokens(c, o as Parameters<Highlighter['codeToTokens']>[1]),
        source: code,
      })
      return { tree, scopes }
    },
    async scopes(code, lang) {
      return (await tokenize(code, lang)).scopes
    },
    stylesheet: () => colors.stylesheet(),
  }
}
