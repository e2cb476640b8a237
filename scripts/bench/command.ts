/**
 * The build command the benchmark measures: exactly what `npm run build`
 * runs (read from package.json), minus npm's own start-up.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface BuildCommand {
  /** Node flags before the script (a TypeScript loader, when the script needs one). */
  nodeArgs: string[]
  /** The CLI script, absolute. */
  script: string
  /** Flags that point the build's persistent cache at `dir`. */
  cacheFlags: (dir: string) => string[]
}

/** Read `scripts.build` of the package at `root`. */
export function buildCommand(root: string): BuildCommand {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const [runner, script, command] = pkg.scripts.build!.split(/\s+/)
  if (command !== 'build' || !script) throw new Error(`Unexpected build script: ${pkg.scripts.build}`)
  const nodeArgs = runner === 'tsx' ? ['--import', 'tsx'] : runner === 'node' ? [] : undefined
  if (!nodeArgs) throw new Error(`Unexpected build runner \`${runner}\` in: ${pkg.scripts.build}`)
  const help = fs.readFileSync(path.join(root, 'src/cli.ts'), 'utf8')
  return {
    nodeArgs,
    script: path.join(root, script),
    // Until the CLI has a persistent cache there is nothing to point anywhere.
    cacheFlags: (dir) => (help.includes('--cache-dir') ? ['--cache-dir', dir] : []),
  }
}
