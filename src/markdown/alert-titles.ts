/**
 * GitHub's alerts (`> [!NOTE]`) titled in the wiki's language, through
 * rehype-github-alerts' own `build` hook: its default build, with its icons,
 * given the title of the alert's type instead of the library's English one.
 */
import { defaultBuild, type DefaultBuildType } from 'rehype-github-alerts'
import type { CalloutTitles, CalloutType } from '../words/index.ts'

/** The library's keywords (`NOTE`…), each a callout type of the theme's words. */
const TYPES = new Set<string>(['note', 'tip', 'important', 'warning', 'caution'])

/** The `build` option of rehype-github-alerts for `titles` (the library's default without them). */
export function alertBuild(titles: CalloutTitles | undefined): DefaultBuildType {
  if (!titles) return defaultBuild
  return (alert, children) => {
    const type = alert.keyword.toLowerCase()
    return defaultBuild(TYPES.has(type) ? { ...alert, title: titles[type as CalloutType] } : alert, children)
  }
}
