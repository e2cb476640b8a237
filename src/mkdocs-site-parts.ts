/**
 * The parts of every page an MkDocs site's `mkdocs.yml` gives, as Material
 * for MkDocs shows them: `theme.logo` beside the site's title, `theme.favicon`
 * as the pages' icon (both files of `docs_dir`), and `copyright` in the
 * footer. The copyright is HTML in MkDocs; it is sanitised as a note's HTML
 * is (unless the wiki is `trusted`), by the same schemas.
 */
import path from 'node:path'
import type { ElementContent, Root } from 'hast'
import { raw } from 'hast-util-raw'
import { sanitize } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import { configPlace, type Config } from './config.ts'
import { isUrl } from './config-mkdocs.ts'
import { finalSchema, noteSchema } from './markdown/sanitize-schema.ts'
import { toSourcePath, type SourcePath } from './paths.ts'
import type { Diagnostics } from './report.ts'

export interface MkdocsSiteParts {
  /** `theme.logo`'s file, a published file of the site. */
  logo?: SourcePath
  /** `theme.favicon`'s file, a published file of the site. */
  favicon?: SourcePath
  /** `copyright`, sanitised. */
  copyright?: ElementContent[]
}

/**
 * What `mkdocs.yml` adds to the pages. A `theme.logo` or `theme.favicon`
 * that is no published file of `docs_dir` (a URL, a file not there) is an
 * `mkdocs` warning at its line, and left out.
 */
export function mkdocsSiteParts(config: Config, assets: ReadonlySet<string>, diagnostics: Diagnostics, display: (absolute: string) => string): MkdocsSiteParts {
  const site = config.mkdocsSite
  if (!site) return {}
  const parts: MkdocsSiteParts = {}
  for (const key of ['logo', 'favicon'] as const) {
    const named = site[key]
    if (!named) continue
    const file = isUrl(named.path) ? undefined : toSourcePath(named.path.replace(/^\.?\//, ''))
    if (file && assets.has(file)) parts[key] = file
    else diagnostics.warn(display(site.file), `\`theme.${key}\`: \`${named.path}\` is not a file of \`docs_dir\` (\`${display(path.join(config.src))}\`); left out`, 'mkdocs', named.place)
  }
  if (site.copyright?.trim()) {
    const { content, removed } = copyrightContent(site.copyright, config.trusted)
    parts.copyright = content
    // As a note's removed HTML is named, so that nothing of the footer goes without a word.
    if (removed) diagnostics.warn(display(site.file), '`copyright`: part of its HTML is not published (scripts, event handlers, styles and unsafe URLs are removed, as from a note)', 'sanitize', configPlace(config, ['copyright']))
  }
  return parts
}

/**
 * MkDocs's `copyright` (HTML) as hast: parsed as the browser parses it, then
 * sanitised as a note's raw HTML is; `removed` when sanitising changed it.
 */
export function copyrightContent(html: string, trusted: boolean): { content: ElementContent[]; removed: boolean } {
  const parsed = raw({ type: 'root', children: [{ type: 'raw', value: html }] }) as Root
  const clean = trusted ? parsed : (sanitize(sanitize(parsed, noteSchema), finalSchema) as Root)
  const content = clean.children.filter((node): node is ElementContent => node.type !== 'doctype')
  return { content, removed: !trusted && toHtml(clean) !== toHtml(parsed) }
}
