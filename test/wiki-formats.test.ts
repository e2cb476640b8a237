/**
 * A GitHub wiki and a GitBook repository, as their authors push them, built
 * end to end: the start page, the pages that are not pages, the order, the
 * links as each host reads them.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { ConfigError } from '../src/config.ts'
import { projectRoot } from './helpers/cli.ts'
import { buildFiles } from './helpers/site.ts'

let tmp: string
beforeAll(() => void (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-wiki-formats-'))))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** Build `files` as a source folder; the site's pages and the warnings, files named from the source folder. */
async function site(name: string, files: Record<string, string>, src = path.join(tmp, name)) {
  const { read, pages, warnings } = await buildFiles(tmp, name, files, src)
  return { read, pages, warnings }
}

describe('a GitHub wiki (AsahiLinux/docs)', () => {
  const files = {
    'Home.md': 'Welcome to the docs wiki!\n',
    '_Sidebar.md': 'Project related:\n* [[Glossary]]\n* [[Feature Support]]\n* [["When will Asahi Linux be done?"]]\n',
    '_Footer.md': 'Strange!',
    'Glossary.md': 'Useful terms. See [[SW:Storage]] and [[the feature tables|Feature-Support]].\n',
    'Feature-Support.md': 'Feature support. Back to [[Home]].\n',
    'SW:Storage.md': 'Storage.\n',
    '"When-will-Asahi-Linux-be-done?".md': 'When it is done.\n',
  }

  it('starts at Home, publishes no sidebar or footer page, and reads [[Shown text|Page-Name]] with spaces as hyphens', async () => {
    const { read, pages, warnings } = await site('asahi', files)
    expect(warnings).toEqual([])
    expect(pages).not.toContain('_Sidebar.html')
    expect(pages).not.toContain('_Footer.html')
    expect(read('index.html')).toContain('href="Home.html"')
    expect(read('Glossary.html')).toContain('<a data-wikilink="Feature-Support" href="Feature-Support.html">the feature tables</a>')
    // The colon escaped: `SW:Storage.html` would be a URL of the `sw:` scheme.
    expect(read('Glossary.html')).toContain('href="SW%3AStorage.html"')
  })
})

describe('a vault that starts at Home.md', () => {
  it('is no GitHub wiki without its sidebar or footer: [[Note|shown text]] keeps Obsidian\'s order', async () => {
    const { read, warnings } = await site('vault-home', {
      'Home.md': 'Start at [[Kernel notes|the kernel]].\n',
      'Kernel notes.md': '# Kernel notes\n',
    })
    expect(warnings).toEqual([])
    expect(read('Home.html')).toContain('href="Kernel%20notes.html">the kernel</a>')
  })
})

describe('a GitBook repository (0xn3va/cheat-sheets)', () => {
  const files = {
    '.gitbook.yaml': 'structure:\n  readme: INTRODUCTION.md\n  summary: SUMMARY.md\n',
    'SUMMARY.md': [
      '# Summary',
      '',
      '- [Application Security Cheat Sheet](INTRODUCTION.md)',
      '',
      '## Container',
      '',
      '- [Container Basics](Container/Overview/basics.md)',
      '- [Nodes](Container/Overview/nodes.md)',
      '',
      '## Linux',
      '',
      '- [Overview](Linux/Overview/README.md)',
      '',
    ].join('\n'),
    'INTRODUCTION.md': 'A list of cheat sheets for application security\n',
    'Container/Overview/basics.md': '**Container** is a task.\n\n{% hint style="warning" %}\nContainers share the kernel.\n{% endhint %}\n',
    '.gitbook/assets/image (1).png': 'PNG',
    'Container/Overview/nodes.md': '<figure><img src="../../.gitbook/assets/image (1).png" alt=""><figcaption><p>Worker nodes</p></figcaption></figure>\n',
    'Linux/Overview/README.md': '{% embed url="https://linux-kernel-labs.github.io/refs/heads/master/index.html" %}',
  }

  it("reads SUMMARY.md's `## Group` headings as GitBook's page groups, and renders its blocks", async () => {
    const { read, warnings } = await site('cheat-sheets', files)
    expect(warnings).toEqual([])
    const sidebar = read('_slugwiki/nav.js')
    expect(sidebar).toContain('{"p":"Container"}')
    expect(sidebar).toContain('{"p":"Linux"}')
    expect(read('Container/Overview/basics.html')).toContain('<div class="markdown-alert markdown-alert-warning gitbook-hint">')
    // GitBook keeps its uploads in `.gitbook/assets/`, a folder whose name starts with a dot.
    expect(fs.existsSync(path.join(tmp, 'cheat-sheets-out/.gitbook/assets/image (1).png'))).toBe(true)
    expect(read('Linux/Overview/index.html')).toContain('<div class="link-card gitbook-embed"><p><a href="https://linux-kernel-labs.github.io/refs/heads/master/index.html">')
  })
})

