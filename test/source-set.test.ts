/**
 * `srcset` lists (an `<img>`'s, a `<picture>`'s `<source>`'s): each URL names
 * a file as an image's `src` does. GitHub's dark-mode image idiom,
 * `<picture><source media="(prefers-color-scheme: dark)" srcset="dark.png">`,
 * is the common case: a file left uncopied there is a broken image for every
 * reader in dark mode, with no fallback to the `<img>`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { mapSourceSet, sourceSetUrls } from '../src/markdown/source-set.ts'
import { tempSite, type TempSite } from './helpers/site.ts'

describe('mapSourceSet', () => {
  it('maps each URL, keeping its descriptor, and leaves out one mapped to undefined', () => {
    expect(mapSourceSet('a.png 1x,b.png 2x', (url) => `x/${url}`)).toBe('x/a.png 1x, x/b.png 2x')
    expect(mapSourceSet('a.png 480w, b.png 800w', (url) => (url === 'a.png' ? undefined : url))).toBe('b.png 800w')
    expect(sourceSetUrls(' a.png ,  b.png 1.5x ')).toEqual(['a.png', 'b.png'])
  })

  it('leaves alone a list the package would read other than as written', () => {
    // Two candidates of one density, an unknown descriptor, a URL with a space: browsers drop or split them.
    for (const value of ['a.png 1x, b.png 1x', 'a.png 1q', 'a b.png 1x']) {
      expect(mapSourceSet(value, (url) => `x/${url}`)).toBeUndefined()
      expect(sourceSetUrls(value)).toEqual([])
    }
  })
})

let site: TempSite | undefined
afterEach(() => site?.cleanup())

const PICTURE = '<picture><source media="(prefers-color-scheme: dark)" srcset="img/dark.png, img/dark@2x.png 2x"><img src="img/light.png" alt="Logo"></picture>'

describe('a srcset in a built wiki', () => {
  it('copies and checks its files, and rebases them on the print page, an embedding page, the 404 page and in the feed', async () => {
    site = tempSite({
      'slugwiki.toml': 'url = "https://example.org/wiki/"\nfeed-content = "full"\n',
      'index.md': '# Home\n\n![[guide/logo]]\n',
      'guide/logo.md': `---\ndate: 2024-05-01\n---\n# Logo\n\n${PICTURE}\n\n<img src="img/light.png" srcset="img/light.png 1x, img/gone.png 2x" alt="Retina">\n`,
      'guide/img/dark.png': 'png',
      'guide/img/dark@2x.png': 'png',
      'guide/img/light.png': 'png',
      '404.md': `# Lost\n\n<img src="guide/img/light.png" srcset="guide/img/dark.png 2x" alt="Lost">\n`,
    })
    const result = await build({ src: site.src, out: site.out, quiet: true, cache: false })
    const read = (rel: string) => fs.readFileSync(path.join(site!.out, rel), 'utf8')
    const warnings = result.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.rule}`)
    expect(warnings).toEqual(['logo.md:8:1 missing-asset'])
    expect(result.diagnostics[0]!.message).toBe('Missing file `img/gone.png`')
    for (const file of ['guide/img/dark.png', 'guide/img/dark@2x.png', 'guide/img/light.png']) expect(fs.existsSync(path.join(site.out, file))).toBe(true)
    // On its own page the list is as written.
    expect(read('guide/logo.html')).toContain('<source media="(prefers-color-scheme: dark)" srcset="img/dark.png, img/dark@2x.png 2x">')
    // From the root, every URL of the list names the same files.
    for (const page of ['index.html', 'print.html']) {
      expect(read(page)).toContain('<source media="(prefers-color-scheme: dark)" srcset="guide/img/dark.png, guide/img/dark%402x.png 2x">')
    }
    expect(read('404.html')).toContain('srcset="/wiki/guide/img/dark.png 2x"')
    expect(read('index.xml')).toContain('srcset="https://example.org/wiki/guide/img/dark.png, https://example.org/wiki/guide/img/dark@2x.png 2x"')
  })
})
