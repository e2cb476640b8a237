import { describe, expect, it } from 'vitest'
import { flattenOutline, parseSummary } from '../src/content/summary.ts'
import type { SourcePath } from '../src/paths.ts'

const files = new Set(['README.md', 'a.md', 'a/b.md', 'c.md', 'suffix.md', 'x y.md'])
const parse = (text: string) => parseSummary(text, { file: 'SUMMARY.md', exists: (s: SourcePath) => files.has(s) })

describe('parseSummary', () => {
  it('reads prefix, parts, nested numbered chapters, separators, drafts and suffix chapters', () => {
    const { items, diagnostics } = parse(
      [
        '# Summary',
        '',
        '[Intro](README.md)',
        '',
        '# Part one',
        '',
        '- [A](a.md)',
        '  - [B](a/b.md)',
        '- [Draft]()',
        '',
        '---',
        '',
        '# Part two',
        '',
        '- [C](./c.md)',
        '',
        '[Suffix](suffix.md)',
      ].join('\n'),
    )
    expect(diagnostics).toEqual([])
    expect(items.map((i) => (i.kind === 'chapter' ? `${i.number?.join('.') ?? '-'} ${i.title} ${i.source ?? '(draft)'}` : i.kind === 'part' ? `# ${i.title}` : '---'))).toEqual([
      '- Intro README.md',
      '# Part one',
      '1 A a.md',
      '2 Draft (draft)',
      '---',
      '# Part two',
      '3 C c.md',
      '- Suffix suffix.md',
    ])
    expect(flattenOutline(items).map((c) => c.title)).toEqual(['Intro', 'A', 'B', 'Draft', 'C', 'Suffix'])
    const a = items[2]
    expect(a?.kind === 'chapter' && a.children[0]?.kind === 'chapter' && a.children[0].number).toEqual([1, 1])
  })

  it('reads reference links as entries, as mdBook does (the rustc-dev-guide lists chapters so)', () => {
    const { items, diagnostics } = parse(
      [
        '[Intro][intro]',
        '',
        '- [A](a.md)',
        '    - [B][b]',
        '    - [Undefined][nowhere]',
        '- [C]',
        '',
        '[Suffix][]',
        '',
        '[intro]: ./README.md',
        '[B]: a/b.md#top',
        '[c]: c.md',
        '[suffix]: suffix.md',
        '[intro]: c.md',
      ].join('\n'),
    )
    expect(flattenOutline(items).map((c) => `${c.number?.join('.') ?? '-'} ${c.title} ${c.source ?? '(draft)'}`)).toEqual([
      '- Intro README.md',
      '1 A a.md',
      '1.1 B a/b.md',
      '1.2 [Undefined][nowhere] (draft)',
      '2 C c.md',
      '- Suffix suffix.md',
    ])
    // Only the label without a definition is text, and so an entry without a link.
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[5, 7, 'summary-entry']])
  })

  it('warns with the line of a missing file and lists it as a draft', () => {
    const { items, diagnostics } = parse('# Summary\n\n- [A](a.md)\n- [Gone](gone.md)\n')
    expect(diagnostics).toMatchObject([{ file: 'SUMMARY.md', line: 4, column: 3, severity: 'warning', rule: 'missing-chapter' }])
    const gone = items[1]
    expect(gone?.kind === 'chapter' && gone.source).toBeUndefined()
  })

  it('makes a missing file an error when book.toml says `create-missing = false` (too-many-lists does; mdBook stops on it)', () => {
    const { diagnostics } = parseSummary('# Summary\n\n- [A](a.md)\n- [Gone](gone.md)\n', { file: 'SUMMARY.md', exists: (s: SourcePath) => files.has(s), missingIsError: true })
    expect(diagnostics).toMatchObject([{ file: 'SUMMARY.md', line: 4, column: 3, severity: 'error', rule: 'missing-chapter' }])
  })

  it('refuses paths outside the source folder and duplicates', () => {
    const { diagnostics } = parse('- [A](a.md)\n- [Up](../x.md)\n- [Abs](/etc/passwd)\n- [Again](a.md)\n')
    expect(diagnostics.map((d) => [d.line, d.severity, d.rule])).toEqual([
      [2, 'error', 'summary-path'],
      [3, 'error', 'summary-path'],
      [4, 'warning', 'duplicate-chapter'],
    ])
  })

  it('lists a link out of the book as a link out of the site, with a warning (the bpf-developer-tutorial has its repository in the prose above the lists)', () => {
    const { items, diagnostics } = parse(
      '# Title\n\nThe code is in the [https://github.com/eunomia-bpf/bpf-developer-tutorial](https://github.com/eunomia-bpf/bpf-developer-tutorial) repository.\n\n# Part\n\n- [A](a.md)\n- [Mail](mailto:x@example.com)\n',
    )
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.rule])).toEqual([
      [3, 20, 'warning', 'summary-url'],
      [8, 3, 'warning', 'summary-url'],
    ])
    expect(flattenOutline(items).map((c) => [c.title, c.url ?? c.source])).toEqual([
      ['https://github.com/eunomia-bpf/bpf-developer-tutorial', 'https://github.com/eunomia-bpf/bpf-developer-tutorial'],
      ['A', 'a.md'],
      ['Mail', 'mailto:x@example.com'],
    ])
    // GitBook's table of contents links out of the site as it is, without a word.
    expect(parseSummary('- [GitHub](https://github.com/x/y)\n', { file: 'SUMMARY.md', exists: () => false, groups: true }).diagnostics).toEqual([])
  })

  it('decodes percent-encoded paths and tolerates prose', () => {
    const { items, diagnostics } = parse('# Summary\n\nSome prose.\n\n# A part\n\n- [Space](x%20y.md)\n')
    expect(diagnostics).toEqual([])
    expect(items.map((i) => i.kind)).toEqual(['part', 'chapter'])
    const chapter = items[1]
    expect(chapter?.kind === 'chapter' && chapter.source).toBe('x y.md')
  })

  it('warns at a heading inside a list: one indented under an entry is ignored, one as the entry a draft', () => {
    const { items, diagnostics } = parse(
      [
        '# Summary',
        '',
        '- [A](a.md)',
        '  # TODO',
        '  - [B](a/b.md)',
        '- # Later',
        '- [C](c.md)',
        '',
        '  ## Notes on C',
      ].join('\n'),
    )
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.rule, d.message])).toEqual([
      [4, 3, 'warning', 'summary-heading', 'Heading "TODO" inside a SUMMARY entry is ignored; a part title (`# Title`) goes between the lists, not indented'],
      [6, 3, 'warning', 'summary-entry', 'SUMMARY entry "Later" is a heading, not a link (a part title goes between the lists); listed as a draft'],
      [9, 3, 'warning', 'summary-heading', 'Heading "Notes on C" inside a SUMMARY entry is ignored; a part title (`# Title`) goes between the lists, not indented'],
    ])
    expect(flattenOutline(items).map((c) => `${c.number?.join('.')} ${c.title} ${c.source ?? '(draft)'}`)).toEqual(['1 A a.md', '1.1 B a/b.md', '2 Later (draft)', '3 C c.md'])
    expect(items.map((i) => i.kind)).toEqual(['chapter', 'chapter', 'chapter'])
  })

  it('leaves out headings other than `#`, as mdBook does, with a warning at each', () => {
    // The Rust book's early SUMMARY.md headed its sections `## Getting started`: mdBook shows no part title there.
    const { items, diagnostics } = parse('# The Book\n\n## Getting started\n\n- [A](a.md)\n\n### Later\n\n- [C](c.md)\n\n# Real part\n\n- [Suffix](suffix.md)\n')
    expect(items.map((i) => (i.kind === 'chapter' ? `${i.number?.join('.')} ${i.title}` : i.kind === 'part' ? `# ${i.title}` : i.kind))).toEqual(['1 A', '2 C', '# Real part', '3 Suffix'])
    expect(diagnostics).toEqual([
      { file: 'SUMMARY.md', line: 3, column: 1, severity: 'warning', message: 'Heading "Getting started" (`##`) is ignored; only a `# Title` heading between the lists is a part title, as in mdBook', rule: 'summary-heading' },
      { file: 'SUMMARY.md', line: 7, column: 1, severity: 'warning', message: 'Heading "Later" (`###`) is ignored; only a `# Title` heading between the lists is a part title, as in mdBook', rule: 'summary-heading' },
    ])
  })
})

