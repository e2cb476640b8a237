/**
 * VitePress custom containers: `::: tip`, `::: info`, `::: warning`,
 * `::: danger` with an optional title after the type (`::: tip Read first`),
 * and `::: details Title` as `<details>`. They wear the theme's alert styles,
 * as the Obsidian callouts do. `::: code-group` holds code blocks shown as
 * tabs: a bare `div.code-group` here, whose blocks rehype-code titles with
 * their `[label]` and the theme turns into tabs.
 *
 * remark-flexible-containers parses VitePress's syntax (a space before the
 * type, the title as the rest of the line, no blank line needed inside).
 * remark-directive could not: its containers are `:::tip[Title]`, and its
 * text directives would turn ordinary prose (`a:b`, `cgroup:memory`, log
 * lines) into directives. As in VitePress, only these six types are
 * containers: any other `:::` paragraph is kept as the text it is.
 *
 * In a Docusaurus site Docusaurus's admonitions are read too, the same
 * syntax with its own types (`:::note`, `:::caution`, `:::important`,
 * `:::success`, `:::secondary`) and its v3 title, `:::tip[My title]`; in a
 * Starlight site its asides instead, `:::note`, `:::tip`, `:::caution` and
 * `:::danger` (titled `:::tip[My title]`), as its remark-asides reads them.
 */
import type { CalloutTitles, CalloutType } from '../words/index.ts'
import type { Paragraph, Parent, Root, RootContent } from 'mdast'
import remarkFlexibleContainers, { type FlexibleContainerOptions } from 'remark-flexible-containers'
import type { Processor } from 'unified'
import type { VFile } from 'vfile'
import { visit, SKIP } from 'unist-util-visit'

/** Each VitePress type, the theme's alert style it wears, and its default title (upper-cased but for `details`, as VitePress writes them). */
const VITEPRESS_TYPES: Record<string, { style: string; title: string; type: CalloutType }> = {
  tip: { style: 'tip', title: 'TIP', type: 'tip' },
  info: { style: 'note', title: 'INFO', type: 'info' },
  warning: { style: 'warning', title: 'WARNING', type: 'warning' },
  danger: { style: 'caution', title: 'DANGER', type: 'danger' },
  details: { style: 'other', title: 'Details', type: 'details' },
}

/**
 * Docusaurus's admonition types beyond VitePress's (its `:::tip`, `:::info`, `:::warning` and
 * `:::danger` are the same), in the alert style of its colour: `caution` is its warning's, `important`
 * its info's, `success` its tip's, `secondary` its note's grey. Titles are upper-cased, as its CSS shows them.
 */
const DOCUSAURUS_TYPES: Record<string, { style: string; title: string; type: CalloutType }> = {
  ...VITEPRESS_TYPES,
  note: { style: 'other', title: 'NOTE', type: 'note' },
  caution: { style: 'warning', title: 'CAUTION', type: 'caution' },
  important: { style: 'note', title: 'IMPORTANT', type: 'important' },
  success: { style: 'tip', title: 'SUCCESS', type: 'success' },
  secondary: { style: 'other', title: 'SECONDARY', type: 'note' },
}

/**
 * Starlight's asides, its only four types, in the alert style of their colour (`note` blue, `tip`
 * purple, `caution` yellow, `danger` red), titled as Starlight writes them, not upper-cased.
 */
const STARLIGHT_TYPES: Record<string, { style: string; title: string; type: CalloutType }> = {
  note: { style: 'note', title: 'Note', type: 'note' },
  tip: { style: 'tip', title: 'Tip', type: 'tip' },
  caution: { style: 'warning', title: 'Caution', type: 'caution' },
  danger: { style: 'caution', title: 'Danger', type: 'danger' },
}

/** A type's default title: the wiki's language's when given, upper-cased as VitePress's are (Starlight's as they are). */
function defaultTitle(TYPES: typeof DOCUSAURUS_TYPES, type: string | undefined, titles: CalloutTitles | undefined): string | undefined {
  const known = TYPES[type ?? '']
  if (!known || !titles) return known?.title
  if (TYPES === STARLIGHT_TYPES) return titles[known.type]
  return type === 'details' ? titles.details : titles[known.type].toLocaleUpperCase()
}

