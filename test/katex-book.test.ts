/**
 * mdbook-katex's `[preprocessor.katex]`: its macros file and equation
 * layout reach KaTeX, each note starts from the book's macros (a `\gdef`
 * stays in its note), and changing them compiles the notes again.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { toHtml } from 'hast-util-to-html'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, resolveConfig } from '../src/config.ts'
import { parseKatexMacros } from '../src/config-katex.ts'
import { compileNote } from '../src/markdown/compile.ts'
import { noteFingerprint } from '../src/markdown/fingerprint.ts'
import { createCodeHighlighter } from '../src/markdown/highlighter.ts'
import { createProcessor } from '../src/markdown/processor.ts'
import type { SourcePath } from '../src/paths.ts'
import { writeFiles } from './helpers/files.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-katex-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('mdbook-katex macros', () => {
  it('reads a macros file as mdbook-katex does: `\\name:definition` lines, split at the first colon', () => {
    expect(parseKatexMacros('\\R:\\mathbb{R}\n% a comment\n\\ip:\\langle #1 : #2 \\rangle\r\nnot a macro:x\n\n')).toEqual({ '\\R': '\\mathbb{R}', '\\ip': '\\langle #1 : #2 \\rangle' })
  })

  it('takes the macros file relative to the book root, and names book.toml when it cannot be read', () => {
    const root = writeFiles(path.join(tmp, 'book'), {
      'book.toml': '[book]\ntitle = "K"\n\n[preprocessor.katex]\nmacros = "macros.txt"\nleqno = true\n',
      'macros.txt': '\\R:\\mathbb{R}\n',
      'src/SUMMARY.md': '# Summary\n',
    })
    const config = resolveConfig({ src: root })
    expect(config.katex).toEqual({ macros: { '\\R': '\\mathbb{R}' }, leqno: true, fleqn: false })
    fs.rmSync(path.join(root, 'macros.txt'))
    expect(() => resolveConfig({ src: root })).toThrow(ConfigError)
    expect(() => resolveConfig({ src: root })).toThrow(/\[preprocessor\.katex\] macros`: cannot read `macros\.txt` \(ENOENT\)/)
  })

  it('starts every note from the book’s macros: a \\gdef in one note is not defined in the next', async () => {
    const highlighter = await createCodeHighlighter({ lightTheme: 'github-light-default', darkTheme: 'github-dark-default' })
    const processor = createProcessor({ math: true, trusted: false, highlighter, katex: { macros: { '\\R': '\\mathbb{R}' }, leqno: false, fleqn: false } })
    const compile = async (text: string) => {
      const note = await compileNote(processor, { source: 'n.md' as SourcePath, text, segments: [] }, (s) => s)
      return { html: toHtml(note.tree), diagnostics: note.diagnostics }
    }
    const first = await compile('Define $\\gdef\\half{\\frac12}\\half$ and use $\\R$.\n')
    expect(first.diagnostics).toEqual([])
    expect(first.html).toContain('mathbb')
    const second = await compile('Use $\\half$ and $\\R$.\n')
    expect(second.diagnostics.map((d) => d.rule)).toEqual(['parseerror'])
    expect(second.html).toContain('mathbb')
  })

  it('is part of the notes’ fingerprint', () => {
    const settings = { math: true, trusted: false, lightTheme: 'a', darkTheme: 'b' }
    const katex = { macros: { '\\R': '\\mathbb{R}' }, leqno: false, fleqn: false }
    const base = noteFingerprint('v', { ...settings, katex })
    expect(noteFingerprint('v', { ...settings, katex: { ...katex, macros: { '\\R': '\\mathbf{R}' } } })).not.toBe(base)
    expect(noteFingerprint('v', { ...settings, katex: { ...katex, leqno: true } })).not.toBe(base)
    expect(noteFingerprint('v', { ...settings, katex: { ...katex } })).toBe(base)
  })
})
