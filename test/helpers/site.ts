/** Throw-away wikis on disk for whole-build tests. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { writeFiles } from './files.ts'

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

/** Every file under `dir`, relative, POSIX separators, sorted. */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}
