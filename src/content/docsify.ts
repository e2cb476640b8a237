/**
 * docsify's routes, as its router reads a link (`History.getFile` and
 * `toURL`): `#/guide` is the route `/guide`, a route names the file of the
 * same path with `.md` added (`/guide` is `guide.md`), a folder's route its
 * README.md (`/guide/` is `guide/README.md`, `/` the home page), and
 * `?id=setup` is the heading `#setup` of the page. Without docsify's
 * `relativePath` a route is read from the site's root, whichever page links
 * it (`guide.md` from `zh-cn/README.md` is `/guide.md`).
 */
import { posix } from 'node:path'

/** How a docsify site's notes are read (the markdown stage's settings). */
export interface DocsifyOptions {
  /** docsify's `relativePath`: a route not starting with `/` is read from the linking page's folder (default false: from the root). */
  relativePath?: boolean
}

export interface DocsifyRoute {
  /** The file the route names, from the site's root, without a leading `/` (`guide/README.md`). */
  path: string
  /** The heading it names (`#setup` or `?id=setup`), undecoded. */
  fragment?: string
}

/** The file (and heading) of a link written as docsify reads it; undefined for a URL with a scheme, `//host` or a fragment alone. */
export function docsifyRoute(written: string): DocsifyRoute | undefined {
  let url = written.startsWith('#/') ? written.slice(1) : written
  if (url.startsWith('#') || url.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined
  let fragment: string | undefined
  const hashAt = url.indexOf('#')
  if (hashAt !== -1) {
    fragment = url.slice(hashAt + 1) || undefined
    url = url.slice(0, hashAt)
  }
  const queryAt = url.indexOf('?')
  if (queryAt !== -1) {
    // docsify names a heading in the query (`guide?id=setup`), as its hash holds the route.
    fragment ??= new URLSearchParams(url.slice(queryAt + 1)).get('id') ?? undefined
    url = url.slice(0, queryAt)
  }
  // From the root, `..` climbing no higher, as docsify's `cleanPath('/' + path)` and the browser read it.
  let file = posix.normalize(`/${url}`).replace(/^\/+/, '')
  if (file === '' || file === '.' || file.endsWith('/')) file = `${file === '.' ? '' : file}README.md`
  else if (!/\.[a-z0-9]+$/i.test(posix.basename(file))) file += '.md'
  return { path: file, ...(fragment !== undefined && { fragment }) }
}

/** A title with docsify's options taken out (`getAndRemoveConfig`): `:key=value` or `:key` words, each `true` without a value. */
export function docsifyOptions(title: string | null | undefined): { title: string; options: Record<string, string | true> } {
  const options: Record<string, string | true> = {}
  const rest = (title ?? '')
    .replace(/^['"]/, '')
    .replace(/['"]$/, '')
    .replace(/(?:^|\s):([\w-]+:?)=?([\w%-]+)?/g, (whole, key: string, value: string | undefined) => {
      if (key.includes(':')) return whole
      options[key] = value ?? true
      return ''
    })
    .trim()
  return { title: rest, options }
}

/** A docsify embed on a line of its own: `[label](path ':include :type=code')`. */
export interface DocsifyEmbed {
  indent: string
  /** The link's text. */
  label: string
  /** The path (or URL) as written. */
  url: string
  /** docsify's options (`include`, `type`, `fragment`). */
  options: Record<string, string | true>
  /** What the title holds besides the options (a code embed's language, a player's attributes). */
  rest: string
  /** 1-based column of the link. */
  column: number
}

const EMBED = /^([ \t]{0,3})\[([^\]]*)\]\(\s*(<[^>]*>|[^\s)]+)\s+("([^"]*)"|'([^']*)')\s*\)\s*$/

/** The docsify embed a line is, when it is only a link whose title holds `:include`. */
export function docsifyEmbed(line: string): DocsifyEmbed | undefined {
  const match = EMBED.exec(line)
  if (!match) return undefined
  const { title, options } = docsifyOptions(match[5] ?? match[6])
  if (options.include === undefined) return undefined
  const url = match[3]!.replace(/^<(.*)>$/, '$1')
  return { indent: match[1]!, label: match[2]!, url, options, rest: title, column: match[1]!.length + 1 }
}

/** The kind of an embed, as docsify's `compileEmbed` tells it: its `:type`, else by the file's extension. */
export function embedType(embed: DocsifyEmbed): string {
  if (typeof embed.options.type === 'string') return embed.options.type
  const url = embed.url.replace(/[?#].*$/, '')
  if (/\.(md|markdown)$/i.test(url)) return 'markdown'
  if (/\.mmd$/i.test(url)) return 'mermaid'
  if (/\.html?$/i.test(url)) return 'iframe'
  if (/\.(mp4|ogg)$/i.test(url)) return 'video'
  if (/\.mp3$/i.test(url)) return 'audio'
  return 'code'
}

/**
 * The lines of a code embed's `:fragment=name`: those between its two marker
 * lines (`/// [name]` or `### [name]`), as docsify cuts them; undefined when
 * the file has no such pair.
 */
export function embedFragment(lines: string[], name: string): { lines: string[]; first: number } | undefined {
  const marker = new RegExp(`(?:###|///)\\s*\\[${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]`)
  const open = lines.findIndex((line) => marker.test(line))
  if (open === -1) return undefined
  const close = lines.findIndex((line, i) => i > open && marker.test(line))
  if (close === -1) return undefined
  return { lines: lines.slice(open + 1, close), first: open + 1 }
}
