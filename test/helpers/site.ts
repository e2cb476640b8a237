/** Throw-away wikis on disk for whole-build tests. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from '../../src/build.ts'
import { formatDiagnostic } from '../../src/report.ts'
import { listFiles, writeFiles } from './files.ts'

export interface TempSite {
  /** The temporary folder holding everything. */
  root: string
  /** The notes folder (`<root>/src`). */
  src: string
  /** A default output folder (`<root>/out`, not created). */
  out: string
  /** Absolute path of a file of the notes folder. */
  file(rel: string): string
  /** Every file under `dir` (default: the notes folder) with its bytes, sorted, for before/after comparisons. */
  snapshot(dir?: string): Array<[string, string]>
  cleanup(): void
}

/** Create a wiki from `files` (paths relative to the notes folder). */
export function tempSite(files: Record<string, string | Uint8Array>, prefix = 'slugwiki-site-'): TempSite {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  const src = path.join(root, 'src')
  writeFiles(src, files)
  return {
    root,
    src,
    out: path.join(root, 'out'),
    file: (rel) => path.join(src, rel),
    snapshot: (dir = src) => snapshot(dir),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  }
}

/** Every file under `dir` as `[relative path, base64 bytes + mode + mtime]`, sorted. */
export function snapshot(dir: string): Array<[string, string]> {
  if (!fs.existsSync(dir)) return []
  const out: Array<[string, string]> = []
  // Walked by hand: a symbolic link is recorded, never followed.
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
      const child = rel ? `${rel}/${name}` : name
      const file = path.join(dir, child)
      const stat = fs.lstatSync(file)
      if (stat.isSymbolicLink()) out.push([child, `symlink → ${fs.readlinkSync(file)}`])
      else if (stat.isDirectory()) {
        out.push([child, 'dir'])
        walk(child)
      } else out.push([child, `${fs.readFileSync(file).toString('base64')} mode=${stat.mode.toString(8)} mtime=${stat.mtimeMs}`])
    }
  }
  walk('')
  return out
}

export { listFiles }

/**
 * Write `files` as the source folder `<dir>/<name>` (or `src`) and build it
 * into `<dir>/<name>-out` with a cache of its own: the result, a reader of
 * the output, its files but `_slugwiki/`'s and its pages, and its
 * diagnostics formatted with files named from the source folder.
 */
export async function buildFiles(dir: string, name: string, files: Record<string, string>, src = path.join(dir, name)) {
  const out = path.join(dir, `${name}-out`)
  writeFiles(src, files)
  const result = await build({ src, out, cacheDir: path.join(dir, `${name}-cache`), quiet: true })
  const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8')
  const written = fs.existsSync(out) ? listFiles(out).filter((f) => !f.startsWith('_slugwiki/')) : []
  const pages = written.filter((f) => f.endsWith('.html'))
  const warnings = result.diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(src, path.resolve(d.file)) }))
  return { result, read, written, pages, warnings }
}
