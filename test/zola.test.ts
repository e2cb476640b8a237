/**
 * A Zola site's content (phil-opp/blog_os's edition-2 posts and getzola/zola's
 * documentation, in part), built end to end: TOML frontmatter between `+++`
 * lines read and never shown, `@/` links with anchors, `weight` ordering,
 * `render = false` sections, `[taxonomies] tags`, drafts, and shortcodes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { formatDiagnostic } from '../src/report.ts'
import { listFiles, writeFiles } from './helpers/files.ts'

let tmp: string
beforeAll(() => void (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-zola-'))))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** The sidebar of a page: its entries' text in order. */
function sidebar(html: string): string[] {
  const nav = /<nav class="sidebar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? ''
  return [...nav.matchAll(/<a [^>]*?href="([^"]*)"[^>]*>([^<]*)<\/a>|<span class="folder"[^>]*>([^<]*)<\/span>/g)].map((m) => (m[1] !== undefined ? `${m[2]}→${m[1]}` : m[3]!))
}

const post = (title: string, weight: number, body: string, extra = '') =>
  `+++\ntitle = "${title}"\nweight = ${weight}\npath = "${title.toLowerCase().replace(/ /g, '-')}"\ndate = 2018-02-10\n${extra}\n[extra]\nchapter = "Bare Bones"\n+++\n\n${body}\n`

