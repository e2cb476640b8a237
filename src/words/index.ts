/**
 * The theme's words in the wiki's language: the built-in tables (English and
 * de, fr, es, pt, it, ru, ja, zh, ko), looked up by the BCP 47 language with
 * fallbacks (`de-CH` → `de` → `en`), and the author's overrides on top.
 */
import { DE } from './de.ts'
import { EN, type WordKey, type Words } from './en.ts'
import { ES } from './es.ts'
import { FR } from './fr.ts'
import { IT } from './it.ts'
import { JA } from './ja.ts'
import { KO } from './ko.ts'
import type { Locale } from './locale.ts'
import { PT } from './pt.ts'
import { RU } from './ru.ts'
import { ZH } from './zh.ts'

export { EN, type Locale, type WordKey, type Words }

/** Every key of the theme's words, in the English table's order. */
export const WORD_KEYS = Object.keys(EN) as WordKey[]

/** The built-in tables by lowercase language subtag. `zh` is Simplified Chinese; `zh-TW`/`zh-Hant` fall back to it. */
const LOCALES: Readonly<Record<string, Locale>> = { en: EN, de: DE, fr: FR, es: ES, pt: PT, it: IT, ru: RU, ja: JA, zh: ZH, ko: KO }

/** The built-in table for `language`: the longest prefix of its subtags that has one (`de-AT` → `de`), else English. */
export function localeOf(language: string): { tag: string; table: Locale } {
  const parts = language.trim().toLowerCase().replace(/_/g, '-').split('-')
  for (let n = parts.length; n > 0; n--) {
    const tag = parts.slice(0, n).join('-')
    if (Object.hasOwn(LOCALES, tag)) return { tag, table: LOCALES[tag]! }
  }
  return { tag: 'en', table: EN }
}

/** The words of a wiki in `language`, each key the author sets in `overrides` taking its place. */
export function wordsFor(language: string, overrides: Readonly<Partial<Record<string, string>>> = {}): Locale {
  const { table } = localeOf(language)
  const words: Record<string, string | undefined> = { ...table }
  for (const [key, text] of Object.entries(overrides)) if (text !== undefined) words[key] = text
  return words as unknown as Locale
}

/** Fill a text's `{name}`s from `values`; a name without a value stays as written. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{([\w-]+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole))
}

/** A text split at its `{name}` (before, after), to put an element there; undefined when the text has none. */
export function splitAt(text: string, name: string): [string, string] | undefined {
  const at = text.indexOf(`{${name}}`)
  return at < 0 ? undefined : [text.slice(0, at), text.slice(at + name.length + 2)]
}

/** The plural forms a count key may have, beyond `-one` and `-other`. */
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const

/**
 * `{count}` of a countable key (`note-count` of `note-count-one`, `-other`…) in
 * the form the language's plural rules ask for, the `-other` form when the
 * table has no such form.
 */
/** The keys of counted words, each with its `-one` and `-other` forms (and others a language's rules use). */
export type CountKey = 'note-count' | 'search-result-count' | 'tag-count' | 'time-count' | 'more-block-count' | 'dev-error-count'

export function countWords(words: Locale, language: string, base: CountKey, count: number): string {
  let form: string = 'other'
  try {
    form = new Intl.PluralRules(language).select(count)
  } catch {
    // An invalid tag: English's rule.
    form = count === 1 ? 'one' : 'other'
  }
  const table = words as unknown as Record<string, string | undefined>
  return fill(table[`${base}-${form}`] ?? table[`${base}-other`]!, { count })
}

/** The words the theme's scripts show (search box, copy buttons, drawer, scheme switch…), handed to them in the page. */
export const CLIENT_WORDS: readonly WordKey[] = [
  'colour-scheme-switch', 'scheme-system', 'scheme-light', 'scheme-dark', 'show-navigation', 'hide-navigation', 'not-written-yet', 'fold-pages',
  'search', 'search-wiki', 'search-results', 'search-unavailable', 'search-result-count-one', 'search-result-count-other', 'search-no-results', 'search-key',
  'copy-code', 'copy', 'copied', 'copy-failed', 'show-hidden-lines', 'hide-hidden-lines', 'code', 'preview',
]

/**
 * The scripts' words of a page in `language`, with the plural forms its
 * rules use: undefined when they are all the English ones, which the scripts
 * know, so an English page carries none.
 */
export function clientWords(words: Locale, language: string): Record<string, string> | undefined {
  // Every page of a build asks with the same config's words: made once per table.
  const kept = clientWordsMade.get(words)
  if (kept && kept.language === language) return kept.made
  const made = makeClientWords(words, language)
  clientWordsMade.set(words, { language, made })
  return made
}

const clientWordsMade = new WeakMap<Locale, { language: string; made: Record<string, string> | undefined }>()

function makeClientWords(words: Locale, language: string): Record<string, string> | undefined {
  const table = words as unknown as Record<string, string | undefined>
  const out: Record<string, string> = {}
  let differs = false
  for (const key of CLIENT_WORDS) {
    out[key] = table[key]!
    if (table[key] !== EN[key]) differs = true
  }
  for (const base of ['search-result-count']) {
    for (const form of PLURAL_FORMS) {
      const text = table[`${base}-${form}`]
      if (text !== undefined && out[`${base}-${form}`] === undefined) out[`${base}-${form}`] = text
    }
  }
  return differs || Object.keys(out).length > CLIENT_WORDS.length ? { lang: language, ...out } : undefined
}

/** The keys of callouts' default titles, by the type they title. */
export const CALLOUT_TYPES = ['note', 'tip', 'important', 'warning', 'caution', 'abstract', 'info', 'todo', 'success', 'question', 'failure', 'danger', 'bug', 'example', 'quote', 'details'] as const
export type CalloutType = (typeof CALLOUT_TYPES)[number]

/** A default title for each type of callout. */
export type CalloutTitles = Readonly<Record<CalloutType, string>>

/**
 * The callouts' default titles of a wiki, by type, for the markdown stage:
 * undefined when they are all English, the plugins' own.
 */
export function calloutTitles(words: Locale): CalloutTitles | undefined {
  const titles = Object.fromEntries(CALLOUT_TYPES.map((type) => [type, words[`callout-${type}`]])) as Record<CalloutType, string>
  return CALLOUT_TYPES.some((type) => titles[type] !== EN[`callout-${type}`]) ? titles : undefined
}
