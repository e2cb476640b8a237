/**
 * GitHub's alerts (`> [!NOTE]`) titled in the wiki's language. rehype-github-alerts
 * takes the titles with the icons it draws, so they could only be given to it
 * by redrawing its icons; its output is changed instead: an alert's title,
 * the text after its icon, is always the library's English default (GitHub's
 * alerts take no title of their own), and is replaced only where it still is.
 */
import type { Root } from 'hast'
import { visit } from 'unist-util-visit'
import type { CalloutTitles, CalloutType } from '../words/index.ts'

/** The library's titles, by the type in its class (`markdown-alert-note`). */
const ENGLISH: Readonly<Record<string, string>> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' }

export interface RehypeAlertTitlesOptions {
  titles: CalloutTitles
}

/** Title GitHub's alerts with `titles`. Runs right after rehype-github-alerts, before any other callout is drawn. */
export default function rehypeAlertTitles(options: RehypeAlertTitlesOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'div') return
      const classes = node.properties.className
      if (!Array.isArray(classes) || !classes.includes('markdown-alert')) return
      const type = classes.map(String).find((c) => c.startsWith('markdown-alert-'))?.slice('markdown-alert-'.length)
      if (!type || !Object.hasOwn(ENGLISH, type)) return
      const title = node.children.find((c) => c.type === 'element' && c.tagName === 'p')
      const text = title?.type === 'element' ? title.children.at(-1) : undefined
      if (text?.type === 'text' && text.value === ENGLISH[type]) text.value = options.titles[type as CalloutType]
    })
  }
}
