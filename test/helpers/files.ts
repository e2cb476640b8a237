/** Read a built site back from disk. */
import fs from 'node:fs'
import path from 'node:path'
import { planContent, planPaths, type OutputPlan } from '../../src/output.ts'

/** Write `files` (paths relative to `dir`, folders made as needed) and return `dir`. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): string {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), content)
  }
  return dir
}

/** Every file under `dir`, relative, POSIX separators, sorted. */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

/**
 * Every file of a plan (pages rendered now or kept from the last output,
 * generated files, copies), by output path, sorted. Read at once: a later
 * build may drop the cached bodies its pages read.
 */
export function planFiles(plan: OutputPlan): Map<string, string | Uint8Array> {
  return new Map(planPaths(plan).sort().map((rel) => [rel, planContent(plan, rel)!]))
}
