/**
 * `npm run bench:indices -- [--notes N] [--repeat R]`: what the cross-linked
 * indexes (topics, symbols, tags, backlinks, related notes, the map and their
 * pages) cost. On the benchmark corpus (scripts/corpus) with content/'s
 * topics file, it measures in one run:
 *
 * - whole builds as a user runs them (`npm run build`, fresh processes), cold
 *   (`--no-cache`: the markdown stage's topic and symbol plugins run) and warm
 *   (every note from the cache), with `indices = false` as the floor;
 * - in one process, the graph stage (`buildSiteGraph`) and the pages stage
 *   (`buildPages`) with and without indexes, and rendering the index pages —
 *   the work a dev-server rebuild repeats.
 *
 * Ratios are to the floor measured minutes apart on the same machine.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { resolveConfig } from '../src/config.ts'
import { loadSources } from '../src/content/load.ts'
import { assembleGraph } from '../src/graph/assemble.ts'
import { buildSiteGraph } from '../src/graph/site-graph.ts'
import { compileAll } from '../src/markdown/compile-all.ts'
import { buildPages } from '../src/pages/build-pages.ts'
import type { Page } from '../src/pages/model.ts'
import { Diagnostics } from '../src/report.ts'
import { loadTheme } from '../src/theme/load.ts'
import { renderPage } from '../src/theme/render.ts'
import { themeDirs } from '../src/render-site.ts'
import { buildCommand } from './bench/command.ts'
import { scriptArgs } from './script-args.ts'
import { measure, median } from './bench/measure.ts'
import { generateCorpus } from './corpus/generate.ts'

const root = path.resolve(import.meta.dirname, '..')
const values = scriptArgs({ notes: { type: 'string', default: '2000' }, repeat: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } }, 'Usage: npm run bench:indices -- [--notes N] [--repeat R] [--keep]')
const notes = Number(values.notes)
const repeat = Math.max(1, Number(values.repeat))
const log = (line: string) => process.stderr.write(`${line}\n`)

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-bench-indices-'))
const book = path.join(work, 'book')
const corpus = generateCorpus({ notes, seed: 1, dir: book })
// The wiki's own subjects; the corpus has no home notes for them.
const topics = fs.readFileSync(path.join(root, 'content/topics.yml'), 'utf8').replace(/^\s+home: .*\n/gm, '')
fs.writeFileSync(path.join(corpus.src, 'topics.yml'), topics)
const bookToml = fs.readFileSync(path.join(book, 'book.toml'), 'utf8')
const variant = (indices: boolean) => fs.writeFileSync(path.join(book, 'book.toml'), indices ? bookToml : `${bookToml}\n[slugwiki]\nindices = false\n`)
log(`corpus: ${corpus.notes.length} notes, ${(corpus.bytes / 1e6).toFixed(1)} MB, ${topics.match(/^\S[^:]*:/gm)!.length} topics (${book})`)

// Whole builds, alternating the two variants so a change in the machine's load hits both alike.
const { nodeArgs, script } = buildCommand(root)
const runs: Record<string, number[]> = { 'cold, without': [], 'cold, with': [], 'warm, without': [], 'warm, with': [] }
const build = async (indices: boolean, cache: 'cold' | 'warm') => {
  variant(indices)
  const out = path.join(work, `out-${indices}`)
  const cacheFlags = cache === 'cold' ? ['--no-cache'] : ['--cache-dir', path.join(work, `cache-${indices}`)]
  const run = await measure(nodeArgs, [script, 'build', '--src', book, '--out', out, '--quiet', ...cacheFlags], root)
  if (run.status !== 0 || run.stderr.trim()) throw new Error(`build failed (indices ${indices}): ${run.stderr}`)
  return run.seconds
}
for (const indices of [false, true]) await build(indices, 'warm') // fills each variant's cache
for (let r = 0; r < repeat; r++) {
  for (const indices of r % 2 ? [true, false] : [false, true]) {
    const name = indices ? 'with' : 'without'
    runs[`cold, ${name}`]!.push(await build(indices, 'cold'))
    runs[`warm, ${name}`]!.push(await build(indices, 'warm'))
    log(`run ${r + 1}/${repeat}, indices ${name}: cold ${runs[`cold, ${name}`]!.at(-1)!.toFixed(2)} s, warm ${runs[`warm, ${name}`]!.at(-1)!.toFixed(2)} s`)
  }
}

// In one process: the stages a rebuild repeats, on notes compiled once.
variant(true)
const config = resolveConfig({ src: book, out: path.join(work, 'unused'), quiet: true })
const diagnostics = new Diagnostics()
const display = (p: string) => p
const sources = loadSources({ config, diagnostics, display })
const compiled = await compileAll(sources.inputs, { config, displaySource: (s) => s, topics: sources.topics, cache: undefined })
const graph = assembleGraph(compiled.notes, { config, listing: sources.listing, inputs: sources.inputs, bodies: compiled.bodies, included: sources.included, topics: sources.topics, diagnostics, display })
const theme = await loadTheme(config.theme, themeDirs(config))
const time = (f: () => unknown) => {
  const samples: number[] = []
  for (let i = 0; i < Math.max(5, repeat); i++) {
    const started = performance.now()
    f()
    samples.push(performance.now() - started)
  }
  return median(samples)
}
const graphInput = { notes: compiled.notes, bodies: compiled.bodies, outline: graph.outline, assets: [...graph.assets], topics: graph.topics }
const graphWith = buildSiteGraph({ ...graphInput, indices: true })
const graphWithout = buildSiteGraph({ ...graphInput, indices: false })
const pageOptions = { config, display: (s: string) => s }
let indexPages: Page[] = []
const stages = {
  'graph stage, without': time(() => buildSiteGraph({ ...graphInput, indices: false })),
  'graph stage, with': time(() => buildSiteGraph({ ...graphInput, indices: true })),
  'pages stage, without': time(() => buildPages(graphWithout, pageOptions)),
  'pages stage, with': time(() => {
    indexPages = buildPages(graphWith, pageOptions).pages.filter((p) => ['tag', 'tags', 'topic', 'topics', 'symbols'].includes(p.kind))
  }),
  'render index pages': time(() => indexPages.forEach((p) => renderPage(p, { config, graph: graphWith, theme }))),
}
const sizes = Object.fromEntries(indexPages.map((p) => [p.slug, Buffer.byteLength(renderPage(p, { config, graph: graphWith, theme }))]))
const largest = Object.entries(sizes).sort((a, b) => b[1] - a[1])[0]!

const rows = [['step', 'median', '× floor', 'runs']]
for (const kind of ['cold', 'warm']) {
  const floor = median(runs[`${kind}, without`]!)
  for (const name of ['without', 'with']) {
    const list = runs[`${kind}, ${name}`]!
    rows.push([`build ${kind}, indices ${name}`, `${median(list).toFixed(2)} s`, `${(median(list) / floor).toFixed(2)}×`, list.map((s) => s.toFixed(2)).join(' ')])
  }
}
for (const [stage, ms] of Object.entries(stages)) rows.push([stage, `${ms.toFixed(1)} ms`, '', ''])
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
process.stdout.write(`${rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n')}\n`)
const s = graphWith.indices
process.stdout.write(
  `${notes} notes: ${s.topics.list.length} topics (${s.topics.list.reduce((n, t) => n + t.count, 0)} mentions), ${s.tags.list.length} tags, ` +
    `${s.symbols.list.length} symbols, ${indexPages.length} index pages (largest ${largest[0]}, ${(largest[1] / 1024).toFixed(0)} KB); ` +
    `map ${graphWith.all.length > 400 ? 'summarised by section' : 'note by note'}. ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`,
)
if (!values.keep) fs.rmSync(work, { recursive: true, force: true })
