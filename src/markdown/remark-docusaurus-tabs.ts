/**
 * Docusaurus's `<Tabs>` and `<TabItem value label default>` in a Docusaurus
 * doc, written as its docs write them (each tag on a line of its own, blank
 * lines around the markdown between): the theme's tabs, a
 * `div.code-group.tabs` of `div.tab-panel`s, each opening with its label in
 * a `div.tab-title` (the panel of `default`, or of the value `<Tabs
 * defaultValue>` names, also classed `tab-default`), so
 * the page without script shows the panels one after another, titled, and
 * theme.js makes them tabs as it does VitePress's code groups. The markdown
 * between the tags stays markdown. `groupId`, `queryString` and the other
 * props of `<Tabs>` are ignored. Tags that do not nest (a `<TabItem>`
 * outside `<Tabs>`, one left open) leave their block as it was: raw HTML,
 * which sanitising removes with a warning, keeping the markdown.
 */
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import type { Html, Parent, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import { tabPanelNode, tabSetNode } from './tab-markup.ts'

/** One `<Tabs>` or `<TabItem>` tag of an HTML block. */
interface Tag {
  name: 'tabs' | 'tabitem'
  close: boolean
  attributes: Record<string, unknown>
}

// The tags alone (with blanks between) make a block this plugin reads; anything else in it leaves it HTML.
const TAG = /<(\/?)(Tabs|TabItem)((?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>/g

/** The tags an HTML block is made of, or undefined when it holds anything else. */
function tagsOf(html: string): Tag[] | undefined {
  const tags: Tag[] = []
  let end = 0
  for (const match of html.matchAll(TAG)) {
    if (html.slice(end, match.index).trim() !== '') return undefined
    end = match.index + match[0].length
    // A self-closing `<TabItem />` has no content to show.
    if (match[4]) return undefined
    // The attributes as HTML reads them (parse5, through hast-util-from-html): quoting, bare names, entities.
    const element = fromHtml(`<div${match[3]}></div>`, { fragment: true }).children[0] as Element
    tags.push({ name: match[2]!.toLowerCase() as Tag['name'], close: match[1] === '/', attributes: element.properties })
  }
  if (html.slice(end).trim() !== '' || tags.length === 0) return undefined
  return tags
}

/** A container under construction: the tabs, a tab, or the parent itself. */
interface Open {
  tag?: Tag
  children: RootContent[]
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : undefined)

/** The mdast node of a tab (a `div.tab-panel` opening with its title), then of the tabs holding them. */
function panel(tag: Tag, children: RootContent[], tabsTag: Tag | undefined): RootContent {
  const { label, value } = tag.attributes
  const title = text(label) ?? text(value) ?? ''
  // `<TabItem default>`, or the value `<Tabs defaultValue>` names (parse5 lower-cases the name).
  const chosen = (tag.attributes.default !== undefined && tag.attributes.default !== false) || (text(value) !== undefined && text(tabsTag?.attributes.defaultvalue) === text(value))
  return tabPanelNode('docusaurusTab', [{ type: 'text', value: title }], children, chosen)
}

const tabs = (children: RootContent[]): RootContent => tabSetNode('docusaurusTabs', children)

/**
 * One parent's children with its tabs. A block whose tags do not fit where
 * they are (a `<TabItem>` outside `<Tabs>`, a stray end tag) stays as it
 * was, and so does a `<Tabs>` never closed, from its block on.
 */
function withTabs(parent: Parent): RootContent[] {
  const nodes = parent.children as RootContent[]
  const root: Open = { children: [] }
  let stack: Open[] = [root]
  // Where the outermost open `<Tabs>` started: its block, and the top level's length before it.
  let from = { index: 0, length: 0 }
  const restore = (upTo: number) => {
    root.children.length = from.length
    root.children.push(...nodes.slice(from.index, upTo))
    stack = [root]
  }
  nodes.forEach((node, index) => {
    const tags = node.type === 'html' ? tagsOf((node as Html).value) : undefined
    if (!tags) {
      stack.at(-1)!.children.push(node)
      return
    }
    if (stack.length === 1) from = { index, length: root.children.length }
    const before = stack.map((open) => ({ ...open, children: [...open.children] }))
    for (const tag of tags) {
      const top = stack.at(-1)!
      // A tab opens straight inside tabs only, tabs anywhere else; an end tag closes the last tag opened.
      const fits = tag.close ? top.tag?.name === tag.name : (tag.name === 'tabitem') === (top.tag?.name === 'tabs')
      if (!fits) {
        // The block stays HTML; tabs it was inside are left as written.
        if (before.length === 1) {
          root.children = before[0]!.children
          stack = [root]
        } else restore(index)
        root.children.push(node)
        return
      }
      if (!tag.close) {
        stack.push({ tag, children: [] })
        continue
      }
      stack.pop()
      stack.at(-1)!.children.push(tag.name === 'tabitem' ? panel(top.tag!, top.children, stack.at(-1)!.tag) : tabs(top.children))
    }
  })
  if (stack.length > 1) restore(nodes.length)
  return root.children
}

/**
 * An end tag indented under a list (`  </TabItem>` after `- item`, as
 * Docusaurus's docs indent their tags) is, to markdown, the list's last
 * item's: taken back out after the list, unless the list opens tags of its
 * own before it (tabs inside an item, closed there).
 */
function hoistEndTags(parent: Parent): void {
  for (let i = 0; i < parent.children.length; i++) {
    const node = parent.children[i]!
    if (!('children' in node)) continue
    // The last node of the last node…: where an indented end tag lands (with the next tab's start, when they share a block).
    const trail: Parent[] = [node as Parent]
    for (let last = (node as Parent).children.at(-1); last && 'children' in last; last = (last as Parent).children.at(-1)) trail.push(last as Parent)
    const holder = trail.at(-1)!
    const end = holder.children.at(-1)
    const tags = end?.type === 'html' ? tagsOf((end as Html).value) : undefined
    if (!tags?.[0]?.close) continue
    let opens = false
    visit(node, 'html', (html: Html) => void (opens ||= html !== end && (tagsOf(html.value) ?? []).some((tag) => !tag.close)))
    if (opens) continue
    holder.children.pop()
    // A paragraph or item left empty goes too.
    for (let j = trail.length - 1; j > 0 && trail[j]!.children.length === 0; j--) trail[j - 1]!.children.pop()
    parent.children.splice(i + 1, 0, end as Parent['children'][number])
  }
}

/** Turn `<Tabs>`/`<TabItem>` blocks into the theme's tabs. */
export default function remarkDocusaurusTabs() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!('children' in node) || !(node as Parent).children.some((c) => c.type === 'html' && /<\/?Tabs\b/.test((c as Html).value))) return
      hoistEndTags(node as Parent)
      ;(node as Parent).children = withTabs(node as Parent) as Parent['children']
    })
  }
}
