/**
 * One shiki highlighter per build: both colour schemes from one tokenisation
 * pass (CSS variables), grammars loaded only when a note first uses them.
 */
import {
  bundledLanguagesInfo,
  createHighlighter,
  createOnigurumaEngine,
  type Highlighter,
  type LanguageRegistration,
  type ShikiTransformer,
} from 'shiki'
import type { Root } from 'hast'

/** Names that mean "no highlighting". */
const PLAIN = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'none', 'nohighlight'])

/** Every language id and alias shiki ships, lower-cased, to its id. */
const LANGUAGE_IDS: ReadonlyMap<string, string> = new Map(
  bundledLanguagesInfo.flatMap((info) => [info.id, ...(info.aliases ?? [])].map((name) => [name.toLowerCase(), info.id] as const)),
)

/** Common names shiki does not alias itself. */
const EXTRA_ALIASES: Record<string, string> = {
  sh: 'shellscript',
  shell: 'shellscript',
  dmesg: 'log',
  kmsg: 'log',
  'c++': 'cpp',
}

export interface CodeHighlighter {
  /** The shiki id for a fence language, `text` for plain, undefined when unknown. */
  resolve(lang: string): string | undefined
  /** Highlight code as a `pre` tree carrying both schemes' colours as CSS variables. */
  highlight(code: string, lang: string, transformers?: ShikiTransformer[]): Promise<Root>
  /**
   * The grammar's scopes for each token of each line, innermost last, for
   * reading facts (symbol definitions) out of code. Lines longer than
   * `maxLineLength` (default 2000) are left untokenised, as one plain token.
   */
  scopes(code: string, lang: string, maxLineLength?: number): Promise<ScopedToken[][]>
  readonly themes: { light: string; dark: string }
}

/** A token of code and the TextMate scopes the grammar gave it, outermost first. */
export interface ScopedToken {
  text: string
  scopes: string[]
}

export interface HighlighterOptions {
  lightTheme: string
  darkTheme: string
  /** Grammars beyond shiki's own, known by their `name` (tests use one that backtracks without end). */
  langs?: LanguageRegistration[]
}

/** Create the build's highlighter. */
export async function createCodeHighlighter(options: HighlighterOptions): Promise<CodeHighlighter> {
  const themes = { light: options.lightTheme, dark: options.darkTheme }
  const shiki: Highlighter = await createHighlighter({
    themes: [themes.light, themes.dark],
    langs: options.langs ?? [],
    // Oniguruma (WebAssembly shipped inside the shiki package), not the JavaScript engine: the
    // grammars are written for it, and `npm run bench:highlight` measured the JavaScript engine at
    // 2.4 s of CPU to compile the C++ grammar per thread and 3× slower on C++ blocks after that.
    engine: createOnigurumaEngine(import('shiki/wasm')),
  })
  const loading = new Map<string, Promise<void>>()
  const extra = new Map((options.langs ?? []).map((l) => [l.name.toLowerCase(), l.name]))

  const resolve = (lang: string): string | undefined => {
    const name = lang.trim().toLowerCase()
    if (PLAIN.has(name)) return 'text'
    return LANGUAGE_IDS.get(EXTRA_ALIASES[name] ?? name) ?? extra.get(name)
  }

  const ensure = (id: string): Promise<void> => {
    if (id === 'text' || shiki.getLoadedLanguages().includes(id)) return Promise.resolve()
    let pending = loading.get(id)
    if (!pending) {
      pending = shiki.loadLanguage(id as Parameters<Highlighter['loadLanguage']>[0])
      loading.set(id, pending)
    }
    return pending
  }

  return {
    themes,
    resolve,
    async highlight(code, lang, transformers = []) {
      const id = resolve(lang) ?? 'text'
      await ensure(id)
      // No time limit: shiki's default (500 ms per line) silently leaves the rest of a line
      // unhighlighted when it runs out, and the first line of a big grammar (cpp) can take that
      // long while its rules compile on a busy machine, so output would depend on load. Runaway
      // grammars are stopped by the per-note time budget instead.
      return shiki.codeToHast(code, { lang: id, themes, defaultColor: false, transformers, tokenizeTimeLimit: 0 })
    },
    async scopes(code, lang, maxLineLength = 2000) {
      const id = resolve(lang) ?? 'text'
      await ensure(id)
      const lines = code.split(/\r?\n/)
      if (id === 'text') return lines.map((text) => [{ text, scopes: [] }])
      // shiki's includeExplanation tokenises every line twice per theme; the grammar alone once.
      const grammar = shiki.getLanguage(id)
      let state: Parameters<typeof grammar.tokenizeLine>[1] = null
      return lines.map((line) => {
        if (line.length > maxLineLength) return [{ text: line, scopes: [] }]
        const result = grammar.tokenizeLine(line, state)
        state = result.ruleStack
        return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }))
      })
    },
  }
}
