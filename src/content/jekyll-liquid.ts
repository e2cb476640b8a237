/**
 * The Liquid of a Jekyll site's pages, read before markdown is, as Jekyll
 * renders Liquid before kramdown sees the page. Liquid is not run (slugwiki
 * has no Jekyll site object, no `_includes`, no plugins); what has a meaning
 * without them is written as markdown:
 *
 * - `{% raw %}…{% endraw %}`: its text as written, the tags dropped (in code
 *   blocks too, where Jekyll's docs use it most);
 * - `{% highlight c %}` … `{% endhighlight %}`, each on its own line: a code
 *   fence in that language (`linenos` dropped);
 * - `{% link docs/x.md %}` and `{% post_url 2020-01-02-title %}`: the page's
 *   path from the site's folder (`/docs/x.md`, `/_posts/2020-01-02-title.md`),
 *   which the link check then resolves and reports like any other link;
 * - `{{ site.baseurl }}`, and `{{ '/path' | relative_url }}` (`absolute_url`,
 *   `prepend: site.baseurl`): nothing, and `/path`: a link from the site's root.
 *
 * Any other tag alone on its line (`{% include nav.html %}`, `{% for … %}`,
 * `{% endif %}`) is dropped; any other `{{ … }}` or `{% … %}` is left as
 * written. Each is returned, for one warning per construct and note; Liquid
 * in a code block that is not read is not reported (a page about Liquid
 * shows it there).
 *
 * Every line keeps its number. No npm Liquid engine (liquidjs) would help:
 * running the templates needs the site's data, includes and plugins, which a
 * markdown folder does not hold; the patterns follow Liquid's `{% %}` and
 * `{{ }}` delimiters.
 */

/** Liquid left unread in a note: the construct (a tag's name, or `{{ }}`), where it starts (1-based), and what became of it. */
export interface LiquidCall {
  name: string
  line: number
  column: number
  kind: 'dropped' | 'kept'
}

const RAW = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g
const LINK = /\{%-?\s*(link|post_url)\s+([^\s%]+)\s*-?%\}/g
// `'/path' | relative_url`, `"/path" | prepend: site.baseurl` (a filter chain of only those, either order).
const URL_FILTERS = /\{\{-?\s*(["'])([^"'{}]*)\1((?:\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.baseurl))+)\s*-?\}\}/g
const BASEURL = /\{\{-?\s*site\.baseurl\s*-?\}\}/g
const HIGHLIGHT = /^(\s*)\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}\s*$/
const END_HIGHLIGHT = /^\s*\{%-?\s*endhighlight\s*-?%\}\s*$/
const TAG_LINE = /^(\s*)\{%-?\s*([a-z_]+)\b[^%]*-?%\}\s*$/
const TAG = /\{%-?\s*([a-z_]+)\b[\s\S]*?-?%\}/g
const OUTPUT = /\{\{[\s\S]*?\}\}/g
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/
// Private-use marks around a raw piece's number while the rest is read.
const MARK = /\uE000(\d+)\uE001/g

/** `text` with a Jekyll page's Liquid read as above. */
export function readJekyllLiquid(text: string): { text: string; calls: LiquidCall[] } {
  if (!text.includes('{%') && !text.includes('{{')) return { text, calls: [] }
  const calls: LiquidCall[] = []
  // `{% raw %}` first: its text is no Liquid, so it is set aside, line by line, and put back at the end.
  const pieces: string[] = []
  const guarded = text.includes('\uE000')
  const unraw = text.replace(RAW, (_, body: string) =>
    body
      .split('\n')
      .map((piece) => {
        if (guarded || piece === '') return piece
        pieces.push(piece)
        return `\uE000${pieces.length - 1}\uE001`
      })
      .join('\n'),
  )
  const lines = unraw.split('\n')
  let fence: string | undefined
  let highlightEnd = -1
  const out = lines.map((line, i) => {
    if (i === highlightEnd) {
      const closing = fence!
      fence = undefined
      highlightEnd = -1
      return closing
    }
    const marker = FENCE.exec(line)
    if (highlightEnd === -1) {
      if (marker && fence === undefined && !(marker[1]!.startsWith('`') && marker[2]!.includes('`'))) fence = marker[1]
      else if (marker && fence !== undefined && marker[1]![0] === fence[0] && marker[1]!.length >= fence.length && marker[2]!.trim() === '') fence = undefined
    }
    const urls = urlsOf(line)
    if (fence !== undefined || marker) return urls
    const highlight = HIGHLIGHT.exec(line)
    if (highlight) {
      const end = lines.findIndex((l, j) => j > i && END_HIGHLIGHT.test(l))
      if (end !== -1) {
        // A fence longer than any backtick run of the code (just-the-docs shows fences inside `{% highlight markdown %}`).
        const longest = Math.max(0, ...lines.slice(i + 1, end).map((l) => Math.max(0, ...[...l.matchAll(/`+/g)].map((m) => m[0].length))))
        fence = '`'.repeat(Math.max(3, longest + 1))
        highlightEnd = end
        return `${highlight[1]}${fence}${highlight[2]}`
      }
    }
    const tagLine = TAG_LINE.exec(urls)
    if (tagLine) {
      calls.push({ name: opener(tagLine[2]!), line: i + 1, column: tagLine[1]!.length + 1, kind: 'dropped' })
      return ''
    }
    for (const m of urls.matchAll(TAG)) calls.push({ name: opener(m[1]!), line: i + 1, column: columnOf(line, m[0]), kind: 'kept' })
    for (const m of urls.matchAll(OUTPUT)) calls.push({ name: '{{ }}', line: i + 1, column: columnOf(line, m[0]), kind: 'kept' })
    return urls
  })
  return { text: out.join('\n').replace(MARK, (_, k: string) => pieces[Number(k)]!), calls }
}

/** The tag a closing tag closes (`endfor` → `for`), so a pair is one construct. */
function opener(name: string): string {
  return name.startsWith('end') && name.length > 3 ? name.slice(3) : name
}

/** A line's links and base URLs as paths from the site's root. */
function urlsOf(line: string): string {
  if (!line.includes('{')) return line
  return line
    .replace(LINK, (_, tag: string, target: string) => (tag === 'link' ? `/${target.replace(/^\/+/, '')}` : `/_posts/${target}.md`))
    .replace(URL_FILTERS, (_, _quote: string, target: string) => target)
    .replace(BASEURL, '')
}

/** The 1-based column of `found` in the line as written (its first occurrence; the line before rewriting, when it is there). */
function columnOf(line: string, found: string): number {
  const at = line.indexOf(found)
  return at === -1 ? 1 : at + 1
}
