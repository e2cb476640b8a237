/**
 * MkDocs's directory URLs (`use_directory_urls`, its default): MkDocs
 * published `a/b.md` at `a/b/`; slugwiki keeps `a/b.html` and writes a
 * redirect page at `a/b/index.html`, so the old site's links keep working.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { mkdocsDirectoryFile } from '../src/pages/mkdocs-redirects.ts'
import type { SourcePath } from '../src/paths.ts'
import { formatDiagnostic } from '../src/report.ts'
import { listFiles, writeFiles } from './helpers/files.ts'
import { FRAGMENT_KEEPER } from '../themes/default/templates/document.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-mkdocs-urls-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

async function run(name: string, files: Record<string, string>) {
  const dir = writeFiles(path.join(tmp, name), files)
  const out = path.join(tmp, `${name}-out`)
  const result = await build({ src: dir, out, cacheDir: path.join(tmp, `${name}-cache`), quiet: true })
  return {
    shown: result.diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(dir, path.resolve(d.file)) })),
    read: (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8'),
    get files() {
      return listFiles(out)
    },
  }
}

const NOTES = {
  'docs/index.md': '# Home\n\n[Setup](guide/setup.md)\n',
  'docs/about.md': '# About\n',
  'docs/guide/index.md': '# Guide\n',
  'docs/guide/setup.md': '# Setup\n\n## First step\n',
  'docs/sched/README.md': '# Scheduler\n',
  'docs/sched/cfs.md': '# CFS\n',
}

describe("MkDocs's directory URLs", () => {
  it('are the files MkDocs writes: `a/b.md` at `a/b/index.html`, `a/index.md` and `a/README.md` at `a/index.html`', () => {
    const at = (source: string) => mkdocsDirectoryFile(source as SourcePath)
    expect(at('index.md')).toBe('index.html')
    expect(at('about.md')).toBe('about/index.html')
    expect(at('guide/setup.md')).toBe('guide/setup/index.html')
    expect(at('guide/index.md')).toBe('guide/index.html')
    expect(at('sched/README.md')).toBe('sched/index.html')
    // Only those two names, as MkDocs reads them.
    expect(at('Index.md')).toBe('Index/index.html')
  })

  it('each become a redirect page to the page, keeping the reader\'s #fragment; pages keep their own URLs', async () => {
    const { shown, read, files } = await run('site', { 'mkdocs.yml': 'site_name: Old\n', ...NOTES })
    expect(shown).toEqual([])
    expect(files.filter((f) => f.endsWith('index.html'))).toEqual(['about/index.html', 'guide/index.html', 'guide/setup/index.html', 'index.html', 'sched/cfs/index.html', 'sched/index.html'])
    const setup = read('guide/setup/index.html')
    expect(setup).toContain('<meta http-equiv="refresh" content="0; url=../setup.html">')
    // The script that keeps the fragment sends the reader to the canonical link above it.
    expect(setup).toContain(`<link rel="canonical" href="../setup.html"><script>${FRAGMENT_KEEPER}</script>`)
    expect(setup).toContain('<a href="../setup.html">Setup</a>')
    expect(read('about/index.html')).toContain('url=../about.html')
    expect(read('sched/cfs/index.html')).toContain('url=../cfs.html')
    // The pages themselves are where they were, and the folders' pages are no redirects.
    expect(read('guide/setup.html')).toContain('<h2 id="first-step"')
    expect(read('guide/index.html')).not.toContain('http-equiv')
    expect(read('index.html')).not.toContain('http-equiv')
    // Redirects are no pages of the sitemap.
    expect(read('sitemap.xml')).not.toContain('setup/')
  })

  it('a URL another page or a copied file has is no redirect, with a warning naming both; on the page\'s own URL, the collision error says it', async () => {
    const taken = await run('taken', {
      'mkdocs.yml': 'site_name: Taken\n',
      'docs/index.md': '# Home\n',
      // MkDocs reads `readme.md` as a page of its own, `/readme/`; slugwiki (any case) as the folder's page.
      'docs/guide/readme.md': '# Guide\n',
      'docs/guide/readme/index.html': '<p>kept</p>\n',
      'docs/guide/readme/notes.md': '# Notes\n',
    })
    const shown = (lines: string[], name: string) => lines.map((line) => line.replaceAll(`${path.relative(process.cwd(), path.join(tmp, name))}/`, ''))
    expect(shown(taken.shown, 'taken')).toEqual(['docs/guide/readme.md  warning  MkDocs URL `/guide/readme/` is `guide/readme/index.html`, the file `docs/guide/readme/index.html`; no redirect there  mkdocs'])
    expect(taken.read('guide/readme/index.html')).toBe('<p>kept</p>\n')
    expect(taken.read('guide/readme/notes/index.html')).toContain('url=../notes.html')
    // `net.md` beside `net/index.md` is one URL: the build's collision error names both, and no redirect is a third claim.
    const clash = await run('clash', { 'mkdocs.yml': 'site_name: Clash\n', 'docs/index.md': '# Home\n', 'docs/net.md': '# Net\n', 'docs/net/index.md': '# Net section\n' })
    expect(shown(clash.shown, 'clash')).toEqual([
      'docs/net.md  error  `docs/net.md` and `docs/net/index.md` both publish to `net.html` and `net/index.html`: one URL on case-insensitive file systems and clean-URL hosts; rename one  output-collision',
    ])
  })

  it('`use_directory_urls: false` makes none; a value of the wrong type is a warning at its line, read as true', async () => {
    const off = await run('off', { 'mkdocs.yml': 'site_name: Off\nuse_directory_urls: false\n', ...NOTES })
    expect(off.shown).toEqual([])
    expect(off.files.filter((f) => f.endsWith('index.html'))).toEqual(['guide/index.html', 'index.html', 'sched/index.html'])
    const dir = writeFiles(path.join(tmp, 'wrong'), { 'mkdocs.yml': 'site_name: Wrong\nuse_directory_urls: sometimes\n', 'docs/index.md': '# Home\n' })
    const config = resolveConfig({ src: dir }, tmp)
    expect(config.mkdocsSite?.directoryUrls).toBe(true)
    expect(config.mkdocsSite?.diagnostics.map((d) => formatDiagnostic(d))).toEqual(['wrong/mkdocs.yml:2:21  warning  `use_directory_urls` should be true or false; read as true, its default  mkdocs'])
  })
})
