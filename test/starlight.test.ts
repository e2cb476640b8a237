import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { docusaurusOutline, type DocusaurusDoc } from '../src/content/docusaurus-outline.ts'
import { docusaurusUrl } from '../src/content/docusaurus-urls.ts'
import type { OutlineItem } from '../src/content/summary.ts'
import type { SourcePath } from '../src/paths.ts'
import { searchDocuments } from '../src/search/build-index.ts'
import { writeFiles } from './helpers/files.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-starlight-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const site = (name: string, files: Record<string, string>): string => writeFiles(path.join(tmp, name), files)

const CONFIG = "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n\nexport default defineConfig({\n  integrations: [\n    starlight({\n      title: 'Docs',\n      sidebar: [{ label: 'Guides', autogenerate: { directory: 'guides' } }],\n    }),\n  ],\n});\n"

describe('a Starlight site', () => {
  it('reads src/content/docs from the site folder, and finds the config above it, without running it', () => {
    const dir = site('detect', { 'astro.config.mjs': CONFIG, 'src/content/docs/index.mdx': '---\ntitle: Home\n---\n', 'public/favicon.svg': '<svg/>' })
    for (const src of [dir, path.join(dir, 'src/content/docs')]) {
      const config = resolveConfig({ src }, tmp)
      expect(config.src).toBe(path.join(dir, 'src/content/docs'))
      expect(config.root).toBe(dir)
      expect(config.starlight).toBe(true)
      // Its title, a string literal, read from the config's text.
      expect(config.title).toBe('Docs')
      // Its docs are MDX, read as a Docusaurus site's are; Astro serves `public/` at the root.
      expect(config.docusaurus).toBe(true)
      expect(config.staticDir).toBe(path.join(dir, 'public'))
      // The sidebar the config writes is JavaScript: named, at its line and column, as not read.
      expect(config.docusaurusSite?.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual(['detect/astro.config.mjs:8:7 starlight'])
    }
  })

  it('is titled by its folder when the config names its title any other way', () => {
    const dir = site('variable-title', { 'astro.config.ts': "import starlight from '@astrojs/starlight';\nconst title = 'T';\nexport default { integrations: [starlight({ title, sidebar })] };\n", 'src/content/docs/a.md': '# A\n' })
    expect(resolveConfig({ src: dir }, tmp).title).toBe('variable-title')
  })

  it('is no Starlight site for an Astro site without Starlight, nor for src/content/docs without a config', () => {
    expect(resolveConfig({ src: site('blog', { 'astro.config.mjs': "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n", 'src/content/docs/a.md': '# A\n' }) }, tmp).starlight).toBe(false)
    expect(resolveConfig({ src: path.join(site('bare', { 'src/content/docs/a.md': '# A\n' }), 'src/content/docs') }, tmp).starlight).toBe(false)
  })

  it('publishes .mdx pages titled by their frontmatter, with asides, components and Starlight URLs resolved', async () => {
    const dir = site('build', {
      'astro.config.mjs': CONFIG,
      'src/content/docs/index.mdx': '---\ntitle: Home\ntemplate: splash\npagefind: false\n---\n\nimport { LinkCard } from \'@astrojs/starlight/components\';\n\n<LinkCard title="Start" href="/guides/start/" />\n',
      'src/content/docs/guides/start.mdx': '---\ntitle: Starting\n---\n\n:::tip[Did you know?]\nA tip.\n:::\n\nBack [home](/), on to [IPC](/concept/inter-process-communication/#events).\n\n<LinkCard\n  title="Gone"\n  href="/concept/gone/"\n/>\n',
      'src/content/docs/concept/Inter-Process Communication/index.md': '---\ntitle: IPC\n---\n\n## Events\n\nRead against its URL, `/concept/inter-process-communication/`: [start](../../guides/start/).\n',
    })
    const out = path.join(tmp, 'build-out')
    const result = await build({ src: dir, out, cacheDir: path.join(tmp, 'build-cache'), quiet: true })
    // A link card's broken link is reported at its tag.
    expect(result.diagnostics.filter((d) => d.rule !== 'starlight').map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.rule}`)).toEqual(['start.mdx:11:1 missing-link'])
    const start = fs.readFileSync(path.join(out, 'guides/start.html'), 'utf8')
    expect(start).toContain('<h1>Starting</h1>')
    expect(start).toContain('<p class="markdown-alert-title custom-block-title">Did you know?</p>')
    // Astro's slug of the folder `Inter-Process Communication` is `inter-process-communication`.
    expect(start).toContain('<a href="../concept/Inter-Process%20Communication/index.html#events">IPC</a>')
    // A relative link is a URL, read against the page's own: it climbs out of the folder as a file path only.
    const ipc = fs.readFileSync(path.join(out, 'concept/Inter-Process Communication/index.html'), 'utf8')
    expect(ipc).toContain('<a href="../../guides/start.html">start</a>')
    // `pagefind: false` keeps a page out of search only.
    expect(result.graph && searchDocuments(result.graph).notes.map((n) => n.source).sort()).toEqual(['concept/Inter-Process Communication/index.md', 'guides/start.mdx'])
    const home = fs.readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(home).toContain('<a href="guides/start.html">Start</a>')
  })
})

/** The outline as indented `title (source)` lines. */
function shown(items: OutlineItem[], depth = 0): string[] {
  return items.flatMap((item) => (item.kind === 'chapter' ? [`${'  '.repeat(depth)}${item.title}${item.source ? ` (${item.source})` : ''}`, ...shown(item.children, depth + 1)] : []))
}

const doc = (source: string, title: string, frontmatter: Record<string, unknown> = {}): DocusaurusDoc => ({ source: source as SourcePath, title, frontmatter })

describe("Starlight's autogenerated sidebar", () => {
  it('orders by sidebar.order, labels by sidebar.label, and leaves out sidebar.hidden', () => {
    const docs = [
      doc('guides/zeta.mdx', 'Zeta', { sidebar: { order: 1 } }),
      doc('guides/alpha.md', 'Alpha', { sidebar: { label: 'First steps' } }),
      doc('guides/beta.md', 'Beta', { sidebar: { hidden: true } }),
      // An index's `sidebar.label` names its own entry (Tauri's "Overview"): its folder goes by the page's title.
      doc('concept/index.mdx', 'Core Concepts', { sidebar: { label: 'Overview', order: 0 } }),
    ]
    expect(shown(docusaurusOutline(docs, () => undefined, { starlight: true }))).toEqual(['Core Concepts (concept/index.mdx)', 'guides', '  Zeta (guides/zeta.mdx)', '  First steps (guides/alpha.md)'])
    // A Docusaurus site's doc has no such key.
    expect(shown(docusaurusOutline(docs, () => undefined))).toEqual(['Core Concepts (concept/index.mdx)', 'guides', '  Alpha (guides/alpha.md)', '  Beta (guides/beta.md)', '  Zeta (guides/zeta.mdx)'])
  })
})

describe("a Starlight doc's URL", () => {
  it('is its path slugged segment by segment, as Astro slugs it, or its frontmatter slug', () => {
    const url = (source: string, frontmatter: Record<string, unknown> = {}) => docusaurusUrl({ source, frontmatter }, { starlight: true })
    expect(url('concept/Inter-Process Communication/index.mdx')).toBe('/concept/inter-process-communication/')
    expect(url('index.mdx')).toBe('/')
    // No number prefix is stripped, unlike Docusaurus.
    expect(url('guides/01-Getting Started.md')).toBe('/guides/01-getting-started/')
    expect(url('guides/a.md', { slug: 'elsewhere/b' })).toBe('/elsewhere/b/')
  })
})
