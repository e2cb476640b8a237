/**
 * Which way a book's text reads: mdBook's `[book] text-direction`, else the
 * direction of its `[book] language`.
 */
import { z } from 'zod'

/** `ltr` or `rtl`, as mdBook spells them; anything else is a config error naming the key. */
export const textDirectionSchema = z.enum(['ltr', 'rtl'])

export type TextDirection = z.infer<typeof textDirectionSchema>

/**
 * The codes mdBook reads right to left (its `TextDirection::from_lang_code`,
 * which matches the whole code): kept so that every book mdBook lays out
 * right to left is laid out so here, the historic scripts and Kurdish
 * included, which the platform's data below reads left to right.
 */
const MDBOOK_RTL = new Set(['ar', 'ara', 'arc', 'ae', 'ave', 'egy', 'he', 'heb', 'nqo', 'pal', 'phn', 'sam', 'syc', 'syr', 'fa', 'per', 'fas', 'ku', 'kur', 'ur', 'urd', 'pus', 'ps', 'yi', 'yid'])

/** `Intl.Locale`'s text information: a getter in Node 20, a method in later Nodes (TypeScript's lib knows neither yet). */
interface LocaleTextInfo {
  textInfo?: { direction?: string }
  getTextInfo?: () => { direction?: string }
}

/**
 * The direction a book in `language` is written in. mdBook's own codes
 * first; then the platform's CLDR data (`Intl.Locale`'s text info), which
 * mdBook does not consult: a regional tag (`fa-IR`, `ar-EG`, and mdBook's
 * `_` spelling, `ur_PK`) and the languages mdBook's table lacks (`ckb`, `sd`,
 * `ug`…) read right to left too. No language, or a tag `Intl.Locale`
 * cannot read, is left to right, as mdBook takes a code it does not know.
 */
export function textDirection(language: string | undefined): TextDirection {
  if (language === undefined) return 'ltr'
  if (MDBOOK_RTL.has(language)) return 'rtl'
  let locale: Intl.Locale & LocaleTextInfo
  try {
    locale = new Intl.Locale(language.replaceAll('_', '-'))
  } catch {
    return 'ltr'
  }
  const info = typeof locale.getTextInfo === 'function' ? locale.getTextInfo() : locale.textInfo
  return info?.direction === 'rtl' ? 'rtl' : 'ltr'
}
