/**
 * Search rules shared by the build (Node) and the reader's browser, in plain
 * JavaScript so the build can copy this file as is to `_slugwiki/search/core.js`:
 * how CJK text is split into words on both sides, how a query meets Pagefind's
 * indexed words, and how Pagefind's page results become ranked heading sections
 * with snippets (plain text segments, never HTML).
 */

/** Scripts written without spaces between words. */
const UNSPACED_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\u30FC\u3005]+/gu
const UNSPACED_CHAR = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\u30FC\u3005]/u

/**
 * ICU's word segmenter (built into Node and every current browser, no
 * dictionary to download) finds Chinese, Japanese and Thai word boundaries;
 * its CJK dictionary does not depend on the locale given.
 */
const SEGMENTER = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined

/** Characters that sit against their neighbours without a space: CJK and Thai letters, CJK punctuation, full-width forms. */
const JOINED_CHAR = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\u30FC\u3005\u3000-\u303F\uFF00-\uFFEF]/u

/** Pagefind splits words on whitespace only; the same on the page and in the query. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/

/**
 * Put spaces between the words of CJK and Thai runs (`内存管理` → `内存 管理`),
 * so each word is indexed and found on its own. Other text is returned as is.
 * @param {string} text
 * @returns {string}
 */
export function spaceWords(text) {
  if (!SEGMENTER || !UNSPACED_CHAR.test(text)) return text
  return text.replace(UNSPACED_RUN, (run) => {
    const words = []
    for (const part of SEGMENTER.segment(run)) words.push(part.segment)
    return ` ${words.join(' ')} `
  })
}

/**
 * The query Pagefind should run, and a looser one to try when it finds nothing.
 * Pagefind keeps only the word characters of an indexed word (`task->mm` is
 * indexed as `taskmm`, `std::vector` as `stdvector`, plus each part), so the
 * query drops the same characters. The fallback splits identifiers into their
 * parts, so `kretprobe_trampoline_handler` still finds `__kretprobe_trampoline_handler`.
 * @param {string} query
 * @returns {{ primary: string, fallback: string | undefined }}
 */
export function prepareQuery(query) {
  const terms = spaceWords(query)
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}\p{M}\p{Pc}]/gu, '').toLowerCase())
    .filter(Boolean)
  const primary = terms.join(' ')
  const parts = terms.flatMap((t) => t.split(/_+/)).filter(Boolean).join(' ')
  return { primary, fallback: parts && parts !== primary ? parts : undefined }
}

/**
 * @typedef {{ text: string, mark: boolean }} Segment
 * @typedef {{ url: string, title: string, heading: string, crumb: string, score: number, snippet: Segment[] }} SectionHit
 * @typedef {{ location: number, balanced_score: number, weight: number }} WeightedLocation
 * @typedef {{ element: string, id: string, location: number, text?: string }} Anchor
 * @typedef {{ title: string, url: string, anchor?: Anchor, locations: number[], weighted_locations: WeightedLocation[] }} SubResult
 * @typedef {{ url: string, content: string, meta: Record<string, string>, anchors: Anchor[], sub_results: SubResult[] }} Fragment
 * @typedef {{ score: number, data: Fragment }} LoadedResult
 */

/** Sections shown per note at most, so one long note cannot fill the list. */
const PER_NOTE = 3
/** Words of context in a snippet. */
const SNIPPET_WORDS = 24

/**
 * Join words back into text, without the spaces `spaceWords` put between CJK words.
 * @param {string} left
 * @param {string} right
 */
function joiner(left, right) {
  return JOINED_CHAR.test(left.slice(-1)) && JOINED_CHAR.test(right.slice(0, 1)) ? '' : ' '
}

/**
 * Undo `spaceWords` for display: `内存 管理 。` → `内存管理。`.
 * @param {string} text
 * @returns {string}
 */
export function unspaceWords(text) {
  const words = text.split(WORD_SEPARATORS).filter(Boolean)
  return words.map((w, i) => (i ? joiner(words[i - 1], w) : '') + w).join('')
}

/**
 * The snippet of a section: a window of words around its densest matches,
 * matched words marked. Plain text segments, for the page to render as text.
 * @param {string[]} words the page's content split as Pagefind splits it
 * @param {number} start first word of the section's body
 * @param {number} end first word after the section
 * @param {Set<number>} marked word locations that matched
 * @param {(location: number) => number} [weight] how much a match counts when choosing the window (default 1)
 * @returns {Segment[]}
 */
export function snippet(words, start, end, marked, weight = () => 1) {
  const inBody = [...marked].filter((l) => l >= start && l < end).sort((a, b) => a - b)
  let from = start
  if (inBody.length) {
    // Slide a window over the matches and keep the one whose matches weigh most.
    let best = -1
    let bestAt = inBody[0]
    let sum = 0
    for (let i = 0, j = 0; i < inBody.length; i++) {
      sum += weight(inBody[i])
      while (inBody[i] - inBody[j] >= SNIPPET_WORDS) sum -= weight(inBody[j++])
      if (sum > best) {
        best = sum
        bestAt = inBody[j]
      }
    }
    from = Math.max(start, Math.min(bestAt - 4, end - SNIPPET_WORDS))
  }
  const to = Math.min(end, from + SNIPPET_WORDS)
  /** @type {Segment[]} */
  const out = []
  const push = (/** @type {string} */ text, /** @type {boolean} */ mark) => {
    const last = out[out.length - 1]
    if (!text) return
    if (last && last.mark === mark) last.text += text
    else out.push({ text, mark })
  }
  if (from > start) push('… ', false)
  for (let i = from; i < to; i++) {
    const word = words[i] ?? ''
    if (i > from) push(joiner(words[i - 1] ?? '', word), false)
    if (!marked.has(i)) push(word, false)
    else {
      // Mark the word, not the punctuation around it: `(mem_cgroup_from_css);` → `mem_cgroup_from_css`.
      const [, before = '', core = word, after = ''] = /^([^\p{L}\p{N}_]*)(.*?)([^\p{L}\p{N}_]*)$/u.exec(word) ?? []
      push(before, false)
      push(core, true)
      push(after, false)
    }
  }
  if (to < end) push(' …', false)
  return out
}

