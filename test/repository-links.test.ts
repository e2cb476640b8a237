/**
 * Links from docs kept in a project's repository to its other files
 * (`[the loader](../src/x.c)` in `docs/`) lead to the repository's page of
 * the file, as GitHub shows them, when the repository is known and the docs
 * sit in a checkout of it; otherwise they keep their `link-outside` warning.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { branchOfEditTemplate, outsideLink, repositoryFileUrl } from '../src/repository-links.ts'
import { writeFiles } from './helpers/files.ts'

const made: string[] = []
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true })
})

const NOTE = [
  '# Guide',
  '',
  '[the source](../src/x.c), [the folder](../src/), [lines](../src/x.c#L3), [up](../../outside.c), [gone](../src/missing.c), [other](other.md).',
  '',
  '![diagram](../src/diagram.png)',
  '',
].join('\n')

/**
 * A checkout of `https://github.com/example/project` (its remote `remote`) holding
 * `src/x.c`, `src/diagram.png` and the docs folder `docs/` with `files`; `outside.c` lies beside the checkout. An empty `remote`: none.
 */
function checkout(files: Record<string, string>, remote: string | undefined = 'git@github.com:example/project.git'): { repo: string; docs: string; out: string } {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-repolinks-'))
  made.push(top)
  const repo = path.join(top, 'project')
  writeFiles(repo, { 'src/x.c': 'int x;\n', 'src/diagram.png': 'png', ...Object.fromEntries(Object.entries(files).map(([name, text]) => [`docs/${name}`, text])) })
  fs.writeFileSync(path.join(top, 'outside.c'), 'int y;\n')
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' })
  git('init', '-q')
  if (remote) git('remote', 'add', 'origin', remote)
  return { repo, docs: path.join(repo, 'docs'), out: path.join(top, 'out') }
}

