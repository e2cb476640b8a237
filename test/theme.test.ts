/**
 * Themes are folders: `--theme` and the `theme` setting pick one, a theme can
 * override one template and inherit the rest through `extends`, and a wiki
 * can bring its own theme folder.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { siBitbucket, siCodeberg, siGitea, siGitlab } from 'simple-icons'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.ts'

let tmp: string
let src: string
const read = (out: string, rel: string) => fs.readFileSync(path.join(out, rel), 'utf8')

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-theme-'))
  src = path.join(tmp, 'wiki')
  fs.mkdirSync(path.join(src, 'notes'), { recursive: true })
  fs.writeFileSync(path.join(src, 'README.md'), '# Home\n\nSee [a note](notes/a.md).\n')
  fs.writeFileSync(path.join(src, 'notes/a.md'), '# A note\n\n## One\n\nText.\n\n## Two\n\nMore.\n')
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

function build(name: string, args: string[] = [], from = src) {
  const out = path.join(tmp, name)
  const run = runCli(['build', '--src', from, '--out', out, '--quiet', ...args])
  return { run, out }
}

describe('choosing a theme', () => {
  it('builds with the default theme unless told otherwise', () => {
    const { run, out } = build('default')
    expect(run.status, run.stderr).toBe(0)
    const page = read(out, 'notes/a.html')
    expect(page).toContain('<link rel="stylesheet" href="../_slugwiki/style.css">')
    expect(page).not.toContain('paper.css')
    expect(page).toContain('<header class="site-header">')
  })

  it('--theme paper overrides the header, adds its stylesheet and inherits the rest', () => {
    const { run, out } = build('paper', ['--theme', 'paper'])
    expect(run.status, run.stderr).toBe(0)
    const page = read(out, 'notes/a.html')
    expect(page).toContain('<header class="site-header masthead">')
    // Every stylesheet of default (search box, index pages, previews), then paper's over them.
    const sheets = (html: string) => [...html.matchAll(/<link rel="stylesheet" href="\.\.\/_slugwiki\/([^"]+)">/g)].map((m) => m[1])
    expect(sheets(page)).toEqual(['style.css', 'search.css', 'indices.css', 'popovers.css', 'paper.css'])
    expect(sheets(read(build('default-sheets').out, 'notes/a.html'))).toEqual(['style.css', 'search.css', 'indices.css', 'popovers.css'])
    // Inherited from default: sidebar, table of contents, script and the search slot.
    expect(page).toContain('<nav class="sidebar" id="sidebar"')
    expect(page).toContain('<nav class="page-toc" aria-label="On this page">')
    expect(page).toContain('<script src="../_slugwiki/theme.js" defer></script>')
    // The search slot is default's, naming the index its script loads (paper's once had none, and no search).
    const slot = (html: string) => /<div class="search-slot"[^>]*><\/div>/.exec(html)?.[0]
    expect(slot(page)).toMatch(/data-index="\.\.\/_slugwiki\/search\/?"/)
    expect(slot(page)).toBe(slot(read(build('default-slot').out, 'notes/a.html')))
    expect(fs.existsSync(path.join(out, '_slugwiki/paper.css'))).toBe(true)
    expect(fs.existsSync(path.join(out, '_slugwiki/theme.js'))).toBe(true)
  })

  it('reads `theme` from slugwiki.toml, and --theme wins over it', () => {
    const configured = path.join(tmp, 'configured')
    fs.cpSync(src, configured, { recursive: true })
    fs.writeFileSync(path.join(configured, 'slugwiki.toml'), 'theme = "paper"\n')
    const fromConfig = build('configured-out', [], configured)
    expect(fromConfig.run.status, fromConfig.run.stderr).toBe(0)
    expect(read(fromConfig.out, 'index.html')).toContain('paper.css')
    const overridden = build('overridden-out', ['--theme', 'default'], configured)
    expect(overridden.run.status, overridden.run.stderr).toBe(0)
    expect(read(overridden.out, 'index.html')).not.toContain('paper.css')
  })

  /** A copy of the wiki in `folder` with its own theme `name`, whose index.ts is `index`. */
  function wikiWithTheme(folder: string, name: string, index: string): string {
    const own = path.join(tmp, folder)
    fs.cpSync(src, own, { recursive: true })
    fs.mkdirSync(path.join(own, 'themes', name, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(own, 'themes', name, 'index.ts'), index)
    return own
  }

  it("uses a wiki's own theme folder, which may extend a built-in one without imports", () => {
    const own = wikiWithTheme(
      'own',
      'mine',
      `export default {
  extends: 'paper',
  templates: { notFound: (ctx) => ctx.h('article.gone', [ctx.h('h1', 'Gone fishing')]) },
  styles: ['style.css', 'paper.css', 'mine.css'],
}
`,
    )
    fs.writeFileSync(path.join(own, 'themes/mine/assets/mine.css'), '.gone { color: teal; }\n')
    const { run, out } = build('own-out', ['--theme', 'mine'], own)
    expect(run.status, run.stderr).toBe(0)
    expect(read(out, '404.html')).toContain('<article class="gone"><h1>Gone fishing</h1></article>')
    expect(read(out, '404.html')).toContain('<header class="site-header masthead">')
    expect(read(out, 'index.html')).toContain('href="_slugwiki/mine.css"')
    expect(read(out, '_slugwiki/mine.css')).toBe('.gone { color: teal; }\n')
    // The theme is code, not part of the published site.
    expect(fs.existsSync(path.join(out, 'themes'))).toBe(false)
  })

  it('writes a raw HTML node a template makes as text, never as markup', () => {
    const own = wikiWithTheme(
      'raw',
      'raw',
      `export default {
  extends: 'default',
  templates: { notFound: (ctx) => ctx.h('article.gone', [{ type: 'raw', value: '<script>alert(1)</script>' }]) },
}
`,
    )
    const { run, out } = build('raw-out', ['--theme', 'raw'], own)
    expect(run.status, run.stderr).toBe(0)
    expect(read(out, '404.html')).toContain('<article class="gone">&#x3C;script>alert(1)&#x3C;/script></article>')
  })

  it('names an unknown theme and exits 1 without writing', () => {
    const { run, out } = build('missing', ['--theme', 'nope'])
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/Theme `nope` not found/)
    expect(fs.existsSync(out)).toBe(false)
  })
})