/**
 * The forms a content word can be matched by: the whole word as Pagefind
 * indexes it, and its parts (`mem_cgroup_from_css` → `mem`, `cgroup`, `from`, `css`).
 * @param {string} word
 * @returns {string[]}
 */
function formsOf(word) {
  const lower = word.toLowerCase()
  const whole = lower.replace(/[^\p{L}\p{N}\p{M}\p{Pc}]/gu, '')
  const parts = word
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
  return [whole, ...parts].filter((f) => f.length > 1)
}

/**
 * Which query terms a word matches. Pagefind matches terms as prefixes and by
 * stem, so a term matches a form that starts with it or that it starts with.
 * @param {string} word
 * @param {string[]} terms
 * @returns {Set<number>}
 */
function termsMatched(word, terms) {
  const forms = formsOf(word)
  const hit = new Set()
  terms.forEach((term, i) => {
    if (forms.some((f) => f.startsWith(term) || (f.length >= 3 && term.startsWith(f)))) hit.add(i)
  })
  return hit
}

/**
 * How well a section answers the query: the share of query terms it contains,
 * plus a bonus when one word holds them all (`cgroup from css` in `mem_cgroup_from_css`).
 * @param {string[]} words
 * @param {number[]} locations
 * @param {string[]} terms
 */
function coverage(words, locations, terms) {
  if (terms.length < 2) return 1
  const covered = new Set()
  let together = false
  for (const location of locations) {
    const hit = termsMatched(words[location] ?? '', terms)
    for (const i of hit) covered.add(i)
    if (hit.size === terms.length) together = true
  }
  return covered.size / terms.length + (together ? 0.5 : 0)
}

/**
 * Turn Pagefind's page results (with their fragments loaded) into ranked
 * heading sections. Sections holding more of the query's terms come first;
 * among equals, each section gets its page's score in proportion to the share
 * of the page's matching weight that falls in it.
 * @param {LoadedResult[]} results
 * @param {string[]} terms the query's terms, as `prepareQuery` gave them
 * @param {number} limit
 * @returns {SectionHit[]}
 */
export function rankSections(results, terms, limit) {
  /** @type {Array<SectionHit & { coverage: number }>} */
  const hits = []
  for (const { score, data } of results) {
    const words = data.content.split(WORD_SEPARATORS)
    const headings = data.anchors.filter((a) => /^h\d$/i.test(a.element)).map((a) => a.location).sort((a, b) => a - b)
    const weightOf = (/** @type {SubResult} */ s) => s.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0)
    const total = data.sub_results.reduce((sum, s) => sum + weightOf(s), 0) || 1
    const title = unspaceWords(data.meta.title ?? '')
    const sections = data.sub_results.map((sub) => {
      const start = sub.anchor ? sub.anchor.location : 0
      const end = headings.find((l) => l > start) ?? words.length
      const headingWords = sub.anchor ? (sub.anchor.text ?? sub.title).split(WORD_SEPARATORS).filter(Boolean).length : 0
      const body = Math.min(start + headingWords, end)
      return {
        url: sub.url,
        title,
        heading: sub.anchor ? unspaceWords(sub.title) : '',
        crumb: data.meta.crumb ?? '',
        score: (score * weightOf(sub)) / total,
        coverage: coverage(words, sub.locations, terms),
        // A word holding several query terms (an identifier's parts) is the best place to quote.
        snippet: snippet(words, body, end, new Set(sub.locations), (l) => termsMatched(words[l] ?? '', terms).size ** 2),
      }
    })
    sections.sort((a, b) => b.coverage - a.coverage || b.score - a.score)
    hits.push(...sections.slice(0, PER_NOTE))
  }
  // Stable: equal keys keep Pagefind's page order.
  return hits
    .map((h, i) => ({ h, i }))
    .sort((a, b) => b.h.coverage - a.h.coverage || b.h.score - a.h.score || a.i - b.i)
    .slice(0, limit)
    .map(({ h: { coverage: _, ...hit } }) => hit)
}

/**
 * @typedef {{ search(term: string, options?: object): Promise<{ results: Array<{ score: number, data(): Promise<Fragment> }> } | null> }} PagefindApi
 */

/**
 * Run a query: Pagefind finds the pages, the best few are loaded and split
 * into ranked heading sections.
 * @param {PagefindApi} pagefind
 * @param {string} query
 * @param {{ limit?: number, pages?: number, filters?: object }} [options]
 * @returns {Promise<SectionHit[]>}
 */
export async function searchSections(pagefind, query, options = {}) {
  const { limit = 10, pages = 8, filters = {} } = options
  const { primary, fallback } = prepareQuery(query)
  if (!primary) return []
  let used = primary
  let found = await pagefind.search(primary, { filters })
  if (found && found.results.length === 0 && fallback) {
    used = fallback
    found = await pagefind.search(fallback, { filters })
  }
  if (!found) return []
  const loaded = await Promise.all(found.results.slice(0, pages).map(async (r) => ({ score: r.score, data: await r.data() })))
  return rankSections(loaded, used.split(' '), limit)
}
