/**
 * GitBook's blocks, from the tag lines gitbook-tags.ts reads:
 *
 * - `{% hint style="info|success|warning|danger" %}…{% endhint %}`: a callout
 *   in the theme's alert frames (info a note, success a tip, danger a caution);
 * - `{% tabs %}{% tab title="Linux" %}…{% endtab %}…{% endtabs %}`: each tab a
 *   titled section, one after another (the theme's tabs hold only code blocks);
 * - `{% code title="a.c" lineNumbers="true" %}` around a fence: the block's
 *   title and line numbers, as a fence's `title="a.c" showLineNumbers` gives;
 * - `{% embed url="…" %}` (with an optional caption up to `{% endembed %}`): a
 *   link card;
 * - `{% content-ref url="x.md" %}…{% endcontent-ref %}`: the link GitBook
 *   writes inside it (or one to `url` when there is none);
 * - `{% file src="…" %}` (caption up to `{% endfile %}`): a link to the file.
 *
 * Any other tag is dropped with its content kept, and a warning at the first
 * tag of that name in the note. A block left open runs to the end of the list
 * item, quote or note it opened in, with a warning.
 */
import type { CalloutTitles, CalloutType } from '../words/index.ts'
import type { BlockContent, Code, Link, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import type { Processor } from 'unified'
import type { VFile } from 'vfile'
import { gitbookTags, gitbookTagsFromMarkdown, parseGitbookTag, type GitbookTag, type GitbookTagNode } from './gitbook-tags.ts'

/** A hint's style → the theme's alert style and the title shown, GitBook's icon in words. */
const HINTS: Readonly<Record<string, { style: string; title: string; type: CalloutType }>> = {
  info: { style: 'note', title: 'Info', type: 'info' },
  success: { style: 'tip', title: 'Success', type: 'success' },
  warning: { style: 'warning', title: 'Warning', type: 'warning' },
  danger: { style: 'caution', title: 'Danger', type: 'danger' },
}

/** Tags this module renders; any other is unknown. */
const KNOWN = new Set(['hint', 'tabs', 'tab', 'code', 'embed', 'content-ref', 'file'])

/** Tags that may stand alone, without an end tag: GitBook writes `{% embed url="…" %}` and `{% file src="…" %}` so. */
const SELF_CLOSING = (name: string) => name === 'embed' || name === 'file' || !KNOWN.has(name)

/** A tag whose end tag has not been read yet, and what came after it. */
interface Open {
  tag: GitbookTag
  node: GitbookTagNode
  children: RootContent[]
}

interface Context {
  file: VFile
  /** Unknown tag names already warned about in this note. */
  warned: Set<string>
  /** Callouts' default titles in the wiki's language (default: GitBook's English ones). */
  titles?: CalloutTitles
}

/** A node the theme sees as an element: mdast-util-to-hast reads `data.hName` on a node of its own type. */
function element(tagName: string, className: string[], children: RootContent[], from: GitbookTagNode): RootContent {
  return { type: 'gitbookBlock', data: { hName: tagName, hProperties: { className } }, children, position: from.position } as unknown as RootContent
}

function paragraph(children: PhrasingContent[], className?: string[]): Paragraph {
  return { type: 'paragraph', children, ...(className ? { data: { hProperties: { className } } } : {}) }
}

/** A link the tag makes, placed at the tag: a problem with it (a missing page or file) names the tag's line. */
function link(url: string, text: string, from: GitbookTagNode): Link {
  return { type: 'link', url, children: [{ type: 'text', value: text }], position: from.position }
}

/** The last path segment of a file's URL, decoded, as GitBook names a file block. */
function fileName(src: string): string {
  const last = src.split(/[?#]/)[0]!.split('/').filter(Boolean).at(-1) ?? src
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}

/** A fence's meta with the title and line numbers a `{% code %}` tag gives it. */
function codeMeta(code: Code, attributes: Record<string, string>): void {
  const parts = code.meta ? [code.meta] : []
  const title = attributes.title
  if (title !== undefined && !/\btitle=/.test(code.meta ?? '')) parts.push(title.includes('"') ? `title='${title}'` : `title="${title}"`)
  if (attributes.lineNumbers === 'true') parts.push('showLineNumbers')
  code.meta = parts.join(' ') || null
}

/** What an open tag becomes, with the nodes up to its end tag (or the end of its parent). */
function finish(open: Open, context: Context): RootContent[] {
  const { tag, node, children } = open
  const { attributes } = tag
  switch (tag.name) {
    case 'hint': {
      const hint = HINTS[attributes.style ?? 'info'] ?? HINTS.info!
      const title = paragraph([{ type: 'text', value: context.titles?.[hint.type] ?? hint.title }], ['markdown-alert-title'])
      return [element('div', ['markdown-alert', `markdown-alert-${hint.style}`, 'gitbook-hint'], [title, ...children], node)]
    }
    case 'tabs':
      return [element('div', ['gitbook-tabs'], children, node)]
    case 'tab': {
      const title = paragraph([{ type: 'strong', children: [{ type: 'text', value: attributes.title ?? '' }] }], ['gitbook-tab-title'])
      return [element('section', ['gitbook-tab'], [title, ...children], node)]
    }
    case 'code': {
      const code = children.find((child): child is Code => child.type === 'code')
      if (code) codeMeta(code, attributes)
      return children
    }
    case 'embed': {
      const url = attributes.url
      if (!url) return children
      return [element('div', ['link-card', 'gitbook-embed'], [paragraph([link(url, url, node)]), ...children], node)]
    }
    case 'content-ref': {
      const url = attributes.url
      // GitBook writes the page's link inside the block; without one, the block links its url.
      const linked = children.length > 0 || !url ? children : [paragraph([link(url, fileName(url), node)])]
      return [element('div', ['link-card', 'gitbook-content-ref'], linked, node)]
    }
    case 'file': {
      const src = attributes.src
      if (!src) return children
      return [element('div', ['link-card', 'gitbook-file'], [paragraph([link(src, fileName(src), node)]), ...children], node)]
    }
    default:
      return children
  }
}

/** Turn the tag lines among `parent`'s children (and its descendants') into blocks. */
function transform(parent: Parent, context: Context): void {
  for (const child of parent.children) if ('children' in child) transform(child as Parent, context)
  if (!parent.children.some((child) => child.type === 'gitbookTag')) return
  const out: RootContent[] = []
  const stack: Open[] = []
  const top = () => stack.at(-1)?.children ?? out
  // Pop the tags opened after `depth`; the one at `depth` met its end tag, those after it did not.
  const close = (depth: number, ended: boolean) => {
    while (stack.length > depth) {
      const open = stack.pop()!
      const closed = ended && stack.length === depth
      // A tag never closed: a self-closing one (`{% embed %}`, `{% file %}`, an unknown one) ends where it is, with what followed after it.
      if (!closed && SELF_CLOSING(open.tag.name)) {
        top().push(...finish({ ...open, children: [] }, context), ...open.children)
        continue
      }
      if (!closed) context.file.message(`\`{% ${open.tag.name} %}\` has no \`{% end${open.tag.name} %}\`; it runs to the end of its block`, open.node.position, 'slugwiki:gitbook-unclosed')
      top().push(...finish(open, context))
    }
  }
  for (const child of parent.children as RootContent[]) {
    if (child.type !== 'gitbookTag') {
      top().push(child)
      continue
    }
    const tag = parseGitbookTag(child.value)
    if (!tag) {
      top().push(paragraph([{ type: 'text', value: child.value }]))
      continue
    }
    if (tag.name.startsWith('end')) {
      const name = tag.name.slice(3)
      const at = stack.findLastIndex((open) => open.tag.name === name)
      // An end tag with nothing open (`{% endraw %}` of an unknown pair, a stray one) is dropped.
      if (at >= 0) close(at, true)
      continue
    }
    if (!KNOWN.has(tag.name) && !context.warned.has(tag.name)) {
      context.warned.add(tag.name)
      context.file.message(`Unknown GitBook block \`{% ${tag.name} %}\`: its content is kept, the tag dropped`, child.position, 'slugwiki:gitbook-block')
    }
    stack.push({ tag, node: child, children: [] })
  }
  close(0, false)
  parent.children = out as BlockContent[]
}

interface ProcessorData {
  micromarkExtensions?: unknown[]
  fromMarkdownExtensions?: unknown[]
}

/** Render GitBook's `{% hint %}`, `{% tabs %}`, `{% code %}`, `{% embed %}`, `{% content-ref %}` and `{% file %}` blocks. */
export default function remarkGitbookBlocks(this: Processor, options: { titles?: CalloutTitles } = {}) {
  const data = this.data() as ProcessorData
  ;(data.micromarkExtensions ??= []).push(gitbookTags())
  ;(data.fromMarkdownExtensions ??= []).push(gitbookTagsFromMarkdown())
  return (tree: Root, file: VFile) => {
    if (!String(file.value).includes('{%')) return
    transform(tree, { file, warned: new Set(), titles: options.titles })
  }
}
