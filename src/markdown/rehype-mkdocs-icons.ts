/**
 * Material for MkDocs's icon shortcodes (`pymdownx.emoji` with Material's
 * index): `:octicons-tag-24:`, `:simple-github:`, `:fontawesome-brands-github:`,
 * `:material-pencil:`. Material inlines each icon's SVG; here an icon of a
 * set the site has (@primer/octicons, simple-icons, already the theme's) is
 * that inline SVG, and any other is dropped with a warning at its place, so
 * no page shows `:material-…:` as text (isovalent/ebpf-docs tags every
 * helper with `[:octicons-tag-24: v3.18](…)`). A link the drop leaves empty
 * shows the icon's name. Code keeps its text.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import octicons, { type OcticonNode } from '@primer/octicons'
import type { Element, ElementContent, Root, Text } from 'hast'
import { toString } from 'hast-util-to-string'
import { s } from 'hastscript'
import { SKIP, visitParents } from 'unist-util-visit-parents'
import type { VFile } from 'vfile'
import { matchPlace } from './text-match.ts'
import { OCTICON_OF } from './rehype-font-awesome.ts'

/** A shortcode of one of Material's icon sets, as its emoji index names them. */
const SHORTCODE = /:(octicons|material|fontawesome|simple)-([a-z0-9]+(?:-[a-z0-9]+)*):/g

/** Elements whose text is no prose. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math', 'textarea'])

/**
 * A simple-icons brand's path by its slug (`github`), read from the package's
 * own SVG file: importing the set would bundle all 3,000 icons (5 MB) into
 * every worker, as themes/default/templates/icons.ts notes.
 */
function simpleIconPath(slug: string): string | undefined {
  const name = slug.replaceAll('-', '')
  if (!/^[a-z0-9]+$/.test(name)) return undefined
  // A site repeats its few brands on every page: each file is read once per thread.
  if (!simplePaths.has(name)) {
    let d: string | undefined
    try {
      const svg = fs.readFileSync(createRequire(import.meta.url).resolve(`simple-icons/icons/${name}.svg`), 'utf8')
      d = /<path d="([^"]+)"/.exec(svg)?.[1]
    } catch {
      // No such brand: the icon is dropped with a warning.
    }
    simplePaths.set(name, d)
  }
  return simplePaths.get(name)
}

const simplePaths = new Map<string, string | undefined>()

/** An octicon at one of its heights (the 16 one when `size` is not drawn), as inline SVG. */
function octicon(name: string, size = '16'): Element | undefined {
  const icon = octicons[name]
  const ast = (icon?.heights[size] ?? icon?.heights['16'] ?? Object.values(icon?.heights ?? {})[0])?.ast
  if (!ast) return undefined
  const toHast = (node: OcticonNode): Element => s(node.name, node.name === 'path' ? { d: node.attributes.d } : {}, node.children.map(toHast))
  return s('svg.fa-icon.mkdocs-icon', { viewBox: ast.attributes.viewBox, width: 16, height: 16, fill: 'currentColor', ariaHidden: 'true' }, ast.children.map(toHast))
}

/** The SVG of a shortcode's icon, or undefined when no set here draws it. */
export function iconSvg(set: string, name: string): Element | undefined {
  if (set === 'octicons') {
    const sized = /^(.+)-(12|16|24|48|96)$/.exec(name)
    return sized ? octicon(sized[1]!, sized[2]) : octicon(name)
  }
  const brand = set === 'simple' ? name : /^brands-(.+)$/.exec(name)?.[1]
  if (brand !== undefined) {
    const d = simpleIconPath(brand)
    return d === undefined ? undefined : s('svg.fa-icon.mkdocs-icon', { viewBox: '0 0 24 24', width: 16, height: 16, fill: 'currentColor', ariaHidden: 'true' }, [s('path', { d })])
  }
  // Font Awesome's and Material Design's glyphs octicons draws alike (`pencil`, `check`, `alert`).
  const plain = set === 'fontawesome' ? name.replace(/^(?:solid|regular)-/, '') : name
  return octicon(OCTICON_OF[plain] ?? plain)
}

/** Replace icon shortcodes in prose with their SVG, or drop them with a warning. */
export default function rehypeMkdocsIcons() {
  return (tree: Root, file: VFile) => {
    visitParents(tree, 'text', (node: Text, ancestors) => {
      if (!node.value.includes(':')) return
      if (ancestors.some((a) => a.type === 'element' && VERBATIM.has(a.tagName))) return
      // `matchAll` copies the expression (and its `lastIndex`), so the shared one is never advanced.
      const matches = [...node.value.matchAll(SHORTCODE)]
      if (matches.length === 0) return
      const parent = ancestors.at(-1) as Root | Element
      const parts: ElementContent[] = []
      let last = 0
      for (const match of matches) {
        const [code, set, name] = match as unknown as [string, string, string]
        if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) })
        last = match.index + code.length
        const svg = iconSvg(set, name)
        if (svg) {
          parts.push(svg)
          continue
        }
        file.message(`Icon \`${code}\` is not one slugwiki draws (it draws octicons, simple-icons's brands and the Material and Font Awesome icons octicons has alike); dropped`, matchPlace({ node, index: match.index }), 'slugwiki:mkdocs-icon')
      }
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) })
      const index = parent.children.indexOf(node)
      parent.children.splice(index, 1, ...(parts as Root['children']))
      // A link that said nothing but a dropped icon keeps a name to be read by.
      const link = ancestors.findLast((a): a is Element => a.type === 'element' && a.tagName === 'a')
      if (link && toString(link).trim() === '' && !link.children.some((c) => c.type === 'element' && (c.tagName === 'img' || c.tagName === 'svg'))) {
        const names = matches.map((m) => m[2]!.replaceAll('-', ' '))
        parent.children.splice(index, parts.length, { type: 'text', value: names.join(' ') })
        return [SKIP, index + 1]
      }
      return [SKIP, index + parts.length]
    })
  }
}
