import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { ConfigError, editUrl, resolveConfig } from '../src/config.ts'
import { editTemplate, readMkdocsYaml } from '../src/config-mkdocs.ts'
import { expandIncludes } from '../src/content/include.ts'
import { sourceReader } from '../src/content/load.ts'
import { mapLine } from '../src/content/include.ts'
import { dirnameToTitle, mkdocsFolderOutline } from '../src/content/mkdocs-outline.ts'
import type { OutlineItem } from '../src/content/summary.ts'
import type { SourcePath } from '../src/paths.ts'
import { formatDiagnostic } from '../src/report.ts'
import { projectRoot } from './helpers/cli.ts'
import { listFiles, writeFiles } from './helpers/files.ts'
import { render } from './helpers/markdown.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-mkdocs-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const site = (name: string, files: Record<string, string>): string => writeFiles(path.join(tmp, name), files)
const fixture = path.join(projectRoot, 'test/sites/mkdocs')

/** The outline as indented `title (source)` lines, a link out as `title <url>`. */
function shown(items: OutlineItem[], depth = 0): string[] {
  return items.flatMap((item) =>
    item.kind === 'chapter' ? [`${'  '.repeat(depth)}${item.title}${item.source ? ` (${item.source})` : ''}${item.url ? ` <${item.url}>` : ''}`, ...shown(item.children, depth + 1)] : [],
  )
}

