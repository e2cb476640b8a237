/**
 * mdbook-admonish's blocks in a whole build: a problem inside a block's body
 * is reported at its place in the note (the body is parsed apart from the
 * note, then moved), book.toml's `[preprocessor.admonish]` shapes the blocks,
 * and `on_failure = "bail"` fails the build. The rendering itself is in
 * test/fixtures/remark-mdbook-admonish/.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { readBlockOptions } from '../src/markdown/admonish-options.ts'
import { writeFiles } from './helpers/files.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-admonish-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const wiki = (name: string, files: Record<string, string>): string => writeFiles(path.join(tmp, name), files)

/** A diagnostic's file (relative to the working folder) from the test's folder. */
const shown = (file: string) => path.relative(tmp, path.resolve(file)).split(path.sep).join('/')

const NOTE = `# Home

Intro.

\`\`\`admonish warning
Text with a [broken](missing.md) link.
\`\`\`

- item

  \`\`\`admonish tip title="A [title link](untitled.md)"
  - [also broken](gone.md)
  \`\`\`

> \`\`\`\`admonish note
> > [quoted](nowhere.md)
> >
> > \`\`\`admonish bug
> > Nested: [deep](deep.md)
> > \`\`\`
> \`\`\`\`
`

describe('mdbook-admonish blocks in a build', () => {
  it('report a broken link in a body at its line and column in the note, one in a title at the fence', async () => {
    const src = wiki('links', { 'README.md': NOTE })
    const result = await build({ src, out: path.join(tmp, 'links-out'), cache: false, quiet: true })
    const missing = result.diagnostics.filter((d) => d.rule === 'missing-link').map((d) => `${shown(d.file)}:${d.line}:${d.column} ${d.message}`)
    expect(missing).toEqual([
      'links/README.md:6:13 Link to missing note `missing.md`',
      'links/README.md:11:3 Link to missing note `untitled.md`',
      'links/README.md:12:5 Link to missing note `gone.md`',
      'links/README.md:16:5 Link to missing note `nowhere.md`',
      'links/README.md:19:13 Link to missing note `deep.md`',
    ])
  })

  it('follow book.toml’s [preprocessor.admonish]; on_failure = "bail" makes an unknown directive fail the build', async () => {
    const files = {
      'book.toml': '[book]\nsrc = "src"\n[preprocessor.admonish]\ncommand = "mdbook-admonish"\nassets_version = "3.0.2"\n[preprocessor.admonish.default]\ncollapsible = true\n',
      'src/SUMMARY.md': '- [Home](README.md)\n',
      'src/README.md': '# Home\n\n```admonish tip\nFolded.\n```\n',
    }
    const book = wiki('book', files)
    const folded = await build({ src: book, out: path.join(tmp, 'book-out'), cache: false, quiet: true })
    expect(folded.written).toBe(true)
    expect(fs.readFileSync(path.join(tmp, 'book-out/index.html'), 'utf8')).toMatch(/<details class="markdown-alert markdown-alert-tip callout admonition admonish-tip"/)

    fs.writeFileSync(path.join(book, 'book.toml'), files['book.toml'].replace('command =', 'on_failure = "bail"\ncommand ='))
    fs.writeFileSync(path.join(book, 'src/README.md'), '# Home\n\n```admonish recipe\nUnknown.\n```\n')
    const bailed = await build({ src: book, out: path.join(tmp, 'bail-out'), cache: false, quiet: true })
    expect(bailed.written).toBe(false)
    expect(bailed.diagnostics.filter((d) => d.rule === 'admonish').map((d) => ({ ...d, file: shown(d.file) }))).toEqual([
      { file: 'book/src/README.md', line: 3, column: 1, severity: 'error', message: 'Unknown admonish directive `recipe`', rule: 'admonish' },
    ])
  })
})

describe('readBlockOptions', () => {
  it.each([
    ['', { directive: '', classes: [] }],
    ['warning', { directive: 'warning', classes: [] }],
    ['warning "Data loss"', { directive: 'warning', title: 'Data loss', classes: [] }],
    ['tip.a.b "It\\"s"', { directive: 'tip', title: 'It"s', classes: ['a', 'b'] }],
    ['warning title="Data loss" collapsible=true', { directive: 'warning', title: 'Data loss', collapsible: true, classes: [] }],
    ['quote collapsible=true, title=\'a = "b"\'', { directive: 'quote', title: 'a = "b"', collapsible: true, classes: [] }],
    ['type="question" id="q" class="x  y"', { directive: 'question', id: 'q', classes: ['x', 'y'] }],
    ['success title=""', { directive: 'success', title: '', classes: [] }],
    ['note unknown="keys are ignored"', { directive: 'note', classes: [] }],
  ])('reads `%s`', (info, options) => {
    expect(readBlockOptions(info)).toEqual({ ok: true, options })
  })

  it.each([
    ['title="\\j"', { ok: false, error: 'unrecognised escape sequence' }],
    ['warning title="\\j"', { ok: false, error: 'unrecognised escape sequence', directive: 'warning' }],
    ['note collapsible="yes"', { ok: false, directive: 'note' }],
    ['oh!wow', { ok: false }],
  ])('refuses `%s`', (info, result) => {
    expect(readBlockOptions(info)).toMatchObject(result)
  })
})
