/**
 * Catalogue item 3, input hygiene, assets: references that leave the source
 * folder (`../../../etc/passwd`, absolute paths, `file:` URLs) and symbolic
 * links that point outside it are refused and never copied; dotfiles and
 * configuration never reach the output.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli, type CliRun } from '../helpers/cli.ts'
import { listFiles, tempSite, type TempSite } from '../helpers/site.ts'

// Every case builds a wiki in a child process; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 })

/** A file outside the wiki whose bytes must never show up in the output. */
const SECRET = 'TOP-SECRET-3b1f9a'

describe('references and links that leave the source folder', () => {
  let site: TempSite
  let run: CliRun
  let before: Array<[string, string]>
  beforeAll(() => {
    site = tempSite({
      'index.md': [
        '# Home',
        '',
        '![up](../../../etc/passwd)',
        '![sibling](../secret.txt)',
        '![absolute](/etc/passwd)',
        '<img src="file:///etc/passwd" alt="file URL">',
        '![through a link](link.png)',
        '![inside](images/ok.png) ![inside through a link](alias.png)',
        '',
      ].join('\n'),
      'images/ok.png': 'PNG',
    })
    fs.writeFileSync(path.join(site.root, 'secret.txt'), SECRET)
    fs.symlinkSync(path.join(site.root, 'secret.txt'), site.file('link.png'))
    fs.symlinkSync(site.root, site.file('up'))
    fs.symlinkSync('images/ok.png', site.file('alias.png'))
    before = site.snapshot()
    run = runCli(['build', '--src', 'src', '--out', 'out'], site.root)
  })
  afterAll(() => site.cleanup())

  const warnings = () => run.stderr.split('\n').filter((l) => l.includes('  warning  '))

  it('build (exit 0) with a warning for each refused reference and link', () => {
    expect(run.status).toBe(0)
    expect(warnings()).toEqual([
      'src/index.md:3:1  warning  Link `../../../etc/passwd` leaves the source folder  link-outside',
      'src/index.md:4:1  warning  Link `../secret.txt` leaves the source folder  link-outside',
      'src/index.md:5:1  warning  Missing file `/etc/passwd`  missing-asset',
      // The `file:` URL of the raw <img> is removed by sanitising, which says so.
      'src/index.md:6:1  warning  Raw HTML removed by sanitising: file: URL (line 6); set trusted = true in [slugwiki] to publish it as written  sanitize',
      'src/index.md:7:1  warning  Missing file `link.png`  missing-asset',
      'src/link.png  warning  Symbolic link points outside the source folder, skipped  symlink-outside',
      'src/up  warning  Symbolic link points outside the source folder, skipped  symlink-outside',
    ])
  })

  it('--strict turns the refusals into exit 1', () => {
    const strict = runCli(['build', '--src', 'src', '--out', 'strict', '--strict', '--quiet'], site.root)
    expect(strict.status).toBe(1)
    expect(fs.existsSync(path.join(site.root, 'strict'))).toBe(false)
  })

  it('copies nothing from outside: only the notes and the asset inside (also through an inner link)', () => {
    expect(listFiles(site.out).filter((f) => !f.startsWith('_slugwiki/'))).toEqual(['.nojekyll', '.slugwiki-output', '404.html', 'alias.png', 'images/ok.png', 'index.html', 'print.html', 'sitemap.xml'])
    for (const file of listFiles(site.out)) expect(fs.readFileSync(path.join(site.out, file), 'utf8'), file).not.toContain(SECRET)
    for (const file of listFiles(site.out)) expect(fs.readFileSync(path.join(site.out, file), 'utf8'), file).not.toMatch(/root:x:0:0/)
  })

  it('the escaping images lose their source, the file: URL too; an absolute path stays a path on the site', () => {
    const html = fs.readFileSync(path.join(site.out, 'index.html'), 'utf8')
    expect(html).toContain('<img alt="up">')
    expect(html).toContain('<img alt="sibling">')
    expect(html).toContain('<img alt="file URL">')
    // `/etc/passwd` means the site's own /etc/passwd (mdBook's reading): a missing file, never a copy;
    // written relative to the page, as every path from the source root is.
    expect(html).toContain('<img src="etc/passwd" alt="absolute">')
  })

  it('leaves the source folder as it was', () => {
    expect(site.snapshot()).toEqual(before)
  })
})

describe('includes through a symbolic link or of a hidden file', () => {
  it('are errors (exit 1) and publish nothing', () => {
    const site = tempSite({ 'index.md': '# Home\n\n```\n{{#include linked.txt}}\n```\n\n{{#include .env}}\n', '.env': `TOKEN=${SECRET}\n` })
    fs.writeFileSync(path.join(site.root, 'secret.txt'), SECRET)
    fs.symlinkSync(path.join(site.root, 'secret.txt'), site.file('linked.txt'))
    // The book folder is the notes folder here (no book.toml), so the file beside it is outside.
    const run = runCli(['build', '--src', 'src', '--out', 'out'], site.root)
    expect(run.status).toBe(1)
    expect(run.stderr.split('\n').filter((l) => l.includes('  error  '))).toEqual([
      'src/index.md:4:1  error  `{{#include linked.txt}}` leads outside src through a symbolic link  include-outside',
      'src/index.md:7:1  error  `{{#include .env}}` points at a hidden file; dotfiles and dot-folders (.git, .env) are never published  include-hidden',
    ])
    expect(fs.existsSync(site.out)).toBe(false)
    site.cleanup()
  })
})

describe('dotfiles and configuration', () => {
  it('never reach the output', () => {
    const site = tempSite({
      'book.toml': '[book]\ntitle = "Dots"\nsrc = "."\n',
      'SUMMARY.md': '# Summary\n\n- [Home](index.md)\n',
      'index.md': '# Home\n\n![pic](img/pic.png)\n',
      'img/pic.png': 'PNG',
      'img/.DS_Store': 'junk',
      '.env': `TOKEN=${SECRET}\n`,
      '.git/config': `[remote "origin"]\n\turl = https://user:${SECRET}@example.com/x.git\n`,
      '.obsidian/workspace.json': '{}',
      '.hidden/page.md': '# Hidden\n',
      'topics.yml': 'rcu: [index.md]\n',
      'themes/mine/index.ts': 'export default {}\n',
      'node_modules/x/index.js': 'x',
    })
    const run = runCli(['build', '--src', 'src', '--out', 'out', '--quiet'], site.root)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    // topics.yml is read, not copied: the topic pages it defines are the site's own.
    expect(listFiles(site.out).filter((f) => !f.startsWith('_slugwiki/'))).toEqual([
      '.nojekyll',
      '.slugwiki-output',
      '404.html',
      'img/pic.png',
      'index.html',
      'print.html',
      'sitemap.xml',
      'topics/index.html',
      'topics/rcu.html',
    ])
    for (const file of listFiles(site.out)) expect(fs.readFileSync(path.join(site.out, file), 'utf8'), file).not.toContain(SECRET)
    site.cleanup()
  })
})
