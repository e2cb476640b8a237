/**
 * Sort a batch of file changes by what they touch: the config, the theme's
 * templates or assets, or the notes and assets of the source folder.
 */
import path from 'node:path'
import type { Config } from '../config.ts'
import { sourcePathOf } from '../content/load.ts'
import type { SourcePath } from '../paths.ts'
import { sourceLabel } from './notes.ts'
import type { Change } from './watcher.ts'

/** What a batch of changes touches. */
export interface Classified {
  config: boolean
  templates: boolean
  themeAssets: boolean
  /** A theme stylesheet or an `additional-css` file was edited (not added or removed). */
  styles: boolean
  /** An `additional-js` file was edited: every page loads it. */
  scripts: boolean
  /** Files or folders of the source folder appeared or vanished. */
  structure: boolean
  /** Changed files of the source folder. */
  sources: Set<SourcePath>
  /** Changed files outside it (absolute): files the notes include from there (`NoteStore.outsideFiles`). */
  outside: Set<string>
  /** Changed files of the static folder (`Config.staticDir`), absolute: published at the site's root. */
  published: Set<string>
  /** How the terminal names the changed files. */
  labels: string[]
}

export interface ClassifyOptions {
  config: Config
  /** Files that configure the site (book.toml, slugwiki.toml, the topics file). */
  configFiles: string[]
  /** The theme folders in use, and the wiki's own themes folder. */
  themeFolders: string[]
  /** Folders whose files configure the site as a whole (mdBook's theme folder: favicons, ignored templates). */
  configFolders?: string[]
  /** mdBook's `additional-css` and `additional-js` files (absolute), wherever they are. */
  additional?: { css: string[]; js: string[] }
}

/** `file` relative to `dir` with `/`, or undefined when it is not inside. */
function inside(file: string, dir: string): string | undefined {
  const rel = path.relative(dir, file)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : undefined
}

/** The source path of `file` (absolute), when it is inside the source folder. */
export const sourceOf = sourcePathOf

/** Classify a batch of changes. */
export function classifyChanges(changes: Change[], { config, configFiles, themeFolders, configFolders = [], additional }: ClassifyOptions): Classified {
  const c: Classified = { config: false, templates: false, themeAssets: false, styles: false, scripts: false, structure: false, sources: new Set(), outside: new Set(), published: new Set(), labels: [] }
  const configs = new Set(configFiles)
  const css = new Set(additional?.css)
  const js = new Set(additional?.js)
  for (const { file, kind } of changes) {
    // A folder event comes with events for its files, which say more.
    if (kind !== 'addDir' && kind !== 'unlinkDir') c.labels.push(sourceLabel(config, file))
    if (css.has(file) || js.has(file)) {
      // Looked at before mdBook's theme folder, where books keep them (`theme/custom.css`). Served
      // from disk as they are: an edit needs only the pages to load them again; one that appears or
      // vanishes changes the pages' links to it (and the warning that it is missing).
      if (kind !== 'change') c.structure = true
      else if (css.has(file)) c.styles = true
      else c.scripts = true
      continue
    }
    if (configs.has(file) || configFolders.some((dir) => inside(file, dir) !== undefined)) {
      c.config = true
      continue
    }
    const themed = themeFolders.map((dir) => inside(file, dir)).find((rel) => rel !== undefined)
    if (themed !== undefined) {
      if (!themed.startsWith('assets/')) c.templates = true
      else if (themed.endsWith('.css') && kind === 'change') c.styles = true
      else c.themeAssets = true
      continue
    }
    // Docusaurus's `static/`, beside the notes: its files are the site's as a note's images are.
    if (config.staticDir && inside(file, config.staticDir) !== undefined) {
      if (kind !== 'change') c.structure = true
      c.published.add(file)
      continue
    }
    const source = sourceOf(config, file)
    if (!source) {
      c.outside.add(file)
      continue
    }
    if (kind !== 'change') c.structure = true
    c.sources.add(source)
  }
  return c
}