describe('a Zola site', () => {
  const files = {
    'config.toml': 'base_url = "https://os.phil-opp.com"\ncompile_sass = true\n',
    'content/_index.md': '+++\ntitle = "Writing an OS in Rust"\n+++\n\nStart with the [first post](@/posts/01-freestanding/index.md#introduction).\n',
    'content/posts/_index.md': '+++\ntitle = "Posts"\nsort_by = "weight"\nrender = false\n+++\n',
    'content/posts/01-freestanding/index.md': post('A Freestanding Rust Binary', 1, 'The first step.\n\n<!-- more -->\n\n## Introduction\n\nSee the [next post][next].\n\n[next]: @/posts/02-minimal/index.md#set-a-default-target'),
    'content/posts/02-minimal/_index.md': '+++\ntitle = "Extra Posts for Minimal Rust Kernel"\nsort_by = "weight"\nrender = false\n+++\n',
    'content/posts/02-minimal/index.md': post('A Minimal Rust Kernel', 2, '## Set a Default Target\n\nSee [disabling the red zone](@/posts/02-minimal/disable-red-zone/index.md).\n\n{{ youtube(id="dQw4w9WgXcQ") }}\n\n{% quote(author="Vincent") %}\nA quote\n{% end %}', '\n[taxonomies]\ntags = ["rust", "bootloader"]\n'),
    'content/posts/02-minimal/disable-red-zone/index.md': '+++\ntitle = "Disable the Red Zone"\nweight = 1\npath = "red-zone"\n+++\n\nThe red zone.\n',
    'content/posts/00-wip/index.md': '+++\ntitle = "Not yet"\nweight = 0\ndraft = true\n+++\n\nWork in progress.\n',
  }

  it('reads +++ frontmatter, follows @/ links, orders by weight and leaves render = false sections out', async () => {
    const root = path.join(tmp, 'site')
    writeFiles(root, files)
    const src = path.join(root, 'content')
    const out = path.join(tmp, 'site-out')
    const result = await build({ src, out, cacheDir: path.join(tmp, 'site-cache'), quiet: true })
    const note = path.relative(process.cwd(), path.join(src, 'posts/02-minimal/index.md'))
    // One warning per shortcode, at its call: the page is built, the call shown as written or its body kept.
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${note}:18:1  warning  Zola shortcode \`youtube\` is not rendered (it is the site's own template): shown as written  zola-shortcode`,
      `${note}:20:1  warning  Zola shortcode \`quote\` is not rendered (it is the site's own template): its body is kept, the tags dropped  zola-shortcode`,
    ])
    const pages = listFiles(out).filter((f) => f.endsWith('.html') && !f.startsWith('_slugwiki/'))
    // Both `_index.md` with `render = false` have no page; the draft is left out; the bundle's `index.md` is its folder's page.
    expect(pages.sort()).toEqual(['404.html', 'index.html', 'posts/01-freestanding/index.html', 'posts/02-minimal/disable-red-zone/index.html', 'posts/02-minimal/index.html', 'print.html', 'tags/bootloader.html', 'tags/index.html', 'tags/rust.html'])
    const home = fs.readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(home).toContain('<a href="posts/01-freestanding/index.html#introduction">first post</a>')
    const first = fs.readFileSync(path.join(out, 'posts/01-freestanding/index.html'), 'utf8')
    expect(first).toContain('<h1>A Freestanding Rust Binary</h1>')
    expect(first).not.toContain('+++')
    expect(first).not.toContain('more --')
    expect(first).toContain('<a href="../02-minimal/index.html#set-a-default-target">next post</a>')
    const second = fs.readFileSync(path.join(out, 'posts/02-minimal/index.html'), 'utf8')
    expect(second).not.toContain('Bare Bones')
    expect(second).toContain('<p>A quote</p>')
    expect(second).not.toContain('{%')
    expect(sidebar(second)).toEqual([
      'Writing an OS in Rust→../../index.html',
      'posts',
      'A Freestanding Rust Binary→../01-freestanding/index.html',
      'A Minimal Rust Kernel→index.html',
      'Disable the Red Zone→disable-red-zone/index.html',
      'Tags→../../tags/index.html',
    ])
  })

  it('reports broken TOML frontmatter at its line and column, as broken YAML is', async () => {
    const src = path.join(tmp, 'broken')
    writeFiles(src, { 'config.toml': 'base_url = "/"\n', 'a.md': '+++\ntitle = "A"\ndate = 2018-06-18 = x\n+++\n\nBody.\n' })
    const result = await build({ src, out: path.join(tmp, 'broken-out'), cacheDir: path.join(tmp, 'broken-cache'), quiet: true })
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${path.relative(process.cwd(), path.join(src, 'a.md'))}:3:19  error  Broken frontmatter TOML: each key-value declaration must be followed by an end-of-line  frontmatter`,
    ])
  })

  it("is recognised by zola.toml or a config.toml setting base_url, above the content or in it, and gives the site's title", () => {
    const at = (name: string, files: Record<string, string>, src = 'content') => {
      const root = path.join(tmp, name)
      writeFiles(root, { [`${src}/a.md`]: '# A\n', ...files })
      return resolveConfig({ src: path.join(root, src), out: path.join(tmp, `${name}-out`) })
    }
    expect(at('zola-toml', { 'zola.toml': 'base_url = "/"\n' }).zola).toBe(true)
    expect(at('config-toml', { 'config.toml': 'title = "x"\nbase_url = "https://example.com"\n' }).zola).toBe(true)
    expect(at('in-src', { 'content/config.toml': 'base_url = "/"\n' }).zola).toBe(true)
    // Hugo's config names it baseURL.
    expect(at('hugo', { 'config.toml': 'baseURL = "https://example.org/"\n' }).zola).toBe(false)
    expect(at('plain', {}).zola).toBe(false)
    // A Zola site's `{% quote(…) %}` is its shortcode, no GitBook block.
    expect(at('zola-blocks', { 'zola.toml': 'base_url = "/"\n' }).gitbookBlocks).toBe(false)
    // The site's title, as Zola's and Hugo's themes show it, unless slugwiki.toml names one.
    expect(at('zola-title', { 'config.toml': 'base_url = "https://os.phil-opp.com"\ntitle = "Writing an OS in Rust"\n' }).title).toBe('Writing an OS in Rust')
    expect(at('hugo-title', { 'config.toml': 'baseurl = "http://mongodb.github.io/mongo-csharp-driver/"\ntitle = "MongoDB C# Driver"\n' }).title).toBe('MongoDB C# Driver')
    expect(at('own-title', { 'config.toml': 'base_url = "/"\ntitle = "Zola"\n', 'content/slugwiki.toml': 'title = "Ours"\n' }).title).toBe('Ours')
    expect(at('broken-config', { 'config.toml': 'base_url = \n' }).zola).toBe(false)
    // The site's own folder given: its content folder holds the notes (Hugo's contentDir too), as book.toml's src does a book's.
    const site = (name: string, files: Record<string, string>) => {
      const root = path.join(tmp, name)
      writeFiles(root, files)
      return resolveConfig({ src: root, out: path.join(tmp, `${name}-out`) })
    }
    const zolaSite = site('zola-site', { 'config.toml': 'base_url = "/"\ntitle = "Zola"\n', 'content/a.md': '# A\n', 'templates/page.html': '' })
    expect([zolaSite.src, zolaSite.zola, zolaSite.title]).toEqual([path.join(tmp, 'zola-site/content'), true, 'Zola'])
    const hugoSite = site('hugo-site', { 'config.toml': 'baseURL = "/"\ncontentDir = "docs"\n', 'docs/a.md': '# A\n' })
    expect(hugoSite.src).toBe(path.join(tmp, 'hugo-site/docs'))
  })

  it('orders a section by date, the newest first, when its _index.md says sort_by = "date"', async () => {
    const src = path.join(tmp, 'blog')
    const out = path.join(tmp, 'blog-out')
    const page = (title: string, date: string) => `+++\ntitle = "${title}"\ndate = ${date}\n+++\n\n${title}.\n`
    writeFiles(src, {
      'zola.toml': 'base_url = "/"\n',
      '_index.md': '+++\ntitle = "Notes"\n+++\n',
      'blog/_index.md': '+++\ntitle = "List of blog posts"\nsort_by = "date"\n+++\n',
      'blog/first.md': page('My first post', '2019-11-27'),
      'blog/second.md': page('My second post', '2019-11-28'),
      'blog/bundle/index.md': page('A bundled post', '2020-01-05'),
      'blog/undated.md': '+++\ntitle = "Undated"\n+++\n\nNo date.\n',
    })
    const result = await build({ src, out, cacheDir: path.join(tmp, 'blog-cache'), quiet: true })
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([])
    expect(sidebar(fs.readFileSync(path.join(out, 'blog/first.html'), 'utf8'))).toEqual([
      'Notes→../index.html',
      'List of blog posts→index.html',
      'A bundled post→bundle/index.html',
      'My second post→second.html',
      'My first post→first.html',
      'Undated→undated.html',
    ])
  })
})