async function built(src: string, out: string, page = 'guide.html') {
  const result = await build({ src, out, quiet: true, cache: false })
  const outside = result.diagnostics.filter((d) => d.rule === 'link-outside').map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`)
  const html = fs.readFileSync(path.join(out, page), 'utf8')
  const hrefs = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[2], m[1]])
  return { result, outside, html, hrefs: Object.fromEntries(hrefs.filter(([text]) => ['the source', 'the folder', 'lines', 'up', 'gone', 'other'].includes(text!))) }
}

describe('links leaving the source folder to the repository\'s files', () => {
  it('a plain folder with `repository` in slugwiki.toml: a file, a folder and a line range lead to the repository; the rest keep their warning', async () => {
    const { docs, out } = checkout({ 'guide.md': NOTE, 'other.md': '# Other\n[the project](..)\n', 'slugwiki.toml': 'repository = "https://github.com/example/project"\n' })
    const { outside, hrefs, html } = await built(docs, out)
    // The checkout's own folder: the repository's front page of its files.
    expect(fs.readFileSync(path.join(out, 'other.html'), 'utf8')).toContain('<a href="https://github.com/example/project/tree/HEAD">the project</a>')
    expect(hrefs).toEqual({
      'the source': 'https://github.com/example/project/blob/HEAD/src/x.c',
      'the folder': 'https://github.com/example/project/tree/HEAD/src',
      lines: 'https://github.com/example/project/blob/HEAD/src/x.c#L3',
      up: '../../outside.c',
      gone: '../src/missing.c',
      other: 'other.html',
    })
    // An image is shown from the repository's raw file, as GitHub shows it (its blob page is no image).
    expect(html).toContain('<img src="https://github.com/example/project/raw/HEAD/src/diagram.png" alt="diagram">')
    expect(outside).toEqual([
      'guide.md:3:74 Link `../../outside.c` leaves the source folder and the git checkout',
      'guide.md:3:97 Link `../src/missing.c` leaves the source folder, and its checkout has no file or folder `src/missing.c`',
    ])
  })

  it('a plain folder in a clone of GitHub, GitLab, Codeberg or Bitbucket, without a setting: links lead to the repository its origin remote names', async () => {
    const { docs, out } = checkout({ 'guide.md': NOTE, 'other.md': '# Other\n' }, 'git@github.com:Example/Project.git')
    const { outside, hrefs, html } = await built(docs, out)
    expect(hrefs['the source']).toBe('https://github.com/Example/Project/blob/HEAD/src/x.c')
    expect(hrefs.lines).toBe('https://github.com/Example/Project/blob/HEAD/src/x.c#L3')
    expect(html).toContain('<img src="https://github.com/Example/Project/raw/HEAD/src/diagram.png" alt="diagram">')
    expect(outside.map((line) => line.split(' ')[0])).toEqual(['guide.md:3:74', 'guide.md:3:97'])
    // The header's repository link and edit links keep to what the config names.
    expect(html).not.toContain('href="https://github.com/Example/Project"')
    const codeberg = checkout({ 'guide.md': NOTE, 'other.md': '# Other\n' }, 'https://user@codeberg.org/example/project.git')
    expect((await built(codeberg.docs, codeberg.out)).hrefs['the source']).toBe('https://codeberg.org/example/project/src/branch/HEAD/src/x.c')
  })

  it('a plain folder whose origin is on a host of its own keeps the warning: its URLs cannot be told from its name', async () => {
    const { docs, out } = checkout({ 'guide.md': NOTE, 'other.md': '# Other\n' }, 'https://git.example.org/example/project.git')
    const { outside, hrefs } = await built(docs, out)
    expect(hrefs['the source']).toBe('../src/x.c')
    expect(outside).toContain("guide.md:3:1 Link `../src/x.c` leaves the source folder; set `repository` in slugwiki.toml to link to the repository's page of the file")
  })

  it('a plain folder without a repository URL or remote keeps the warning, saying which setting makes such a link work', async () => {
    const { docs, out } = checkout({ 'guide.md': NOTE, 'other.md': '# Other\n' }, '')
    const { outside, hrefs } = await built(docs, out)
    expect(hrefs['the source']).toBe('../src/x.c')
    expect(outside).toContain("guide.md:3:1 Link `../src/x.c` leaves the source folder; set `repository` in slugwiki.toml to link to the repository's page of the file")
    // A link leaving the checkout too cannot be fixed so: today's warning, as it was.
    expect(outside).toContain('guide.md:3:74 Link `../../outside.c` leaves the source folder')
  })

  it('an mdBook with git-repository-url: links from its src/ to the repository, at the branch its edit-url-template names', async () => {
    const toml = [
      '[book]',
      'title = "Project"',
      '',
      '[output.html]',
      'git-repository-url = "https://github.com/example/project"',
      'edit-url-template = "https://github.com/example/project/edit/release/2.0/docs/{path}"',
      '',
    ].join('\n')
    const note = NOTE.replaceAll('](../src/', '](../../src/').replace('](../../outside.c)', '](../../../outside.c)')
    const { docs, out } = checkout({ 'book.toml': toml, 'src/SUMMARY.md': '- [Guide](guide.md)\n- [Other](other.md)\n', 'src/guide.md': note, 'src/other.md': '# Other\n' })
    const { outside, hrefs } = await built(docs, out)
    expect(hrefs['the source']).toBe('https://github.com/example/project/blob/release/2.0/src/x.c')
    expect(hrefs['the folder']).toBe('https://github.com/example/project/tree/release/2.0/src')
    expect(hrefs.lines).toBe('https://github.com/example/project/blob/release/2.0/src/x.c#L3')
    expect(outside.map((line) => line.split(' ')[0])).toEqual(['guide.md:3:83', 'guide.md:3:109'])
  })

  it('an mdBook whose checkout has no remote of its repository keeps the warning, saying so', async () => {
    const toml = '[book]\ntitle = "Project"\nsrc = "."\n\n[output.html]\ngit-repository-url = "https://github.com/example/project"\n'
    const { docs, out } = checkout({ 'book.toml': toml, 'SUMMARY.md': '- [Guide](guide.md)\n- [Other](other.md)\n', 'guide.md': NOTE, 'other.md': '# Other\n' }, 'https://github.com/someone/vendored.git')
    const { outside, hrefs } = await built(docs, out)
    expect(hrefs['the source']).toBe('../src/x.c')
    expect(outside).toContain(
      "guide.md:3:1 Link `../src/x.c` leaves the source folder, and no git remote of the checkout holding the book is https://github.com/example/project (`[output.html] git-repository-url` in book.toml), so it cannot lead to that repository's file",
    )
  })

  it('an MkDocs site on GitLab: repo_url and the branch of edit_uri', async () => {
    const { repo, out } = checkout({ 'guide.md': NOTE, 'other.md': '# Other\n' }, 'https://gitlab.com/example/project.git')
    fs.writeFileSync(path.join(repo, 'mkdocs.yml'), 'site_name: Project\nrepo_url: https://gitlab.com/example/project\nedit_uri: -/edit/main/docs/\n')
    const { outside, hrefs } = await built(repo, out)
    expect(hrefs['the source']).toBe('https://gitlab.com/example/project/-/blob/main/src/x.c')
    expect(hrefs['the folder']).toBe('https://gitlab.com/example/project/-/tree/main/src')
    expect(outside).toHaveLength(2)
  })

  it('a site built from the repository\'s root: a folder with no note in it leads to the repository\'s page of it, not a missing-link warning', async () => {
    const { repo, out } = checkout({ 'guide.md': NOTE, 'other.md': '# Other\n[home](../)\n' }, 'https://github.com/example/project.git')
    const result = await build({ src: repo, out, quiet: true, cache: false })
    // The source folder itself is the site's front page, never the repository's.
    expect(fs.readFileSync(path.join(out, 'docs/other.html'), 'utf8')).not.toContain('github.com/example/project/tree')
    const html = fs.readFileSync(path.join(out, 'docs/guide.html'), 'utf8')
    expect(html).toContain('<a href="https://github.com/example/project/tree/HEAD/src">the folder</a>')
    const warnings = result.diagnostics.filter((d) => d.rule !== undefined).map((d) => `${d.rule} ${d.message}`)
    // A file the checkout does not have is still a missing one.
    expect(warnings).toEqual(['link-outside Link `../../outside.c` leaves the source folder and the git checkout', 'missing-asset Missing file `../src/missing.c`'])
  })

  it('the print page links to the repository too', async () => {
    const { docs, out } = checkout({ 'guide.md': NOTE, 'other.md': '# Other\n', 'slugwiki.toml': 'repository = "https://github.com/example/project"\n' })
    const { html } = await built(docs, out, 'print.html')
    expect(html).toContain('href="https://github.com/example/project/blob/HEAD/src/x.c#L3"')
  })
})

describe('the host of the repository\'s URLs', () => {
  it('is the one the book\'s icon names for a host of its own (a self-hosted GitLab), else the URL\'s', () => {
    const host = (icon: string | undefined, url: string) => {
      const { docs } = checkout({ 'book.toml': `[book]\nsrc = "."\n\n[output.html]\ngit-repository-url = "${url}"\n${icon ? `git-repository-icon = "${icon}"\n` : ''}`, 'guide.md': '# Guide\n' }, undefined)
      return resolveConfig({ src: docs }).repositoryLinks.host
    }
    expect(host('fa-gitlab', 'https://git.example.org/o/r')).toBe('gitlab')
    expect(host('fa-code-fork', 'https://bitbucket.org/o/r')).toBe('bitbucket')
    expect(host(undefined, 'https://codeberg.org/o/r')).toBe('codeberg')
  })
})

describe('outsideLink', () => {
  it('takes a file whose name starts with two dots for one inside the checkout, not for a way out of it', () => {
    const { repo, docs } = checkout({ 'guide.md': '# Guide\n' })
    fs.writeFileSync(path.join(repo, '..dotted.c'), 'int z;\n')
    const repository = { web: 'https://github.com/example/project', host: 'github' as const, checkout: repo, top: repo, ref: 'HEAD', setting: '`repository`' }
    expect(outsideLink(repository, docs, '../..dotted.c', '../..dotted.c', false)).toEqual({ url: 'https://github.com/example/project/blob/HEAD/..dotted.c' })
    expect(outsideLink(repository, docs, '../../outside.c', '../../outside.c', false)).toEqual({ problem: 'Link `../../outside.c` leaves the source folder and the git checkout' })
  })

  it('leads a link climbing out of the checkout to the GitHub page it names from the file\'s own page (a README\'s ../../wiki/Performance), not to a path under /blob/', () => {
    const { repo } = checkout({ 'guide.md': '# Guide\n' })
    const repository = { web: 'https://github.com/example/project', host: 'github' as const, checkout: repo, top: repo, ref: 'HEAD', setting: '`repository`' }
    const at = (written: string, image = false, host: 'github' | 'gitlab' = 'github') => outsideLink({ ...repository, host }, repo, written, written.replace(/[?#].*$/, ''), image)
    expect(at('../../wiki/Performance')).toEqual({ url: 'https://github.com/example/project/wiki/Performance' })
    expect(at('../../issues?q=is%3Aopen#top')).toEqual({ url: 'https://github.com/example/project/issues?q=is%3Aopen#top' })
    expect(at('../../../sibling')).toEqual({ url: 'https://github.com/example/sibling' })
    // `/example/project/blob/outside.c` is no file on GitHub either; an image of a wiki page is none.
    expect(at('../outside.c')).toEqual({ problem: 'Link `../outside.c` leaves the source folder and the git checkout' })
    expect(at('../../wiki/logo.png', true)).toHaveProperty('problem')
    expect(at('../../wiki/Performance', false, 'gitlab')).toHaveProperty('problem')
  })
})

describe('repositoryFileUrl', () => {
  it.each([
    ['github', 'blob', 'https://github.com/o/r/blob/HEAD/a%20b/x.c'],
    ['github', 'tree', 'https://github.com/o/r/tree/HEAD/a%20b/x.c'],
    ['github', 'raw', 'https://github.com/o/r/raw/HEAD/a%20b/x.c'],
    ['gitlab', 'blob', 'https://github.com/o/r/-/blob/HEAD/a%20b/x.c'],
    ['bitbucket', 'tree', 'https://github.com/o/r/src/HEAD/a%20b/x.c'],
    ['bitbucket', 'raw', 'https://github.com/o/r/raw/HEAD/a%20b/x.c'],
    // Gitea's and Forgejo's `/blob/` is a git object by id: files and folders are under `/src/branch/`.
    ['codeberg', 'blob', 'https://github.com/o/r/src/branch/HEAD/a%20b/x.c'],
    ['gitea', 'tree', 'https://github.com/o/r/src/branch/HEAD/a%20b/x.c'],
    ['gitea', 'raw', 'https://github.com/o/r/raw/branch/HEAD/a%20b/x.c'],
  ] as const)('%s %s', (host, what, url) => {
    expect(repositoryFileUrl({ web: 'https://github.com/o/r', host, ref: 'HEAD' }, 'a b/x.c', what)).toBe(url)
  })
})

describe('branchOfEditTemplate', () => {
  it.each([
    ['https://github.com/o/r/edit/main/docs/{path}', 'docs', 'main'],
    ['https://github.com/o/r/edit/release/2.0/docs/{path}', 'docs', 'release/2.0'],
    ['https://gitlab.com/o/r/-/edit/dev/{path}', '', 'dev'],
    ['https://github.com/o/r/edit/main/book/{path}', 'docs', undefined],
    ['https://example.org/edit/{path}', 'docs', undefined],
  ])('%s', (template, inRepository, branch) => {
    const web = template.startsWith('https://gitlab.com') ? 'https://gitlab.com/o/r' : 'https://github.com/o/r'
    expect(branchOfEditTemplate(template, web, inRepository)).toBe(branch)
  })
})
