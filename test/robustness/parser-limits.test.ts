/**
 * Catalogue item 2, parser limits, end to end through the CLI and the build:
 * micromark's stack overflow on `'>'.repeat(10000)` and deep HTML nesting,
 * its quadratic time on a ~300 KB list-heavy note, the size cap, and a shiki
 * grammar that backtracks without end. Each is an error (or, for the grammar,
 * a warning and plain text) naming the file; the build ends cleanly, never
 * hangs or crashes, and the notes are left as they were. The worker pool that
 * enforces the budget is tested on its own in test/pool.test.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { LanguageRegistration } from 'shiki'
import { describe, expect, it, vi } from 'vitest'
import { build } from '../../src/build.ts'
import { resolveConfig } from '../../src/config.ts'
import { poolOptions } from '../../src/markdown/compile-all.ts'
import { createNotePool } from '../../src/markdown/pool.ts'
import { runCli } from '../helpers/cli.ts'
import { tempSite } from '../helpers/site.ts'

// Every case builds a wiki in a child process; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 })

/** Build `files` with the CLI; report its exit, diagnostics, whether it wrote, and whether the notes are untouched. */
function cliBuild(files: Record<string, string>) {
  const site = tempSite(files)
  const before = site.snapshot()
  const run = runCli(['build', '--src', 'src', '--out', 'out', '--no-cache'], site.root)
  const result = {
    status: run.status,
    lines: run.stderr.trim().split('\n').slice(0, -1),
    written: fs.existsSync(site.out),
    untouched: JSON.stringify(site.snapshot()) === JSON.stringify(before),
  }
  site.cleanup()
  return result
}

/** ~300 KB of nested and flat lists: micromark takes seconds on it (syntax-tree/mdast-util-from-markdown#49). */
const LIST_HEAVY = Array.from({ length: 6000 }, (_, i) => `${'  '.repeat(i % 4)}- item ${i} with [a link](x.md) and \`code\`\n`).join('').repeat(2)

describe('parser limits', () => {
  it('`>` ten thousand times and ten thousand nested <div>s: an error naming each file, the others build', () => {
    // A generous budget: the outcome must be the stack overflow, however loaded the machine.
    const result = cliBuild({
      'slugwiki.toml': 'note-timeout-ms = 300000\n',
      'index.md': '# Fine\n',
      'quotes.md': '>'.repeat(10000),
      'divs.md': `${'<div>'.repeat(10000)}x\n`,
    })
    expect(result.status).toBe(1)
    expect(result.lines).toEqual([
      'src/divs.md  error  Failed to render: Maximum call stack size exceeded  render',
      'src/quotes.md  error  Failed to render: Maximum call stack size exceeded  render',
    ])
    expect(result.written).toBe(false)
    expect(result.untouched).toBe(true)
  }, 600_000)

  it('a ~300 KB list-heavy note over its time budget: an error naming the file, not a hang', () => {
    expect(LIST_HEAVY.length).toBeGreaterThan(290_000)
    const result = cliBuild({ 'slugwiki.toml': 'note-timeout-ms = 1000\n', 'index.md': '# Fine\n', 'lists.md': LIST_HEAVY })
    expect(result.status).toBe(1)
    expect(result.lines).toEqual(['src/lists.md  error  Took longer than 1000 ms to parse and render (note-timeout-ms); not published  note-timeout'])
    expect(result.written).toBe(false)
    expect(result.untouched).toBe(true)
  }, 600_000)

  it('a note over the size cap: an error naming the file and both sizes, before it is parsed', () => {
    const result = cliBuild({ 'slugwiki.toml': 'max-note-bytes = 1000\n', 'index.md': '# Fine\n', 'big.md': `# Big\n\n${'x'.repeat(1994)}` })
    expect(result.status).toBe(1)
    expect(result.lines).toEqual(['src/big.md  error  Note is 2001 bytes, over the 1000-byte limit (max-note-bytes)  note-size'])
    expect(result.written).toBe(false)
  }, 600_000)

  it('a grammar that backtracks without end: that block plain, with a warning; the site is published', async () => {
    // Every line makes the regex engine retry until its match limit: seconds per line.
    const backtracking: LanguageRegistration = { name: 'backtrack', scopeName: 'source.backtrack', patterns: [{ match: '(a|aa)+b', name: 'keyword.control' }], repository: {} }
    const hanging = Array.from({ length: 40 }, () => `${'a'.repeat(60)}c`).join('\n')
    // Nothing else in the note to highlight: on a loaded machine a fresh worker's first grammar can
    // take a good part of the budget, and only the hanging block is under test here.
    const site = tempSite({ 'slugwiki.toml': 'note-timeout-ms = 1500\n', 'index.md': `# Logs\n\n\`\`\`backtrack\n${hanging}\n\`\`\`\n\nAfter the block.\n` })
    const config = resolveConfig({ src: site.src, out: site.out })
    const pool = createNotePool({ ...poolOptions(config, 1), langs: [backtracking] })
    try {
      const result = await build({ src: site.src, out: site.out, quiet: true, cache: false }, { pool })
      expect(result.diagnostics.map((d) => [path.relative(site.src, path.resolve(d.file)), d.line, d.column, d.severity, d.message, d.rule])).toEqual([
        ['index.md', 3, 1, 'warning', 'Highlighting this `backtrack` block took longer than 1500 ms (note-timeout-ms); rendered as plain text', 'highlight-timeout'],
      ])
      expect(result.written).toBe(true)
      const html = fs.readFileSync(path.join(site.out, 'index.html'), 'utf8')
      expect(html).toContain(`<span class="line"><span>${'a'.repeat(60)}c</span></span>`)
      expect(html).toContain('<p>After the block.</p>')
    } finally {
      await pool.close()
      site.cleanup()
    }
  }, 600_000)
})
