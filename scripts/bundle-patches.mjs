/**
 * Changes the launcher's bundle (scripts/slugwiki.mjs) makes to a package's
 * code as esbuild reads it, each for a cost measured in a build. Plain
 * JavaScript, as the launcher is.
 *
 * unist-util-visit-parents (under unist-util-visit, which most remark and
 * rehype plugins walk trees with) names the function it makes for each node
 * it walks, `Object.defineProperty(visit, 'name', {value: 'node (<p>)'})`,
 * so that a stack trace through a visitor reads as the node it was in. That
 * is a property definition and a string per node of every walk: in a CPU
 * profile of a cold build (600 notes, one thread) `defineProperty` alone took
 * 2.2 s of the note thread's 65 s. The bundle drops the naming; the walk is
 * unchanged (a stack trace reads `visit` instead). When a release of the
 * package writes it otherwise, the pattern finds nothing and the package is
 * bundled as it is (test/launcher.test.ts checks the installed one).
 */
import fs from 'node:fs'

/** The naming block of unist-util-visit-parents 6 (lib/index.js, in `factory`). */
const VISIT_NAMING = /\n {4}if \(typeof value\.type === 'string'\) \{\n {6}const name =[^]*?\n {6}Object\.defineProperty\(visit, 'name', \{\n[^]*?\n {6}\}\)\n {4}\}\n/

/** `source` (unist-util-visit-parents' lib/index.js) without its per-node naming; as it is when it has none. */
export function withoutVisitNaming(source) {
  return source.replace(VISIT_NAMING, '\n')
}

/** The esbuild plugin making the changes above. */
export const bundlePatches = {
  name: 'slugwiki-bundle-patches',
  setup(build) {
    build.onLoad({ filter: /[\\/]unist-util-visit-parents[\\/]lib[\\/]index\.js$/ }, async (args) => ({
      contents: withoutVisitNaming(await fs.promises.readFile(args.path, 'utf8')),
      loader: 'js',
    }))
  },
}
