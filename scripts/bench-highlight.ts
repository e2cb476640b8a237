/**
 * `npm run bench:highlight -- --notes N`: what highlighting the corpus's
 * code costs with shiki's JavaScript regex engine and with oniguruma
 * (WebAssembly), per language: grammar load, the first block (the grammar's
 * regexes compile as they are first used, once per worker thread) and the
 * mean of the rest, both colour schemes at once. CPU time of this process,
 * because the machine is shared and wall time depends on the load.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createHighlighter, createJavaScriptRegexEngine, createOnigurumaEngine, type RegexEngine } from 'shiki'
import { generateCorpus } from './corpus/generate.ts'

const { values } = parseArgs({ options: { notes: { type: 'string', default: '200' } } })
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-hl-'))
const corpus = generateCorpus({ notes: Number(values.notes), dir })
const blocks = new Map<string, string[]>()
for (const note of corpus.notes) {
  const text = fs.readFileSync(path.join(corpus.src, note.path), 'utf8')
  for (const m of text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)) {
    const lang = m[1] === 'bash' ? 'shellscript' : m[1]!
    blocks.set(lang, [...(blocks.get(lang) ?? []), m[2]!])
  }
}
fs.rmSync(dir, { recursive: true, force: true })
const themes = { light: 'github-light-default', dark: 'github-dark-default' }

const cpuMs = (f: () => unknown) => {
  const start = process.cpuUsage()
  f()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}
const cpuMsAsync = async (f: () => Promise<unknown>) => {
  const start = process.cpuUsage()
  await f()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

const engines: Array<[string, () => RegexEngine | Promise<RegexEngine>]> = [
  ['javascript', () => createJavaScriptRegexEngine({ forgiving: true })],
  ['oniguruma', () => createOnigurumaEngine(import('shiki/wasm'))],
]
const total = [...blocks.values()].reduce((n, list) => n + list.length, 0)
process.stdout.write(`${total} blocks from ${corpus.notes.length} notes; CPU ms; load average ${os.loadavg()[0]!.toFixed(1)}\n\n`)
process.stdout.write(`engine      language      load  first block  per block after  all blocks\n`)
for (const [name, engine] of engines) {
  let sum = 0
  for (const [lang, codes] of [...blocks].sort()) {
    let shiki!: Awaited<ReturnType<typeof createHighlighter>>
    const load = await cpuMsAsync(async () => (shiki = await createHighlighter({ themes: [themes.light, themes.dark], langs: [lang], engine: engine() })))
    const highlight = (code: string) => shiki.codeToHast(code, { lang, themes, defaultColor: false, tokenizeTimeLimit: 0 })
    const first = cpuMs(() => highlight(codes[0]!))
    const rest = cpuMs(() => codes.slice(1).forEach(highlight))
    shiki.dispose()
    sum += load + first + rest
    const after = codes.length > 1 ? rest / (codes.length - 1) : 0
    process.stdout.write(
      `${name.padEnd(10)}  ${lang.padEnd(11)} ${load.toFixed(0).padStart(5)}  ${first.toFixed(0).padStart(11)}  ${after.toFixed(2).padStart(15)}  ${(load + first + rest).toFixed(0).padStart(10)}\n`,
    )
  }
  process.stdout.write(`${name.padEnd(10)}  ${'total'.padEnd(11)} ${''.padStart(5)}  ${''.padStart(11)}  ${''.padStart(15)}  ${sum.toFixed(0).padStart(10)}\n`)
}
