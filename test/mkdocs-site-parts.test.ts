/**
 * What an MkDocs site's `mkdocs.yml` adds to every page, as Material shows
 * it: `theme.logo` beside the title, `theme.favicon` as the pages' icon, and
 * `copyright` (HTML, sanitised as a note's) in the footer.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { formatDiagnostic } from '../src/report.ts'
import { writeFiles } from './helpers/files.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-mkdocs-parts-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

async function run(name: string, files: Record<string, string>, theme?: string) {
  const dir = writeFiles(path.join(tmp, name), files)
  const out = path.join(tmp, `${name}-out`)
  const result = await build({ src: dir, out, cacheDir: path.join(tmp, `${name}-cache`), quiet: true, ...(theme && { theme }) })
  const here = `${path.relative(process.cwd(), dir)}/`
  return {
    shown: result.diagnostics.map((d) => formatDiagnostic(d).replaceAll(here, '')),
    read: (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8'),
  }
}

const MATERIAL = [
  'site_name: Parts',
  'theme:',
  '  name: material',
  '  logo: assets/logo.svg',
  '  favicon: images/favicon.png',
  'copyright: Copyright &copy; 2024 <a href="https://example.org/">Example</a><script>alert(1)</script><img src="x" onerror="alert(1)">',
  '',
].join('\n')
const DOCS = {
  'docs/index.md': '# Home\n',
  'docs/guide/setup.md': '# Setup\n',
  'docs/assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
  'docs/images/favicon.png': 'png\n',
}

describe("Material's logo and favicon, and MkDocs's copyright", () => {
  it('show on every page: the logo before the title, the favicon in the head, the copyright sanitised in the footer', async () => {
    for (const theme of ['default', 'paper']) {
      const { shown, read } = await run(`parts-${theme}`, { 'mkdocs.yml': MATERIAL, ...DOCS }, theme)
      expect(shown).toEqual(['mkdocs.yml:6:12  warning  `copyright`: part of its HTML is not published (scripts, event handlers, styles and unsafe URLs are removed, as from a note)  sanitize'])
      const home = read('index.html')
      expect(home).toContain('<link rel="icon" href="images/favicon.png">')
      expect(home).toContain('<img class="site-logo" src="assets/logo.svg" alt="">Parts</a>')
      const setup = read('guide/setup.html')
      expect(setup).toContain('<link rel="icon" href="../images/favicon.png">')
      expect(setup).toContain('<img class="site-logo" src="../assets/logo.svg" alt="">')
      const footer = /<footer class="site-footer">(.*?)<\/footer>/s.exec(setup)?.[1]
      expect(footer).toBe('Copyright © 2024 <a href="https://example.org/">Example</a><img src="x">')
      expect(setup).not.toContain('alert(1)')
    }
  })

  it('shows a copyright that sanitising keeps whole without a word', async () => {
    const { shown, read } = await run('clean', { 'mkdocs.yml': 'site_name: Clean\ncopyright: <em>Made</em> by us\n', 'docs/index.md': '# Home\n' })
    expect(shown).toEqual([])
    expect(read('index.html')).toContain('<footer class="site-footer"><em>Made</em> by us</footer>')
  })

  it('leave out a logo or favicon that is no file of docs_dir, with a warning at its line; no copyright, no footer', async () => {
    const { shown, read } = await run('missing', {
      'mkdocs.yml': 'site_name: Missing\ntheme:\n  name: material\n  logo: assets/gone.svg\n  favicon: https://example.org/favicon.png\n',
      'docs/index.md': '# Home\n',
    })
    expect(shown).toEqual([
      'mkdocs.yml:4:9  warning  `theme.logo`: `assets/gone.svg` is not a file of `docs_dir` (`docs`); left out  mkdocs',
      'mkdocs.yml:5:12  warning  `theme.favicon`: `https://example.org/favicon.png` is not a file of `docs_dir` (`docs`); left out  mkdocs',
    ])
    const home = read('index.html')
    expect(home).not.toContain('site-logo')
    // The favicon left out is no link; the theme's own icon stands in, as for any site without one.
    expect(home.match(/<link rel="icon"[^>]*>/g)).toEqual(['<link rel="icon" href="_slugwiki/favicon.svg">'])
    expect(home).not.toContain('site-footer')
  })
})
