/**
 * Material for MkDocs's icon shortcodes (`pymdownx.emoji` with Material's
 * index): `:octicons-tag-24:`, `:simple-github:`, `:fontawesome-brands-github:`,
 * `:material-pencil:`. Material inlines each icon's SVG; here an icon of a
 * set the site has (@primer/octicons, simple-icons, already the theme's) is
 * that inline SVG, and any other is dropped with a warning at its place, so
 * no page shows `:material-…:` as text (isovalent/ebpf-docs tags every
 * helper with `[:octicons-tag-24: v3.18](…)`). A link the drop leaves empty
 * shows the icon's name. Code keeps its text. A site's own icons
 * (`custom_icons` folders: cilium/ebpf's `:ebee-color:`) are their SVG files
 * as images: an image keeps the file's own `<style>` and colours to itself,
 * where Material's inline copy lets them reach the page, and runs no script.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import octicons, { type OcticonNode } from '@primer/octicons'
import type { Element, ElementContent, Root, Text } from 'hast'
import { toString } from 'hast-util-to-string'
import { s } from 'hastscript'
import { SKIP, visitParents } from 'unist-util-visit-parents'
import type { VFile } from 'vfile'
import { matchPlace } from './text-match.ts'
import { OCTICON_OF } from './rehype-font-awesome.ts'

/** The name of one of Material's icon sets' icons, as its emoji index names them: the set, then the icon. */
const SET_NAME = /^(octicons|material|fontawesome|simple)-([a-z0-9]+(?:-[a-z0-9]+)*)$/

/** A shortcode of one of Material's icon sets, or of one of `names` (a site's own icons). */
const shortcodeOf = (names: Iterable<string>) =>
  new RegExp(`:(${[...names].map((n) => `${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|`).join('')}(?:octicons|material|fontawesome|simple)-[a-z0-9]+(?:-[a-z0-9]+)*):`, 'g')

/**
 * The icons of `custom_icons` folders by name, as Material's index names them:
 * each SVG file under a folder, its path from there with `/` as `-`
 * (`brands/ebee.svg` is `brands-ebee`); an earlier folder's name wins.
 */
function customIconFiles(folders: string[]): Map<string, string> {
  const files = new Map<string, string>()
  for (const folder of folders) {
    let names: string[] = []
    try {
      names = fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })
    } catch {
      // A folder that is not there holds no icons, as Material's glob finds none.
    }
    for (const name of names) {
      if (!name.endsWith('.svg')) continue
      const icon = name.slice(0, -'.svg'.length).split(path.sep).join('-')
      if (!files.has(icon)) files.set(icon, path.join(folder, name))
    }
  }
  return files
}

/** A site's own icon as an image of its SVG file's text, or undefined when the file cannot be read. */
function customIcon(file: string): Element | undefined {
  let svg: Buffer
  try {
    svg = fs.readFileSync(file)
  } catch {
    return undefined
  }
  return { type: 'element', tagName: 'img', properties: { className: ['mkdocs-icon'], src: `data:image/svg+xml;base64,${svg.toString('base64')}`, alt: '' }, children: [] }
}

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

export interface Options {
  /** `custom_icons` folders, absolute (default none). */
  customIcons?: string[]
}

/** Replace icon shortcodes in prose with their SVG, or drop them with a warning. */
export default function rehypeMkdocsIcons(options: Options = {}) {
  const custom = customIconFiles(options.customIcons ?? [])
  // Only names of a set or of the site's own icons: any other `:name:` (`sched:sched_switch:`) is text.
  const shortcode = shortcodeOf(custom.keys())
  const images = new Map<string, Element | undefined>()
  return (tree: Root, file: VFile) => {
    visitParents(tree, 'text', (node: Text, ancestors) => {
      if (!node.value.includes(':')) return
      if (ancestors.some((a) => a.type === 'element' && VERBATIM.has(a.tagName))) return
      // `matchAll` copies the expression (and its `lastIndex`), so the shared one is never advanced.
      const matches = [...node.value.matchAll(shortcode)]
      if (matches.length === 0) return
      const parent = ancestors.at(-1) as Root | Element
      const parts: ElementContent[] = []
      let last = 0
      for (const match of matches) {
        const code = match[0]
        if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) })
        last = match.index + code.length
        const own = custom.get(match[1]!)
        if (own !== undefined && !images.has(own)) images.set(own, customIcon(own))
        const [, set, name] = SET_NAME.exec(match[1]!) ?? []
        const svg = own !== undefined ? images.get(own) : iconSvg(set!, name!)
        if (svg) {
          // One image element a file, shared by the note's uses: each place gets its own copy.
          parts.push(own !== undefined ? structuredClone(svg) : svg)
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
        const names = matches.map((m) => (SET_NAME.exec(m[1]!)?.[2] ?? m[1]!).replaceAll('-', ' '))
        parent.children.splice(index, parts.length, { type: 'text', value: names.join(' ') })
        return [SKIP, index + 1]
      }
      return [SKIP, index + parts.length]
    })
  }
}
