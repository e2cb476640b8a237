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
