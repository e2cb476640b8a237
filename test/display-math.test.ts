/**
 * `$$…$$` as Obsidian, mdbook-katex and MathJax read it: display math
 * wherever it is written, and a `$$` line with TeX after it (Obsidian's help
 * writes its matrix so) opens no block that swallows the rest of the note.
 */
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../src/report.ts'
import { render } from './helpers/markdown.ts'

const displays = (html: string) => html.match(/class="katex-display"/g)?.length ?? 0

describe('$$ display math', () => {
  it('reads `$$\\begin{…}` … `…$$` over a paragraph’s lines as one display formula, and the note goes on after it', async () => {
    const { note, html } = await render(['$$\\begin{vmatrix}a & b\\\\', 'c & d', '\\end{vmatrix}=ad-bc$$', '', '## After', '', 'Tail text.', ''].join('\n'), { math: true })
    expect(note.diagnostics.map(formatDiagnostic)).toEqual([])
    expect(html).not.toContain('katex-error')
    expect(displays(html)).toBe(1)
    expect(html).toContain('<h2 id="after">')
    expect(html).toContain('<p>Tail text.</p>')
  })

  it('typesets `$$x$$` in display mode, on its own line or within a sentence', async () => {
    const { html } = await render('$$x^2$$\n\nText $$y^2$$ and $z$ inline.\n', { math: true })
    expect(displays(html)).toBe(2)
    expect(html.match(/class="katex"/g)?.length).toBe(3)
  })

  it('still opens a block on a line of `$$` alone, as remark-math does', async () => {
    const { html } = await render('$$  \n\\frac{1}{2}\n$$\n\nAfter.\n', { math: true })
    expect(displays(html)).toBe(1)
    expect(html).toContain('<p>After.</p>')
  })

  it('does the same in an mdBook with MathJax’s `$$`', async () => {
    const { html } = await render('$$\\begin{vmatrix}a & b\\\\\\\\\nc & d\n\\end{vmatrix}$$\n\n## After\n', { math: true, mathSyntax: 'mathjax' })
    expect(html).not.toContain('katex-error')
    expect(displays(html)).toBe(1)
    expect(html).toContain('<h2 id="after">')
  })
})
