/**
 * `npm run bench:highlight -- --notes N`: what highlighting the corpus's
 * code costs, in CPU time of this process (the machine is shared and wall
 * time depends on the load).
 *
 * 1. shiki's JavaScript regex engine against oniguruma (WebAssembly), per
 *    language: grammar load, the first block (the grammar's regexes compile
 *    as they are first used, once per worker thread) and the mean of the rest
 *    (`--engines false` skips it).
 * 2. With oniguruma, slugwiki's one grammar pass (src/markdown/highlighter.ts:
 *    colours of both schemes as classes, and the scopes for symbols) against
 *    what it replaced: shiki's two-theme `codeToHast` (one pass per theme,
 *    inline colours) plus a third pass for the symbols' scopes. Per language:
 *    CPU per block of highlighting and of serialising the `pre` to HTML, and
 *    the HTML bytes per block; the best of `--rounds` rounds.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { toHtml } from 'hast-util-to-html'
import { createHighlighter, createJavaScriptRegexEngine, createOnigurumaEngine, type RegexEngine } from 'shiki'
import { createCodeHighlighter } from '../src/markdown/highlighter.ts'
import { generateCorpus } from './corpus/generate.ts'
import { scriptArgs } from './script-args.ts'

const values = scriptArgs(
  { notes: { type: 'string', default: '200' }, engines: { type: 'string', default: 'true' }, rounds: { type: 'string', default: '3' } },
  'Usage: npm run bench:highlight -- [--notes N] [--engines true|false] [--rounds R]',
)
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
for (const [name, engine] of values.engines === 'false' ? [] : engines) {
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

// 2. One grammar pass against shiki's two-theme codeToHast plus a scopes pass, both on oniguruma.
const rounds = Math.max(1, Number(values.rounds))
const before = await createHighlighter({ themes: [themes.light, themes.dark], langs: [...blocks.keys()], engine: createOnigurumaEngine(import('shiki/wasm')) })
const after = await createCodeHighlighter({ lightTheme: themes.light, darkTheme: themes.dark })
const old = (code: string, lang: string) => {
  const tree = before.codeToHast(code, { lang, themes, defaultColor: false, tokenizeTimeLimit: 0 })
  // The symbol index's own pass over the grammar, as highlighter.ts's `scopes` did it.
  const grammar = before.getLanguage(lang)
  let state: Parameters<typeof grammar.tokenizeLine>[1] = null
  for (const line of code.split(/\r?\n/)) state = grammar.tokenizeLine(line, state).ruleStack
  return tree
}
const best = (runs: number[]) => Math.min(...runs)
interface Row {
  lang: string
  blocks: number
  oldMs: number
  newMs: number
  oldHtmlMs: number
  newHtmlMs: number
  oldBytes: number
  newBytes: number
}
const rows: Row[] = []
for (const [lang, codes] of [...blocks].sort()) {
  // The first block of each compiles the grammar's regexes: warm both up, then time the rest.
  old(codes[0]!, lang)
  await after.highlight(codes[0]!, lang)
  const oldRuns: number[] = []
  const newRuns: number[] = []
  const oldTrees = codes.map((code) => old(code, lang))
  const newTrees = await Promise.all(codes.map(async (code) => (await after.highlight(code, lang)).tree))
  for (let round = 0; round < rounds; round++) {
    oldRuns.push(cpuMs(() => codes.forEach((code) => old(code, lang))))
    newRuns.push(await cpuMsAsync(async () => {
      for (const code of codes) await after.highlight(code, lang)
    }))
  }
  const html = (trees: typeof oldTrees) => best(Array.from({ length: rounds }, () => cpuMs(() => trees.forEach((t) => toHtml(t)))))
  rows.push({
    lang,
    blocks: codes.length,
    oldMs: best(oldRuns),
    newMs: best(newRuns),
    oldHtmlMs: html(oldTrees),
    newHtmlMs: html(newTrees),
    oldBytes: oldTrees.reduce((n, t) => n + toHtml(t).length, 0),
    newBytes: newTrees.reduce((n, t) => n + toHtml(t).length, 0),
  })
}
before.dispose()
const sum = (key: keyof Omit<Row, 'lang'>) => rows.reduce((n, r) => n + r[key], 0)
rows.push({ lang: 'total', blocks: sum('blocks'), oldMs: sum('oldMs'), newMs: sum('newMs'), oldHtmlMs: sum('oldHtmlMs'), newHtmlMs: sum('newHtmlMs'), oldBytes: sum('oldBytes'), newBytes: sum('newBytes') })
process.stdout.write(`\none grammar pass (classes) vs shiki codeToHast with two themes + a scopes pass, oniguruma, CPU ms per block (best of ${rounds}); load average ${os.loadavg()[0]!.toFixed(1)}\n\n`)
process.stdout.write(`language     blocks  highlight before  after  ratio   to HTML before  after  ratio   HTML bytes before   after  ratio\n`)
for (const r of rows) {
  const per = (ms: number) => (ms / r.blocks).toFixed(3).padStart(6)
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(6)
  process.stdout.write(
    `${r.lang.padEnd(11)}  ${String(r.blocks).padStart(6)}  ${per(r.oldMs).padStart(16)} ${per(r.newMs)} ${ratio(r.oldMs, r.newMs)}  ${per(r.oldHtmlMs).padStart(14)} ${per(r.newHtmlMs)} ${ratio(r.oldHtmlMs, r.newHtmlMs)}  ${String(Math.round(r.oldBytes / r.blocks)).padStart(17)} ${String(Math.round(r.newBytes / r.blocks)).padStart(7)} ${ratio(r.oldBytes, r.newBytes)}\n`,
  )
}
const all = rows.at(-1)!
process.stdout.write(`\ntotal CPU for ${all.blocks} blocks: highlight ${all.oldMs.toFixed(0)} → ${all.newMs.toFixed(0)} ms, to HTML ${all.oldHtmlMs.toFixed(0)} → ${all.newHtmlMs.toFixed(0)} ms, HTML ${(all.oldBytes / 1024).toFixed(0)} → ${(all.newBytes / 1024).toFixed(0)} KB\n`)
