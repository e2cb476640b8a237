/**
 * Astro Starlight's MDX components in a Starlight doc, which slugwiki cannot
 * run (they are Astro components), shown as the markup the theme already has:
 * `<Aside type title>` a callout in the alert frames, `<Tabs>`/`<TabItem
 * label>` the theme's tabs (the forms remark-docusaurus-tabs leaves, such as
 * a `<TabItem label="A">text</TabItem>` on one line), `<Card title>` and
 * `<LinkCard title href description>` a titled box (the link card's title a
 * link, checked as any link is), `<LinkButton href>` a link, `<Badge text>`
 * its text; `<Steps>`, `<FileTree>`, `<CardGrid>` and Astro's `<Fragment>`
 * are their children, `<Icon>` is decoration and goes. Any other component
 * (the site's own) is left to sanitising, which keeps its children and
 * names it in a warning.
 *
 * Two passes around rehype-raw. Before it, on the raw HTML: JSX's
 * self-closing `<LinkCard … />` becomes a start and an end tag (to HTML a
 * `/>` closes nothing, so the element would swallow the rest of the note),
 * and Starlight's components get a name of their own (`sl-aside`): HTML
 * reads names without case, and an author's `<aside>` is HTML's. After it,
 * those elements become the theme's markup, before sanitising sees them.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import { h } from 'hastscript'
import type { CalloutTitles } from '../words/index.ts'
import { walk } from './walk.ts'

/** Starlight's components read here, and Astro's `<Fragment>`, by their JSX name. */
const COMPONENTS = ['Aside', 'Tabs', 'TabItem', 'Card', 'CardGrid', 'LinkCard', 'LinkButton', 'Badge', 'Icon', 'Steps', 'FileTree', 'Fragment']

/** The prefix of a known component's element name. */
const PREFIX = 'sl-'

// A JSX tag: its name starts with a capital; attributes are quoted strings, bare names or `{…}` expressions without nested braces.
const TAG = /<(\/?)([A-Z][\w.]*)((?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{[^{}]*\}))?)*)\s*(\/?)>/g

// A code span as markdown reads one: a run of backticks, then anything up to the same run.
const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g

/** A fence's lines without the indentation they share, and without the blanks before its closing fence. */
function dedent(code: string): string {
  const lines = code.replace(/\n[^\S\n]*$/, '').split('\n')
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length))
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n')
}

/** Escape text for HTML. */
const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * Rewrite a raw HTML's JSX tags as HTML reads them: self-closing ones opened
 * and closed, known ones renamed. A code span between them is code, as MDX
 * reads a component's children as markdown: `` `<Aside>` `` there is the
 * text of a tag, never one.
 */
