/** The first of a tool's config file names that is a file in a folder, in the tool's own order of looking. */
import fs from 'node:fs'
import path from 'node:path'

/** The first of `names` that is a file in `dir` (absolute path), if any. */
export function configFileIn(dir: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const file = path.join(dir, name)
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file
  }
  return undefined
}
