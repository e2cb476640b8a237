/**
 * The one sort order of generated indexes (tags, topics, symbols): a
 * case-insensitive, numeric-aware comparison, then code units, so equal-looking
 * names still sort the same way on every run.
 */
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** Compare two names for an A–Z listing. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}

/** The A–Z heading a name files under: its first letter upper-cased, `#` for anything else. */
export function letterOf(name: string): string {
  const first = name.replace(/^[^\p{L}\p{N}]+/u, '').charAt(0).toUpperCase()
  return /\p{L}/u.test(first) ? first : '#'
}