describe("the header's repository link", () => {
  it("shows the host's mark that git-repository-icon or the URL names: GitLab, Codeberg, Bitbucket, Gitea", () => {
    const cases = [
      { host: 'GitLab', path: siGitlab.path, toml: 'git-repository-url = "https://example.org/a/b"\ngit-repository-icon = "fa-gitlab"' },
      { host: 'Codeberg', path: siCodeberg.path, toml: 'git-repository-url = "https://codeberg.org/a/b"' },
      { host: 'Bitbucket', path: siBitbucket.path, toml: 'git-repository-url = "https://example.org/a/b"\ngit-repository-icon = "fa-bitbucket"' },
      { host: 'Gitea', path: siGitea.path, toml: 'git-repository-url = "https://gitea.com/a/b"' },
    ]
    for (const [i, { host, path: d, toml }] of cases.entries()) {
      const dir = path.join(tmp, `repo-${i}`)
      fs.mkdirSync(dir, { recursive: true })
      fs.writeFileSync(path.join(dir, 'book.toml'), `[book]\nsrc = "."\n\n[output.html]\n${toml}\n`)
      fs.writeFileSync(path.join(dir, 'README.md'), '# Home\n')
      const { run, out } = build(`repo-${i}-out`, [], dir)
      expect(run.status, run.stderr).toBe(0)
      const link = /<a class="icon-button" href="https:[^"]*"[^>]*>.*?<\/a>/.exec(read(out, 'index.html'))?.[0]
      expect(link, toml).toContain(`aria-label="Source repository on ${host}"`)
      expect(link, toml).toContain(`<path d="${d}">`)
    }
  })
})
