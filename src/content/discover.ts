/**
 * Find the notes and assets of a source folder, as mdBook does: every `.md`
 * file is a note, every other file is copied, dotfiles and config are not,
 * nor what the folder's `.mdbookignore` (gitignore syntax, read by the
 * `ignore` package, as git reads it) matches.
 */
import fs from 'node:fs'
import path from 'node:path'
import ignore, { type Ignore } from 'ignore'
import { slugOf, toSourcePath, type SourcePath } from '../paths.ts'
import type { Diagnostics } from '../report.ts'

export interface SourceListing {
  notes: SourcePath[]
  /** The files published as they are, by their path in the site. */
  assets: SourcePath[]
  /** The file of an asset not at its own path under the source folder (`public/logo.svg`, or `../static/logo.svg` beside it, for `logo.svg`), absolute. */
  files?: Map<SourcePath, string>
}

/** Files that configure the book and never reach the output. */
const CONFIG_FILES = new Set(['SUMMARY.md', 'book.toml', 'slugwiki.toml'])

export interface DiscoverOptions {
  src: string
  /** Folders never to descend into (the output, a cache), absolute. */
  exclude: string[]
  /** Extra source-relative files that are configuration (the topics file). */
  configFiles: string[]
  diagnostics: Diagnostics
  display: (absolute: string) => string
  /** Folders of the source folder's top that are read though their names start with a dot (GitBook's `.gitbook`, holding its `assets/`). */
  dotFolders?: string[]
  /** File names that are configuration in any folder (Docusaurus's `_category_.json`). Default: none. */
  configNames?: readonly string[]
  /** `.mdx` files are notes too (a Docusaurus site's docs). Default false: they are files. */
  mdx?: boolean
  /**
   * A folder (source-relative) whose files are published at the site's root,
   * as VitePress publishes `public/`: `public/logo.svg` is `/logo.svg`, a
   * `.md` file there is a file, not a note. Default: none.
   */
  publicDir?: string
  /**
   * A folder outside the source folder (absolute) whose files are published
   * at the site's root, as Docusaurus publishes `static/`, with the public
   * folder's rules: a `.md` file there is a file, a note's page wins over a
   * file of its URL, a file there over one beside the notes. Default: none.
   */
  staticDir?: string
  /** More gitignore-style patterns of files that are not published (MkDocs's `exclude_docs`), added to `.mdbookignore`'s. Default: none. */
  ignore?: readonly string[]
}

/** Walk the source folder in a stable order. */
export function discover(options: DiscoverOptions): SourceListing {
  const notes: SourcePath[] = []
  const assets: SourcePath[] = []
  const realSrc = fs.realpathSync(options.src)
  const config = new Set([...CONFIG_FILES, ...options.configFiles])
  const excluded = options.exclude.map((p) => path.resolve(p))

  const ignored = options.ignore?.length ? (mdbookIgnore(options.src) ?? ignore()).add([...options.ignore]) : mdbookIgnore(options.src)
  const visited = new Set<string>()
  const publicPrefix = options.publicDir ? `${options.publicDir}/` : undefined
  const published = new Map<SourcePath, string>()
  /** Walk `dir` under `top` (the source folder, or the static folder), giving each file by its path under `top`. */
  const walk = (dir: string, top: { dir: string; real: string; what: string; ignored?: Ignore }, onFile: (relative: SourcePath, absolute: string, name: string) => void) => {
    const real = fs.realpathSync(dir)
    // A symlinked folder pointing at its own ancestor would loop forever.
    if (visited.has(real)) return
    visited.add(real)
    const entries = fs.readdirSync(dir, { withFileTypes: true })
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const kept = dir === options.src && entry.isDirectory() && options.dotFolders?.includes(entry.name)
      if ((entry.name.startsWith('.') && !kept) || entry.name === 'node_modules') continue
      const absolute = path.join(dir, entry.name)
      if (excluded.some((e) => absolute === e || absolute.startsWith(e + path.sep))) continue
      let isDir = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        let real: string
        try {
          real = fs.realpathSync(absolute)
        } catch {
          options.diagnostics.warn(options.display(absolute), 'Broken symbolic link, skipped', 'symlink')
          continue
        }
        if (real !== top.real && !real.startsWith(top.real + path.sep)) {
          options.diagnostics.warn(
            options.display(absolute),
            `Symbolic link points outside the ${top.what}, skipped`,
            'symlink-outside',
          )
          continue
        }
        const stat = fs.statSync(real)
        isDir = stat.isDirectory()
        isFile = stat.isFile()
      }
      const relative = toSourcePath(path.relative(top.dir, absolute))
      if (!relative) continue
      if (top.ignored?.ignores(isDir ? `${relative}/` : relative)) continue
      if (isDir) walk(absolute, top, onFile)
      else if (isFile) onFile(relative, absolute, entry.name)
    }
  }
  walk(options.src, { dir: options.src, real: realSrc, what: 'source folder', ignored }, (relative, absolute, name) => {
    if (publicPrefix && relative.startsWith(publicPrefix)) {
      const at = toSourcePath(relative.slice(publicPrefix.length))
      if (at) published.set(at, absolute)
      return
    }
    if (config.has(relative) || options.configNames?.includes(name)) return
    if (/\.md$/i.test(name) || (options.mdx && /\.mdx$/i.test(name))) notes.push(relative)
    else assets.push(relative)
  })
  // Docusaurus's `static/`, beside the notes: every file of it is published at its path in the folder.
  if (options.staticDir && fs.existsSync(options.staticDir)) {
    const dir = options.staticDir
    walk(dir, { dir, real: fs.realpathSync(dir), what: 'static folder' }, (relative, absolute) => void published.set(relative, absolute))
  }
  if (published.size === 0) return { notes, assets }
  // A file of the public (or static) folder wins over one of the same path beside the notes, as it does in VitePress's
  // and Docusaurus's output; a note's page (`README.md`'s is `index.html`) wins over a file of the same URL.
  const own = new Set(assets)
  const pages = new Map<string, SourcePath>(notes.map((note) => [slugOf(note), note]))
  for (const [at, file] of [...published]) {
    const note = pages.get(at)
    if (note !== undefined) {
      options.diagnostics.warn(options.display(file), `Same URL as the note ${options.display(path.join(options.src, note))}, whose page is published`, 'public-collision')
      published.delete(at)
      continue
    }
    if (own.has(at)) options.diagnostics.warn(options.display(path.join(options.src, at)), `Also published from ${options.display(file)}, which is used`, 'public-collision')
    else assets.push(at)
  }
  assets.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return { notes, assets, files: published }
}

/** The rules of `src/.mdbookignore`, if there is one. */
function mdbookIgnore(src: string): Ignore | undefined {
  let text: string
  try {
    text = fs.readFileSync(path.join(src, '.mdbookignore'), 'utf8')
  } catch {
    return undefined
  }
  return ignore().add(text)
}