describe('an MkDocs site', () => {
  it('reads docs_dir from the project folder, and finds mkdocs.yml above --src docs', () => {
    for (const src of [fixture, path.join(fixture, 'docs')]) {
      const config = resolveConfig({ src }, projectRoot)
      expect(config.mkdocs).toBe(true)
      expect(config.src).toBe(path.join(fixture, 'docs'))
      expect(config.root).toBe(fixture)
      expect(config.configFile).toBe(path.join(fixture, 'mkdocs.yml'))
      expect(config.title).toBe('Kernel notes')
      expect(config.description).toBe("Notes on the kernel's memory and scheduler")
      expect(config.authors).toEqual(['A. Author'])
      // Material's `theme.language`.
      expect(config.language).toBe('de')
      // `site_url` gives the base path and the absolute URL of the feed.
      expect(config.base).toBe('/kernel/')
      expect(config.siteUrl).toBe('https://example.org/kernel/')
      expect(config.repositoryUrl).toBe('https://github.com/example/kernel-notes')
      expect(config.repositoryHost).toBe('github')
      // `edit_uri` is joined to `repo_url`; the page is named by its path under docs_dir.
      expect(editUrl(config, 'mm/page-tables.md')).toBe('https://github.com/example/kernel-notes/edit/main/docs/mm/page-tables.md')
      // `extra_css` is a file of docs_dir; the URL is left out with a warning at its key.
      expect(config.additionalCss).toEqual(['docs/css/extra.css'])
      expect(config.mkdocsSite?.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
        '18:5 `extra_css`: `https://unpkg.com/some/remote.css` is a URL; slugwiki adds files of `docs_dir` only, so it is left out',
      ])
      // Obsidian's syntax is not MkDocs's.
      expect([config.inlineTags, config.comments, config.blockIds, config.shortestLinks]).toEqual([false, false, false, false])
      // `==mark==` only with pymdownx.mark, which this site does not list.
      expect(config.highlights).toBe(false)
      // `:warning:` with pymdownx.emoji, which it lists.
      expect(config.emoji).toBe(true)
    }
  })

  it("parses MkDocs's custom tags, keeping Python ones as plain values and resolving !ENV", () => {
    const dir = site('tags', {
      'mkdocs.yml': [
        'site_name: !ENV [SLUGWIKI_MKDOCS_NAME, "Fallback"]',
        'site_author: !ENV SLUGWIKI_MKDOCS_AUTHOR',
        'docs_dir: !relative docs',
        'markdown_extensions:',
        '  - pymdownx.emoji:',
        '      emoji_index: !!python/name:material.extensions.emoji.twemoji',
        '  - toc:',
        '      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}',
        '',
      ].join('\n'),
      'docs/index.md': '# Home\n',
    })
    expect(readMkdocsYaml(path.join(dir, 'mkdocs.yml'), (p) => p, {})).toMatchObject({ siteName: 'Fallback', author: undefined, docs: path.join(dir, 'docs'), diagnostics: [] })
    const set = readMkdocsYaml(path.join(dir, 'mkdocs.yml'), (p) => p, { SLUGWIKI_MKDOCS_NAME: 'From env', SLUGWIKI_MKDOCS_AUTHOR: 'Env author' })
    expect([set.siteName, set.author]).toEqual(['From env', 'Env author'])
    // pymdownx.emoji, listed above: `:warning:` is an emoji.
    expect(resolveConfig({ src: dir }, tmp).emoji).toBe(true)
  })

  it('stops on broken YAML at its line and column, and on a docs_dir that is not there', () => {
    const broken = site('broken', { 'mkdocs.yml': 'site_name: x\nnav:\n  - Home: index.md\n - bad: [\n', 'docs/index.md': '# Home\n' })
    expect(() => resolveConfig({ src: broken }, tmp)).toThrow(ConfigError)
    try {
      resolveConfig({ src: broken }, tmp)
    } catch (error) {
      const d = (error as ConfigError).diagnostic
      expect(`${d.file}:${d.line}:${d.column} ${d.severity}`).toBe('broken/mkdocs.yml:4:1 error')
      expect(d.message).toMatch(/^Broken YAML: /)
    }
    const nodocs = site('nodocs', { 'mkdocs.yml': 'site_name: x\ndocs_dir: pages\n' })
    expect(() => resolveConfig({ src: nodocs }, tmp)).toThrow(/`docs_dir`: the folder `nodocs\/pages` does not exist/)
  })

  it('reads mkdocs.yaml, a docs_dir of its own, and INHERIT; a file above naming another docs_dir is not ours', () => {
    const dir = site('yaml', {
      'base.yml': 'site_name: Inherited\nsite_description: From the parent\ntheme:\n  name: material\n  language: fr\n',
      'mkdocs.yaml': 'INHERIT: base.yml\nsite_description: Own\ndocs_dir: pages\ntheme:\n  features: [navigation.indexes]\n',
      'pages/index.md': '# Home\n',
      'other/index.md': '# Other\n',
    })
    const config = resolveConfig({ src: path.join(dir, 'pages') }, tmp)
    expect([config.mkdocs, config.src, config.title, config.description, config.language]).toEqual([true, path.join(dir, 'pages'), 'Inherited', 'Own', 'fr'])
    expect(resolveConfig({ src: path.join(dir, 'other') }, tmp).mkdocs).toBe(false)
  })

  it('makes edit links as MkDocs does; an empty edit_uri is unset, an empty string none', () => {
    const dir = site('edit-empty', { 'mkdocs.yml': 'repo_url: https://github.com/a/b\nedit_uri:\n', 'docs/index.md': '# Home\n' })
    expect(resolveConfig({ src: dir }, tmp).editUrlTemplate).toBe('https://github.com/a/b/edit/master/docs/{path}')
    const off = site('edit-off', { 'mkdocs.yml': "repo_url: https://github.com/a/b\nedit_uri: ''\n", 'docs/index.md': '# Home\n' })
    expect(resolveConfig({ src: off }, tmp).editUrlTemplate).toBeUndefined()
    expect(editTemplate('https://github.com/a/b', undefined, undefined)).toBe('https://github.com/a/b/edit/master/docs/{path}')
    expect(editTemplate('https://bitbucket.org/a/b/', undefined, undefined)).toBe('https://bitbucket.org/a/b/src/default/docs/{path}')
    expect(editTemplate('https://example.org/a/b', undefined, undefined)).toBeUndefined()
    expect(editTemplate('https://github.com/a/b', '', undefined)).toBeUndefined()
    expect(editTemplate('https://github.com/a/b', 'blob/main/site/docs', undefined)).toBe('https://github.com/a/b/blob/main/site/docs/{path}')
    expect(editTemplate('https://github.com/a/b', '/a/b/edit/dev/docs/', undefined)).toBe('https://github.com/a/b/edit/dev/docs/{path}')
    expect(editTemplate('https://github.com/a/b', undefined, 'edit/main/docs/{path}')).toBe('https://github.com/a/b/edit/main/docs/{path}')
    expect(editTemplate(undefined, 'https://git.example.org/edit/docs/', undefined)).toBe('https://git.example.org/edit/docs/{path}')
  })
})

