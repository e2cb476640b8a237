/**
 * What `npm run build` and `npm run dev` run: slugwiki's CLI compiled ahead of
 * time to plain JavaScript, so Node starts it without a TypeScript loader
 * (tsx's hooks cost more CPU than the build of an unchanged wiki).
 *
 * esbuild bundles the CLI, the note worker and the built-in themes, with the
 * packages they import (Node then reads and links a few large files instead
 * of hundreds of small ones: a note thread is ready ~0.3 s sooner), into a
 * folder named by a hash of everything the bundle is made from: src/, themes/,
 * package.json, package-lock.json, tsconfig.json, this file and
 * bundle-patches.mjs (what the bundle changes in a package, and why). Any edit there
 * gives another name, so it is compiled (about a second) before the
 * next run: stale code never runs. A new folder appears whole (written aside,
 * then renamed), so concurrent runs never see half a bundle.
 *
 * Plain JavaScript, because it is what runs before anything can compile
 * TypeScript. `SLUGWIKI_BUNDLE_DIR` puts the bundles elsewhere (tests do);
 * it must be inside this package, for the bundle to find node_modules.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { bundlePatches } from './bundle-patches.mjs'

const self = fileURLToPath(import.meta.url)
const root = path.dirname(path.dirname(self))
const home = process.env.SLUGWIKI_BUNDLE_DIR ? path.resolve(process.env.SLUGWIKI_BUNDLE_DIR) : path.join(root, 'node_modules/.cache/slugwiki/bin')
/** Bundles kept besides the newest: a long-running `npm run dev` may still start workers from its own. */
const KEEP = 3

/** Files under `dir` (relative to the package root), sorted. */
function filesUnder(dir) {
  const out = []
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name)
      if (entry.isDirectory()) walk(child)
      else if (entry.isFile()) out.push(child)
    }
  }
  walk(dir)
  return out.sort()
}

/** The hash of every input of the bundle, by content (not modification time, which checkouts and copies move). */
function inputsHash() {
  const hash = createHash('sha256')
  const files = ['package.json', 'package-lock.json', 'tsconfig.json', path.relative(root, self), 'scripts/bundle-patches.mjs', ...filesUnder('src'), ...filesUnder('themes')]
  for (const file of files) {
    hash.update(`${file.split(path.sep).join('/')}\0`)
    try {
      hash.update(fs.readFileSync(path.join(root, file)))
    } catch (error) {
      if (error.code !== 'ENOENT') throw error
      hash.update('\0missing')
    }
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

/**
 * Packages loaded from node_modules as they are, because they find files of
 * their own at run time: piscina starts its worker script (and our worker
 * must share the `workerData` that script's copy of piscina holds), pagefind
 * and esbuild spawn their platform binaries, open runs its xdg-open script,
 * and tsx registers loader hooks by path.
 */
const EXTERNAL = ['piscina', 'pagefind', 'esbuild', 'open', 'tsx', 'tsx/*']

/**
 * Bundled CommonJS packages (ws, yaml's Node build) call `require`,
 * which an ES module lacks: each output file makes one, as esbuild advises.
 */
const REQUIRE = "import { createRequire as __slugwikiCreateRequire } from 'node:module'; const require = __slugwikiCreateRequire(import.meta.url);"

/** Compile into `target`: written to a private folder, then renamed, so the bundle appears whole or not at all. */
async function compile(target) {
  const { build } = await import('esbuild')
  const entryPoints = { cli: 'src/cli.ts', worker: 'src/markdown/worker.ts', 'search-worker': 'src/search/search-worker.mjs' }
  for (const name of fs.readdirSync(path.join(root, 'themes'))) {
    if (fs.existsSync(path.join(root, 'themes', name, 'index.ts'))) entryPoints[`theme-${name}`] = `themes/${name}/index.ts`
  }
  const temporary = `${target}.tmp-${process.pid}`
  fs.rmSync(temporary, { recursive: true, force: true })
  try {
    const { metafile } = await build({
      absWorkingDir: root,
      entryPoints,
      outdir: temporary,
      outExtension: { '.js': '.mjs' },
      // Shared code goes to chunks, so a module imported lazily (the dev server's) brings its packages only
      // when it loads. Every file sits in one folder: a module finds the worker and themes beside itself.
      splitting: true,
      bundle: true,
      external: EXTERNAL,
      banner: { js: REQUIRE },
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // With NODE_OPTIONS=--enable-source-maps, stack traces name src/ files and lines. Not on by
      // default: Node then reads the source map of every module that has one, ~0.1 s of CPU a run.
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'silent',
      metafile: true,
      plugins: [bundlePatches],
    })
    // What each file imports from outside the bundle, for anyone asking why a package loads as it is.
    const imports = Object.fromEntries(
      Object.entries(metafile.outputs)
        .map(([file, output]) => [path.basename(file), [...new Set(output.imports.filter((i) => i.external).map((i) => i.path))].sort()])
        .filter(([, external]) => external.length > 0),
    )
    fs.writeFileSync(path.join(temporary, 'imports.json'), `${JSON.stringify(imports, null, 1)}\n`)
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true })
    // esbuild's errors name file:line:col; anything else (esbuild missing) is shown as it is.
    const lines = error.errors?.map((e) => `${e.location ? `${e.location.file}:${e.location.line}:${e.location.column + 1}: ` : ''}error: ${e.text}`)
    process.stderr.write(`slugwiki could not compile its own sources:\n${lines?.join('\n') ?? error.stack}\n`)
    process.exit(1)
  }
  try {
    fs.renameSync(temporary, target)
  } catch (error) {
    // Another run compiled the same sources first: theirs is identical.
    fs.rmSync(temporary, { recursive: true, force: true })
    if (!fs.existsSync(path.join(target, 'cli.mjs'))) throw error
  }
}

/** Remove all but the newest `KEEP` bundles, and leftovers of compiles that died over an hour ago. */
function prune(current) {
  const now = Date.now()
  const entries = fs
    .readdirSync(home)
    .filter((name) => name !== path.basename(current))
    .map((name) => ({ name, mtime: fs.statSync(path.join(home, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)
  const bundles = entries.filter((e) => !e.name.includes('.tmp-'))
  const stale = [...bundles.slice(KEEP), ...entries.filter((e) => e.name.includes('.tmp-') && now - e.mtime > 3_600_000)]
  for (const { name } of stale) fs.rmSync(path.join(home, name), { recursive: true, force: true })
}

const target = path.join(home, inputsHash())
if (!fs.existsSync(path.join(target, 'cli.mjs'))) {
  fs.mkdirSync(home, { recursive: true })
  await compile(target)
  prune(target)
}
// The bundle finds its package from its own path, which Node resolves through symbolic links: with
// node_modules linked from another checkout (a git worktree), that is the other checkout's, whose
// themes/ and src/ are not the ones this bundle was made from. This package's root is told instead.
process.env.SLUGWIKI_PACKAGE_ROOT = root
await import(pathToFileURL(path.join(target, 'cli.mjs')).href)
