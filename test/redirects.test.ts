/**
 * mdBook's `[output.html.redirect]`: each old path becomes a page sending the
 * reader on, and a target inside the site that does not exist is reported.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { redirectTarget } from '../src/pages/build-pages.ts'
import { projectRoot } from './helpers/cli.ts'

let tmp: string
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-redirects-'))
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('where a redirect lands', () => {
  it.each([
    ['old/rcu.html', '../kernel/rcu.html', '/book/', 'kernel/rcu.html'],
    ['old.html', 'go.html#top', '/book/', 'go.html'],
    ['a/b.html', './', '/book/', 'a/index.html'],
    ['old.html', '/book/kernel/', '/book/', 'kernel/index.html'],
    ['old.html', '/elsewhere/x.html', '/book/', undefined],
    ['old.html', 'https://example.com/x.html', '/', undefined],
    ['old.html', '//example.com/x.html', '/', undefined],
    ['old.html', '#only-a-fragment', '/', undefined],
    ['old.html', '../../above.html', '/', 'above.html'],
    ['old.html', '../above.html', '/book/', undefined],
    ['old.html', 'caf%C3%A9.html', '/', 'café.html'],
  ])('from %s to %s (base %s): %s', (slug, to, base, expected) => {
    expect(redirectTarget(slug, to, base)).toBe(expected)
  })
})

describe('redirect pages', () => {
  it('are written for each old path, and a target the site lacks is a warning naming it', async () => {
    const src = path.join(tmp, 'book')
    fs.cpSync(path.join(projectRoot, 'test/sites/mdbook'), src, { recursive: true })
    fs.appendFileSync(
      path.join(src, 'book.toml'),
      [
        '',
        '[output.html.redirect]',
        '"/old/rcu.html" = "../kernel/rcu.html"',
        '"/chained.html" = "old/rcu.html"',
        '"/external.html" = "https://example.com/new"',
        '"/gone.html" = "kernel/nowhere.html"',
        '',
      ].join('\n'),
    )
    const out = path.join(tmp, 'out')
    const result = await build({ src, out, quiet: true })
    expect(result.written).toBe(true)
    expect(fs.readFileSync(path.join(out, 'old/rcu.html'), 'utf8')).toContain('url=../kernel/rcu.html')
    expect(fs.readFileSync(path.join(out, 'external.html'), 'utf8')).toContain('url=https://example.com/new')
    const redirects = result.diagnostics.filter((d) => d.rule === 'redirect').map((d) => d.message)
    expect(redirects).toEqual(['Redirect from `/gone.html` leads to `kernel/nowhere.html`, which the site does not have'])
  })
})

describe('links to a redirect', () => {
  it('lead on, so they are no missing note (the rustc-dev-guide links to /miri.html, a redirect)', async () => {
    const src = path.join(tmp, 'linked')
    fs.cpSync(path.join(projectRoot, 'test/sites/mdbook'), src, { recursive: true })
    fs.appendFileSync(path.join(src, 'book.toml'), ['', '[output.html.redirect]', '"/miri.html" = "go.html"', '"/old/rcu.html" = "../kernel/rcu.html"', '"/x.html#frag" = "go.html"', ''].join('\n'))
    fs.appendFileSync(path.join(src, 'src/appendix.md'), '\n[miri](miri.html) [as md](./miri.md) [old](old/rcu.html#intro) [frag only](x.html) [gone](gone.html)\n')
    const result = await build({ src, out: path.join(tmp, 'linked-out'), quiet: true })
    const missing = result.diagnostics.filter((d) => d.rule === 'missing-link' && d.file.endsWith('appendix.md')).map((d) => d.message)
    expect(missing).toEqual(['Link to missing note `x.html`', 'Link to missing note `gone.html`'])
  })
})

describe('fragment redirects', () => {
  // The Rust Reference keeps ~70 of them: `"/types.html#closure-types" = "types/closure.html"`.
  let out: string
  let result: Awaited<ReturnType<typeof build>>
  beforeAll(async () => {
    const src = path.join(tmp, 'fragments')
    fs.cpSync(path.join(projectRoot, 'test/sites/mdbook'), src, { recursive: true })
    fs.appendFileSync(
      path.join(src, 'book.toml'),
      [
        '',
        '[output.html.redirect]',
        '"/kernel/rcu.html#old-grace" = "rcu.html#grace-period"',
        '"/kernel/rcu.html#moved-away" = "../go.html"',
        '"/old.html" = "go.html"',
        '"/old.html#shells" = "shell.html"',
        '"/lonely.html#frag" = "go.html"',
        '"/go.html#run" = "javascript:alert(1)"',
        '"/go.html#gone" = "nowhere.html"',
        '',
      ].join('\n'),
    )
    out = path.join(tmp, 'fragments-out')
    result = await build({ src, out, quiet: true })
  })

  /** Where the page's fragment script sends a reader arriving at `href`, if anywhere. */
  function sentTo(page: string, href: string): string | undefined {
    const html = fs.readFileSync(path.join(out, page), 'utf8')
    const script = /<script>(\(function\(m(?:,k)?\)[^<]*)<\/script>/.exec(html)?.[1]
    if (!script) return undefined
    const url = new URL(href)
    let went: string | undefined
    new Function('location', script)({ hash: url.hash, href: url.href, replace: (to: string) => (went = to) })
    return went
  }

  it('send a reader arriving at an old fragment of a page the book has on, from that page', () => {
    expect(result.written).toBe(true)
    expect(sentTo('kernel/rcu.html', 'https://x.test/book/kernel/rcu.html#old-grace')).toBe('https://x.test/book/kernel/rcu.html#grace-period')
    expect(sentTo('kernel/rcu.html', 'https://x.test/book/kernel/rcu.html#moved-away')).toBe('https://x.test/book/go.html')
    expect(sentTo('kernel/rcu.html', 'https://x.test/book/kernel/rcu.html#pitfalls')).toBeUndefined()
    // A page without fragment redirects carries no script for them.
    expect(fs.readFileSync(path.join(out, 'shell.html'), 'utf8')).not.toContain('location.replace')
  })

  it('send a reader of a page the book no longer has on by fragment, else to its redirect', () => {
    expect(fs.readFileSync(path.join(out, 'old.html'), 'utf8')).toContain('url=go.html')
    expect(sentTo('old.html', 'https://x.test/book/old.html#shells')).toBe('https://x.test/book/shell.html')
    // Any other fragment goes on with the reader to the redirect's page, as mdBook's redirect script sends it (a refresh would drop it).
    expect(sentTo('old.html', 'https://x.test/book/old.html#other')).toBe('https://x.test/book/go.html#other')
    expect(sentTo('old.html', 'https://x.test/book/old.html')).toBeUndefined()
  })

  it('warn at each one they cannot keep, at its line in book.toml', () => {
    const redirects = result.diagnostics.filter((d) => d.rule === 'redirect').map((d) => `${path.basename(d.file)}:${d.line}  ${d.message}`)
    expect(redirects).toEqual([
      expect.stringMatching(/^book\.toml:\d+  Redirects from `lonely\.html#…` name a page the site does not have, and no redirect of `\/lonely\.html` itself says where its other readers go; skipped$/),
      expect.stringMatching(/^book\.toml:\d+  Redirect from `\/go\.html#run` leads to `javascript:alert\(1\)`, which is not a web address, skipped$/),
      expect.stringMatching(/^book\.toml:\d+  Redirect from `\/go\.html#gone` leads to `nowhere\.html`, which the site does not have$/),
    ])
    expect(fs.existsSync(path.join(out, 'lonely.html'))).toBe(false)
    expect(fs.readFileSync(path.join(out, 'go.html'), 'utf8')).not.toContain('javascript:')
  })
})

