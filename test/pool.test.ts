/**
 * The worker pool: notes compile off the main thread under a time budget; a
 * note that overruns it, or overflows the stack, becomes an error naming the
 * file, and a code block whose grammar backtracks without end falls back to
 * plain text with a warning. Budgets here are small and the inputs take
 * tens of times longer, so a loaded machine cannot change the outcome.
 */
import { toHtml } from 'hast-util-to-html'
import type { LanguageRegistration } from 'shiki'
import { afterAll, describe, expect, it } from 'vitest'
import { createNotePool, type NotePool } from '../src/markdown/pool.ts'
import type { SourcePath } from '../src/paths.ts'

const settings = { math: false, trusted: false, lightTheme: 'github-light-default', darkTheme: 'github-dark-default' }

/** Every line makes oniguruma retry until its match limit: seconds per line. */
const backtracking: LanguageRegistration = {
  name: 'backtrack',
  scopeName: 'source.backtrack',
  patterns: [{ match: '(a|aa)+b', name: 'keyword.control' }],
  repository: {},
}

const note = (source: string, text: string) => ({ source: source as SourcePath, text, segments: [] })

const pools = new Map<number, NotePool>()
/** One pool per budget, shared by the tests that use it (a thread takes seconds to start on a busy machine). */
function pool(timeoutMs: number): NotePool {
  if (!pools.has(timeoutMs)) pools.set(timeoutMs, createNotePool({ ...settings, langs: [backtracking], threads: 1, timeoutMs }))
  return pools.get(timeoutMs)!
}
afterAll(() => Promise.all([...pools.values()].map((p) => p.close())))

describe('note pool', () => {
  it('compiles a note in a worker, diagnostics naming its source path', async () => {
    const compiled = await pool(60_000).compile(note('a/b.md', '# Title\n\nSee [missing](nowhere.md).\n\n```cobol-ish\nx\n```\n'))
    expect(compiled.title).toBe('Title')
    expect(toHtml(compiled.tree)).toContain('<h1 id="title">')
    expect(compiled.diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([['a/b.md', 5, 'unknown-language']])
    expect(compiled.failed).toBe(false)
  })

  it('turns a note that overruns its budget into an error naming the file, and keeps working', async () => {
    // micromark is quadratic on long lists: this takes tens of seconds.
    const slow = pool(300)
    const compiled = await slow.compile(note('slow/list.md', '- a\n'.repeat(8000)))
    expect(compiled.failed).toBe(true)
    expect(compiled.tree.children).toEqual([])
    expect(compiled.diagnostics).toEqual([
      { file: 'slow/list.md', severity: 'error', message: 'Took longer than 300 ms to parse and render (note-timeout-ms); not published', rule: 'note-timeout' },
    ])
    // The pool replaced the worker it stopped.
    const next = await slow.compile(note('ok.md', 'fine'))
    expect(next.failed).toBe(false)
  })

  it('reports a stack overflow as an error naming the file', async () => {
    const compiled = await pool(60_000).compile(note('deep.md', '>'.repeat(10000)))
    expect(compiled.failed).toBe(true)
    expect(compiled.diagnostics).toHaveLength(1)
    expect(compiled.diagnostics[0]).toMatchObject({ file: 'deep.md', severity: 'error', rule: 'render' })
    expect(compiled.diagnostics[0]!.message).toMatch(/call stack/i)
  })

  it('leaves a block plain, with a warning, when its grammar backtracks past the budget', async () => {
    const hanging = Array.from({ length: 40 }, () => `${'a'.repeat(60)}c`).join('\n')
    const text = `# Logs\n\n\`\`\`backtrack\n${hanging}\n\`\`\`\n\n\`\`\`c\nint x;\n\`\`\`\n`
    const compiled = await pool(1500).compile(note('hang.md', text))
    expect(compiled.failed).toBe(false)
    expect(compiled.diagnostics).toEqual([
      {
        file: 'hang.md',
        line: 3,
        column: 1,
        severity: 'warning',
        message: 'Highlighting this `backtrack` block took longer than 1500 ms (note-timeout-ms); rendered as plain text',
        rule: 'highlight-timeout',
      },
    ])
    const html = toHtml(compiled.tree)
    expect(html).toContain('data-lang="backtrack"')
    expect(html).toContain(`<span class="line"><span>${'a'.repeat(60)}c</span></span>`)
    // The next block is still highlighted.
    expect(html).toMatch(/<span class="l\d+ d\d+">int\b/)
  })

  it('passes every markdown setting to its threads (smart punctuation here)', async () => {
    const smart = createNotePool({ ...settings, smartPunctuation: true, threads: 1, timeoutMs: 60_000 })
    try {
      const compiled = await smart.compile(note('quotes.md', 'He said "fast" -- twice.'))
      expect(toHtml(compiled.tree)).toBe('<p>He said “fast” — twice.</p>')
    } finally {
      await smart.close()
    }
  })
})