/** VitePress's tabbed code blocks: no frame and no title (VitePress ignores text after the type). */
const CODE_GROUP = 'code-group'

/** The type named on a paragraph's opening `:::` line, if it starts with one (the plugin's own test). */
const OPENING = /^:{3,}[^\S\n]*([\w-]+)?/

/** A title's braces while the plugin reads the line (it takes `{…}` for a tag name), from Unicode's private use area. */
const OPEN_BRACE = '\uE000'
const CLOSE_BRACE = '\uE001'

const containerOptions = (TYPES: typeof DOCUSAURUS_TYPES, titles: CalloutTitles | undefined): FlexibleContainerOptions => ({
  containerTagName: (type) => (type === 'details' ? 'details' : 'div'),
  containerClassName: (type) =>
    type === CODE_GROUP
      ? [CODE_GROUP]
      : ['markdown-alert', `markdown-alert-${TYPES[type ?? '']?.style ?? 'other'}`, 'custom-block', ...(type ? [`custom-block-${type}`] : [])],
  // `null` (not undefined) is the plugin's word for "no title".
  title: (type, title) => (type === CODE_GROUP ? null : (title?.replace(/[\uE000\uE001]/g, (c) => (c === OPEN_BRACE ? '{' : '}')) ?? defaultTitle(TYPES, type, titles))),
  titleTagName: (type) => (type === 'details' ? 'summary' : 'p'),
  titleClassName: () => ['markdown-alert-title', 'custom-block-title'],
})

/** Parse VitePress containers; other `:::` text stays text. */
export default function remarkVitepressContainers(this: Processor, options: { titles?: CalloutTitles; docusaurus?: boolean; starlight?: boolean } = {}) {
  const TYPES = options.starlight ? STARLIGHT_TYPES : options.docusaurus ? DOCUSAURUS_TYPES : VITEPRESS_TYPES
  const containers = remarkFlexibleContainers.call(this, containerOptions(TYPES, options.titles)) as (tree: Root) => void
  return (tree: Root, file: VFile) => {
    // A container opens with a line of colons, written as such: without one, three walks of the tree are saved.
    if (!String(file.value).includes(':::')) return
    // The plugin reads every paragraph's first child, and throws on a paragraph with none (an untitled admonish block's title).
    const empty: Paragraph[] = []
    // Openers hidden from the plugin, each with where it is: its closing `:::` must be hidden too.
    const hidden: Array<{ node: Paragraph; index: number; parent: Parent }> = []
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      const first = node.children[0]
      if (first === undefined) {
        empty.push(node)
        node.children.push({ type: 'text', value: '' })
        return
      }
      if (first.type !== 'text') return
      // Docusaurus v3's title in brackets against the type (`:::tip[My title]`) is v2's after a space (`:::tip My title`).
      if (options.docusaurus || options.starlight) first.value = first.value.replace(/^(:{3,}[\w-]+)\[([^\]\n]*)\](?=[^\S\n]*(?:\n|$))/, (_, fence: string, title: string) => `${fence} ${title}`)
      const type = OPENING.exec(first.value)?.[1]
      // The plugin takes the first word of the line as the type and throws when there is none (`:::{`).
      const rest = /^:{3,}([^\n]*)/.exec(first.value)?.[1]
      const wordless = rest !== undefined && rest.trim() !== '' && !/[\w-]/.test(rest)
      // An empty first text hides the fence from the plugin (it reads only the first child).
      if (wordless || (type !== undefined && !(type.toLowerCase() in TYPES) && type !== CODE_GROUP)) {
        node.children.unshift({ type: 'text', value: '' })
        if (index !== undefined && parent) hidden.push({ node, index, parent })
      } else if (type !== undefined) {
        // markdown-it-attrs' `{open}` or `{.name}` ending the opening line sets the container's attributes in VitePress;
        // the plugin would read those braces as the title's tag name, so they are given to it as the container's.
        const end = first.value.indexOf('\n')
        const line = end === -1 ? first.value : first.value.slice(0, end)
        const opening = /^(:{3,}[^\S\n]*[\w-]+)([^\n]*?)(?:[^\S\n]*\{([^{}]*)\})?[^\S\n]*$/.exec(line)
        if (opening) {
          const kept = (opening[3] ?? '').trim().split(/\s+/).flatMap((a) => (a === 'open' ? ['@open'] : /^\.[\w-]+$/.test(a) ? [a] : []))
          const title = opening[2]!.trim().replace(/[{}]/g, (c) => (c === '{' ? OPEN_BRACE : CLOSE_BRACE))
          first.value = `${opening[1]} ${kept.length > 0 ? `{${kept.join(' ')}} ` : ''}${title}`.trimEnd() + first.value.slice(line.length)
        }
      }
    })
    // Left to the plugin, the `:::` closing a hidden opener would open a container of its own and take the
    // lines after it (a VitePress `::: tip` below it lost its opening line).
    const closers = hidden.flatMap(({ node, index, parent }) => hideCloser(node, index, parent) ?? [])
    containers(tree)
    for (const node of empty) node.children = []
    for (const node of closers) {
      node.children.shift()
      node.children.pop()
    }
    // A pair of bare `:::` lines made a container of no type: give the text back.
    visit(tree, 'container' as never, (node: Parent & { data?: { hProperties?: { className?: string[] } } }, index: number | undefined, parent: Parent | undefined) => {
      const classes = node.data?.hProperties?.className
      if (index === undefined || !parent || classes?.some((c) => c.startsWith('custom-block-') || c === CODE_GROUP)) return
      const fence = (): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: ':::' }] })
      parent.children.splice(index, 1, fence(), ...(node.children as RootContent[]), fence())
      return [SKIP, index + node.children.length + 2]
    })
  }
}