describe('redirects to a sibling site', () => {
  it('that climb above the book (the Edition Guide sends old pages to ../../../rust-by-example/…) are not checked against this site', async () => {
    const src = path.join(tmp, 'siblings')
    fs.mkdirSync(path.join(src, 'src'), { recursive: true })
    fs.writeFileSync(path.join(src, 'src/SUMMARY.md'), '# Summary\n\n- [Intro](intro.md)\n')
    fs.writeFileSync(path.join(src, 'src/intro.md'), '# Intro\n')
    fs.writeFileSync(
      path.join(src, 'book.toml'),
      [
        '[book]',
        'title = "Siblings"',
        '',
        '[output.html.redirect]',
        '"/rust-2018/module-system/raw-identifiers.html" = "../../../rust-by-example/compatibility/raw_identifiers.html"',
        '"/rust-next/dbg-macro.html" = "../../std/macro.dbg.html"',
        '"/rust-2018/module-system/index.html" = "../path-changes.html"',
        '"/rust-next/index.html" = "../../intro.html"',
        '',
      ].join('\n'),
    )
    const out = path.join(tmp, 'siblings-out')
    const result = await build({ src, out, quiet: true })
    expect(result.written).toBe(true)
    expect(fs.readFileSync(path.join(out, 'rust-2018/module-system/raw-identifiers.html'), 'utf8')).toContain(
      'url=../../../rust-by-example/compatibility/raw_identifiers.html',
    )
    const redirects = result.diagnostics.filter((d) => d.rule === 'redirect').map((d) => d.message)
    // `../path-changes.html` stays inside the book, which lacks it; `../../intro.html` climbs above it.
    expect(redirects).toEqual(['Redirect from `/rust-2018/module-system/index.html` leads to `../path-changes.html`, which the site does not have'])
  })
})

describe('a redirect page of the book', () => {
  it('names the page it leads to, as the book names it, in its tab and its link; another site’s URL is named as written', async () => {
    const src = path.join(tmp, 'named')
    fs.cpSync(path.join(projectRoot, 'test/sites/mdbook'), src, { recursive: true })
    fs.appendFileSync(
      path.join(src, 'book.toml'),
      ['', '[output.html.redirect]', '"/old/rcu.html" = "../kernel/rcu.html#grace-periods"', '"/external.html" = "https://example.com/new"', ''].join('\n'),
    )
    const out = path.join(tmp, 'named-out')
    const result = await build({ src, out, quiet: true })
    expect(result.written).toBe(true)
    const moved = fs.readFileSync(path.join(out, 'old/rcu.html'), 'utf8')
    expect(moved).toMatch(/<title>RCU · [^<]*<\/title>/)
    expect(moved).toContain('This page moved to <a href="../kernel/rcu.html#grace-periods">RCU</a>.')
    expect(fs.readFileSync(path.join(out, 'external.html'), 'utf8')).toContain('<a href="https://example.com/new">https://example.com/new</a>')
  })
})
