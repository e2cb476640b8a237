/**
 * docsify's markdown, as its compiler renders it (`src/core/render/compiler`):
 *
 * - a paragraph opening with `?>` is a tip, one opening with `!>` important
 *   content: callouts in the theme's frames (tip and warning), the marker
 *   dropped, as docsify's `paragraphCompiler` makes them `p.warn` and `p.tip`;
 * - a link's or an image's title holds docsify's options (`':ignore'`,
 *   `':target=_blank'`, `':id=foo'`, `':disabled'`, `':size=50x100'`,
 *   `':class=x'`), read and taken out as its `getAndRemoveConfig` does: the
 *   rest is the title. A link is a route (see docsify.ts): read from the
 *   site's root (from the page's folder with docsify's `relativePath`), so
 *   `guide`, `#/guide` and `guide.md` all lead to `guide.md`'s page; with
 *   `:ignore` it is a URL docsify leaves as written, from the root page;
 *   `:disabled` makes it text. An image's `:size` is its width and height,
 *   `:class` its class; an image's path is the page's own, as docsify's
 *   image compiler reads it;
 * - a heading's `:id=name` is its id (`### Hello :id=hello`).
 *
 * `:target`, `:id` on a link and `:no-zoom` are read and dropped: a link's
 * target and id are not kept by the sanitiser. The syntax is docsify's own
 * (no remark plugin reads it), so it is read here from the parsed tree.
 */
import type { Heading, Image, Link, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import { docsifyOptions, docsifyRoute, type DocsifyOptions } from '../content/docsify.ts'
import type { CalloutTitles } from '../words/index.ts'

const SCHEME = /^[a-z][a-z0-9+.-]*:/i

/** Read docsify's helpers, link and image options and heading ids. */
export default function remarkDocsify(options: { docsify?: DocsifyOptions; titles?: CalloutTitles } = {}) {
  const relative = options.docsify?.relativePath ?? false
  return (tree: Root) => {
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (node.type === 'paragraph' && parent && index !== undefined) {
        const helper = helperOf(node as Paragraph, options.titles)
        if (helper) parent.children[index] = helper as RootContent
        return
      }
      if (node.type === 'heading') return void headingId(node as Heading)
      if (node.type === 'image') return void image(node as Image)
      if (node.type === 'link' && parent && index !== undefined) {
        const link = node as Link
        const { title, options: found } = docsifyOptions(link.title)
        if (Object.keys(found).length) link.title = title || null
        if (found.disabled) {
          // docsify writes `href="javascript:void(0)"`: a link that leads nowhere is its text.
          parent.children.splice(index, 1, ...link.children)
          return index
        }
        // An embed left a link (a URL, a frame) names its file from the page's folder, as docsify reads an embed's path.
        if (found.include === undefined) link.url = routeUrl(link.url, found.ignore === true, relative)
      }
      return undefined
    })
  }
}

/** A `?>` or `!>` paragraph as a callout, its marker dropped; undefined for any other paragraph. */
function helperOf(node: Paragraph, titles: CalloutTitles | undefined): RootContent | undefined {
  const first = node.children[0]
  if (first?.type !== 'text' || !/^[?!]>/.test(first.value)) return undefined
  const important = first.value[0] === '!'
  first.value = first.value.slice(2).replace(/^[ \t]+/, '')
  if (first.value === '') node.children.shift()
  const style = important ? 'warning' : 'tip'
  const title: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: (important ? titles?.warning : titles?.tip) ?? (important ? 'Warning' : 'Tip') }], data: { hProperties: { className: ['markdown-alert-title'] } } }
  // `?>` alone is a callout without a body, as docsify shows it.
  const body = node.children.length ? [node] : []
  return { type: 'docsifyHelper', data: { hName: 'div', hProperties: { className: ['markdown-alert', `markdown-alert-${style}`, important ? 'docsify-important' : 'docsify-tip'] } }, children: [title, ...body], position: node.position } as unknown as RootContent
}

/** A link's URL as the site reads it: a docsify route as the path of its file, from the root (`/guide.md#setup`). */
function routeUrl(url: string, ignore: boolean, relative: boolean): string {
  if (url === '' || SCHEME.test(url) || url.startsWith('//')) return url
  // `#setup` is a heading of this page; `#/guide` a route.
  if (url.startsWith('#') && !url.startsWith('#/')) return url
  // Written from the page's folder (`relativePath`): the path as written, as the note's own link.
  if (relative && !url.startsWith('/') && !url.startsWith('#/')) return ignore ? url : fromPage(url)
  // docsify leaves an ignored link as written, and the browser reads it from the site's root page.
  if (ignore) return url.startsWith('/') ? url : `/${url}`
  const route = docsifyRoute(url)
  if (!route) return url
  return `/${route.path}${route.fragment !== undefined ? `#${route.fragment}` : ''}`
}

/** A route from the page's folder: its file with docsify's `.md` and `README.md` added. */
function fromPage(url: string): string {
  const route = docsifyRoute(url)
  if (!route) return url
  // docsifyRoute reads from the root; the relative path is kept, only the file's name completed.
  const dir = url.replace(/[?#].*$/, '')
  const file = dir === '' || dir.endsWith('/') ? `${dir}README.md` : /\.[a-z0-9]+$/i.test(dir.split('/').pop()!) ? dir : `${dir}.md`
  return `${file}${route.fragment !== undefined ? `#${route.fragment}` : ''}`
}

/** An image's `:size`, `:class` and `:id` options; the rest of the title stays its title. */
function image(node: Image): void {
  const { title, options } = docsifyOptions(node.title)
  if (Object.keys(options).length === 0) return
  node.title = title || null
  const properties: Record<string, string | string[]> = {}
  const size = typeof options.size === 'string' ? /^(\d+%?)(?:x(\d+%?))?$/.exec(options.size) : null
  if (size) {
    properties.width = size[1]!
    if (size[2]) properties.height = size[2]
  }
  if (typeof options.class === 'string') properties.className = [options.class]
  if (Object.keys(properties).length) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, ...properties } }
}

/** A heading's `:id=name`, taken out of its text and made its id. */
function headingId(node: Heading): void {
  const last = node.children.at(-1) as PhrasingContent | undefined
  if (last?.type !== 'text' || !/:id=/.test(last.value)) return
  let id: string | undefined
  last.value = last.value.replace(/(?:^|\s):id=([\w%-]+)/, (_, value: string) => {
    id = value
    return ''
  }).trimEnd()
  if (id) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } }
}