describe("a GitBook repository's .gitbook.yaml (test/sites/gitbook)", () => {
  /** The site copied to `name`, with `yaml` as its .gitbook.yaml when given. */
  const repo = (name: string, yaml?: string) => {
    const src = path.join(tmp, name)
    fs.cpSync(path.join(projectRoot, 'test/sites/gitbook'), src, { recursive: true })
    if (yaml !== undefined) fs.writeFileSync(path.join(src, '.gitbook.yaml'), yaml)
    return src
  }
  const built = async (name: string, yaml?: string) => site(name, {}, repo(name, yaml))

  it('reads the notes from `root`, opens on `structure.readme`, takes the order from `structure.summary`, and writes `redirects`', async () => {
    const { read, pages, warnings } = await built('gitbook-yaml')
    // The repository's own README.md is outside `root`: no page.
    expect(pages).toEqual(['404.html', 'guides/new-page.html', 'help.html', 'index.html', 'previous/page.html', 'print.html', 'product-tour.html', 'support.html'])
    expect(read('index.html')).toContain('<meta http-equiv="refresh" content="0; url=product-tour.html">')
    // The summary is TOC.md, with its `## Help` group; it is no page itself.
    expect(read('_slugwiki/nav.js')).toContain('{"t":"Product tour","h":"product-tour.html","n":"1."},{"p":"Help"},{"t":"Support","h":"support.html","n":"2."}')
    // Images relative to the notes in `root`, from its `.gitbook/assets/`.
    expect(read('product-tour.html')).toContain('src=".gitbook/assets/pipeline.svg"')
    expect(fs.existsSync(path.join(tmp, 'gitbook-yaml-out/.gitbook/assets/pipeline.svg'))).toBe(true)
    // The old URL path leads to the note's page; a fragment is kept.
    expect(read('help.html')).toContain('<meta http-equiv="refresh" content="0; url=support.html">')
    expect(read('previous/page.html')).toContain('<meta http-equiv="refresh" content="0; url=../guides/new-page.html#setup">')
    // A redirect to a note the site does not have is left out, with a warning at its target; the unknown `integrations` says nothing.
    // product-tour.md's links to the old URLs `help.html` and `previous/page.html` are no missing notes.
    expect(warnings).toEqual(['.gitbook.yaml:11:12  warning  Redirect from `old-faq` leads to `./faq.md`, which is not a published note; skipped  gitbook-yaml'])
  })

  it('reads the repository\'s .gitbook.yaml when --src names its `root`, as a book.toml above `src`', async () => {
    const src = repo('gitbook-yaml-docs')
    const { read, pages, warnings } = await site('gitbook-yaml-docs', {}, path.join(src, 'docs'))
    expect(pages).toEqual(['404.html', 'guides/new-page.html', 'help.html', 'index.html', 'previous/page.html', 'print.html', 'product-tour.html', 'support.html'])
    expect(read('index.html')).toContain('url=product-tour.html')
    expect(warnings).toEqual(['../.gitbook.yaml:11:12  warning  Redirect from `old-faq` leads to `./faq.md`, which is not a published note; skipped  gitbook-yaml'])
    // A file above whose `root` is another folder is another project's.
    const other = repo('gitbook-yaml-other', 'root: ./elsewhere/\n')
    fs.mkdirSync(path.join(other, 'elsewhere'))
    const plain = await site('gitbook-yaml-other', {}, path.join(other, 'docs'))
    expect(plain.pages).not.toContain('help.html')
  })

  it('reports keys of the wrong type at their line and column, and reads the rest', async () => {
    const yaml = ['root: docs', 'structure: ./TOC.md', 'redirects:', '  help: [support.md]', '  product-tour: support.md', '  guide: guides/new-page.md', ''].join('\n')
    const { read, pages, warnings } = await built('gitbook-yaml-types', yaml)
    expect(warnings).toEqual([
      '.gitbook.yaml:2:12  warning  `structure` should be a mapping of `readme` and `summary`; ignored  gitbook-yaml',
      '.gitbook.yaml:4:9  warning  Redirect from `help` should lead to a note (a path relative to `root`); skipped  gitbook-yaml',
      '.gitbook.yaml:5:3  warning  Redirect from `product-tour` is not a free path of the site (`product-tour.html` is a page already); skipped  gitbook-yaml',
      // Old URLs no redirect serves here are missing (the first test's `.gitbook.yaml` serves both).
      'docs/product-tour.md:6:23  warning  Link to missing note `help.html`  missing-link',
      'docs/product-tour.md:6:45  warning  Link to missing note `previous/page.html`  missing-link',
    ])
    // Without `structure.summary` the folders give the order, and TOC.md is a note like any other.
    expect(pages).toContain('TOC.html')
    expect(pages).toContain('guide.html')
    expect(read('guide.html')).toContain('url=guides/new-page.html')
  })

  it('stops on broken YAML, and on a `root` that is no folder, at their line and column', async () => {
    for (const [name, yaml, place, message] of [
      ['gitbook-yaml-broken', 'root: ./docs/\nstructure:\n  readme: [product-tour.md\n', { line: 4, column: 1 }, /^Broken YAML: /],
      ['gitbook-yaml-root', '# moved\nroot: ./documentation/\n', { line: 2, column: 7 }, /^`root`: the folder `\.\/documentation\/` does not exist/],
    ] as const) {
      const src = repo(name, yaml)
      const error = await build({ src, out: path.join(tmp, `${name}-out`), cacheDir: path.join(tmp, `${name}-cache`), quiet: true }).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(ConfigError)
      const { diagnostic } = error as ConfigError
      expect(path.relative(src, path.resolve(diagnostic.file))).toBe('.gitbook.yaml')
      expect({ line: diagnostic.line, column: diagnostic.column }).toEqual(place)
      expect(diagnostic.message).toMatch(message)
    }
  })
})

