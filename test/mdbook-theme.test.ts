/**
 * mdBook's theme folder: its favicons are published and linked as mdBook
 * does it, and every template, script or stylesheet in it that slugwiki
 * cannot use is a warning naming the file, never a silent difference.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { tempSite, type TempSite } from './helpers/site.ts'

let site: TempSite | undefined
afterEach(() => site?.cleanup())

/** A book with book.toml beside `src/`, plus `extra` files relative to the book folder. */
function book(toml: string, extra: Record<string, string> = {}): TempSite {
  site = tempSite({ 'SUMMARY.md': '# Summary\n\n- [Intro](README.md)\n- [Deep](a/b/deep.md)\n', 'README.md': '# Intro\n', 'a/b/deep.md': '# Deep\n' })
  fs.writeFileSync(path.join(site.root, 'book.toml'), `[book]\ntitle = "T"\nsrc = "src"\n${toml}`)
  for (const [rel, content] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(site.root, rel)), { recursive: true })
    fs.writeFileSync(path.join(site.root, rel), content)
  }
  return site
}

async function run(s: TempSite) {
  const result = await build({ src: s.root, out: s.out, quiet: true, cache: false })
  const read = (rel: string) => fs.readFileSync(path.join(s.out, rel), 'utf8')
  const warnings = result.diagnostics.filter((d) => d.rule === 'mdbook-theme')
  return { result, read, warnings }
}

describe('favicons of the theme folder', () => {
  it('are copied to the root and linked from every page as mdBook links them, the 404 page by absolute path', async () => {
    const s = book('', { 'theme/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>', 'theme/favicon.png': 'PNG' })
    const { result, read } = await run(s)
    expect(result.written).toBe(true)
    expect(read('favicon.svg')).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>')
    expect(read('favicon.png')).toBe('PNG')
    expect(read('index.html')).toContain('<link rel="icon" href="favicon.svg"><link rel="shortcut icon" href="favicon.png">')
    expect(read('a/b/deep.html')).toContain('<link rel="icon" href="../../favicon.svg"><link rel="shortcut icon" href="../../favicon.png">')
    expect(read('404.html')).toContain('<link rel="icon" href="/favicon.svg"><link rel="shortcut icon" href="/favicon.png">')
  })

  it('are only the ones the folder has, from the folder `[output.html] theme` names', async () => {
    const s = book('[output.html]\ntheme = "my-theme"\n', { 'my-theme/favicon.png': 'PNG', 'theme/favicon.svg': '<svg/>' })
    const { read } = await run(s)
    expect(read('index.html')).toContain('<link rel="shortcut icon" href="favicon.png">')
    expect(read('index.html')).not.toContain('favicon.svg')
    expect(fs.existsSync(path.join(s.out, 'favicon.svg'))).toBe(false)
  })

  it('are the slugwiki theme’s icon without a theme folder, as mdBook’s default theme has one: no file at the root', async () => {
    const s = book('')
    const { read, warnings } = await run(s)
    expect(read('index.html').match(/<link rel="(?:shortcut )?icon"[^>]*>/g)).toEqual(['<link rel="icon" href="_slugwiki/favicon.svg">'])
    expect(read('a/b/deep.html')).toContain('<link rel="icon" href="../../_slugwiki/favicon.svg">')
    expect(read('_slugwiki/favicon.svg')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(fs.existsSync(path.join(s.out, 'favicon.png'))).toBe(false)
    expect(warnings).toEqual([])
  })

  it('are the book’s own favicon files at the root without a theme folder, linked as mdBook links its theme’s (a base path hides /favicon.ico from browsers)', async () => {
    const s = book('', { 'src/favicon.ico': 'ICO', 'src/favicon.png': 'PNG' })
    const { read } = await run(s)
    expect(read('favicon.ico')).toBe('ICO')
    expect(read('index.html').match(/<link rel="(?:shortcut )?icon"[^>]*>/g)).toEqual(['<link rel="shortcut icon" href="favicon.png">', '<link rel="icon" href="favicon.ico">'])
    expect(read('a/b/deep.html')).toContain('<link rel="icon" href="../../favicon.ico">')
  })

  it('give way to a favicon among the book’s own files, which mdBook copies last', async () => {
    const s = book('', { 'theme/favicon.png': 'THEME', 'src/favicon.png': 'OWN' })
    const { result, read } = await run(s)
    expect(result.written).toBe(true)
    expect(read('favicon.png')).toBe('OWN')
    expect(read('index.html')).toContain('<link rel="shortcut icon" href="favicon.png">')
  })
})

describe('theme files slugwiki cannot use', () => {
  it('are one warning each, naming the file and what to use instead', async () => {
    const s = book('', {
      'theme/index.hbs': '<html>{{{ content }}}</html>',
      'theme/head.hbs': '<meta name="x">',
      'theme/header.hbs': '<div>Banner</div>',
      'theme/book.js': '',
      'theme/css/variables.css': ':root{}',
      'theme/highlight.css': '',
      'theme/favicon.svg': '<svg/>',
    })
    const { result, warnings } = await run(s)
    expect(result.written).toBe(true)
    const byFile = new Map(warnings.map((w) => [path.relative(s.root, path.resolve(w.file)), w.message]))
    expect([...byFile.keys()].sort()).toEqual(['theme/book.js', 'theme/css/variables.css', 'theme/head.hbs', 'theme/header.hbs', 'theme/highlight.css', 'theme/index.hbs'])
    expect(byFile.get('theme/head.hbs')).toMatch(/Handlebars.*additional-css.*additional-js/)
    expect(byFile.get('theme/book.js')).toContain('additional-js')
    expect(byFile.get('theme/css/variables.css')).toContain('additional-css')
    expect(byFile.get('theme/highlight.css')).toContain('light-theme')
    expect(warnings.every((w) => w.severity === 'warning')).toBe(true)
  })

  it('fail a --strict build, as every warning does', async () => {
    const s = book('', { 'theme/head.hbs': '<meta name="x">' })
    const result = await build({ src: s.root, out: s.out, quiet: true, cache: false, strict: true })
    expect(result.written).toBe(false)
  })

  it('include a theme folder book.toml names that does not exist', async () => {
    const s = book('[output.html]\ntheme = "nowhere"\n')
    const { warnings } = await run(s)
    expect(warnings.map((w) => w.message)).toEqual(['The theme folder `' + path.relative(process.cwd(), path.join(s.root, 'nowhere')) + '` of `[output.html] theme` does not exist'])
  })
})
