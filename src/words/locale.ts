/** The shape of one language's table of the theme's words. */
import type { WordKey } from './en.ts'

/**
 * Every key, plus a count's other plural forms where the language has them
 * (`note-count-few`, `note-count-many`: Russian's), which `countWords` picks by
 * `Intl.PluralRules`; without one, the `-other` form serves.
 */
export type Locale = Readonly<Record<WordKey, string>> & Readonly<Partial<Record<`${string}-${'zero' | 'two' | 'few' | 'many'}`, string>>>
