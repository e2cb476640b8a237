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

/** The opening of a `ref` or `relref` shortcode, anywhere. */
const SHORTCODE = /\{\{[<%]\s*(?:rel)?ref\s/

/** A code fence line (CommonMark: up to three spaces, then three or more backticks or tildes). */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/

/**
 * A ref's path as a link's: a space encoded, and a Windows separator
 * (`"reference\driver\index.md"`, as the MongoDB drivers' docs write them)
 * read as `/`, as Hugo finds the page by either.
 */
function toLinkPath(target: string): string {
  return target.replace(/\\/g, '/').replace(/ /g, '%20')
}

/**
 * `text` with each link destination written as Hugo's `ref`/`relref` replaced
 * by the path it names, outside code fences (a Hugo tutorial shows the
 * shortcode as it is written there).
 */
export function replaceHugoRefs(text: string): string {
  // Most notes hold no shortcode: one scan for its opening, then nothing more.
  if (!SHORTCODE.test(text)) return text
  let fence: string | undefined
  return text
    .split('\n')
    .map((line) => {
      const marker = FENCE.exec(line)
      if (marker && fence === undefined && !(marker[1]!.startsWith('`') && marker[2]!.includes('`'))) fence = marker[1]
      else if (marker && fence !== undefined && marker[1]![0] === fence[0] && marker[1]!.length >= fence.length && marker[2]!.trim() === '') fence = undefined
      else if (fence === undefined && SHORTCODE.test(line)) return line.replace(REF, (_, target: string) => `](${toLinkPath(target)})`)
      return line
    })
    .join('\n')
}
