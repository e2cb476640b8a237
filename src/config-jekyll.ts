/**
 * A Jekyll site's folder (GitHub Pages' default: `_config.yml` beside the
 * pages, as just-the-docs, minimal-mistakes and Jekyll's own docs keep it),
 * and what its `_config.yml` says of the site: its title and description,
 * the files it leaves out, and the collections it publishes. The file is
 * read with the `yaml` package; Liquid in it (rare) stays text.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'

/** What a Jekyll site's `_config.yml` says of the site. */
export interface JekyllSite {
  /** The `_config.yml` file, absolute. */
  file: string
  title?: string
  description?: string
  /**
   * What Jekyll leaves out of the site, as gitignore patterns for the
   * `ignore` package: every file or folder whose name starts with `_`, `.` or
   * `#` or ends with `~` (Jekyll's rule; `_layouts`, `_includes`, `_sass`,
   * `_data`, `_site`), but the published collections' folders and what
   * `include` names; then `exclude`'s entries and Jekyll's default ones.
   */
  ignore: string[]
  /** just-the-docs' `callouts`: each name's `title` and `color` (`{: .warning }` paragraphs). */
  callouts: Record<string, { title?: string; color?: string }>
  /** just-the-docs' `nav_sort: case_insensitive` (default: capitals before lowercase). */
  navSortCaseInsensitive: boolean
}

/** Jekyll's own `exclude` defaults (Jekyll 4's `Configuration::DEFAULTS`), kept when a site sets its own. */
const DEFAULT_EXCLUDE = ['.sass-cache/', '.jekyll-cache/', 'gemfiles/', 'Gemfile', 'Gemfile.lock', 'node_modules/', 'vendor/bundle/', 'vendor/cache/', 'vendor/gems/', 'vendor/ruby/']

/** The Jekyll site whose `_config.yml` is in `src`, if it is one that parses to a mapping and no `.nojekyll` turns Jekyll off. */
export function readJekyllSite(src: string): JekyllSite | undefined {
  const file = path.join(src, '_config.yml')
  // GitHub Pages publishes a folder holding `.nojekyll` as it is, without Jekyll.
  if (fs.existsSync(path.join(src, '.nojekyll'))) return undefined
  // A Jupyter Book's `_config.yml` sits beside its `_toc.yml`: its pages are MyST, no Liquid or kramdown.
  if (fs.existsSync(path.join(src, '_toc.yml'))) return undefined
  let data: unknown
  try {
    data = parseYaml(fs.readFileSync(file, 'utf8'))
  } catch {
    // No file, or one Jekyll would refuse too: not a site slugwiki can read the settings of.
    return undefined
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined
  const config = data as Record<string, unknown>
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined)
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [])
  // `_posts` is always published; another collection only with `output: true` (`collections: [a, b]` publishes none).
  const collections = ['posts']
  if (config.collections && typeof config.collections === 'object' && !Array.isArray(config.collections)) {
    for (const [name, settings] of Object.entries(config.collections)) {
      if (settings && typeof settings === 'object' && (settings as Record<string, unknown>).output === true) collections.push(name)
    }
  }
  // `\#`: a gitignore line starting with `#` is a comment.
  const ignore = ['_*', '\\#*', '*~']
  for (const name of collections) ignore.push(`!/_${name}/`)
  for (const entry of list(config.include)) ignore.push(`!${anchored(entry)}`)
  for (const entry of [...DEFAULT_EXCLUDE, ...list(config.exclude)]) ignore.push(anchored(entry))
  const callouts: JekyllSite['callouts'] = {}
  if (config.callouts && typeof config.callouts === 'object' && !Array.isArray(config.callouts)) {
    for (const [name, settings] of Object.entries(config.callouts)) {
      const s = settings && typeof settings === 'object' ? (settings as Record<string, unknown>) : {}
      callouts[name] = { ...(text(s.title) && { title: text(s.title) }), ...(text(s.color) && { color: text(s.color) }) }
    }
  }
  // jekyll-seo-tag's title: `title`, else `name` (Jekyll's own docs set only `name`).
  return { file, title: text(config.title) ?? text(config.name), description: text(config.description), ignore, callouts, navSortCaseInsensitive: config.nav_sort === 'case_insensitive' }
}

/**
 * An `exclude` or `include` entry as a gitignore pattern. Jekyll matches an
 * entry against the path from the site's folder (`README.md` is the top one
 * only), and a glob with `File.fnmatch` without `FNM_PATHNAME`, whose `*`
 * crosses folders (`*.gemspec` anywhere): so a plain name is anchored at the
 * top, a glob left to match at any depth.
 */
function anchored(entry: string): string {
  const trimmed = entry.trim().replace(/^\.\//, '')
  return /[*?[]/.test(trimmed) ? trimmed : `/${trimmed.replace(/^\//, '')}`
}