/** The text of a paragraph's first and last children, when they are text. */
const firstText = (node: Paragraph) => (node.children[0]?.type === 'text' ? node.children[0].value : undefined)
const lastText = (node: Paragraph) => {
  const last = node.children[node.children.length - 1]
  return last?.type === 'text' ? last.value : undefined
}

/** A paragraph's closing fence at its end, as the plugin finds one (`REGEX_END`: a line of colons ending the last text). */
const CLOSING = /(?:^|\n)[^\S\n]*:{3,}$/

/**
 * Hide from the plugin the `:::` that closes the hidden opener `node` (the
 * `index`th child of `parent`): the next paragraph of `parent` ending in a
 * fence, past the containers opened and closed between. An empty text at
 * each end hides it, as the plugin reads only the first child for an
 * opening fence (a bare `:::` opens a container of no type) and the last
 * for a closing one; the paragraph is returned, for those to be taken off.
 */
function hideCloser(node: Paragraph, index: number, parent: Parent): Paragraph | undefined {
  const own = node.children.slice(1)
  const text = own.length === 1 && own[0]!.type === 'text' ? own[0]!.value : undefined
  // Opened and closed in one paragraph (`:::note\ntext\n:::`): nothing after it to hide.
  if (text !== undefined && text.includes('\n') && CLOSING.test(text)) return undefined
  let depth = 0
  for (const sibling of parent.children.slice(index + 1)) {
    if (sibling.type !== 'paragraph') continue
    const first = firstText(sibling)
    const last = lastText(sibling)
    const opens = first !== undefined && OPENING.exec(first)?.[1] !== undefined
    const closes = last !== undefined && CLOSING.test(last) && !(opens && !last.includes('\n'))
    if (opens && !closes) depth++
    else if (!opens && closes) {
      if (depth === 0) {
        sibling.children.unshift({ type: 'text', value: '' })
        sibling.children.push({ type: 'text', value: '' })
        return sibling
      }
      depth--
    }
  }
  return undefined
}
