/**
 * Fingerprints for the caches: what, besides a note itself, decides its
 * compiled form. A new version of slugwiki or of any dependency, or other
 * markdown settings, gives another fingerprint, so nothing cached before is
 * served after.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { DEFAULT_ADMONISH } from '../config-admonish.ts'
import { packageRoot } from '../config.ts'
import type { WorkerSettings } from './task.ts'

function hashTree(hash: ReturnType<typeof createHash>, dir: string, skip: ReadonlySet<string> = new Set()): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name)
    if (skip.has(entry.name)) continue
    if (entry.isDirectory()) hashTree(hash, full)
    else if (entry.isFile()) hash.update(`${entry.name}\0`).update(fs.readFileSync(full)).update('\0')
  }
}

/** A hash of every file under `dirs` (names and bytes, in sorted order), leaving out the entries of each named in `skip`. */
export function folderFingerprint(dirs: readonly string[], skip: readonly string[] = []): string {
  const hash = createHash('sha256')
  for (const dir of dirs) {
    hash.update(`${dir}\0`)
    if (fs.existsSync(dir)) hashTree(hash, dir, new Set(skip))
  }
  return hash.digest('base64url')
}

/**
 * The tool's own version: the code of this package's `src/` (every file, so
 * a local change counts too), the installed version of each dependency (and
 * of every package npm installed), and Node's version.
 */
export function toolFingerprint(): string {
  const root = packageRoot()
  const hash = createHash('sha256').update(`node ${process.version}\0`)
  // The sources, wherever the running code is (they or the launcher's bundle made from them).
  hashTree(hash, path.join(root, 'src'))
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string; dependencies?: Record<string, string> }
  hash.update(`slugwiki ${pkg.version}\0`)
  for (const name of Object.keys(pkg.dependencies ?? {}).sort()) {
    let version = 'missing'
    try {
      version = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
    } catch {
      // Hoisted elsewhere or absent: the name alone still counts.
    }
    hash.update(`${name}@${version}\0`)
  }
  // npm's record of every installed package and version, transitive ones (micromark…) included.
  const installed = path.join(root, 'node_modules', '.package-lock.json')
  if (fs.existsSync(installed)) hash.update(fs.readFileSync(installed))
  return hash.digest('base64url')
}

/** The fingerprint of compiled notes: the tool's version and the settings every note is compiled with. */
export function noteFingerprint(tool: string, settings: WorkerSettings): string {
  const { math, mathSyntax, katex, trusted, smartPunctuation, hideLines, admonish, lightTheme, darkTheme, langs, topics, symbols, highlights, emoji, inlineTags, blockIds, comments, headingIds, trplListing, inlineFootnotes, shortestLinks, taskMarks, specRules, svgbob, toc, gitbookBlocks, githubWiki, zola, kramdown, myst, docsify, vitepress, docusaurus, starlight, mkdocs, calloutTitles, outsideLinks } = settings
  // Tables' entries sorted: the order book.toml lists them in changes nothing.
  const prefixes = sorted(hideLines ?? {})
  const { onFailure, defaultTitle, defaultCollapsible, idPrefix, builtinCollapsible, custom } = admonish ?? DEFAULT_ADMONISH
  // A site's own icons are read from their folders when the processor is made: an edited SVG is another icon.
  const icons = mkdocs?.customIcons ? folderFingerprint(mkdocs.customIcons) : null
  const admonitions = [onFailure, defaultTitle ?? null, defaultCollapsible, idPrefix, sorted(builtinCollapsible), sorted(custom).map(([name, c]) => [name, c.directive, c.title ?? null, c.collapsible ?? null])]
  return createHash('sha256')
    .update(JSON.stringify([tool, math, mathSyntax ?? 'katex', katex ? [sorted(katex.macros), katex.leqno, katex.fleqn] : null, trusted, smartPunctuation ?? false, prefixes, admonitions, lightTheme, darkTheme, langs ?? [], topics ?? [], symbols ?? true, highlights ?? false, emoji ?? false, inlineTags ?? false, blockIds ?? false, comments ?? false, headingIds ?? 'github', trplListing ?? null, inlineFootnotes ?? false, shortestLinks ?? false, taskMarks ?? false, specRules ?? false, svgbob ?? false, toc ?? null, gitbookBlocks ?? false, githubWiki ?? false, zola ?? false, kramdown ?? false, myst ?? false, docsify ?? null, vitepress ?? false, docusaurus ?? false, starlight ?? false, mkdocs ?? false, icons, calloutTitles ?? null, outsideLinks ?? null]))
    .digest('base64url')
}

function sorted<T>(table: Readonly<Record<string, T>>): [string, T][] {
  return Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}