describe("MkDocs's navigation", () => {
  it('builds the sidebar from nav, warns of pages it leaves out unless not_in_nav matches, and publishes nothing exclude_docs matches', async () => {
    const out = path.join(tmp, 'fixture-out')
    const result = await build({ src: fixture, out, cacheDir: path.join(tmp, 'fixture-cache'), quiet: true })
    expect(result.diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(projectRoot, path.resolve(d.file)) }))).toEqual([
      'test/sites/mkdocs/docs/sched/README.md  warning  Left out of the site: `sched/index.md` is this folder\'s page, as MkDocs keeps it over README.md  mkdocs-readme',
      'test/sites/mkdocs/docs/sched/index.md  warning  Not listed in `nav` of mkdocs.yml; built but not in the navigation  unlisted',
      'test/sites/mkdocs/docs/unlisted.md  warning  Not listed in `nav` of mkdocs.yml; built but not in the navigation  unlisted',
      'test/sites/mkdocs/mkdocs.yml:18:5  warning  `extra_css`: `https://unpkg.com/some/remote.css` is a URL; slugwiki adds files of `docs_dir` only, so it is left out  mkdocs',
      'test/sites/mkdocs/mkdocs.yml:54:5  warning  `nav` names `missing.md`, which is not a page of `docs_dir`; listed, not linked  missing-chapter',
    ])
    const nav = fs.readFileSync(path.join(out, '_slugwiki/nav.js'), 'utf8')
    expect(nav).toBe(
      'self.slugwikiNav=[{"t":"Home","h":"index.html"},{"t":"Memory","h":"mm/index.html","c":[{"t":"Page tables","h":"mm/page-tables.html"},{"t":"Reclaim","h":"mm/reclaim.html"}]},{"t":"CFS","h":"sched/cfs.html"},{"t":"Kernel source","u":"https://git.kernel.org/"},{"t":"Gone"}];\n',
    )
    const page = fs.readFileSync(path.join(out, 'mm/reclaim.html'), 'utf8')
    expect(page).toContain('<a class="external" href="https://git.kernel.org/">Kernel source</a>')
    expect(page).toContain('<html lang="de"')
    const files = listFiles(out)
    // `drafts/` (exclude_docs) and `templates/` (MkDocs's own default) are not published; mkdocs.yml is no page.
    expect(files.filter((f) => /drafts|templates|mkdocs|README/.test(f))).toEqual([])
    expect(files).toContain('quiet.html')
    // Snippets' `auto_append` ends every page with the abbreviations, which `abbr` reads.
    expect(fs.readFileSync(path.join(out, 'mm/page-tables.html'), 'utf8')).toContain('<p>Four levels, cached in the <abbr title="Translation lookaside buffer">TLB</abbr>.</p>')
  })

  it("reads SUMMARY.md as mkdocs-literate-nav does when plugins lists it, its plain entries sections; else nav wins", async () => {
    const files = {
      'docs/index.md': '# Home\n',
      'docs/guides/setup.md': '# Setup\n',
      'docs/SUMMARY.md': '- [Home](index.md)\n- Guides\n    - [Setup](guides/setup.md)\n',
    }
    const literate = site('literate', { ...files, 'mkdocs.yml': 'site_name: L\nplugins:\n  - search\n  - literate-nav:\n      nav_file: SUMMARY.md\nnav:\n  - guides/setup.md\n' })
    const out = path.join(tmp, 'literate-out')
    const result = await build({ src: literate, out, cacheDir: path.join(tmp, 'literate-cache'), quiet: true })
    expect(result.diagnostics).toEqual([])
    expect(fs.readFileSync(path.join(out, '_slugwiki/nav.js'), 'utf8')).toBe('self.slugwikiNav=[{"t":"Home","h":"index.html"},{"t":"Guides","f":1,"c":[{"t":"Setup","h":"guides/setup.html"}]}];\n')
    const plain = site('not-literate', { ...files, 'mkdocs.yml': 'site_name: P\nnav:\n  - guides/setup.md\n  - index.md\n' })
    const plainOut = path.join(tmp, 'not-literate-out')
    await build({ src: plain, out: plainOut, cacheDir: path.join(tmp, 'not-literate-cache'), quiet: true })
    expect(fs.readFileSync(path.join(plainOut, '_slugwiki/nav.js'), 'utf8')).toBe('self.slugwikiNav=[{"t":"Setup","h":"guides/setup.html"},{"t":"Home","h":"index.html"}];\n')
  })

  it("reads a literate-nav entry linking a folder (`[Maps](maps/)`) as that folder's own nav file, or its files when it has none", async () => {
    // The shape of isovalent/ebpf-docs: the root SUMMARY.md links folders, each folder keeps its own SUMMARY.md.
    const dir = site('literate-dirs', {
      'mkdocs.yml': 'site_name: E\ntheme:\n  name: material\n  features:\n    - navigation.indexes\nplugins:\n  - literate-nav:\n      nav_file: SUMMARY.md\n',
      'docs/SUMMARY.md': '* [Home](index.md)\n* [Linux](linux/index.md)\n  * [Helpers](linux/helpers/)\n  * [Maps](linux/maps/)\n',
      'docs/index.md': '# Home\n',
      'docs/linux/index.md': '# Linux\n',
      'docs/linux/helpers/SUMMARY.md': '* [`index.md`](index.md)\n* Map helpers\n  * [`lookup`](lookup.md)\n  * [`update`](update.md)\n',
      'docs/linux/helpers/index.md': '# Helpers\n',
      'docs/linux/helpers/lookup.md': '# Lookup\n',
      'docs/linux/helpers/update.md': '# Update\n',
      'docs/linux/maps/index.md': '# Map types\n',
      'docs/linux/maps/HASH.md': '# Hash\n',
      'docs/linux/maps/ARRAY.md': '# Array\n',
    })
    const out = path.join(tmp, 'literate-dirs-out')
    const result = await build({ src: dir, out, cacheDir: path.join(tmp, 'literate-dirs-cache'), quiet: true })
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([])
    expect(fs.readFileSync(path.join(out, '_slugwiki/nav.js'), 'utf8')).toBe(
      'self.slugwikiNav=[{"t":"Home","h":"index.html"},{"t":"Linux","h":"linux/index.html","c":[' +
        '{"t":"Helpers","h":"linux/helpers/index.html","c":[{"t":"Map helpers","f":1,"c":[{"t":"lookup","h":"linux/helpers/lookup.html"},{"t":"update","h":"linux/helpers/update.html"}]}]},' +
        '{"t":"Maps","h":"linux/maps/index.html","c":[{"t":"Array","h":"linux/maps/ARRAY.html"},{"t":"Hash","h":"linux/maps/HASH.html"}]}]}];\n',
    )
    // The folder's nav file is its nav, as the root one is: no page of its own.
    expect(listFiles(out).filter((f) => f.includes('SUMMARY'))).toEqual([])
    // An edit to a folder's nav file is read by the next build from the same cache, though the root SUMMARY.md is unchanged.
    const edited = site('literate-dirs-edit', {
      'mkdocs.yml': 'site_name: E\nplugins:\n  - literate-nav\n',
      'docs/SUMMARY.md': '* [Helpers](helpers/)\n',
      'docs/helpers/SUMMARY.md': '* [`lookup`](lookup.md)\n* [`update`](update.md)\n',
      'docs/helpers/lookup.md': '# Lookup\n',
      'docs/helpers/update.md': '# Update\n',
    })
    const editedOut = path.join(tmp, 'literate-dirs-edit-out')
    const again = () => build({ src: edited, out: editedOut, cacheDir: path.join(tmp, 'literate-dirs-edit-cache'), quiet: true })
    await again()
    fs.writeFileSync(path.join(edited, 'docs/helpers/SUMMARY.md'), '* [`update`](update.md)\n* [`lookup`](lookup.md)\n')
    await again()
    expect(fs.readFileSync(path.join(editedOut, '_slugwiki/nav.js'), 'utf8')).toBe('self.slugwikiNav=[{"t":"Helpers","f":1,"c":[{"t":"update","h":"helpers/update.html"},{"t":"lookup","h":"helpers/lookup.html"}]}];\n')
  })

  it("leaves out \"On this page\" on a page whose front matter hides Material's toc (`hide: [toc]`, or `hide: toc` as ebpf-docs writes it)", async () => {
    const sections = '\n## One\n\n## Two\n'
    const dir = site('hide-toc', {
      'mkdocs.yml': 'site_name: H\ntheme:\n  name: material\n',
      'docs/index.md': `---\nhide: toc\n---\n# Home\n${sections}`,
      'docs/listed.md': `---\nhide:\n  - navigation\n  - toc\n---\n# Listed\n${sections}`,
      'docs/shown.md': `---\nhide:\n  - navigation\n---\n# Shown\n${sections}`,
    })
    const out = path.join(tmp, 'hide-toc-out')
    await build({ src: dir, out, cacheDir: path.join(tmp, 'hide-toc-cache'), quiet: true })
    const read = (f: string) => fs.readFileSync(path.join(out, f), 'utf8')
    expect(read('index.html')).not.toContain('page-toc')
    expect(read('listed.html')).not.toContain('page-toc')
    expect(read('shown.html')).toContain('page-toc')
  })

  it("reads Material's code annotations with `content.code.annotate`, and not once the feature is gone, whatever the cache holds", async () => {
    const annotated = 'site_name: A\ntheme:\n  name: material\n  features:\n    - content.code.annotate\n'
    const dir = site('annotate', {
      'mkdocs.yml': annotated,
      'docs/index.md': '# Home\n\n```yaml\nenv: dev # (1)!\nname: x # (2)\n```\n\n1. The environment.\n',
    })
    const out = path.join(tmp, 'annotate-out')
    const cacheDir = path.join(tmp, 'annotate-cache')
    const run = async () => {
      const result = await build({ src: dir, out, cacheDir, quiet: true })
      return { html: fs.readFileSync(path.join(out, 'index.html'), 'utf8'), warnings: result.diagnostics.map((d) => `${path.basename(d.file ?? '')}:${d.line}:${d.column} ${d.message}`) }
    }
    const first = await run()
    expect(first.html).toContain('<a class="code-annotation" href="#code-1-annotation-1" aria-label="Annotation 1">1</a>')
    expect(first.html).toContain('<li id="code-1-annotation-1">The environment.</li>')
    expect(first.warnings).toEqual(['index.md:5:11 Code annotation `(2)` has no item 2 in the list after the block; shown as written'])
    // From the cache: the same page and the same warning.
    expect(await run()).toEqual(first)
    // The note edited elsewhere: its unchanged block is highlighted again, not taken without its markers from the block cache.
    fs.appendFileSync(path.join(dir, 'docs/index.md'), '\nMore.\n')
    const edited = await run()
    expect(edited.warnings).toEqual(first.warnings)
    expect(edited.html).toContain('href="#code-1-annotation-1"')
    fs.writeFileSync(path.join(dir, 'mkdocs.yml'), 'site_name: A\ntheme:\n  name: material\n')
    const off = await run()
    expect(off.html).not.toContain('code-annotation')
    expect(off.html).toContain('# (1)!')
    expect(off.warnings).toEqual([])
  })

  it("names a code annotation marker in the site's language", async () => {
    const dir = site('annotate-de', {
      'mkdocs.yml': 'site_name: A\ntheme:\n  name: material\n  language: de\n',
      'docs/index.md': '# Start\n\n``` { .yaml .annotate }\nenv: dev # (1)!\n```\n\n1. Die Umgebung.\n',
    })
    const out = path.join(tmp, 'annotate-de-out')
    await build({ src: dir, out, cacheDir: path.join(tmp, 'annotate-de-cache'), quiet: true })
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<a class="code-annotation" href="#code-1-annotation-1" aria-label="Anmerkung 1">1</a>')
  })

  it('publishes no mkdocs.yml of a docs_dir that holds it', async () => {
    const dir = site('docs-dot', { 'mkdocs.yml': 'site_name: Dot\ndocs_dir: .\n', 'index.md': '# Home\n' })
    const out = path.join(tmp, 'docs-dot-out')
    await build({ src: dir, out, cacheDir: path.join(tmp, 'docs-dot-cache'), quiet: true })
    expect(listFiles(out).filter((f) => f.includes('mkdocs'))).toEqual([])
    expect(listFiles(out)).toContain('index.html')
  })

  it("orders a site without nav as MkDocs does: index first, then files, then folders, each by name", () => {
    const notes = ['b.md', 'index.md', 'A.md', 'guide/index.md', 'guide/z.md', 'guide/a.md', 'api-reference/calls.md', 'My_Notes/x.md'] as SourcePath[]
    expect(shown(mkdocsFolderOutline(notes, (s) => s.replace(/\.md$/, '').toUpperCase(), true))).toEqual([
      'INDEX (index.md)',
      'A (A.md)',
      'B (b.md)',
      'My Notes',
      '  MY_NOTES/X (My_Notes/x.md)',
      'Api reference',
      '  API-REFERENCE/CALLS (api-reference/calls.md)',
      'Guide (guide/index.md)',
      '  GUIDE/A (guide/a.md)',
      '  GUIDE/Z (guide/z.md)',
    ])
    expect([dirnameToTitle('getting-started'), dirnameToTitle('API_docs'), dirnameToTitle('x')]).toEqual(['Getting started', 'API docs', 'X'])
    // Without Material's `navigation.indexes`, a folder's index is its section's first page, as MkDocs lists it.
    expect(shown(mkdocsFolderOutline(['guide/index.md', 'guide/a.md'] as SourcePath[], (s) => s)).join('|')).toBe('Guide|  guide/index.md (guide/index.md)|  guide/a.md (guide/a.md)')
  })
})

