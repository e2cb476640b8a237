import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { expandIncludes, mapLine } from '../src/content/include.ts'
import { sourceReader } from '../src/content/load.ts'

const files: Record<string, string> = {
  '/book/code/a.rs': 'fn one() {}\n// ANCHOR: two\nfn two() {}\n// ANCHOR_END: two\nfn three() {}\n',
  '/book/code/anchors.rs': '// ANCHOR: foo-bar\nWRONG\n// ANCHOR_END: foo-bar\n// ANCHOR: foo\nRIGHT\n// ANCHOR_END: foo\n',
  '/book/code/lines.txt': 'one\ntwo\n// ANCHOR: mid\nthree\n// ANCHOR_END: mid\nfour\n',
  '/book/code/nested.rs': 'a\n// ANCHOR: outer\nb\n// ANCHOR: inner\nc\n// ANCHOR_END: inner\nd\n// ANCHOR_END: outer\ne\n// ANCHOR: outer\nf\n// ANCHOR_END: outer\n',
  '/book/code/open.rs': 'x\n/* ANCHOR:open */\ny\nz\n// ANCHOR: größe\nk\n',
  '/book/src/notes/part.md': 'Included line 1\nIncluded line 2\n',
  '/book/src/notes/nested.md': 'before\n{{#include part.md}}\nafter\n',
  '/book/src/notes/self.md': '{{#include self.md}}\n',
  '/book/src/notes/holey.md': 'one\n  {{#include gone.rs:2}}\n',
  '/secret': 'root:x:0:0\n',
}
const expand = (text: string, file = '/book/src/notes/main.md') =>
  expandIncludes(text, { file, root: '/book', read: (f) => files[f], display: (f) => f.replace('/book/', '') })

