/**
 * The print page: every note in reading order on one page. Ids are prefixed
 * per chapter so they stay unique, and links between notes become links
 * within the page.
 */
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { hrefTo, slug as toSlug, type Slug } from '../paths.ts'
import type { PrintPage } from './model.ts'

const PRINT = toSlug('print.html')

export interface PrintChapterInput {
  title: string
  slug: Slug
  body: Root
  hasH1: boolean
}

/** The anchor of a chapter on the print page (`kernel-mm/rcu.html` → `kernel-mm-rcu`). */
export function printAnchor(s: Slug): string {
  return s.replace(/\.html$/, '').replace(/[^A-Za-z0-9_-]+/g, '-')
}

/** Resolve a relative href written on page `from` to an output path and fragment. */
function resolveHref(from: Slug, href: string): { path: string; fragment?: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('/')) return undefined
  const url = new URL(href, `http://site/${from}`)
  let path = decodeURIComponent(url.pathname.slice(1))
  if (path === '' || path.endsWith('/')) path += 'index.html'
  const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : undefined
  return { path, fragment }
}

/** Build the print page model from chapters in reading order. */
export function buildPrintPage(title: string, chapters: PrintChapterInput[]): PrintPage {
  const anchors = new Map(chapters.map((c) => [c.slug as string, printAnchor(c.slug)]))
  return {
    kind: 'print',
    slug: PRINT,
    title,
    chapters: chapters.map((chapter) => {
      const anchor = anchors.get(chapter.slug)!
      // Copied and rewritten when first read: the model of a big wiki stays cheap to build, which the
      // dev server does on every rebuild, while the page itself is rendered only when asked for.
      let body: Root | undefined
      return {
        title: chapter.title,
        slug: chapter.slug,
        anchor,
        hasH1: chapter.hasH1,
        get body() {
          return (body ??= chapterBody(chapter, anchor, anchors))
        },
      }
    }),
  }
}

/** A chapter's body with ids prefixed by its anchor and links to other chapters turned into in-page links. */
function chapterBody(chapter: PrintChapterInput, anchor: string, anchors: ReadonlyMap<string, string>): Root {
  const body = structuredClone(chapter.body)
  visit(body, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') node.properties.id = `${anchor}--${node.properties.id}`
    for (const attribute of ['href', 'src'] as const) {
      const value = node.properties[attribute]
      if (typeof value !== 'string') continue
      if (value.startsWith('#')) {
        node.properties[attribute] = `#${anchor}--${value.slice(1)}`
        continue
      }
      const resolved = resolveHref(chapter.slug, value)
      if (!resolved) continue
      const target = anchors.get(resolved.path)
      if (attribute === 'href' && target) {
        node.properties.href = resolved.fragment ? `#${target}--${encodeURIComponent(resolved.fragment)}` : `#${target}`
      } else {
        node.properties[attribute] = hrefTo(PRINT, toSlug(resolved.path), resolved.fragment)
      }
    }
  })
  return body
}