function htmlOfJsx(value: string): string {
  const jsx = (part: string) =>
    part.replace(TAG, (whole, close: string, name: string, attributes: string, selfClosing: string) => {
      const known = COMPONENTS.includes(name)
      if (!known && !selfClosing) return whole
      const tag = known ? PREFIX + name.toLowerCase() : name
      return selfClosing ? `<${tag}${attributes}></${tag}>` : `<${close}${tag}${attributes}>`
    })
  let out = ''
  let end = 0
  for (const match of value.matchAll(CODE_SPAN)) {
    // A fence between the tags (MDX reads a component's children as markdown, fences and all) is a block of code in its language.
    const fence = match[1]!.length >= 3 && /^[^\n]*\n/.exec(match[2]!)
    const lang = fence ? /^[\w+#.-]+/.exec(fence[0])?.[0] : undefined
    const code = fence ? `<pre><code${lang ? ` class="language-${lang}"` : ''}>${escapeHtml(dedent(match[2]!.slice(fence[0].length)))}</code></pre>` : `<code>${escapeHtml(match[2]!.replace(/^ (.*[^ ].*) $/s, '$1'))}</code>`
    out += jsx(value.slice(end, match.index)) + code
    end = match.index + match[0].length
  }
  return out + jsx(value.slice(end))
}

/** Before rehype-raw: read the raw HTML's JSX tags as HTML would need them written. */
export function rehypeStarlightJsx() {
  return (tree: Root) => {
    walk(tree, (node) => {
      if (node.type === 'raw' && node.value.includes('<')) node.value = htmlOfJsx(node.value)
    })
  }
}

/** Each aside type, the alert style of its colour, and its title's key: `caution` is yellow (a warning's), `danger` red (a caution's). */
const ASIDES: Record<string, { style: string; title: 'note' | 'tip' | 'caution' | 'danger'; fallback: string }> = {
  note: { style: 'note', title: 'note', fallback: 'Note' },
  tip: { style: 'tip', title: 'tip', fallback: 'Tip' },
  caution: { style: 'warning', title: 'caution', fallback: 'Caution' },
  danger: { style: 'caution', title: 'danger', fallback: 'Danger' },
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined)

/** The theme's markup for one known component, or its children when it is only a wrapper. */
function markup(node: Element, titles: CalloutTitles | undefined): ElementContent[] {
  const name = node.tagName.slice(PREFIX.length)
  const props = node.properties
  const children = node.children
  const at = <T extends Element>(element: T): T => Object.assign(element, node.position && { position: node.position })
  switch (name) {
    case 'aside': {
      // Starlight's default type is `note`; an unknown one is styled as a note, as its CSS falls back.
      const kind = ASIDES[String(props.type ?? 'note')] ?? ASIDES.note!
      const title = text(props.title) ?? titles?.[kind.title] ?? kind.fallback
      return [at(h('div', { className: ['markdown-alert', `markdown-alert-${kind.style}`, 'custom-block', `custom-block-${kind.title}`] }, [h('p', { className: ['markdown-alert-title', 'custom-block-title'] }, title), ...children]))]
    }
    case 'tabs':
      return [at(h('div', { className: ['code-group', 'tabs'] }, children.filter((c) => c.type !== 'text' || c.value.trim() !== '')))]
    case 'tabitem':
      return [at(h('div', { className: ['tab-panel'] }, [h('div', { className: ['tab-title'] }, text(props.label) ?? ''), ...children]))]
    case 'card':
      return [at(h('div', { className: ['starlight-card'] }, [h('p', h('strong', text(props.title) ?? '')), ...children]))]
    case 'linkcard': {
      const title = text(props.title) ?? text(props.href) ?? ''
      // The link is at the tag, for a broken one's warning to point there.
      const link = typeof props.href === 'string' ? at(h('a', { href: props.href }, title)) : h('span', title)
      const description = text(props.description)
      return [at(h('div', { className: ['starlight-card', 'starlight-link-card'] }, [h('p', h('strong', link)), ...(description ? [h('p', description)] : [])]))]
    }
    case 'linkbutton':
      return typeof props.href === 'string' ? [at(h('a', { href: props.href }, children))] : children
    case 'badge':
      return text(props.text) ? [at(h('small', text(props.text)!))] : []
    case 'icon':
      return []
    default:
      // Steps, FileTree, CardGrid, Fragment: only a frame around their markdown.
      return children
  }
}

/** After rehype-raw: Starlight's components as the theme's markup. */
export default function rehypeStarlightComponents(options: { titles?: CalloutTitles } = {}) {
  return (tree: Root) => {
    // The blocks made here, which a paragraph must not hold.
    const blocks = new Set<ElementContent>()
    const replace = (parent: Root | Element) => {
      const out: RootContent[] = []
      for (const child of parent.children) {
        if (child.type !== 'element') {
          out.push(child)
          continue
        }
        replace(child)
        if (child.tagName.startsWith(PREFIX) && COMPONENTS.some((c) => PREFIX + c.toLowerCase() === child.tagName)) {
          const made = markup(child, options.titles)
          made.forEach((m) => m.type === 'element' && m.tagName === 'div' && blocks.add(m))
          out.push(...made)
        } else if (child.tagName === 'p' && child.children.some((c) => blocks.has(c)) && child.children.every((c) => blocks.has(c) || (c.type === 'text' && c.value.trim() === ''))) {
          // A component written as a paragraph (`<LinkCard` over several lines is no HTML block) is a block, not in one.
          out.push(...child.children.filter((c) => blocks.has(c)))
        } else out.push(child)
      }
      parent.children = out as typeof parent.children
    }
    replace(tree)
  }
}
