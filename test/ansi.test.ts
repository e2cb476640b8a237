/**
 * ```` ```ansi ```` blocks: their SGR escapes colour the text in both schemes
 * (shiki's terminal palettes) and leave no control character or control
 * picture in the page; the `unprintable` warning counts only what a page shows.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createHighlighter } from 'shiki'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { consumedAnsiEscapes } from '../src/content/ansi-blocks.ts'
import { tempSite, type TempSite } from './helpers/site.ts'

const ESC = '\x1b'

let site: TempSite | undefined
afterEach(() => site?.cleanup())

async function run(files: Record<string, string>) {
  site = tempSite(files)
  const result = await build({ src: site.src, out: site.out, quiet: true, cache: false })
  const read = (rel: string) => fs.readFileSync(path.join(site!.out, rel), 'utf8')
  const warnings = result.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.rule} ${d.message}`)
  return { read, warnings }
}

/** The `<figure>` of the page's n-th code block. */
function block(page: string, n: number): string {
  return new RegExp(`<figure class="code" id="code-${n}"[\\s\\S]*?</figure>`).exec(page)![0]
}

describe('ansi code blocks', () => {
  it('colour their text in both schemes and show no escape, in a note, a quote and the print page; no warning', async () => {
    const { read, warnings } = await run({
      'index.md': [
        '# Terminal',
        '',
        '```ansi',
        `ok ${ESC}[31mfailed${ESC}[0m ${ESC}[1;42mbold on green${ESC}[0m`,
        '```',
        '',
        '> ```ANSI',
        `> ${ESC}[4mlink${ESC}[0m`,
        '> ```',
        '',
      ].join('\n'),
    })
    expect(warnings).toEqual([])
    for (const page of [read('index.html'), read('print.html')]) {
      expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\u2400-\u2421]/)
    }
    const first = block(read('index.html'), 1)
    // github-light-default's and github-dark-default's terminal.ansiRed, and the green background in each.
    expect(first).toContain('<span style="--shiki-light:#cf222e;--shiki-dark:#ff7b72">failed</span>')
    expect(first).toContain('<span style="background-color:light-dark(#116329, #3fb950);font-weight:bold"> bold on green</span>')
    expect(first).toContain('<span>ok </span>')
    expect(block(read('index.html'), 2)).toContain('<span style="text-decoration:underline">link</span>')
  })

  it('warn `unprintable` only for what a page still shows: another block\'s escape, a bell, an unfinished escape', async () => {
    const { read, warnings } = await run({
      'index.md': [
        '# Terminal',
        '',
        '```ansi',
        `${ESC}[32mok${ESC}[0m then a bell \x07 and ${ESC}[unfinished`,
        '```',
        '',
        '```text',
        `${ESC}[31mred${ESC}[0m`,
        '```',
        '',
      ].join('\n'),
    })
    expect(warnings).toEqual(['index.md:4:25 unprintable Character U+0007 cannot appear in a web page; shown as ␇ (4 in this note)'])
    const page = read('index.html')
    expect(block(page, 1)).toContain('then a bell ␇ and ␛[unfinished')
    expect(block(page, 2)).toContain('␛[31mred␛[0m')
  })

  it('consume exactly what shiki\'s ANSI parser takes out of each line', async () => {
    const shiki = await createHighlighter({ themes: ['github-light-default'], langs: [] })
    const lines = [
      `${ESC}[31mred${ESC}[0m plain`,
      `${ESC}[2K erase line ... then an m`,
      `a lone ${ESC} and ${ESC}] and ${ESC}[`,
      `${ESC}[38;2;1;2;3mrgb${ESC}[m${ESC}[1m`,
      'no escape at all',
    ]
    for (const line of lines) {
      const text = `\`\`\`ansi\n${line}\n\`\`\`\n`
      const consumed = consumedAnsiEscapes(text)
      const kept = [...text].filter((_, i) => !consumed.has(i)).join('')
      const shown = shiki.codeToTokens(line, { lang: 'ansi', theme: 'github-light-default' }).tokens[0]!.map((t) => t.content).join('')
      expect(kept).toBe(`\`\`\`ansi\n${shown}\n\`\`\`\n`)
    }
    // Outside an ansi block nothing is consumed.
    expect(consumedAnsiEscapes(`\`\`\`text\n${ESC}[31mred\n\`\`\`\n\n${ESC}[31m ansi\n`).size).toBe(0)
    shiki.dispose()
  })
})
