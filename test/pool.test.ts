/**
 * The worker pool: notes compile off the main thread under a time budget; a
 * note that overruns it, or overflows the stack, becomes an error naming the
 * file, and a code block whose grammar backtracks without end falls back to
 * plain text with a warning. Budgets here are small and the inputs take
 * tens of times longer, so a loaded machine cannot change the outcome.
 */
import type { LanguageRegistration } from 'shiki'
import { afterAll, describe, expect, it } from 'vitest'
import { createNotePool, type NotePool } from '../src/markdown/pool.ts'
import { fillSlots } from '../src/markdown/slotted-html.ts'
import type { CompileResult } from '../src/markdown/task.ts'
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

/** The body HTML a worker serialised, with no inline code linked. */
const html = (result: CompileResult) => fillSlots(result.body.page, () => '')

const pools = new Map<number, NotePool>()
/** One pool per budget, shared by the tests that use it (a thread takes seconds to start on a busy machine). */
function pool(timeoutMs: number): NotePool {
  if (!pools.has(timeoutMs)) pools.set(timeoutMs, createNotePool({ ...settings, langs: [backtracking], threads: 1, timeoutMs }))
  return pools.get(timeoutMs)!
}
afterAll(() => Promise.all([...pools.values()].map((p) => p.close())))

describe('note pool', () => {
  it('compiles a note in a worker, diagnostics naming its source path', async () => {
    const result = await pool(60_000).compile(note('a/b.md', '# Title\n\nSee [missing](nowhere.md).\n\n```cobol-ish\nx\n```\n'))
    const compiled = result.note
    expect(compiled.title).toBe('Title')
    expect(html(result)).toContain('<h1 id="title">')
    expect(compiled.diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([['a/b.md', 5, 'unknown-language']])
    expect(compiled.failed).toBe(false)
  })

  it('turns a note that overruns its budget into an error naming the file, and keeps working', async () => {
    // micromark is quadratic on long lists: this takes tens of seconds.
    const slow = pool(300)
    const result = await slow.compile(note('slow/list.md', '- a\n'.repeat(8000)))
    const compiled = result.note
    expect(compiled.failed).toBe(true)
    expect(html(result)).toBe('')
    expect(compiled.diagnostics).toEqual([
      { file: 'slow/list.md', severity: 'error', message: 'Took longer than 300 ms to parse and render (note-timeout-ms); not published', rule: 'note-timeout' },
    ])
    // The pool replaced the worker it stopped.
    const next = await slow.compile(note('ok.md', 'fine'))
    expect(next.note.failed).toBe(false)
  })

  it('reports a stack overflow as an error naming the file', async () => {
    const compiled = (await pool(60_000).compile(note('deep.md', '>'.repeat(10000)))).note
    expect(compiled.failed).toBe(true)
    expect(compiled.diagnostics).toHaveLength(1)
    expect(compiled.diagnostics[0]).toMatchObject({ file: 'deep.md', severity: 'error', rule: 'render' })
    expect(compiled.diagnostics[0]!.message).toMatch(/call stack/i)
  })

  it('leaves a block plain, with a warning, when its grammar backtracks past the budget', async () => {
    const hanging = Array.from({ length: 40 }, () => `${'a'.repeat(60)}c`).join('\n')
    const text = `# Logs\n\n\`\`\`backtrack\n${hanging}\n\`\`\`\n\n\`\`\`c\nint x;\n\`\`\`\n`
    const result = await pool(1500).compile(note('hang.md', text))
    const compiled = result.note
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
    const body = html(result)
    expect(body).toContain('data-lang="backtrack"')
    expect(body).toContain(`<span class="line"><span>${'a'.repeat(60)}c</span></span>`)
    // The next block is still highlighted.
    expect(body).toMatch(/<span class="l\d+ d\d+">int\b/)
  })

  it('passes every markdown setting to its threads (smart punctuation here)', async () => {
    const smart = createNotePool({ ...settings, smartPunctuation: true, threads: 1, timeoutMs: 60_000 })
    try {
      const result = await smart.compile(note('quotes.md', 'He said "fast" -- twice.'))
      expect(html(result)).toBe('<p>He said “fast” – twice.</p>')
    } finally {
      await smart.close()
    }
  })
})
