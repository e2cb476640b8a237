/**
 * mdBook's `[output.html]` options that change which pages a book has and
 * how they look: the print page's switches, the 404 page from a note, the
 * colour scheme a reader starts with.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { tempSite, type TempSite } from './helpers/site.ts'

let site: TempSite | undefined
afterEach(() => site?.cleanup())

const SUMMARY = '# Summary\n\n- [Intro](README.md)\n- [Deep](a/b/deep.md)\n'

/** A book with book.toml beside `src/`: `toml` is appended after `[book]`, `files` go under `src/`. */
function book(toml: string, files: Record<string, string> = {}): TempSite {
  site = tempSite({ 'SUMMARY.md': SUMMARY, 'README.md': '# Intro\n', 'a/b/deep.md': '# Deep\n\n## Part two\n', ...files })
  fs.writeFileSync(path.join(site.root, 'book.toml'), `[book]\ntitle = "T"\nsrc = "src"\n\n${toml}`)
  return site
}

async function run(s: TempSite, options: { base?: string } = {}) {
  const result = await build({ src: s.root, out: s.out, quiet: true, cache: false, ...options })
  const read = (rel: string) => fs.readFileSync(path.join(s.out, rel), 'utf8')
  const exists = (rel: string) => fs.existsSync(path.join(s.out, rel))
  return { result, read, exists }
}

describe('[output.html.print]', () => {
  it('builds print.html and links it from every page by default, each chapter starting a sheet', async () => {
    const { read, exists } = await run(book(''))
    expect(exists('print.html')).toBe(true)
    expect(read('index.html')).toContain('href="print.html"')
    expect(read('print.html')).toContain('<div class="print">')
  })

  it('enable = false: no print.html and no link to it anywhere', async () => {
    const { result, read, exists } = await run(book('[output.html.print]\nenable = false\n'))
    expect(result.written).toBe(true)
    expect(exists('print.html')).toBe(false)
    for (const page of ['index.html', 'a/b/deep.html', 'README.html', '404.html'].filter(exists)) expect(read(page)).not.toContain('print.html')
  })

  it('page-break = false: the chapters of the print page run on', async () => {
    const { read } = await run(book('[output.html.print]\npage-break = false\n'))
    expect(read('print.html')).toContain('<div class="print run-on">')
  })
})
