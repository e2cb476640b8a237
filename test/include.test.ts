import { describe, expect, it } from 'vitest'
import { expandIncludes, mapLine } from '../src/content/include.ts'
import type { SourcePath } from '../src/paths.ts'

const files: Record<string, string> = {
  'code/a.rs': 'fn one() {}\n// ANCHOR: two\nfn two() {}\n// ANCHOR_END: two\nfn three() {}\n',
  'notes/part.md': 'Included line 1\nIncluded line 2\n',
  'notes/nested.md': 'before\n{{#include part.md}}\nafter\n',
  'notes/self.md': '{{#include self.md}}\n',
}
const s = (v: string) => v as SourcePath
const expand = (text: string, source = 'notes/main.md') =>
  expandIncludes(text, { source: s(source), read: (f) => files[f], display: (f) => `content/${f}` })

describe('expandIncludes', () => {
  it('includes a whole file, an anchor and a line range', () => {
    expect(expand('{{#include ../code/a.rs}}').text).toBe('fn one() {}\nfn two() {}\nfn three() {}')
    expect(expand('{{#include ../code/a.rs:two}}').text).toBe('fn two() {}')
    expect(expand('{{#include ../code/a.rs:1:1}}').text).toBe('fn one() {}')
    expect(expand('{{#include ../code/a.rs:5}}').text).toBe('fn three() {}')
    expect(expand('{{#include ../code/a.rs::1}}').text).toBe('fn one() {}')
  })

  it('expands inside fences and maps lines back to the included file', () => {
    const result = expand('# Title\n```rust\n{{#include ../code/a.rs:two}}\n```\nend\n')
    expect(result.text).toBe('# Title\n```rust\nfn two() {}\n```\nend\n')
    expect(result.dependencies).toEqual(['code/a.rs'])
    expect(mapLine(result, 3, s('notes/main.md'))).toEqual({ file: 'code/a.rs', line: 3 })
    expect(mapLine(result, 4, s('notes/main.md'))).toEqual({ file: 'notes/main.md', line: 4 })
    expect(mapLine(result, 5, s('notes/main.md'))).toEqual({ file: 'notes/main.md', line: 5 })
  })

  it('expands nested includes relative to the included file', () => {
    expect(expand('{{#include nested.md}}').text).toBe('before\nIncluded line 1\nIncluded line 2\nafter')
  })

  it('reports missing files, escapes, cycles and unknown links', () => {
    const result = expand('a {{#include nope.md}}\n\\{{#include part.md}}\n{{#include ../../etc/passwd}}\n{{#playground x.rs}}\n')
    expect(result.text).toBe('a \n{{#include part.md}}\n\n{{#playground x.rs}}\n')
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule])).toEqual([
      ['content/notes/main.md', 1, 3, 'error', 'include-missing'],
      ['content/notes/main.md', 3, 1, 'error', 'include-outside'],
      ['content/notes/main.md', 4, 1, 'warning', 'unknown-directive'],
    ])
    expect(expand('{{#include self.md}}', 'notes/self.md').diagnostics[0]?.rule).toBe('include-cycle')
  })

  it('takes the title from {{#title}}', () => {
    const result = expand('{{#title Custom}}\n# Heading\n')
    expect(result.title).toBe('Custom')
    expect(result.text).toBe('\n# Heading\n')
  })
})
