/**
 * Parts a theme shares between pages (`ctx.shared`, the default sidebar's
 * closed entries): every page is byte-identical to the page rendered with
 * nothing shared, a part is made once per folder, and each build of the
 * site makes its own.
 */
import path from 'node:path'
import type { Root, RootContent } from 'hast'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileSite, type SiteResult } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { isSerialised } from '../src/markdown/slotted-html.ts'
import { walk } from '../src/markdown/walk.ts'
import { joinOutput } from '../src/output.ts'
import { BUILTIN_THEMES, loadTheme, type LoadedTheme } from '../src/theme/load.ts'
import { renderPageOutput, renderPageTree, type RenderOptions } from '../src/theme/render.ts'
import { projectRoot } from './helpers/cli.ts'

let site: SiteResult
let theme: LoadedTheme
const options = (graph = site.graph): RenderOptions => ({ config: site.config, graph, theme })

beforeAll(async () => {
  const config = resolveConfig({ src: path.join(projectRoot, 'test/sites/mdbook'), out: path.join(projectRoot, 'unused-out'), cache: false, quiet: true })
  site = await compileSite(config)
  theme = await loadTheme('default', [BUILTIN_THEMES])
})

/** The shared parts of a page's tree: serialised nodes that are not note bodies (those sit in `<main>`). */
function sharedNodes(tree: Root): RootContent[] {
  const found: RootContent[] = []
  walk(tree, (node) => {
    if (node.type === 'element' && node.tagName === 'main') return false
    if (node.type === 'raw' && isSerialised(node)) found.push(node)
  })
  return found
}

describe('parts shared between pages', () => {
  it('leaves every page byte-identical to the page with every part made in place', () => {
    expect(site.pages.length).toBeGreaterThan(5)
    for (const page of site.pages) {
      const shared = joinOutput(renderPageOutput(page, options()))
      // Every part made in place, in the page's own tree, as if the theme shared nothing.
      const document = theme.templates.document
      const inline: LoadedTheme = { ...theme, templates: { ...theme.templates, document: (ctx) => document({ ...ctx, shared: (_key, make) => make() }) } }
      const alone = joinOutput(renderPageOutput(page, { ...options(), theme: inline }))
      expect(shared, page.slug).toBe(alone)
    }
  })

  it('makes a part once for the pages of a folder, and once more for another folder or another build', () => {
    const inRoot = site.pages.filter((p) => p.kind === 'note' && !p.slug.includes('/'))
    const inFolder = site.pages.find((p) => p.kind === 'note' && p.slug.includes('/'))!
    expect(inRoot.length).toBeGreaterThan(1)
    const [a, b] = inRoot.map((page) => sharedNodes(renderPageTree(page, options())))
    expect(a!.length).toBeGreaterThan(0)
    // Entries closed on both pages are the very same node.
    const common = a!.filter((node) => b!.includes(node))
    expect(common.length).toBeGreaterThan(0)
    const other = sharedNodes(renderPageTree(inFolder, options()))
    expect(other.some((node) => a!.includes(node))).toBe(false)
    const rebuilt = sharedNodes(renderPageTree(inRoot[0]!, options({ ...site.graph })))
    expect(rebuilt.some((node) => a!.includes(node))).toBe(false)
  })
})
