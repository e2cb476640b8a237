import { describe, expect, it } from 'vitest'
import { expandIncludes, mapLine } from '../src/content/include.ts'

const files: Record<string, string> = {
  '/book/code/a.rs': 'fn one() {}\n// ANCHOR: two\nfn two() {}\n// ANCHOR_END: two\nfn three() {}\n',
  '/book/code/anchors.rs': '// ANCHOR: foo-bar\nWRONG\n// ANCHOR_END: foo-bar\n// ANCHOR: foo\nRIGHT\n// ANCHOR_END: foo\n',
  '/book/src/notes/part.md': 'Included line 1\nIncluded line 2\n',
  '/book/src/notes/nested.md': 'before\n{{#include part.md}}\nafter\n',
  '/book/src/notes/self.md': '{{#include self.md}}\n',
  '/secret': 'root:x:0:0\n',
}
const expand = (text: string, file = '/book/src/notes/main.md') =>
  expandIncludes(text, { file, root: '/book', read: (f) => files[f], display: (f) => f.replace('/book/', '') })

describe('expandIncludes', () => {
  it('includes a whole file, an anchor and a line range', () => {
    expect(expand('{{#include ../../code/a.rs}}').text).toBe('fn one() {}\nfn two() {}\nfn three() {}')
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
    expect(result.text).toBe('a \n{{#include part.md}}\n\n{{#playgroundx x.rs}}\n')
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule])).toEqual([
      ['src/notes/main.md', 1, 3, 'error', 'include-missing'],
      ['src/notes/main.md', 3, 1, 'error', 'include-outside'],
      ['src/notes/main.md', 4, 1, 'warning', 'unknown-directive'],
    ])
    expect(expand('{{#include self.md}}', '/book/src/notes/self.md').diagnostics[0]?.rule).toBe('include-cycle')
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
