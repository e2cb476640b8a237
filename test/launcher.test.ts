/**
 * `npm run build` runs slugwiki compiled ahead of time (scripts/slugwiki.mjs):
 * it must publish the same site as the TypeScript sources, load a wiki's own
 * TypeScript theme, and never run code older than src/.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { builtinModules } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot, runCli } from './helpers/cli.ts'
import { listFiles } from './helpers/files.ts'
import { withoutVisitNaming } from '../scripts/bundle-patches.mjs'

let tmp: string

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-launcher-'))
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** `npm run build -- args`, exactly as a user runs it. */
function npmBuild(args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'build', '--', ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((file) => [file, fs.readFileSync(path.join(dir, file), 'latin1')]))
}

describe('npm run build', () => {
  it('runs the compiled CLI, which publishes the same site as the TypeScript sources', () => {
    const book = path.join(projectRoot, 'test/sites/mdbook')
    const compiled = npmBuild(['--src', book, '--out', path.join(tmp, 'compiled'), '--no-cache', '--quiet'])
    expect(compiled.status, compiled.stderr).toBe(0)
    const sources = runCli(['build', '--src', book, '--out', path.join(tmp, 'sources'), '--no-cache', '--quiet'])
    expect(sources.status, sources.stderr).toBe(0)
    // The same diagnostics, and every page, asset, search index and code stylesheet byte for byte.
    expect(compiled.stderr).toBe(sources.stderr)
    expect(compiled.stderr).toMatch(/warning {2}Link to missing note `nowhere\.md`/)
    const site = snapshot(path.join(tmp, 'sources'))
    expect(site.size).toBeGreaterThan(20)
    expect(snapshot(path.join(tmp, 'compiled'))).toEqual(site)
  })

  it('runs under the Node flags a user gives a large wiki (`node --max-old-space-size=4096`)', () => {
    // V8 flags cannot be given to a worker thread explicitly; its threads must inherit them instead.
    const out = path.join(tmp, 'flags')
    const run = spawnSync(process.execPath, ['--max-old-space-size=4096', '--stack-size=984', path.join(projectRoot, 'scripts/slugwiki.mjs'), 'build', '--src', path.join(projectRoot, 'test/sites/mdbook'), '--out', out, '--no-cache', '--quiet', '--threads', '2'], {
      cwd: projectRoot,
      encoding: 'utf8',
    })
    expect(run.stderr).not.toContain('ERR_WORKER_INVALID_EXEC_ARGV')
    expect(run.status, run.stderr).toBe(0)
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true)
  })

  it("compiles a wiki's own TypeScript theme, which extends a built-in one", () => {
    const wiki = path.join(tmp, 'own')
    fs.cpSync(path.join(projectRoot, 'test/sites/mdbook'), wiki, { recursive: true })
    fs.mkdirSync(path.join(wiki, 'themes/mine/assets'), { recursive: true })
    fs.writeFileSync(
      path.join(wiki, 'themes/mine/index.ts'),
      `interface Ctx { h: (selector: string, children: unknown[]) => unknown }
const title: string = 'Gone fishing'
export default {
  extends: 'paper',
  templates: { notFound: (ctx: Ctx) => ctx.h('article.gone', [ctx.h('h1', [title])]) },
  styles: ['style.css', 'paper.css', 'mine.css'],
}
`,
    )
    fs.writeFileSync(path.join(wiki, 'themes/mine/assets/mine.css'), '.gone { color: teal; }\n')
    const out = path.join(tmp, 'own-out')
    const run = npmBuild(['--src', wiki, '--out', out, '--theme', 'mine', '--cache-dir', path.join(tmp, 'cache')])
    expect(run.status, run.stderr).toBe(0)
    const notFound = fs.readFileSync(path.join(out, '404.html'), 'utf8')
    expect(notFound).toContain('<article class="gone"><h1>Gone fishing</h1></article>')
    // The header comes from `paper`, compiled into the bundle.
    expect(notFound).toContain('<header class="site-header masthead">')
    expect(fs.readFileSync(path.join(out, '_slugwiki/mine.css'), 'utf8')).toBe('.gone { color: teal; }\n')
  })
})

