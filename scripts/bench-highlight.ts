/**
 * `npm run bench:highlight -- --notes N`: the cost of highlighting the
 * corpus's code blocks with shiki's JavaScript regex engine and with
 * oniguruma (WebAssembly), start-up (themes and grammars) and per block,
 * both colour schemes from one pass. Used to choose the engine; CPU time is
 * reported beside wall time because the machine is shared.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createHighlighter, createJavaScriptRegexEngine, createOnigurumaEngine, type Highlighter } from 'shiki'
import { generateCorpus } from './corpus/generate.ts'

const { values } = parseArgs({ options: { notes: { type: 'string', default: '200' }, rounds: { type: 'string', default: '2' } } })
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-hl-'))
const corpus = generateCorpus({ notes: Number(values.notes), dir })
const blocks: Array<{ lang: string; code: string }> = []
for (const note of corpus.notes) {
  const text = fs.readFileSync(path.join(corpus.src, note.path), 'utf8')
  for (const m of text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)) blocks.push({ lang: m[1] === 'bash' ? 'shellscript' : m[1]!, code: m[2]! })
}
fs.rmSync(dir, { recursive: true, force: true })
const langs = [...new Set(blocks.map((b) => b.lang))].sort()
const themes = { light: 'github-light-default', dark: 'github-dark-default' }

interface Row {
  engine: string
  startupMs: number
  firstPassMs: number
  steadyMs: number
  cpuSteadyMs: number
}

async function run(engine: string, make: () => Promise<Highlighter>): Promise<Row> {
  const t0 = performance.now()
  const shiki = await make()
  const startupMs = performance.now() - t0
  const pass = () => {
    const start = performance.now()
    const cpu = process.cpuUsage()
    for (const b of blocks) shiki.codeToHast(b.code, { lang: b.lang, themes, defaultColor: false })
    const used = process.cpuUsage(cpu)
    return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 }
  }
  const first = pass()
  const steady = Array.from({ length: Number(values.rounds) }, pass)
  shiki.dispose()
  return {
    engine,
    startupMs,
    firstPassMs: first.ms,
    steadyMs: Math.min(...steady.map((s) => s.ms)),
    cpuSteadyMs: Math.min(...steady.map((s) => s.cpuMs)),
  }
}

const rows = [
  await run('javascript', () => createHighlighter({ themes: [themes.light, themes.dark], langs, engine: createJavaScriptRegexEngine({ forgiving: true }) })),
  await run('oniguruma', () => createHighlighter({ themes: [themes.light, themes.dark], langs, engine: createOnigurumaEngine(import('shiki/wasm')) })),
]
process.stdout.write(`${blocks.length} blocks (${langs.join(', ')}) from ${corpus.notes.length} notes, load average ${os.loadavg()[0]!.toFixed(1)}\n\n`)
process.stdout.write(`engine      start-up  first pass  steady pass  steady CPU  per block (CPU)\n`)
for (const r of rows) {
  process.stdout.write(
    `${r.engine.padEnd(10)}  ${r.startupMs.toFixed(0).padStart(6)} ms  ${r.firstPassMs.toFixed(0).padStart(7)} ms  ${r.steadyMs.toFixed(0).padStart(8)} ms  ${r.cpuSteadyMs.toFixed(0).padStart(7)} ms  ${(r.cpuSteadyMs / blocks.length).toFixed(2).padStart(8)} ms\n`,
  )
}
