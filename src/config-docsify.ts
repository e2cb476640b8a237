/**
 * A docsify site's folder, and what its `index.html` says of the site. The
 * shell's `window.$docsify = {…}` is JavaScript and is never run: its text is
 * only searched for the few settings written as literals (`name: 'norex'`,
 * `repo: '…'`, `relativePath: true`), as the Docusaurus config is searched
 * for `staticDirectories`. A setting computed or written otherwise is not
 * seen, and the defaults hold.
 */
import fs from 'node:fs'
import path from 'node:path'

/** What a docsify shell says, when it says it with literals. */
export interface DocsifyShell {
  /** `name`: the site's title (else the page's `<title>`), when it is plain text. */
  name?: string
  /** `repo`: the repository's URL (docsify's `user/repo` is a GitHub one). */
  repo?: string
  /** `relativePath: true`: a note's links are read from its folder. */
  relativePath: boolean
}

/**
 * A docsify site's folder: no SUMMARY.md, and a `_sidebar.md` beside
 * `README.md`, or an `index.html` whose script sets `window.$docsify` (a site
 * without a sidebar). `docsify = true` or `false` in slugwiki.toml decides it
 * either way.
 */
export function isDocsify(src: string): boolean {
  const has = (name: string) => fs.existsSync(path.join(src, name))
  if (has('SUMMARY.md')) return false
  if (has('_sidebar.md') && has('README.md')) return true
  return /\$docsify\b/.test(shellText(src) ?? '')
}

/** The settings of the folder's `index.html` (none without one). */
export function readDocsifyShell(src: string): DocsifyShell {
  const text = shellText(src)
  if (text === undefined) return { relativePath: false }
  // The object assigned to `window.$docsify`, as far as a search can tell: from there to the script's end.
  const at = text.search(/\$docsify\s*=/)
  const script = at === -1 ? '' : text.slice(at, text.indexOf('</script>', at) === -1 ? undefined : text.indexOf('</script>', at))
  const literal = (key: string) => new RegExp(`(?:^|[\\s{,])${key}\\s*:\\s*(['"\`])((?:(?!\\1)[^\\\\\\n]|\\\\.)*)\\1`).exec(script)?.[2]
  const plain = (value: string | undefined) => (value !== undefined && value.trim() !== '' && !/[<>]/.test(value) ? value.trim() : undefined)
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]
  const repo = plain(literal('repo'))
  return {
    name: plain(literal('name')) ?? plain(title),
    // docsify reads `user/repo` as GitHub's.
    ...(repo && { repo: /^[\w.-]+\/[\w.-]+$/.test(repo) ? `https://github.com/${repo}` : repo }),
    relativePath: /(?:^|[\s{,])relativePath\s*:\s*true\b/.test(script),
  }
}

function shellText(src: string): string | undefined {
  try {
    return fs.readFileSync(path.join(src, 'index.html'), 'utf8')
  } catch {
    return undefined
  }
}
