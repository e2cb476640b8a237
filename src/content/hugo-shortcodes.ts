/**
 * Hugo's shortcodes other than `ref`/`relref` (hugo-refs.ts), read before
 * markdown is as Hugo reads them: they call the site's own templates, which
 * slugwiki does not have. A paired one (`{{% note %}}…{{% /note %}}`) keeps
 * its body and loses its tags; Hugo's built-in `highlight` pair becomes a
 * code fence; one as a link's destination (`[x]({{< apiref "T_Foo" >}})`,
 * whose URL only the site's template knows) leaves the link's text unlinked;
 * the built-in `figure` is its image;
 * any other is shown as written. Each call is returned, for one warning per
 * name and note. An escaped call (`/*` and `*` + `/` just inside the
 * delimiters, as Hugo's documentation shows one) is written as Hugo renders it.
 *
 * Every line keeps its number. The syntax is Hugo's own template language,
 * which no markdown library reads; these patterns follow its shortcode
 * delimiters (`{{< … >}}`, `{{% … %}}`), a name, then arguments.
 */

/** A shortcode found in a note: its name, where it starts (1-based), and what became of it. */
export interface HugoCall {
  name: string
  line: number
  column: number
  kind: 'link' | 'paired' | 'single' | 'figure'
}

/** Arguments: quoted strings (which may hold `>` or `}`) or other characters up to the closing delimiter. */
const ARGS = String.raw`(?:"[^"]*"|\x60[^\x60]*\x60|[^"\x60{}])*?`
const CALL = new RegExp(String.raw`\{\{([<%])\s*(/?)([\w-]+)(${ARGS})\s*[>%]\}\}`, 'g')
const LINK = new RegExp(String.raw`\[((?:[^\[\]\\]|\\.|\[[^\]]*\])*)\]\(\s*\{\{[<%]\s*([\w-]+)${ARGS}\s*[>%]\}\}\s*\)`, 'g')
const ESCAPED = /\{\{([<%])\/\*\s*([\s\S]*?)\s*\*\/([>%])\}\}/g
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/
/** Names hugo-refs.ts reads. */
const REFS = new Set(['ref', 'relref'])

/** A `figure` shortcode's arguments as a markdown image, `![alt](src "title")`; undefined without a usable `src`. */
function figureImage(args: string): string | undefined {
  const named = new Map([...args.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as const))
  const src = named.get('src')
  if (!src || /[\s()<>]/.test(src)) return undefined
  const alt = (named.get('alt') ?? named.get('caption') ?? named.get('title') ?? '').replace(/[[\]\\]/g, '\\$&')
  const title = named.get('title') ?? named.get('caption')
  return `![${alt}](${src}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`
}

/** `text` with Hugo's shortcodes read as above, outside code fences (escaped calls inside them too). */
export function readHugoShortcodes(text: string): { text: string; calls: HugoCall[] } {
  // Most notes hold no shortcode: one scan for an opening, then nothing more.
  if (!text.includes('{{<') && !text.includes('{{%')) return { text, calls: [] }
  const calls: HugoCall[] = []
  const lines = text.split('\n')
  // A paired shortcode is one whose closing tag the note holds.
  const closed = new Set([...text.matchAll(/\{\{[<%]\s*\/([\w-]+)\s*[>%]\}\}/g)].map((m) => m[1]!))
  let fence: string | undefined
  let highlighted = false
  const out = lines.map((line, i) => {
    // The closing `{{< /highlight >}}` of a fence opened below: the fence's end.
    const end = highlighted ? /^(\s*)\{\{<\s*\/highlight\s*>\}\}\s*$/.exec(line) : null
    if (end) {
      fence = undefined
      highlighted = false
      return `${end[1]}\`\`\``
    }
    const unescaped = line.replace(ESCAPED, (_, open: string, inner: string, close: string) => `{{${open} ${inner} ${close}}}`)
    const marker = FENCE.exec(line)
    if (marker && fence === undefined && !(marker[1]!.startsWith('`') && marker[2]!.includes('`'))) fence = marker[1]
    else if (marker && fence !== undefined && marker[1]![0] === fence[0] && marker[1]!.length >= fence.length && marker[2]!.trim() === '') fence = undefined
    if (fence !== undefined || marker || !/\{\{[<%]/.test(line)) return unescaped
    // `{{< highlight go "linenos=table" >}}` alone on its line, as Hugo's built-in renders it: a fence.
    const highlight = /^(\s*)\{\{<\s*highlight\s+"?([\w+#.-]+)"?[^>]*>\}\}\s*$/.exec(line)
    if (highlight && closed.has('highlight')) {
      calls.push({ name: 'highlight', line: i + 1, column: highlight[1]!.length + 1, kind: 'paired' })
      fence = '```'
      highlighted = true
      return `${highlight[1]}\`\`\`${highlight[2]}`
    }
    let result = line.replace(LINK, (whole: string, label: string, name: string, offset: number) => {
      if (REFS.has(name)) return whole
      calls.push({ name, line: i + 1, column: offset + 1, kind: 'link' })
      return label
    })
    result = result.replace(CALL, (whole: string, _open: string, slash: string, name: string, _args: string, offset: number) => {
      if (REFS.has(name) || whole.includes('/*')) return whole
      // Hugo's built-in `figure`: its image, as markdown writes one (a `src` that holds no spaces or parentheses).
      const figure = name === 'figure' && !slash ? figureImage(_args) : undefined
      if (figure !== undefined) {
        calls.push({ name, line: i + 1, column: offset + 1, kind: 'figure' })
        return figure
      }
      if (!closed.has(name)) {
        calls.push({ name, line: i + 1, column: offset + 1, kind: 'single' })
        return whole
      }
      if (!slash) calls.push({ name, line: i + 1, column: offset + 1, kind: 'paired' })
      return ''
    })
    return result === line ? unescaped : result
  })
  return { text: out.join('\n'), calls }
}