describe('expandIncludes', () => {
  it('includes a whole file, an anchor and a line range', () => {
    expect(expand('{{#include ../../code/a.rs}}').text).toBe('fn one() {}\n// ANCHOR: two\nfn two() {}\n// ANCHOR_END: two\nfn three() {}')
    expect(expand('{{#include ../../code/a.rs:two}}').text).toBe('fn two() {}')
    expect(expand('{{#include ../../code/a.rs:1:1}}').text).toBe('fn one() {}')
    expect(expand('{{#include ../../code/a.rs:5}}').text).toBe('fn three() {}')
    expect(expand('{{#include ../../code/a.rs::1}}').text).toBe('fn one() {}')
  })

  it('matches anchor names whole', () => {
    expect(expand('{{#include ../../code/anchors.rs:foo}}').text).toBe('RIGHT')
  })

  it('keeps the rest of a rustdoc_include as hidden Rust lines', () => {
    expect(expand('{{#rustdoc_include ../../code/a.rs:two}}').text).toBe('# fn one() {}\nfn two() {}\n# fn three() {}')
  })

  // mdBook's own rules: parse_range_or_anchor in src/preprocess/links.rs, take_lines and the
  // three others in src/utils/string.rs (0.4; crates/mdbook-driver/…/links/take_lines.rs since).
  it('reads a line range as mdBook does: 1-based, inclusive, line 0 as line 1, a bad end as the end of the file', () => {
    const take = (range: string) => expand(`{{#include ../../code/lines.txt:${range}}}`).text
    expect(take('3')).toBe('// ANCHOR: mid')
    expect(take('0')).toBe('one')
    expect(take('+2')).toBe('two')
    expect(take('0:2')).toBe('one\ntwo')
    expect(take(':2')).toBe('one\ntwo')
    expect(take('5:')).toBe('// ANCHOR_END: mid\nfour')
    expect(take('4:x')).toBe('three\n// ANCHOR_END: mid\nfour')
    expect(take('2:3:9')).toBe('two\n// ANCHOR: mid')
    expect(take('4:2')).toBe('')
    expect(take('99')).toBe('')
    expect(expand('{{#include ../../code/lines.txt:2 ignored words}}').text).toBe('two')
  })

  it('keeps anchor marker lines inside a line range and a whole file, as mdBook does', () => {
    const whole = 'one\ntwo\n// ANCHOR: mid\nthree\n// ANCHOR_END: mid\nfour'
    expect(expand('{{#include ../../code/lines.txt:2:4}}').text).toBe('two\n// ANCHOR: mid\nthree')
    expect(expand('{{#include ../../code/lines.txt}}').text).toBe(whole)
    expect(expand('{{#include ../../code/lines.txt::x}}').text).toBe(whole)
    expect(expand('{{#rustdoc_include ../../code/lines.txt}}').text).toBe(whole)
    expect(expand('{{#playground ../../code/lines.txt}}').text).toBe(`\`\`\`rust\n${whole}\n\`\`\``)
  })

  it('takes the first section of an anchor, without any marker lines, to the end when it is not closed', () => {
    expect(expand('{{#include ../../code/nested.rs:outer}}').text).toBe('b\nc\nd')
    expect(expand('{{#include ../../code/nested.rs:inner}}').text).toBe('c')
    expect(expand('{{#include ../../code/open.rs:open}}').text).toBe('y\nz\nk')
    // Rust's \w is Unicode's.
    expect(expand('{{#include ../../code/open.rs:größe}}').text).toBe('k')
    // A start that is not a number is an anchor's name; one not in the file takes nothing, with a warning.
    const missing = expand('{{#include ../../code/lines.txt:x:2}}')
    expect(missing.text).toBe('')
    expect(missing.diagnostics.map((d) => [d.rule, d.message])).toEqual([['include-anchor', 'Anchor `x` not found in ../../code/lines.txt']])
  })

  it('hides the lines outside a rustdoc_include range, marker lines included', () => {
    expect(expand('{{#rustdoc_include ../../code/lines.txt:2:4}}').text).toBe('# one\ntwo\n// ANCHOR: mid\nthree\n# // ANCHOR_END: mid\n# four')
    expect(expand('{{#rustdoc_include ../../code/lines.txt:4:2}}').text).toBe('# one\n# two\n# // ANCHOR: mid\n# three\n# // ANCHOR_END: mid\n# four')
  })

  it('shows every section of a rustdoc_include anchor, hides the rest and drops every marker line', () => {
    expect(expand('{{#rustdoc_include ../../code/nested.rs:outer}}').text).toBe('# a\nb\nc\nd\n# e\nf')
    expect(expand('{{#rustdoc_include ../../code/nested.rs:inner}}').text).toBe('# a\n# b\nc\n# d\n# e\n# f')
    expect(expand('{{#rustdoc_include ../../code/lines.txt:nope}}').text).toBe('# one\n# two\n# three\n# four')
  })

  it('maps the lines of an anchor back to their lines in the file, across the markers left out', () => {
    const result = expand('{{#include ../../code/nested.rs:outer}}\nafter\n')
    expect(result.text).toBe('b\nc\nd\nafter\n')
    expect([1, 2, 3, 4].map((line) => mapLine(result.segments, line))).toEqual([
      { file: 'code/nested.rs', line: 3 },
      { file: 'code/nested.rs', line: 5 },
      { file: 'code/nested.rs', line: 7 },
      { file: 'src/notes/main.md', line: 2 },
    ])
  })

  it('turns {{#playground}} into a rust fence with its attributes', () => {
    expect(expand('{{#playground ../../code/a.rs:two editable}}').text).toBe('```rust,editable\nfn two() {}\n```')
  })

  it('expands inside fences and maps lines back to the included file', () => {
    const result = expand('# Title\n```rust\n{{#include ../../code/a.rs:two}}\n```\nend\n')
    expect(result.text).toBe('# Title\n```rust\nfn two() {}\n```\nend\n')
    expect(result.dependencies).toEqual(['/book/code/a.rs'])
    expect(mapLine(result.segments, 3)).toEqual({ file: 'code/a.rs', line: 3 })
    expect(mapLine(result.segments, 4)).toEqual({ file: 'src/notes/main.md', line: 4 })
    expect(mapLine(result.segments, 5)).toEqual({ file: 'src/notes/main.md', line: 5 })
  })

  it('expands nested includes relative to the included file', () => {
    expect(expand('{{#include nested.md}}').text).toBe('before\nIncluded line 1\nIncluded line 2\nafter')
  })

  it('reports missing files, escapes, files outside the book, cycles and unknown links', () => {
    const result = expand('a {{#include nope.md}}\n\\{{#include part.md}}\n{{#include ../../../secret}}\n{{#playgroundx x.rs}}\n')
    expect(result.text).toBe('a {{#include nope.md}}\n{{#include part.md}}\n\n{{#playgroundx x.rs}}\n')
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule])).toEqual([
      ['src/notes/main.md', 1, 3, 'warning', 'include-missing'],
      ['src/notes/main.md', 3, 1, 'error', 'include-outside'],
      ['src/notes/main.md', 4, 1, 'warning', 'unknown-directive'],
    ])
    expect(expand('{{#include self.md}}', '/book/src/notes/self.md').diagnostics[0]?.rule).toBe('include-cycle')
  })

  it('leaves the link of a file it cannot read in the text, as mdBook does, with a warning at the link', () => {
    const result = expand('```rust\n{{#rustdoc_include ../../code/none.rs:x}}\n```\n{{#playground none.rs editable}} {{#include holey.md}}\n')
    expect(result.text).toBe('```rust\n{{#rustdoc_include ../../code/none.rs:x}}\n```\n{{#playground none.rs editable}} one\n  {{#include gone.rs:2}}\n')
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.message])).toEqual([
      ['src/notes/main.md', 2, 1, 'warning', 'Included file not found: ../../code/none.rs'],
      ['src/notes/main.md', 4, 1, 'warning', 'Included file not found: none.rs'],
      ['src/notes/holey.md', 2, 3, 'warning', 'Included file not found: gone.rs'],
    ])
    // Where each line came from, the line left from the included note too.
    expect(mapLine(result.segments, 5)).toEqual({ file: 'src/notes/holey.md', line: 2 })
    // The files looked for, so that the dev server reads the note again when one appears; none was read.
    expect(result.missing).toEqual(['/book/code/none.rs', '/book/src/notes/gone.rs', '/book/src/notes/none.rs'])
    expect(result.dependencies).toEqual(['/book/src/notes/holey.md'])
  })

  it('leaves unknown links in code fences alone without a warning, and still expands includes there', () => {
    const source = '```handlebars\n{{#if title}}<h1>{{title}}</h1>{{/if}}\n```\n~~~~\n```\n{{#each items}}\n~~~~\n{{#custom x.rs}}\n```rust\n{{#include ../../code/a.rs:two}}\n```\n'
    const result = expand(source)
    expect(result.text).toBe('```handlebars\n{{#if title}}<h1>{{title}}</h1>{{/if}}\n```\n~~~~\n```\n{{#each items}}\n~~~~\n{{#custom x.rs}}\n```rust\nfn two() {}\n```\n')
    // Only the link outside the fences: the tilde fence is not closed by the backtick line inside it.
    expect(result.diagnostics.map((d) => [d.line, d.rule])).toEqual([[8, 'unknown-directive']])
  })

  it('leaves links without arguments alone, as mdBook does', () => {
    const text = 'Use `{{#include}}` or `{{ #rustdoc_include }}`; themes use {{#toc}}{{/toc}}.\n'
    const result = expand(text)
    expect(result.text).toBe(text)
    expect(result.diagnostics).toEqual([])
  })

  it('takes the title from {{#title}}', () => {
    const result = expand('{{#title Custom}}\n# Heading\n')
    expect(result.title).toBe('Custom')
    expect(result.text).toBe('\n# Heading\n')
  })
})

