/**
 * What a site with mermaid diagrams ships: mermaid's browser build and
 * slugwiki's script that draws the diagrams with it, both under
 * `_slugwiki/mermaid/`, copied only when some page has a diagram.
 *
 * The build is mermaid's one-file `mermaid.min.js` (an IIFE that sets
 * `window.mermaid`), not its ESM build with chunks: a classic script loads
 * from `file://` (module scripts are blocked there, and the site is meant to
 * open from disk), needs no `.mjs` content type from the host, and is one
 * file to copy instead of a hundred. It holds every diagram type (about
 * 1 MB gzipped), fetched once, after the page, and only by pages with a diagram.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { packageRoot } from '../config.ts'
import type { OutputPlan } from '../output.ts'

const require = createRequire(import.meta.url)

/** The drawing script a page with a diagram links, as an asset name under `_slugwiki/`. */
export const MERMAID_LOADER = 'mermaid/diagrams.js'

/** The folder of mermaid's browser build in `node_modules`. */
function mermaidDist(): string {
  return path.dirname(require.resolve('mermaid/dist/mermaid.min.js'))
}

/** The drawing script's source: plain JavaScript for the browser, copied as it is. */
export const LOADER_SOURCE = path.join(packageRoot(), 'src/mermaid/client.js')

/** Add mermaid's build and the drawing script to the site's files, under `assetDir`. */
export function addMermaidAssets(plan: OutputPlan, assetDir: string): void {
  plan.copies.set(`${assetDir}/${MERMAID_LOADER}`, LOADER_SOURCE)
  // The loader fetches it from beside itself: `mermaid.min.js` in the same folder.
  plan.copies.set(`${assetDir}/mermaid/mermaid.min.js`, path.join(mermaidDist(), 'mermaid.min.js'))
}

/** The folders the files `addMermaidAssets` copies come from, for the dev server to serve from. */
export function mermaidRoots(): string[] {
  return [mermaidDist(), path.dirname(LOADER_SOURCE)]
}
