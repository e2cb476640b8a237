/**
 * Obsidian callouts: `> [!info] Custom title`, foldable `> [!tip]-` (closed)
 * and `> [!tip]+` (open) as `<details>`, and every Obsidian type and alias
 * (note, abstract/summary/tldr, info, todo, tip/hint/important,
 * success/check/done, question/help/faq, warning/caution/attention,
 * failure/fail/missing, danger/error, bug, example, quote/cite).
 *
 * rehype-callouts renders them (with Obsidian's Lucide icons), dressed in
 * the classes of GitHub's alerts so the theme's alert styles apply. It runs
 * after rehype-github-alerts, which keeps rendering the bare GitHub forms
 * (`> [!NOTE]`) exactly as GitHub does. A type Obsidian does not know
 * (`> [!recipe] Dinner`) is a neutral callout titled with its name, as in
 * Obsidian, rather than a quote starting with `[!recipe]`. Obsidian's
 * metadata after a pipe (`> [!info|wide] Title`, read by themes and CSS
 * snippets) is kept in `data-callout-metadata`, as Obsidian keeps it;
 * rehype-callouts does not read it, so it is taken off the marker first.
 */
import type { Element, Root } from 'hast'
import rehypeCallouts, { type UserOptions } from 'rehype-callouts'
import type { Processor } from 'unified'
import { visit } from 'unist-util-visit'
import type { CalloutTitles, CalloutType } from '../words/index.ts'
import { walk } from './walk.ts'

/** The theme's alert style each Obsidian type wears (GitHub's five, plus a neutral one). */
const STYLE: Record<string, string> = {
  note: 'note', abstract: 'note', summary: 'note', tldr: 'note', info: 'note', todo: 'note',
  tip: 'tip', hint: 'tip', success: 'tip', check: 'tip', done: 'tip',
  important: 'important', question: 'important', help: 'important', faq: 'important', example: 'important',
  warning: 'warning', caution: 'warning', attention: 'warning',
  failure: 'caution', fail: 'caution', missing: 'caution', danger: 'caution', error: 'caution', bug: 'caution',
}

/**
 * The type of a blockquote written as a callout: its first paragraph starts
 * with `[!type]`. The same test rehype-callouts makes, anchored at the start:
 * the library also takes a `[!type]` later in the line, and would drop the
 * text before it.
 */
const MARKER = /^\[!([\w-]+)(?:\|([^\]]*))?\][+-]?/

/** The type of a callout, and its metadata (`[!type|metadata]`) taken off its marker. */
function calloutType(node: Element): { type: string; metadata?: string } | undefined {
  const first = node.children.find((c) => !(c.type === 'text' && c.value.trim() === ''))
  if (first?.type !== 'element' || first.tagName !== 'p') return undefined
  const text = first.children[0]
  const match = text?.type === 'text' ? MARKER.exec(text.value) : null
  if (!match || text?.type !== 'text') return undefined
  if (match[2] === undefined) return { type: match[1]!.toLowerCase() }
  text.value = text.value.replace(/^\[!([\w-]+)\|[^\]]*\]/, '[!$1]')
  return { type: match[1]!.toLowerCase(), metadata: match[2].trim() }
}

/** The callout each Obsidian type's default title is that of, as Quartz titles an alias (`summary`) with its type's (`abstract`). */
const TITLE_OF: Readonly<Record<string, CalloutType>> = {
  note: 'note', abstract: 'abstract', summary: 'abstract', tldr: 'abstract', info: 'info', todo: 'todo',
  tip: 'tip', hint: 'tip', important: 'important', success: 'success', check: 'success', done: 'success',
  question: 'question', help: 'question', faq: 'question', warning: 'warning', caution: 'caution', attention: 'warning',
  failure: 'failure', fail: 'failure', missing: 'failure', danger: 'danger', error: 'danger', bug: 'bug',
  example: 'example', quote: 'quote', cite: 'quote',
}

