/**
 * `npm run bench:search -- [--notes 2000,10000] [--keep] [--site DIR]`: measure search on
 * the deterministic benchmark wiki (scripts/corpus): the index build's share
 * of the build, the index's size, what the first search downloads (gzip, as a
 * server would send it) and query latency in headless Chromium. Latencies are
 * also given as ratios to a floor measured in the same page: one fetch of a
 * small index file from the same local server.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { compileSite } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { writeAtomically, type OutputPlan } from '../src/output.ts'
import { Diagnostics } from '../src/report.ts'
import { SEARCH_DIR } from '../src/search/build-index.ts'
import { emitSearch } from '../src/search/emit.ts'
import { ASSET_DIR } from '../src/theme/render.ts'
import { launchBrowser, serveSite } from '../test/helpers/browser.ts'
import { generateCorpus } from './corpus/generate.ts'
import { scriptArgs } from './script-args.ts'

/** Queries a reader of the benchmark wiki would type: identifiers, parts, concepts, a miss. */
const QUERIES = [
  'mem_cgroup', 'page_counter_try_charge', 'counter try charge', 'MEMCG_CHARGE_BATCH', 'rcu_read_lock', 'grace period',
  'cgroup', 'reclaim', 'io_uring', 'Cranelift', 'numa balancing', 'memory tiering', 'kvm', 'scheduler latency', 'zzqxj',
]

/** Runs in the page: the floor (one small fetch), then every query twice through the same code as the search box. */
const IN_PAGE = `async (queries) => {
  const base = new URL(document.querySelector('#search').dataset.index, location.href).href.replace(/\\/?$/, '/')
  const pagefind = await import(base + 'pagefind.js')
  const core = await import(base + 'core.js')
  const floorStart = performance.now()
  await (await fetch(base + 'pagefind-entry.json?floor')).arrayBuffer()
  const floor = performance.now() - floorStart
  async function run() {
    const out = []
    for (const q of queries) {
      const t = performance.now()
      await core.searchSections(pagefind, q, { limit: 12 })
      out.push(performance.now() - t)
    }
    return out
  }
  const cold = await run()
  const warm = await run()
  return { floor, cold, warm }
}`

const values = scriptArgs(
  { notes: { type: 'string', default: '2000,10000' }, keep: { type: 'boolean', default: false }, site: { type: 'string' } },
  'Usage: npm run bench:search -- [--notes 2000,10000] [--keep] [--site DIR]',
)
const gz = (bytes: Uint8Array | Buffer) => zlib.gzipSync(bytes).length
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const ms = (n: number) => `${n.toFixed(1)} ms`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const secs = (from: number) => (performance.now() - from) / 1000

async function measure(notes: number): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `slugwiki-bench-search-${notes}-`))
  try {
    const corpus = generateCorpus({ notes, seed: 1, dir: path.join(tmp, 'wiki') })
    const config = resolveConfig({ src: corpus.dir, out: path.join(tmp, 'out'), quiet: true })

    // The whole build with search, then the index alone again, in the same process.
    let started = performance.now()
    const site = await compileSite(config)
    const buildSeconds = secs(started)
    started = performance.now()
    // As the build emits it: in parts of `search-shard-pages` pages, without a cache.
    const index: OutputPlan = { files: new Map(), copies: new Map() }
    await emitSearch(site.graph, index, { config, diagnostics: new Diagnostics(), display: (f) => f })
    const indexSeconds = secs(started)
    await writeAtomically(config.out, site.plan)

    const sizes = [...index.files.values()].map((f) => (typeof f === 'string' ? Buffer.from(f) : f))
    const raw = sizes.reduce((s, f) => s + f.length, 0)
    const zipped = sizes.reduce((s, f) => s + gz(f), 0)
    console.log(`\n${notes} notes (${(corpus.bytes / 1e6).toFixed(1)} MB of markdown)`)
    console.log(`  build with search ${buildSeconds.toFixed(1)} s; the search index alone ${indexSeconds.toFixed(1)} s = ${((100 * indexSeconds) / buildSeconds).toFixed(1)}% of the build`)
    const parts = (JSON.parse(String(index.files.get(`${ASSET_DIR}/${SEARCH_DIR}/shards.json`))) as { merge: string[] }).merge.length + 1
    console.log(`  index: ${index.files.size} files in ${parts} part${parts === 1 ? '' : 's'}, ${kb(raw)} on disk, ${kb(zipped)} gzip`)

    await measureInBrowser(config.out, config.base)
  } finally {
    if (values.keep) console.log(`  kept ${tmp}`)
    else fs.rmSync(tmp, { recursive: true, force: true })
  }
}

/** Every file of a built site's search index, read back from disk. */
function indexFiles(site: string): Buffer[] {
  const dir = path.join(site, ASSET_DIR, SEARCH_DIR)
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => fs.readFileSync(path.join(e.parentPath, e.name)))
}

/**
 * `--site DIR`: the index and the browser measurements of a site already
 * built (by `npm run build`, in its own process, so a corpus too big to build
 * and measure in one process can still be measured).
 */
async function measureBuilt(site: string): Promise<void> {
  const files = indexFiles(site)
  const pages = fs.readdirSync(site, { recursive: true }).filter((f) => String(f).endsWith('.html')).length
  console.log(`\n${site} (${pages} pages)`)
  console.log(`  index: ${files.length} files, ${kb(files.reduce((s, f) => s + f.length, 0))} on disk, ${kb(files.reduce((s, f) => s + gz(f), 0))} gzip`)
  await measureInBrowser(site, '/')
}

/** What the first search downloads and how long queries take, in headless Chromium. */
async function measureInBrowser(site: string, base: string): Promise<void> {
  const served = await serveSite(site, base)
  const browser = await launchBrowser()
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
    const responses: Array<Promise<number>> = []
    page.on('response', (r) => {
      if (r.url().includes('/_slugwiki/search/')) responses.push(r.body().then(gz, () => 0))
    })
    await page.goto(`${served.url}index.html`)
    const started = performance.now()
    await page.keyboard.press('/')
    await page.keyboard.type(QUERIES[0]!)
    await page.waitForSelector('.search-hit, .search-status:has-text("No results")', { timeout: 120_000 })
    const firstSeconds = secs(started)
    const first = await Promise.all(responses)
    console.log(`  first search ("${QUERIES[0]}", typed): ${first.length} requests, ${kb(first.reduce((s, n) => s + n, 0))} gzip, results after ${(firstSeconds * 1000).toFixed(0)} ms`)

    // A string, not a function: tsx's transform would add helpers the page does not have.
    const timings = (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(QUERIES)})`)) as { floor: number; cold: number[]; warm: number[] }
    const f = Math.max(timings.floor, 0.1)
    const line = (name: string, xs: number[]) =>
      `  ${name}: median ${ms(median(xs))} (${(median(xs) / f).toFixed(1)}× floor), max ${ms(Math.max(...xs))} (${(Math.max(...xs) / f).toFixed(1)}× floor)`
    console.log(`  floor: one fetch of pagefind-entry.json ${ms(timings.floor)}`)
    console.log(line(`query latency, ${QUERIES.length} queries, each new to the page`, timings.cold))
    console.log(line('query latency, the same queries again', timings.warm))
  } finally {
    await browser.close()
    await served.close()
  }
}

console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
if (values.site) await measureBuilt(values.site)
else for (const n of values.notes.split(',').map(Number)) await measure(n)