describe("PyMdown's snippets", () => {
  const dir = site('snippets', {
    'docs/index.md': '',
    'includes/abbr.md': '*[HTML]: Hyper Text Markup Language\n',
    'includes/code.py': 'import os\n# --8<-- [start:func]\ndef f():\n    pass\n# --8<-- [end:func]\nprint(1)\n',
    'includes/nested.md': 'Nested start.\n--8<-- "abbr.md"\n',
    'includes/self.md': 'Again:\n--8<-- "self.md"\n',
  })
  const note = path.join(dir, 'docs/index.md')
  const expand = (text: string) =>
    expandIncludes(text, { file: note, root: dir, read: sourceReader(), display: (f) => path.relative(dir, f), snippets: { basePaths: [path.join(dir, 'includes'), dir] } })

  it('puts a file, its lines or its section in place of the line, indented as the line is; a block of files one after another', () => {
    const result = expand(
      [
        '# Page',
        '--8<-- "abbr.md"',
        '```py',
        '--8<-- "code.py:func"',
        '```',
        '- item',
        '',
        '    --8<-- "code.py:1:1"',
        '--8<--',
        'abbr.md',
        '; skipped.md',
        'code.py::1',
        '--8<--',
        ';--8<-- "escaped.md"',
        'End.',
      ].join('\n'),
    )
    expect(result.diagnostics).toEqual([])
    expect(result.text).toBe(
      ['# Page', '*[HTML]: Hyper Text Markup Language', '```py', 'def f():', '    pass', '```', '- item', '', '    import os', '', '*[HTML]: Hyper Text Markup Language', '', 'import os', '', '--8<-- "escaped.md"', 'End.'].join('\n'),
    )
    // A line of the page maps to the file it came from.
    expect(mapLine(result.segments, 4)).toEqual({ file: 'includes/code.py', line: 3 })
    expect(mapLine(result.segments, 16)).toEqual({ file: 'docs/index.md', line: 15 })
  })

  it('reads snippets in snippets, warns of a missing file at its line and column and of a file including itself', () => {
    const result = expand(['--8<-- "nested.md"', '  --8<-- "nope.md"', '--8<-- "self.md"', '--8<-- "code.py:nosection"'].join('\n'))
    expect(result.text).toBe(['Nested start.', '*[HTML]: Hyper Text Markup Language', '', 'Again:', '', ''].join('\n'))
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`)).toEqual([
      'docs/index.md:2:3 warning Snippet not found: `nope.md` (looked in includes, .)',
      'includes/self.md:2:1 warning `--8<-- "self.md"` includes itself; skipped',
      'docs/index.md:4:1 warning Section `nosection` not found in code.py',
    ])
  })

  it('is read in an MkDocs site with pymdownx.snippets, from the project folder by default', () => {
    const project = site('snippets-site', {
      'mkdocs.yml': 'site_name: S\nmarkdown_extensions:\n  - pymdownx.snippets\n',
      'docs/index.md': '# Home\n',
    })
    expect(resolveConfig({ src: project }, tmp).mkdocsMarkdown?.snippets).toEqual({ basePaths: [project], autoAppend: [] })
    const based = site('snippets-based', { 'mkdocs.yml': 'markdown_extensions:\n  - admonition\n  - pymdownx.snippets:\n      base_path: [docs, includes]\n', 'docs/index.md': '# Home\n' })
    expect(resolveConfig({ src: based }, tmp).mkdocsMarkdown).toEqual({ admonition: true, details: false, tabbed: false, abbr: false, defList: false, keys: false, attrList: false, mdInHtml: false, mark: false, emoji: false, inlineHilite: false, snippets: { basePaths: [path.join(based, 'docs'), path.join(based, 'includes')], autoAppend: [] } })
  })
})

describe('MkDocs blocks nested deep', () => {
  it('reads 32 levels and leaves deeper openers as text, so such a note cannot take minutes', async () => {
    let markdown = ''
    for (let i = 0; i < 60; i++) markdown += `${' '.repeat(4 * i)}!!! note "Level ${i}"\n`
    markdown += `${' '.repeat(240)}deepest\n`
    const { html } = await render(markdown, { mkdocs: true })
    expect(html.match(/class="markdown-alert /g)?.length).toBe(32)
    expect(html).toContain('!!! note "Level 32"')
  })
})

describe("Material's icon shortcodes (pymdownx.emoji)", () => {
  it('draws octicons, simple-icons and the icons octicons has alike; drops others with a warning at their place; leaves code alone', async () => {
    const markdown = '[:octicons-tag-24: v3.18](https://example.com/c)\n\nEdit :material-pencil: or :simple-github: or :fontawesome-brands-github:.\n\nSee :material-zzz-nothing-like-it: here, `:octicons-tag-24:` in code.\n\n[:material-zzz-nothing-like-it:](x.md)\n'
    const { note, html } = await render(markdown, { mkdocs: true, emoji: true })
    expect(html.replace('<code>:octicons-tag-24:</code>', '')).not.toMatch(/:octicons-|:simple-|:fontawesome-|:material-/)
    expect(html).toContain('<code>:octicons-tag-24:</code>')
    expect(html.match(/<svg class="fa-icon mkdocs-icon"/g)?.length).toBe(4)
    expect(html).toMatch(/<a href="https:\/\/example.com\/c"><svg class="fa-icon mkdocs-icon"[^>]*viewBox="0 0 24 24"[^>]*>.*<\/svg> v3.18<\/a>/)
    expect(html).toContain('<p>See  here,')
    expect(html).toContain('>zzz nothing like it</a>')
    const icons = note.diagnostics.filter((d) => d.rule === 'mkdocs-icon')
    expect(icons.map((d) => `${d.line}:${d.column}`)).toEqual(['5:5', '7:2'])
    // Without pymdownx.emoji the shortcodes are text, as MkDocs leaves them.
    expect((await render(markdown, { mkdocs: true })).html).toContain(':octicons-tag-24: v3.18')
  })

  it('names the line and column of a dropped icon in text an abbreviation split (a heading naming a term)', async () => {
    const markdown = 'Intro.\n\n#### :material-zzz-head-cog: Advanced: Special Map Sections\n\n*[Map]: Shared memory\n'
    const { note, html } = await render(markdown, { mkdocs: true, emoji: true })
    expect(html).toContain('Advanced: Special <abbr title="Shared memory">Map</abbr> Sections')
    expect(note.diagnostics.filter((d) => d.rule === 'mkdocs-icon').map((d) => `${d.line}:${d.column}`)).toEqual(['3:6'])
  })

  it("draws a site's own icons (custom_icons folders, from the project folder) as images of their SVG files; other names stay text", async () => {
    const bee = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><style>.st0{fill:#FFE100;}</style><path class="st0" d="M0 0h8v8z"/></svg>'
    const dir = site('custom-icons', {
      'mkdocs.yml': 'site_name: Icons\nmarkdown_extensions:\n  - pymdownx.emoji:\n      options:\n        custom_icons:\n          - overrides/.icons\n',
      'docs/index.md': '# Icons\n',
      'overrides/.icons/ebee-color.svg': bee,
      'overrides/.icons/brands/bee.svg': bee,
    })
    const folders = resolveConfig({ src: dir }, tmp).mkdocsMarkdown?.customIcons
    expect(folders).toEqual([path.join(dir, 'overrides/.icons')])
    const markdown = ':ebee-color: eBPF, [:brands-bee:](https://ebpf.io), :simple-github:, :ebpf-go: and sched:sched_switch: as written; `:ebee-color:` in code.\n'
    const { note, html } = await render(markdown, { mkdocs: { customIcons: folders }, emoji: true })
    const image = `<img class="mkdocs-icon" src="data:image/svg+xml;base64,${Buffer.from(bee).toString('base64')}" alt="">`
    expect(html).toBe(`<p>${image} eBPF, <a href="https://ebpf.io">${image}</a>, ${html.match(/<svg class="fa-icon mkdocs-icon".*?<\/svg>/)?.[0]}, :ebpf-go: and sched:sched_switch: as written; <code>:ebee-color:</code> in code.</p>`)
    expect(note.diagnostics.filter((d) => d.rule === 'mkdocs-icon')).toEqual([])
  })

  it('draws an edited icon anew on an unchanged page built from the persistent cache', async () => {
    const svg = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><path fill="${fill}" d="M0 0h8v8z"/></svg>`
    const dir = site('custom-icons-cached', {
      'mkdocs.yml': 'site_name: Icons\nmarkdown_extensions:\n  - pymdownx.emoji:\n      options:\n        custom_icons:\n          - overrides/.icons\n',
      'docs/index.md': '# Icons\n\n:ebee: eBPF\n',
      'overrides/.icons/ebee.svg': svg('#FFE100'),
    })
    const out = path.join(tmp, 'custom-icons-cached-out')
    const options = { src: dir, out, cacheDir: path.join(tmp, 'custom-icons-cache'), quiet: true }
    const image = (fill: string) => `src="data:image/svg+xml;base64,${Buffer.from(svg(fill)).toString('base64')}"`
    await build(options)
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain(image('#FFE100'))
    fs.writeFileSync(path.join(dir, 'overrides/.icons/ebee.svg'), svg('#000000'))
    await build(options)
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(html).toContain(image('#000000'))
    expect(html).not.toContain(image('#FFE100'))
  })
})

