/**
 * Find the topics of the topics file mentioned in a run of prose text: whole
 * words only, the longest alias wins, acronyms and identifiers (`RCU`,
 * `eBPF`, `io_uring`, `Z3`) only in their exact case, plain words (`cgroup`,
 * `read-copy-update`) in any case.
 */
import type { TopicDef } from '../content/topics-file.ts'

export interface TopicMatch {
  topic: string
  /** Offsets into the text, end exclusive. */
  start: number
  end: number
}

/** Finds mentions in one string; empty when there are no topics. */
export type TopicMatcher = (text: string) => TopicMatch[]

/**
 * True when an alias must match with its exact case: it has a capital after
 * its first letter, a digit or an underscore (an acronym or an identifier).
 */
export function isCaseSensitiveAlias(alias: string): boolean {
  return /[\p{Lu}]/u.test(alias.slice(1)) || /[\p{N}_]/u.test(alias)
}

const WORD = String.raw`[\p{L}\p{N}_]`

function escape(alias: string): string {
  // Any run of white space in an alias matches any run in the text (a soft line break).
  return alias
    .trim()
    .split(/\s+/)
    // Only syntax characters: a `u` pattern rejects needless escapes such as `\-`.
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(String.raw`\s+`)
}

function group(aliases: string[], flags: string): RegExp | undefined {
  if (aliases.length === 0) return undefined
  // Longest first, so the alternation prefers `read-copy-update` over `read`.
  const sorted = [...aliases].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  return new RegExp(`(?<!${WORD})(?:${sorted.map(escape).join('|')})(?!${WORD})`, flags)
}

/** Compile a matcher for a topics file; build it once per processor. */
export function createTopicMatcher(topics: readonly TopicDef[]): TopicMatcher {
  const exact = new Map<string, string>()
  const folded = new Map<string, string>()
  for (const topic of topics) {
    for (const alias of topic.aliases) {
      const key = alias.trim().replace(/\s+/g, ' ')
      if (topic.caseSensitive || isCaseSensitiveAlias(key)) {
        if (!exact.has(key)) exact.set(key, topic.id)
      } else if (!folded.has(key.toLowerCase())) folded.set(key.toLowerCase(), topic.id)
    }
  }
  const sensitive = group([...exact.keys()], 'gu')
  const insensitive = group([...folded.keys()], 'giu')
  if (!sensitive && !insensitive) return () => []

  return (text) => {
    const found: TopicMatch[] = []
    for (const [pattern, table, fold] of [[sensitive, exact, false], [insensitive, folded, true]] as const) {
      if (!pattern) continue
      for (const m of text.matchAll(pattern)) {
        const key = m[0].replace(/\s+/g, ' ')
        const topic = table.get(fold ? key.toLowerCase() : key)
        if (topic !== undefined) found.push({ topic, start: m.index, end: m.index + m[0].length })
      }
    }
    if (found.length < 2) return found
    // Two patterns may claim overlapping text: keep the earliest, then the longest.
    found.sort((a, b) => a.start - b.start || b.end - a.end)
    const kept: TopicMatch[] = []
    for (const m of found) if (kept.length === 0 || m.start >= kept[kept.length - 1]!.end) kept.push(m)
    return kept
  }
}
