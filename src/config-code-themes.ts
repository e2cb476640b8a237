/**
 * shiki's theme names for `[slugwiki] light-theme` and `dark-theme`, checked
 * when the config is read: an unknown name is one config error at its key,
 * not a failure of every note's worker.
 */
import { bundledThemesInfo } from 'shiki/themes'
import { z } from 'zod'

type Scheme = 'light' | 'dark'

const THEME_IDS: ReadonlySet<string> = new Set(bundledThemesInfo.map((info) => info.id))

/** Length of the common start of `a` and `b`. */
function sharedStart(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

/**
 * A few of shiki's theme names to offer in place of `name`: those sharing
 * its longest start (`github-lite` → the `github-…` themes), the scheme's
 * own first, else the scheme's first in alphabetical order.
 */
export function codeThemeSuggestions(name: string, scheme: Scheme, count = 5): string[] {
  const wanted = name.trim().toLowerCase()
  const ranked = bundledThemesInfo
    .map((info) => ({ id: info.id, shared: sharedStart(wanted, info.id), same: info.type === scheme }))
    .sort((a, b) => b.shared - a.shared || Number(b.same) - Number(a.same) || a.id.localeCompare(b.id))
  const best = ranked[0]?.shared ?? 0
  const alike = best >= 3 ? ranked.filter((theme) => theme.shared === best) : ranked.filter((theme) => theme.same).sort((a, b) => a.id.localeCompare(b.id))
  return alike.slice(0, count).map((theme) => theme.id)
}

/** One of shiki's bundled themes for `scheme`'s code colours, `fallback` when unset. */
export function codeThemeSchema(scheme: Scheme, fallback: string) {
  return z
    .string()
    .refine((name) => THEME_IDS.has(name), {
      error: (issue) => {
        const name = String(issue.input)
        return `unknown shiki theme \`${name}\`; ${scheme} themes include ${codeThemeSuggestions(name, scheme).map((id) => `\`${id}\``).join(', ')} (all ${THEME_IDS.size}: https://shiki.style/themes)`
      },
    })
    .default(fallback)
}
