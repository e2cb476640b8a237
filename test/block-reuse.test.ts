/** A code block unchanged since the note's last compile is reused whole: its highlighting and its symbols, with no grammar pass. */
import type { Element } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { describe, expect, it } from 'vitest'
import { noteBody } from '../src/markdown/body.ts'
import { compileNote } from '../src/markdown/compile.ts'
import type { CodeHighlighter } from '../src/markdown/highlighter.ts'
import { createProcessor } from '../src/markdown/processor.ts'
import type { SourcePath } from '../src/paths.ts'
import { highlighter } from './helpers/markdown.ts'

const BLOCK = '```c\nstatic int charge(struct page_counter *counter)\n{\n\treturn page_counter_try_charge(counter);\n}\n```\n'

describe('reusing an unchanged code block', () => {
  it('takes its symbols from the cached block, lines moved with it, without tokenising it again', async () => {
    const real = await highlighter()
    const calls = { highlight: 0, scopes: 0 }
    const counting: CodeHighlighter = {
      ...real,
      highlight: (...args) => (calls.highlight++, real.highlight(...args)),
      scopes: (...args) => (calls.scopes++, real.scopes(...args)),
    }
    const processor = createProcessor({ math: false, trusted: false, highlighter: counting })
    const compile = (text: string, blocks?: Map<string, Element>) =>
      compileNote(processor, { source: 'memcg.md' as SourcePath, text, segments: [] }, (s) => s, blocks && { blocks, salt: '' })

    const first = await compile(`# Charge\n\n${BLOCK}`)
    const blocks = new Map(Object.entries(JSON.parse(noteBody(structuredClone(first)).blocks) as Record<string, Element>))
    expect(blocks.size).toBe(1)
    expect(calls).toEqual({ highlight: 1, scopes: 0 })

    // Two lines of prose above the block: the same block, two lines lower.
    const second = await compile(`# Charge\n\nA new paragraph.\n\n${BLOCK}`, blocks)
    expect(calls).toEqual({ highlight: 1, scopes: 0 })
    expect(first.symbols.length).toBeGreaterThan(0)
    expect(second.symbols).toEqual(first.symbols.map((s) => ({ ...s, line: s.line! + 2 })))
    expect(second.symbols).toContainEqual(expect.objectContaining({ name: 'charge', role: 'definition' }))
    // What the reader sees is the same block.
    const figure = (tree: typeof first.tree) => toHtml(tree).match(/<figure[\s\S]*<\/figure>/)![0]
    expect(figure(second.tree)).toBe(figure(first.tree))
  })
})
