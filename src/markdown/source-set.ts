/**
 * A `srcset` (an `<img>`'s or a `<picture>`'s `<source>`'s): a list of image
 * URLs with their widths or densities, read and written with the `srcset`
 * package. Each URL names a file as an image's `src` does, so it is checked,
 * copied and rebased like one (rehype-links, the print and embed forms, the
 * feed and the 404 page).
 */
import { parseSrcset, stringifySrcset, type SrcSetDefinition } from 'srcset'

/** The candidates of `value`, or undefined when the package would read it other than as written. */
function candidates(value: string): SrcSetDefinition[] | undefined {
  let parsed: SrcSetDefinition[]
  try {
    parsed = parseSrcset(value, { strict: true })
  } catch {
    return undefined
  }
  // Lenient where browsers are not (`a b.png 1x` reads as `b.png 1x`), and a URL may hold a
  // comma (`data:`): only a list that reads back as written is rewritten.
  const written = value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/).join(' '))
    .filter((candidate) => candidate !== '')
    .join(', ')
  return stringifySrcset(parsed) === written ? parsed : undefined
}

/** The URLs of `value` (none when it cannot be read as written). */
export function sourceSetUrls(value: string): string[] {
  return (candidates(value) ?? []).map((candidate) => candidate.url)
}

/**
 * `value` with each URL replaced by `map(url)` (a candidate whose URL maps
 * to undefined is left out), or undefined when it cannot be read as written
 * (it is then left alone).
 */
export function mapSourceSet(value: string, map: (url: string) => string | undefined): string | undefined {
  const parsed = candidates(value)
  if (!parsed) return undefined
  const mapped: SrcSetDefinition[] = []
  for (const candidate of parsed) {
    const url = map(candidate.url)
    if (url !== undefined) mapped.push({ ...candidate, url })
  }
  return stringifySrcset(mapped)
}
