/**
 * Hugo's `ref` and `relref` shortcodes as a link's destination,
 * `[the example]({{< ref "docs/example" >}})` or `{{% relref "hints.md#usage" %}}`
 * (also with `path="…"`), read before markdown is: the destination holds spaces
 * and quotes, so markdown would not see a link at all. Each becomes the path it
 * names, which the link stage resolves as any link's (relative to the note, a
 * leading `/` from the site's root, a folder to its section page, and, where
 * `shortest-links` is on, a name found anywhere, as Hugo falls back to the rest
 * of the site). The syntax is Hugo's own template language, which no markdown
 * library reads; only this one use of it is.
 */

/** `](` + a ref shortcode + `)`, the path in its quotes. */
const REF = /\]\(\s*\{\{(?:<|%)\s*(?:rel)?ref\s+(?:path\s*=\s*)?"([^"]*)"(?:\s+[\w-]+\s*=\s*"[^"]*")*\s*(?:>|%)\}\}\s*\)/g

/** `text` with each link destination written as Hugo's `ref`/`relref` replaced by the path it names. */
export function replaceHugoRefs(text: string): string {
  if (!text.includes('ref')) return text
  return text.replace(REF, (_, target: string) => `](${target.replace(/ /g, '%20')})`)
}
