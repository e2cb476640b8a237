/**
 * Load a theme by name from the wiki's own `themes/` folder, then from the
 * built-in ones, following `extends` so a theme can override one template and
 * inherit the rest (assets too, file by file).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { packageRoot } from '../config.ts'
import type { Templates, ThemeDefinition } from './types.ts'

/** The built-in themes folder of this package. */
export const BUILTIN_THEMES = path.join(packageRoot(), 'themes')

/**
 * The folder of the launcher's bundle (scripts/slugwiki.mjs), which holds the
 * built-in themes compiled beside the CLI as `theme-<name>.mjs`; undefined when
 * the TypeScript sources run (under a loader that imports `.ts` itself).
 */
const BUNDLE = path.extname(fileURLToPath(import.meta.url)) === '.ts' ? undefined : path.dirname(fileURLToPath(import.meta.url))

export interface LoadedTheme {
  name: string
  templates: Templates
  /** Asset output names in load order. */
  styles: string[]
  scripts: string[]
  /** Every asset file by output name (relative to `_slugwiki/`), child theme first. */
  assets: Map<string, string>
  /** Theme folders in the chain, child first (watched by the dev server). */
  folders: string[]
}

export class ThemeError extends Error {}

function findThemeFolder(name: string, searchDirs: string[]): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new ThemeError(`Invalid theme name \`${name}\``)
  for (const dir of searchDirs) {
    const folder = path.join(dir, name)
    if (fs.existsSync(path.join(folder, 'index.ts'))) return folder
  }
  return undefined
}

function listAssets(folder: string): Array<[string, string]> {
  const root = path.join(folder, 'assets')
  if (!fs.existsSync(root)) return []
  const out: Array<[string, string]> = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) out.push([path.relative(root, full).split(path.sep).join('/'), full])
    }
  }
  walk(root)
  return out
}

/** Import a theme's `index.ts`: compiled when it is a built-in one and the bundle runs, else through tsx. */
async function importTheme(name: string, folder: string, version: number): Promise<unknown> {
  const compiled = BUNDLE && path.join(BUNDLE, `theme-${name}.mjs`)
  if (!version && compiled && path.dirname(folder) === BUILTIN_THEMES && fs.existsSync(compiled)) return import(pathToFileURL(compiled).href)
  const url = pathToFileURL(path.join(folder, 'index.ts')).href
  // Under the sources' loader a plain import() shares their module cache. The bundle has no loader: tsx's
  // tsImport compiles a wiki's own theme (~0.4 s, so not the built-in ones). A reload must re-read the
  // templates the theme imports too, which import() would take from the module cache: tsImport loads
  // the whole module graph afresh each time. Imported only when needed, as loading tsx costs ~0.1 s.
  if (!version && !BUNDLE) return import(url)
  const { tsImport } = await import('tsx/esm/api')
  return tsImport(url, import.meta.url)
}

/**
 * Load `name`. `searchDirs` are tried in order (the wiki's `themes/` first).
 * A `version` above 0 bypasses the module cache, so the dev server can reload edited templates.
 */
export async function loadTheme(name: string, searchDirs: string[], version = 0): Promise<LoadedTheme> {
  const chain: Array<{ folder: string; def: ThemeDefinition }> = []
  let current: string | undefined = name
  while (current) {
    if (chain.length > 8) throw new ThemeError(`Theme \`${name}\` extends too deeply (a cycle?)`)
    const folder = findThemeFolder(current, searchDirs)
    if (!folder) throw new ThemeError(`Theme \`${current}\` not found in ${searchDirs.join(', ')}`)
    const loaded = (await importTheme(current, folder, version)) as { default?: ThemeDefinition & { default?: ThemeDefinition } }
    // Outside an ESM package, tsImport hands a CommonJS theme back wrapped once more than import() does.
    const mod = { default: loaded.default && typeof loaded.default.templates !== 'object' ? loaded.default.default : loaded.default }
    if (!mod.default || typeof mod.default.templates !== 'object') {
      throw new ThemeError(`Theme \`${current}\` (${folder}/index.ts) must export a default defineTheme({...})`)
    }
    chain.push({ folder, def: mod.default })
    current = mod.default.extends
  }
  // Parent first, so children override.
  const ordered = [...chain].reverse()
  const templates = Object.assign({}, ...ordered.map((t) => t.def.templates)) as Templates
  if (typeof templates.document !== 'function') throw new ThemeError(`Theme \`${name}\` has no \`document\` template`)
  const assets = new Map<string, string>()
  for (const { folder } of ordered) for (const [rel, file] of listAssets(folder)) assets.set(rel, file)
  const pick = (key: 'styles' | 'scripts') => chain.find((t) => t.def[key] !== undefined)?.def[key] ?? []
  for (const file of [...pick('styles'), ...pick('scripts')]) {
    if (!assets.has(file)) throw new ThemeError(`Theme \`${name}\` lists \`${file}\`, which is in no theme's assets/ folder`)
  }
  return { name, templates, styles: pick('styles'), scripts: pick('scripts'), assets, folders: chain.map((c) => c.folder) }
}
