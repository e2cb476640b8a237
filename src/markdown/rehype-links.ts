/**
 * Rewrite relative links to notes (`../mm/rcu.md#grace-period`) to the
 * output page's href, and record every internal link, fragment and asset on
 * `file.data.links` so the site stage can check them all at once.
 */
import { posix } from 'node:path'
import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import { visitParents } from 'unist-util-visit-parents'
import type { VFile } from 'vfile'
import { climbsAboveRoot, fragmentHref, hrefTo, resolveSource, slugOf, type SourcePath } from '../paths.ts'
import type { LinkInfo } from './data.ts'
import { safeId } from './rehype-headings.ts'
import { headingId } from './remark-wikilinks.ts'
import { sectionAt } from './sections.ts'
import { SNIPPET_BLOCKS, sentenceAround } from './snippet.ts'
import { mapSourceSet } from './source-set.ts'
import type { OutsideLinks } from '../repository-links.ts'

const SCHEME = /^[a-z][a-z0-9+.-]*:/i

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * The attributes of each element that name a page or file of the site: a
 * link, an image, a player, its poster, and the `<source>` and `<track>`
 * files inside a player (the files of a `srcset` are read by `linkSourceSet`).
 */
const URL_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map([
  ['a', ['href']],
  ['img', ['src']],
  ['audio', ['src']],
  ['video', ['src', 'poster']],
  ['source', ['src']],
  ['track', ['src']],
])

export interface Options {
  /**
   * A link to a `.md` note not at its relative path finds the note by name,
   * as Obsidian's and Quartz's links do (default false: mdBook's links are
   * relative paths).
   */
  shortestLinks?: boolean
  /** A link to a `.mdx` doc is a link to its page, as one to a `.md` note is (a Docusaurus site; default false). */
  mdx?: boolean
  /** Links leaving the source folder (default: each a `link-outside` warning, see `OutsideLinks`). */
  outside?: OutsideLinks
  /** A Jekyll site: a URL holding Liquid left as written (`{{ post.url }}`) is Liquid's, not a path to check (default false). */
  liquid?: boolean
}

/** How many folders a normalised relative path climbs (`../../x` two, `..` one). */
function climbs(relative: string): number {
  return relative.split('/').filter((segment) => segment === '..').length
}