/** Every Obsidian type's default title from `titles` (the library's own, English, without). */
function translatedTitles(titles: CalloutTitles | undefined): Record<string, { title: string }> {
  if (!titles) return {}
  return Object.fromEntries(Object.entries(TITLE_OF).map(([type, key]) => [type, { title: titles[key] }]))
}

const options = (extra: Record<string, { title: string }>): UserOptions => ({
  theme: 'obsidian',
  callouts: extra,
  tags: { nonCollapsibleTitleTagName: 'p', titleIconTagName: 'span', titleTextTagName: 'span', foldIconTagName: 'span' },
  props: {
    containerProps: (_node, type) => ({ className: ['markdown-alert', `markdown-alert-${STYLE[type] ?? 'other'}`, 'callout'] }),
    titleProps: { className: ['markdown-alert-title', 'callout-title'] },
  },
})

/**
 * Render blockquotes written as callouts (`[!type]` first) in place, as the
 * Obsidian callouts are: the frame, icon, title and fold of every callout in
 * the theme's alert styles. A type in `unknown` is a neutral callout without
 * an icon. Also used for mdbook-admonish's blocks (rehype-mdbook-admonish.ts).
 */
export function calloutRenderer(processor: Processor, titles?: CalloutTitles): (callouts: Element[], unknown?: Iterable<string>) => void {
  // The library's attacher only reads its options; its transformer ignores the file.
  const translated = translatedTitles(titles)
  const make = (extra: Record<string, { title: string }>) => rehypeCallouts.call(processor, options({ ...translated, ...extra })) as (tree: Root) => void
  const known = make({})
  return (callouts, unknown = []) => {
    if (callouts.length === 0) return
    const extra = Object.fromEntries([...unknown].map((type) => [type, { title: '' }]))
    // Only the callouts are shown to the library (it changes them in place): it also strips the
    // line breaks between the children of every blockquote it visits.
    const root: Root = { type: 'root', children: callouts }
    ;(Object.keys(extra).length === 0 ? known : make(extra))(root)
    // The library names its data attributes as HTML does; hast (and the sanitiser's schema) as the DOM does.
    visit(root, 'element', (node) => {
      for (const [html, dom] of [['data-callout', 'dataCallout'], ['data-collapsible', 'dataCollapsible'], ['aria-hidden', 'ariaHidden']] as const) {
        const properties: Record<string, unknown> = node.properties
        if (!(html in properties)) continue
        properties[dom] = properties[html]
        delete properties[html]
      }
    })
  }
}

/** Render Obsidian callouts in the theme's alert styles. */
export default function rehypeObsidianCallouts(this: Processor, settings: { titles?: CalloutTitles } = {}) {
  const render = calloutRenderer(this, settings.titles)
  return (tree: Root) => {
    const unknown = new Set<string>()
    const callouts: Element[] = []
    const metadata = new Map<Element, string>()
    // The paragraph given an empty first text below is a child of the blockquote entered: the walk
    // reads that paragraph's children only afterwards, when it enters it.
    walk(tree, (node) => {
      if (node.type !== 'element' || node.tagName !== 'blockquote') return
      const found = calloutType(node)
      if (found === undefined) {
        // Not a callout, but maybe inside one, where rehype-callouts looks at every blockquote:
        // an empty first text makes it look no further (see MARKER).
        const p = node.children.find((c): c is Element => c.type === 'element')
        if (p?.tagName === 'p' && p.children[0]?.type === 'text') p.children.unshift({ type: 'text', value: '' })
        return
      }
      const { type } = found
      if (!(type in STYLE) && type !== 'quote' && type !== 'cite') unknown.add(type)
      if (found.metadata) metadata.set(node, found.metadata)
      callouts.push(node)
    })
    render(callouts, unknown)
    // The library turns each blockquote into the callout in place.
    for (const [node, value] of metadata) node.properties.dataCalloutMetadata = value
  }
}