describe("PyMdown's InlineHilite", () => {
  it('highlights `#!c …` and `:::c …` inline code in that language, its marker not shown; an unknown language is plain code', async () => {
    const markdown = '`#!c static long (* const bpf_loop)(__u32 nr_loops) = (void *) 181;` and `:::python x = 1`.\n\n`#!nolang a b` and `#!c` and `#!/bin/sh` stay.\n\n```c\n`#!c not inline`\n```\n'
    const { html, note } = await render(markdown, { mkdocs: true })
    expect(html).toMatch(/^<p><code class="shiki language-c"><span class="[^"]+">static/)
    expect(html).toContain('<code class="shiki language-python">')
    expect(html).not.toMatch(/<p>[^]*#!c static|:::python/)
    expect(html).toContain('<code>a b</code>')
    expect(html).toContain('<code>#!c</code>')
    expect(html).toContain('<code>#!/bin/sh</code>')
    expect(html.replace(/<[^>]+>/g, '')).toContain('`#!c not inline`')
    expect(note.hasCode).toBe(true)
  })
})

describe('mkdocs-macros', () => {
  it("warns once a page, at the first, of the Jinja it shows as written; code is not counted; without the plugin no word", async () => {
    const page = '# Home\n\nSince {{ linux_version("5.8") }} and {{ config.site_name }}.\n\n{% if x %}\nshown\n{% endif %}\n\n`{{ kept }}`\n\n```\n{{ also_kept }}\n```\n'
    const files = { 'docs/index.md': page, 'docs/plain.md': '# Plain\n\nNo Jinja; a set {a, b}.\n' }
    const dir = site('macros', { ...files, 'mkdocs.yml': 'site_name: M\nplugins:\n  - search\n  - macros\n' })
    const out = path.join(tmp, 'macros-out')
    const result = await build({ src: dir, out, cacheDir: path.join(tmp, 'macros-cache'), quiet: true })
    const shown = result.diagnostics.map(formatDiagnostic)
    expect(shown).toHaveLength(1)
    expect(shown[0]).toMatch(/docs\/index\.md:3:7 +warning +mkdocs-macros's `\{\{ linux_version\("5\.8"\) \}\}` \(and 2 more on this page\) is not run: slugwiki runs no Jinja, so it is shown as written +mkdocs-macros$/)
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('Since {{ linux_version("5.8") }} and M.')
    const without = site('no-macros', { ...files, 'mkdocs.yml': 'site_name: M\n' })
    const quiet = await build({ src: without, out: path.join(tmp, 'no-macros-out'), cacheDir: path.join(tmp, 'no-macros-cache'), quiet: true })
    expect(quiet.diagnostics).toEqual([])
  })

  it("replaces its variables (extra, include_yaml files, config) written alone on a line, in code too, as its Jinja does; leaves the rest as written", async () => {
    const page = [
      '# {{ proj }}',
      '',
      "{{ proj }} is {{extra.proj}}, on {{ config.site_name }} {{ release.major }} ({{ release.stable }}); {{ godoc('Map') }} and {{ nothing }} stay.",
      '',
      'See {{',
      '    proj }} and {% raw %}{{ proj }}{% endraw %}.',
      '',
      '```go',
      '// {{ proj }}',
      '```',
      '',
    ].join('\n')
    const yml = 'site_name: Docs\nextra:\n  proj: "`ebpf-go`"\n  shadowed: mkdocs\nplugins:\n  - macros:\n      include_yaml:\n        - vars.yml\n        - release: release.yml\n        - missing.yml\n'
    const dir = site('macro-variables', { 'mkdocs.yml': yml, 'vars.yml': 'extra:\n  shadowed: vars\n', 'release.yml': 'major: 6\nstable: true\n', 'docs/index.md': page })
    const out = path.join(tmp, 'macro-variables-out')
    const result = await build({ src: dir, out, cacheDir: path.join(tmp, 'macro-variables-cache'), quiet: true })
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(html).toContain('<h1 id="ebpf-go"><code>ebpf-go</code>')
    expect(html).toContain("<p><code>ebpf-go</code> is <code>ebpf-go</code>, on Docs 6 (True); {{ godoc('Map') }} and {{ nothing }} stay.</p>")
    expect(html).toContain('See {{\nproj }} and {% raw %}{{ proj }}{% endraw %}.')
    expect(html).toMatch(/\/\/ `ebpf-go`/)
    const shown = result.diagnostics.map(formatDiagnostic)
    expect(shown).toHaveLength(2)
    expect(shown[0]).toMatch(/docs\/index\.md:3:101 +warning +mkdocs-macros's `\{\{ godoc\('Map'\) \}\}` \(and 5 more on this page\)/)
    expect(shown[1]).toMatch(/mkdocs\.yml:\d+:\d+ +warning +mkdocs-macros's `include_yaml`: cannot read `missing\.yml` \(ENOENT\); its variables are unset +mkdocs$/)
    const multiline = await render("See {{\n    godoc('Map') }}.\n", { mkdocs: { macros: true } })
    expect(multiline.note.diagnostics.map((d) => d.message)).toEqual(["mkdocs-macros's `{{ godoc('Map') }}` is not run: slugwiki runs no Jinja, so it is shown as written"])
    const settings = readMkdocsYaml(path.join(dir, 'mkdocs.yml'), (p) => p)
    expect(settings.markdown.macroVariables?.shadowed).toBe('vars')
  })
})
