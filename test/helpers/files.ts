/** Read a built site back from disk. */
import fs from 'node:fs'
import path from 'node:path'

/** Every file under `dir`, relative and sorted. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort()
}