describe('a legacy GitBook book: book.json beside SUMMARY.md (0xAX/linux-insides)', () => {
  const files = {
    'book.json': '{\n    "title": "Linux Insides",\n    "author" : "0xAX"\n}\n',
    'README.md': 'linux-insides\n===============\n\nA book-in-progress about the linux kernel and its insides.\n',
    'SUMMARY.md': '* [Booting](Booting/README.md)\n    * [From bootloader to kernel](Booting/linux-bootstrap-1.md)\n',
    'Booting/README.md': '# Kernel Boot Process\n\n* [From the bootloader to kernel](linux-bootstrap-1.md)\n',
    'Booting/linux-bootstrap-1.md': '# Kernel Booting Process — Part 1\n',
  }

  it('takes the title from book.json and makes the unlisted README.md the first page, "Introduction", as GitBook 3 does', async () => {
    const { read, warnings } = await site('insides', files)
    expect(warnings).toEqual([])
    expect(read('index.html')).toContain('<title>Linux Insides</title>')
    // book.json is the book's configuration, not published beside its pages.
    expect(fs.existsSync(path.join(tmp, 'insides-out/book.json'))).toBe(false)
    // From the sidebar on: the tab title names the page as SUMMARY.md does.
    const page = read('Booting/linux-bootstrap-1.html')
    expect(page).toContain('<title>From bootloader to kernel · Linux Insides</title>')
    const sidebar = page.slice(page.indexOf('<nav class="sidebar"'))
    expect(sidebar).toMatch(/href="\.\.\/index\.html"[^>]*>(<[^>]+>)*[^<]*Introduction/)
    expect(sidebar.indexOf('Introduction')).toBeLessThan(sidebar.indexOf('From bootloader to kernel'))
  })

  it('leaves README.md where SUMMARY.md lists it, and reports broken book.json at its line and column', async () => {
    const { read, warnings } = await site('insides-listed', {
      ...files,
      'book.json': '{\n    "title": "Linux Insides",\n    "author" : "0xAX"\n',
      'SUMMARY.md': '* [Booting](Booting/README.md)\n* [Preface](README.md)\n',
    })
    expect(warnings).toEqual([
      'Booting/linux-bootstrap-1.md  warning  Not listed in SUMMARY.md; built but not in the navigation  unlisted',
      'book.json:4:1  warning  Broken JSON: Expected \',\' or \'}\' after property value in JSON at position 54; ignored  book-json',
    ])
    expect(read('index.html')).not.toContain('Introduction')
    expect(read('index.html')).toContain('Preface')
  })
})
