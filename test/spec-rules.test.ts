/**
 * The Rust Reference's mdbook-spec rules across a book: a marker in one
 * chapter, links to it by name from another, found by the graph stage.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../src/build.ts'

let tmp: string
let out: string
let result: BuildResult
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-spec-'))
  const book = path.join(tmp, 'book')
  fs.mkdirSync(path.join(book, 'src/types'), { recursive: true })
  fs.writeFileSync(path.join(book, 'book.toml'), '[book]\ntitle = "Reference"\n\n[preprocessor.spec]\ncommand = "cargo run --release --manifest-path tools/mdbook-spec/Cargo.toml"\n')
  fs.writeFileSync(path.join(book, 'src/SUMMARY.md'), '# Summary\n\n- [Never](types/never.md)\n- [Divergence](divergence.md)\n')
  fs.writeFileSync(path.join(book, 'src/types/never.md'), 'r[type.never]\n# Never type\n\nr[type.never.intro]\nThe never type `!` has no values.\n')
  fs.writeFileSync(
    path.join(book, 'src/divergence.md'),
    [
      '# Divergence',
      '',
      'See [the never type][type.never], [type.never.intro], [`!`], [by path](types/never.md#r-type.never.intro),',
      'an array [i.len] that is no rule, and [a broken one][gone].',
      '',
      '[`!`]: type.never',
      '[gone]: no.such.rule',
      '',
    ].join('\n'),
  )
  out = path.join(tmp, 'out')
  result = await build({ src: book, out, cache: false, quiet: true })
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('links to rules by name', () => {
  it('lead to the rule’s marker in the note that has it', () => {
    const html = fs.readFileSync(path.join(out, 'divergence.html'), 'utf8')
    const hrefs = [...html.matchAll(/<a href="([^"]*)"[^>]*>(.*?)<\/a>/g)].filter(([, , text]) => /never|!|by path|broken/.test(text!)).map(([, href, text]) => `${text} → ${href}`)
    expect(hrefs).toEqual([
      'the never type → types/never.html#r-type.never',
      'type.never.intro → types/never.html#r-type.never.intro',
      '<code>!</code> → types/never.html#r-type.never',
      'by path → types/never.html#r-type.never.intro',
      'a broken one → no.such.rule',
    ])
    // A bracketed name that is no rule stays text, brackets and all, as mdbook-spec leaves it.
    expect(html).toContain('an array [i.len] that is no rule')
  })

  it('are reported when a definition names a rule no note has, at the link', () => {
    const problems = result.diagnostics.filter((d) => d.file.endsWith('divergence.md')).map((d) => `${d.line}:${d.column} ${d.message}`)
    expect(problems).toEqual(['4:39 Link to rule `no.such.rule`, which no note of the book defines (`r[no.such.rule]`)'])
  })
})

describe('a rule that comes and goes', () => {
  it('re-renders the pages that name it in brackets, as text once it is gone and as a link once it is back', async () => {
    const { compileSite } = await import('../src/build.ts')
    const { resolveConfig } = await import('../src/config.ts')
    const { affectedPages } = await import('../src/graph/affected.ts')
    const { planFiles } = await import('./helpers/files.ts')
    const book = path.join(tmp, 'book')
    const site = () => compileSite(resolveConfig({ src: book, out: path.join(tmp, 'affected-out') }))
    const never = path.join(book, 'src/types/never.md')
    const text = fs.readFileSync(never, 'utf8')
    // A page whose one link is that name: nothing else about it changes.
    fs.writeFileSync(path.join(book, 'src/only.md'), '# Only\n\nSee [type.never.intro].\n')
    let before = await site()
    const step = async (content: string) => {
      fs.writeFileSync(never, content)
      const after = await site()
      const affected = affectedPages(before.graph, after.graph, ['types/never.md' as never])
      before = after
      return { affected: affected.all ? ['(all)'] : affected.pages, page: planFiles(after.plan).get('only.html') as string }
    }
    const gone = await step(text.replace('r[type.never.intro]\n', ''))
    expect(gone.affected).toContain('only.html')
    expect(gone.page).toContain('[type.never.intro]')
    const back = await step(text)
    expect(back.affected).toContain('only.html')
    expect(back.page).toContain('<a href="types/never.html#r-type.never.intro">type.never.intro</a>')
  })
})
