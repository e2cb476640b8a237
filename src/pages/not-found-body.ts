/**
 * The 404 note's body made to work at any URL. A host serves the 404 page
 * for every missing path (`/book/a/b/nowhere`), so a link written relative
 * to the note would lead somewhere else from each; every relative `href`,
 * `src`, `poster` and `srcset` URL is made absolute under the site's base, as the page's
 * own links are (`absoluteHref`). mdBook gets there with a `<base>` element
 * and `site-url`, which would also send the page's `#fragment` links (the
 * heading anchors, the skip link) to the start page: those stay as written.
 *
 * The body comes from its worker as HTML; this is the one body the main
 * thread parses (hast-util-raw, the parser every page goes through), and it
 * is sanitised again with the notes' final schema before it is serialised,
 * so it is published as safely as any note.
 */
import type { Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { raw } from 'hast-util-raw'
import rehypeSanitize from 'rehype-sanitize'
import { finalSchema } from '../markdown/sanitize-schema.ts'
import { mapSourceSet } from '../markdown/source-set.ts'
import { walk } from '../markdown/walk.ts'
import { pageUrl, type Slug } from '../paths.ts'

const URL_ATTRIBUTES = ['href', 'src', 'poster'] as const

/** `value`, written on the page at `from`, as an absolute path under `base`; as written when it is not relative. */
export function absoluteUrl(value: string, from: Slug, base: string): string {
  if (value === '' || /^[a-z][a-z0-9+.-]*:|^\/|^#|^\?/i.test(value)) return value
  const url = new URL(value, pageUrl(from, base))
  return `${url.pathname}${url.search}${url.hash}`
}

/** The HTML of a body written for the page at `from`, its relative URLs made absolute under `base`. */
export function absoluteBodyHtml(html: string, from: Slug, options: { base: string; trusted: boolean }): string {
  let tree = raw({ type: 'root', children: [{ type: 'raw', value: html }] }) as Root
  walk(tree, (node) => {
    if (node.type !== 'element') return
    for (const attribute of URL_ATTRIBUTES) {
      const value = node.properties[attribute]
      if (typeof value === 'string') node.properties[attribute] = absoluteUrl(value, from, options.base)
    }
    const set = node.properties.srcSet
    if (typeof set === 'string') node.properties.srcSet = mapSourceSet(set, (url) => absoluteUrl(url, from, options.base)) ?? set
  })
  if (!options.trusted) tree = rehypeSanitize(finalSchema)(tree) as Root
  return toHtml(tree)
}