describe("parseSummary of a summary in a folder (GitBook's `structure.summary: product/SUMMARY.md`)", () => {
  const notes = new Set(['intro.md', 'product/page.md', 'product/SUMMARY.md'])
  const at = (text: string) => parseSummary(text, { file: 'docs/product/SUMMARY.md', exists: (s: SourcePath) => notes.has(s), path: 'product/SUMMARY.md' as SourcePath })

  it('reads its links from its own folder, up out of it too, never out of the source folder', () => {
    const { items, diagnostics } = at(['- [Page](page.md)', '- [Intro](../intro.md)', '- [Out](../../secret.md)', '- [Self](SUMMARY.md)', ''].join('\n'))
    expect(flattenOutline(items).map((c) => c.source)).toEqual(['product/page.md', 'intro.md', undefined, undefined])
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, 'SUMMARY entry `../../secret.md` must be a path inside the source folder'],
      [4, 'product/SUMMARY.md lists itself; this entry is not linked'],
    ])
  })
})

describe('book.toml [build] create-missing', () => {
  it('false: a SUMMARY entry without a file fails the build at its line; true or unset: a draft and a warning', async () => {
    const { build } = await import('../src/build.ts')
    const { tempSite } = await import('./helpers/site.ts')
    for (const [setting, severity] of [['create-missing = false', 'error'], ['create-missing = true', 'warning'], ['', 'warning']] as const) {
      const site = tempSite({ '../book.toml': `[book]\ntitle = "Lists"\n\n[build]\n${setting}\n`, 'SUMMARY.md': '# Summary\n\n- [A](a.md)\n- [Gone](gone.md)\n', 'a.md': '# A\n' })
      try {
        const result = await build({ src: site.src, out: site.out, quiet: true, cache: false })
        expect(result.diagnostics.filter((d) => d.rule === 'missing-chapter')).toMatchObject([{ line: 4, column: 3, severity }])
      } finally {
        site.cleanup()
      }
    }
  })
})