export default function rehypeLinks(options: Options = {}) {
  // Obsidian writes a markdown link's heading as its text (`note.md#My%20Heading`): in a vault it
  // names the heading as a wikilink's `#My Heading` does. A fragment that is an id already stays.
  const isNote = options.mdx ? /\.mdx?$/i : /\.md$/i
  const headingOf = (fragment: string) => (options.shortestLinks && !/^[a-z0-9_-]+$/.test(fragment) ? headingId(fragment) || fragment : fragment)
  return (tree: Root, file: VFile) => {
    const self = file.data.source!
    const headings = file.data.headings ?? []
    const links: LinkInfo[] = []
    // An id of this note written exactly as the fragment (`## Head {#MyId}`, `<a id="MyId">`) is what it names, before any heading's text.
    let ownIds: Set<string> | undefined
    const hasOwnId = (id: string) => {
      if (!ownIds) {
        ownIds = new Set()
        visit(tree, 'element', (node) => void (typeof node.properties.id === 'string' && ownIds!.add(node.properties.id)))
      }
      return ownIds.has(id)
    }
    const ownFragment = (fragment: string) => {
      if (!options.shortestLinks) return fragment
      return hasOwnId(fragment) ? fragment : headingOf(fragment)
    }
    visitParents(tree, 'element', (node, ancestors) => {
      if (node.tagName === 'blockquote' && typeof node.properties.dataWikilink === 'string' && node.properties.dataWikiEmbed !== undefined) {
        // A note embed (remark-wikilinks): a link to the note, resolved as a wikilink is; the embed shows no sentence of this note.
        const wiki = node.properties.dataWikilink
        const fragment = typeof node.properties.dataWikiFragment === 'string' ? safeId(node.properties.dataWikiFragment) : undefined
        if (fragment !== undefined) node.properties.dataWikiFragment = fragment
        const line = node.position?.start.line
        links.push({ kind: 'page', url: `![[${wiki}]]`, target: wiki as SourcePath, wiki, fragment, line, column: node.position?.start.column, section: sectionAt(headings, line), embed: true })
        return
      }
      const attributes = URL_ATTRIBUTES.get(node.tagName)
      if (!attributes) return
      const wiki = node.properties.dataWikilink
      if (typeof wiki === 'string') {
        // remark-wikilinks: the graph stage resolves the name; the pages stage writes the href.
        const fragment = typeof node.properties.dataWikiFragment === 'string' ? safeId(node.properties.dataWikiFragment) : undefined
        if (fragment !== undefined) node.properties.dataWikiFragment = fragment
        const fragmentAs = typeof node.properties.dataWikiId === 'string' ? safeId(node.properties.dataWikiId) : undefined
        if (fragmentAs !== undefined) node.properties.dataWikiId = fragmentAs
        const block = [...ancestors].reverse().find((a): a is Element => a.type === 'element' && SNIPPET_BLOCKS.has(a.tagName))
        const context = node.tagName === 'a' && block ? sentenceAround(block, toString(node)) : undefined
        // A linked name may turn out to be a file (`[[spec.pdf]]`): the graph stage tries notes first.
        const kind = node.tagName === 'a' ? 'page' : 'asset'
        const line = node.position?.start.line
        // A rule of the Rust Reference named as a link's destination (remark-spec-rules): the graph stage finds its note.
        const rule = /^r(\??)\[(.+)\]$/.exec(wiki)
        if (rule && node.tagName === 'a' && typeof node.properties.href === 'string') {
          const guess = rule[1] === '?' ? { ruleGuess: true as const } : {}
          links.push({ kind, url: node.properties.href, target: wiki as SourcePath, wiki, rule: rule[2], ...guess, fragment, line, column: node.position?.start.column, section: sectionAt(headings, line), context })
          return
        }
        links.push({ kind, url: `[[${wiki}]]`, target: wiki as SourcePath, wiki, fragment, ...(fragmentAs !== undefined && { fragmentAs }), line, column: node.position?.start.column, section: sectionAt(headings, line), context })
        return
      }
      for (const attribute of attributes) linkAttribute(node, ancestors, attribute)
      if (node.tagName === 'img' || node.tagName === 'source') linkSourceSet(node)
    })
    /** Record each file of an image's (or a picture source's) `srcset` as its `src` is, made relative when written from the root. */
    function linkSourceSet(node: Element): void {
      const value = node.properties.srcSet
      if (typeof value !== 'string') return
      const line = node.position?.start.line
      const column = node.position?.start.column
      const section = sectionAt(headings, line)
      let changed = false
      const mapped = mapSourceSet(value, (url) => {
        if (url.startsWith('#') || SCHEME.test(url) || url.startsWith('//')) return url
        const hashAt = url.indexOf('#')
        const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt)
        const fragment = hashAt === -1 ? undefined : decode(url.slice(hashAt + 1)) || undefined
        const written = decode(beforeHash.replace(/\?.*$/, ''))
        if (written === '') return url
        const target = resolveSource(self, written)
        if (!target) {
          file.message(`Link \`${url}\` leaves the source folder`, node.position, 'slugwiki:link-outside')
          changed = true
          return undefined
        }
        links.push({ url, line, column, section, kind: 'asset', target: target as SourcePath, fragment })
        if (!written.startsWith('/') || beforeHash.includes('?')) return url
        changed = true
        return hrefTo(slugOf(self), slugOf(target), fragment)
      })
      if (mapped === undefined || !changed) return
      if (mapped === '') delete node.properties.srcSet
      else node.properties.srcSet = mapped
    }
    /** Record (and, from the source root, rewrite) the URL in one attribute of `node`. */
    function linkAttribute(node: Element, ancestors: Array<Element | Root>, attribute: string): void {
      const value = node.properties[attribute]
      if (typeof value !== 'string' || value === '') return
      // content/jekyll-liquid.ts warned of it already: it leads nowhere slugwiki can tell.
      if (options.liquid && /\{\{|\{%/.test(decode(value))) return
      // Generated footnote references point at ids remark-rehype made itself.
      if (node.properties.dataFootnoteRef !== undefined || node.properties.dataFootnoteBackref !== undefined) return
      const line = node.position?.start.line
      const column = node.position?.start.column
      const section = sectionAt(headings, line)
      const block = [...ancestors].reverse().find((a): a is Element => a.type === 'element' && SNIPPET_BLOCKS.has(a.tagName))
      const context = node.tagName === 'a' && block ? sentenceAround(block, toString(node)) : undefined
      const base = { url: value, line, column, section, context }

      if (value.startsWith('#')) {
        // `[[#MyId]]` (remark-wikilinks): this note's id written so (`{#MyId}`), else the heading its text names.
        const exact = node.properties.dataWikiId
        delete node.properties.dataWikiId
        const named = typeof exact === 'string' && hasOwnId(safeId(exact)) ? safeId(exact) : decode(value.slice(1))
        // `#constructor` must follow its heading, which rehype-headings renamed `h-constructor`.
        const fragment = safeId(ownFragment(named))
        if (fragment !== decode(value.slice(1))) node.properties.href = fragmentHref(fragment)
        links.push({ ...base, kind: 'fragment', target: self, fragment })
        return
      }
      if (SCHEME.test(value) || value.startsWith('//')) return

      const hashAt = value.indexOf('#')
      const beforeHash = hashAt === -1 ? value : value.slice(0, hashAt)
      const fragment = hashAt === -1 ? undefined : decode(value.slice(hashAt + 1)) || undefined
      const pathPart = beforeHash.replace(/\?.*$/, '')
      if (pathPart === '') return
      // Zola's internal link, `@/blog/post.md#anchor`, names a file from the content folder: the source root's `/`.
      const written = decode(pathPart.startsWith('@/') ? pathPart.slice(1) : pathPart)
      // No extension (`other`, a folder `sub/`, VitePress's `/guide/intro`), or the source folder itself
      // (`..` from a folder's note): a note, a folder's index or a file, which only the graph stage
      // knows. Resolved there as a wikilink of exactly this path (`/` from the source root); the href
      // stays as written when it names nothing.
      const byPath = (name: string, byName?: string) => {
        const id = fragment === undefined ? undefined : safeId(headingOf(fragment))
        node.properties.dataWikilink = name
        if (id !== undefined) node.properties.dataWikiFragment = id
        // `Other.md#MyId` in a vault: the id `{#MyId}` of that note when it has one, else its heading (see LinkInfo).
        const as = fragment !== undefined && !/\s/.test(fragment) ? safeId(fragment) : undefined
        const fragmentAs = as !== undefined && as !== id ? as : undefined
        if (fragmentAs !== undefined) node.properties.dataWikiId = fragmentAs
        links.push({ ...base, kind: 'page', target: name as SourcePath, wiki: name, fragment: id, ...(fragmentAs !== undefined && { fragmentAs }), ...(byName && { byName }) })
      }
      // Obsidian's and Quartz's name of the note: the path as written, without its climb and extension.
      const nameOf = () => written.replace(/^(?:\.\.?\/)+/, '').replace(/^\/+/, '').replace(isNote, '')
      const root = written.startsWith('/') ? posix.normalize(written) === '/' : posix.join(posix.dirname(self), written) === '.'
      if (root && node.tagName === 'a') return byPath('/')
      const target = resolveSource(self, written)
      // A page of another site beside this one on its host (`../../std/cell/struct.UnsafeCell.html` in the
      // Cargo Book, `../std/…` in the Reference, all served from doc.rust-lang.org): a URL, as mdBook leaves it,
      // not a file of the project to find. Only an `.html` page: a `.md` or source file above is the repository's.
      if (!target && node.tagName === 'a' && /\.html?$/i.test(written) && climbsAboveRoot(value, slugOf(self))) return
      const fromSource = target ? undefined : posix.normalize(written.startsWith('/') ? written.slice(1) : posix.join(posix.dirname(self), written))
      if (options.outside?.repository && fromSource !== undefined && climbs(fromSource) > 0 && (node.tagName === 'a' || node.tagName === 'img')) {
        // Another file of the repository (`../core/x.c` from `doc/`), as GitHub links it: where it leads depends
        // on the checkout, not on this note, so the graph stage decides (graph/wikilinks.ts) and fills it in as a wikilink.
        node.properties.dataWikilink = value
        links.push({ ...base, kind: 'asset', target: fromSource as SourcePath, wiki: value, outside: node.tagName === 'a' ? 'link' : 'image' })
        return
      }
      // In an MDX site (Docusaurus, Starlight) a link is a URL, read against the page's own URL: `../../guides/menu` from
      // `/concept/architecture/` climbs out of the folder as a file path, not as a URL. The graph stage reads it so.
      if (!target && options.mdx && node.tagName === 'a' && !isNote.test(written) && !written.startsWith('/')) return byPath(written)
      if (!target) {
        // How to make it lead to the repository's file, for a link that stays in the checkout.
        const { hint, depth } = options.outside ?? {}
        const fixable = hint !== undefined && depth !== undefined && fromSource !== undefined && climbs(fromSource) <= depth
        file.message(`Link \`${value}\` leaves the source folder${fixable ? hint : ''}`, node.position, 'slugwiki:link-outside')
        if (node.tagName !== 'a') delete node.properties[attribute]
        return
      }
      // Resolved with the other notes known (graph stage): at its path, else by its name.
      if (node.tagName === 'a' && isNote.test(target) && options.shortestLinks) return byPath(`/${target}`, nameOf())
      if (node.tagName === 'a' && isNote.test(target)) {
        const id = fragment === undefined ? undefined : safeId(headingOf(fragment))
        node.properties.href = hrefTo(slugOf(self), slugOf(target), id)
        links.push({ ...base, kind: 'page', target, fragment: id })
        return
      }
      if (node.tagName === 'a' && !/\.[a-z0-9]+$/i.test(target)) return byPath(`/${target}`, options.shortestLinks ? nameOf() : undefined)
      // `.html` links written for mdBook and other files: the site stage decides. One from the source
      // root (`/format/config.html`, `/img/logo.svg`) is made relative, as `/x.md` is, so it works under
      // any base path (mdBook writes it as it is, and it misses under a `site-url`).
      if (written.startsWith('/') && !beforeHash.includes('?')) node.properties[attribute] = hrefTo(slugOf(self), slugOf(target), fragment)
      links.push({ ...base, kind: 'asset', target: target as SourcePath, fragment })
    }
    file.data.links = links
  }
}
