/**
 * The build command the benchmark measures: exactly what `npm run build`
 * runs (read from package.json), minus npm's own start-up.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export interface BuildCommand {
  /** Node flags before the script (a TypeScript loader, when the script needs one). */
  nodeArgs: string[]
  /** The CLI script, absolute. */
  script: string
  /** Flags that point the build's persistent cache at `dir`. */
  cacheFlags: (dir: string) => string[]
  /**
   * Run the command once with `--help`: the launcher compiles slugwiki itself
   * when src/ changed since its last run, which belongs to no build measured.
   */
  warmUp: () => void
}

/** Read `scripts.build` of the package at `root`. */
export function buildCommand(root: string): BuildCommand {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const words = pkg.scripts.build!.split(/\s+/)
  // `tsx cli.ts build` (tsx's CLI, which starts a second node), `node [--import tsx] cli.ts build`
  // or `node scripts/slugwiki.mjs build` (the launcher of the compiled CLI).
  const runner = words.shift()
  const nodeArgs: string[] = runner === 'tsx' ? ['--import', 'tsx'] : []
  if (runner !== 'tsx' && runner !== 'node') throw new Error(`Unexpected build runner \`${runner}\` in: ${pkg.scripts.build}`)
  // Node's own flags come before the script; `--import` and `--require` take a value.
  while (runner === 'node' && words[0]?.startsWith('-')) {
    const flag = words.shift()!
    nodeArgs.push(flag, ...(flag === '--import' || flag === '--require' ? [words.shift()!] : []))
  }
  const [script, command] = words
  if (command !== 'build' || !script) throw new Error(`Unexpected build script: ${pkg.scripts.build}`)
  const help = fs.readFileSync(path.join(root, 'src/cli.ts'), 'utf8')
  return {
    nodeArgs,
    script: path.join(root, script),
    // Until the CLI has a persistent cache there is nothing to point anywhere.
    cacheFlags: (dir) => (help.includes('--cache-dir') ? ['--cache-dir', dir] : []),
    warmUp() {
      const run = spawnSync(process.execPath, [...nodeArgs, path.join(root, script), '--help'], { cwd: root, encoding: 'utf8' })
      if (run.status !== 0) throw new Error(`\`${pkg.scripts.build} --help\` exited ${run.status}: ${run.stderr}`)
    },
  }
}