describe('an included file that is there but cannot be read', () => {
  let dir: string | undefined
  afterEach(() => {
    vi.restoreAllMocks()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('is a warning at the link that says why, not that the file is missing', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-unreadable-'))
    fs.mkdirSync(path.join(dir, 'folder'))
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('ok\ncaf\xe9\n', 'latin1'))
    fs.writeFileSync(path.join(dir, 'denied.rs'), 'fn secret() {}\n')
    fs.symlinkSync('loop', path.join(dir, 'loop'))
    execFileSync('mkfifo', [path.join(dir, 'pipe')])
    // Root reads any file whatever its mode: the denial is the file system's answer, made here.
    const readFileSync = fs.readFileSync
    vi.spyOn(fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, options?: unknown) => {
      if (file === path.join(dir!, 'denied.rs')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
      return readFileSync(file, options as BufferEncoding)
    }) as typeof fs.readFileSync)
    const note = path.join(dir, 'note.md')
    const text = ['{{#include folder}}', '{{#include latin1.txt}}', '{{#include denied.rs}}', '{{#include loop}}', '{{#include pipe}}', '{{#include gone.rs}}', ''].join('\n')
    const result = expandIncludes(text, { file: note, root: dir, read: sourceReader(), display: (f) => path.relative(dir!, f) })
    expect(result.text).toBe(text)
    expect(result.diagnostics.map((d) => [d.line, d.column, d.severity, d.rule, d.message])).toEqual([
      [1, 1, 'warning', 'include-unreadable', 'Included file `folder` is a folder'],
      [2, 1, 'warning', 'include-unreadable', 'Included file `latin1.txt` is not valid UTF-8: byte 0xE9 at byte offset 6; save it as UTF-8 (its line 2, column 4)'],
      [3, 1, 'warning', 'include-unreadable', 'Included file `denied.rs` cannot be read: EACCES'],
      [4, 1, 'warning', 'include-unreadable', 'Included file `loop` cannot be read: ELOOP'],
      [5, 1, 'warning', 'include-unreadable', 'Included file `pipe` is not a regular file'],
      [6, 1, 'warning', 'include-missing', 'Included file not found: gone.rs'],
    ])
    // Each is looked for again when the dev server sees it change.
    expect(result.missing).toEqual(['denied.rs', 'folder', 'gone.rs', 'latin1.txt', 'loop', 'pipe'].map((f) => path.join(dir!, f)))
  })
})