describe('the launcher', () => {
  let pkg: string
  let bundles: string
  /** Run a copy of the package's launcher, with its bundles in `bundles`. */
  const launch = (...args: string[]) => {
    const run = spawnSync(process.execPath, [path.join(pkg, 'scripts/slugwiki.mjs'), ...args], {
      cwd: pkg,
      encoding: 'utf8',
      env: { ...process.env, SLUGWIKI_BUNDLE_DIR: bundles },
    })
    return { status: run.status, stdout: run.stdout, stderr: run.stderr }
  }
  const listBundles = () => fs.readdirSync(bundles).sort()

  beforeAll(() => {
    // A copy of the package to edit, sharing the installed node_modules.
    pkg = path.join(tmp, 'package')
    bundles = path.join(pkg, '.bundles')
    for (const entry of ['src', 'themes', 'scripts/slugwiki.mjs', 'scripts/bundle-patches.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
      fs.cpSync(path.join(projectRoot, entry), path.join(pkg, entry), { recursive: true })
    }
    fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(pkg, 'node_modules'), 'dir')
  })

  it('compiles again after any change under src/, and only then', () => {
    const first = launch('--help')
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toMatch(/^slugwiki: build a wiki/)
    const [bundle] = listBundles()
    expect(listBundles()).toHaveLength(1)
    expect(fs.existsSync(path.join(bundles, bundle!, 'worker.mjs'))).toBe(true)
    expect(fs.existsSync(path.join(bundles, bundle!, 'theme-default.mjs'))).toBe(true)

    // Unchanged sources: the same bundle, reused.
    expect(launch('--help').status).toBe(0)
    expect(listBundles()).toEqual([bundle])

    // An edit, even one that keeps the file's size and modification time, runs at once.
    const cli = path.join(pkg, 'src/cli.ts')
    const stat = fs.statSync(cli)
    fs.writeFileSync(cli, fs.readFileSync(cli, 'utf8').replace('slugwiki: build a wiki', 'slugwiki; build a wiki'))
    fs.utimesSync(cli, stat.atime, stat.mtime)
    const edited = launch('--help')
    expect(edited.status, edited.stderr).toBe(0)
    expect(edited.stdout).toMatch(/^slugwiki; build a wiki/)
    expect(listBundles()).toHaveLength(2)
  })

  it('bundles the packages it imports, except those that find files of their own', () => {
    expect(launch('--help').status).toBe(0)
    const bundle = path.join(bundles, listBundles().at(-1)!)
    const imports = JSON.parse(fs.readFileSync(path.join(bundle, 'imports.json'), 'utf8')) as Record<string, string[]>
    const outside = new Set(Object.values(imports).flat().filter((s) => !s.startsWith('node:') && !builtinModules.includes(s)))
    // bufferutil and utf-8-validate: ws's optional native speed-ups, required inside a try (absent here).
    expect([...outside].sort()).toEqual(['bufferutil', 'open', 'pagefind', 'piscina', 'tsx/esm/api', 'utf-8-validate'])
    expect(imports['worker.mjs']).toEqual(expect.arrayContaining(['piscina']))
  })

  it("leaves unist-util-visit-parents' per-node naming out of the bundle (scripts/bundle-patches.mjs), its walk kept", () => {
    expect(launch('--help').status).toBe(0)
    const bundle = path.join(bundles, listBundles().at(-1)!)
    const code = fs.readdirSync(bundle).filter((f) => f.endsWith('.mjs')).map((f) => fs.readFileSync(path.join(bundle, f), 'utf8')).join('\n')
    // The installed release writes the naming as the pattern expects: an upgrade that moves it fails here.
    const installed = fs.readFileSync(path.join(projectRoot, 'node_modules/unist-util-visit-parents/lib/index.js'), 'utf8')
    expect(installed).toContain("Object.defineProperty(visit, 'name'")
    const patched = withoutVisitNaming(installed)
    expect(patched).not.toContain('Object.defineProperty')
    expect(installed.split('\n').length - patched.split('\n').length).toBe(15)
    expect(code).toContain('function factory(node')
    expect(code).not.toMatch(/Object\.defineProperty\(visit\d*, "name"/)
  })

  it('stops on a source that does not compile, naming it, and runs nothing', () => {
    const broken = path.join(pkg, 'src/report.ts')
    fs.appendFileSync(broken, '\nexport const broken = (\n')
    const before = listBundles()
    const run = launch('--help')
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/src\/report\.ts:\d+:\d+: error: /)
    expect(run.stdout).toBe('')
    expect(listBundles()).toEqual(before)
  })
})
