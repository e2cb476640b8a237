/**
 * How the search engine was chosen: index a folder of markdown notes (e.g.
 * `npm run corpus -- --notes 2000 --out DIR`, then DIR/src) as heading
 * sections with MiniSearch, FlexSearch, Orama and Pagefind, and print each
 * one's build time, index size (raw and gzip) and query latency in Node.
 * The three in-memory engines must ship their whole index to the browser;
 * Pagefind's is split into chunks. They are not dependencies of slugwiki:
 *
 *   npm install --no-save minisearch@7 flexsearch@0.8 @orama/orama@3 @orama/plugin-data-persistence@3
 *   node scripts/compare-search-engines.mjs DIR [minisearch,flexsearch,orama,pagefind]
 *
 * (FlexSearch's export aborted Node in JSON.stringify at 10,000 notes; leave it out there.)
 */
import fs from 'node:fs'; import path from 'node:path'; import zlib from 'node:zlib'
const load = async (name) => (await import(name))
const dir = process.argv[2]
const engines = new Set((process.argv[3] ?? 'minisearch,flexsearch,orama,pagefind').split(','))
const files = fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.md')).sort()
// A deliberately crude line splitter (headings, fences, paragraphs): it only has to give every
// engine the same sections to index, and the real build's parser would dwarf their timings.
const docs = []; const pages = []
for (const f of files) {
  const md = fs.readFileSync(path.join(dir, f), 'utf8')
  let cur = null; let inCode = false; const secs = []
  let html = '<html lang="en"><body>'
  for (const line of md.split('\n')) {
    if (line.startsWith('```')) { inCode = !inCode; html += inCode ? '<pre data-pagefind-weight="0.5"><code>' : '</code></pre>'; continue }
    const m = /^(#+) (.*)/.exec(line)
    if (m && !inCode) { const id = m[2].replace(/\W+/g, '-'); cur = { id: `${f}#${id}`, heading: m[2], text: '', code: '' }; secs.push(cur); html += `<h${m[1].length} id="${id}">${m[2]}</h${m[1].length}>`; continue }
    if (!cur) continue
    if (inCode) { cur.code += line + '\n'; html += line.replace(/</g, '&lt;') + '\n' } else if (line) { cur.text += line + ' '; html += `<p>${line.replace(/</g, '&lt;')}</p>` }
  }
  docs.push(...secs); pages.push({ url: '/' + f.replace(/\.md$/, '.html'), content: html + '</body></html>' })
}
const gz = (s) => zlib.gzipSync(s).length
const kb = (n) => (n / 1024).toFixed(0) + ' KB'
const queries = ['cgroup', 'mem_cgroup', 'swap page', 'rcu read lock', 'kprobe trampoline handler', 'folio', 'memory', 'grace']
const lat = (fn) => { for (const q of queries) fn(q); const t = performance.now(); let n = 0; for (let r = 0; r < 5; r++) for (const q of queries) { fn(q); n++ } return ((performance.now() - t) / n).toFixed(2) + ' ms' }
console.log(`${files.length} notes, ${docs.length} sections`)
const tokenize = (s) => s.split(/[^\p{L}\p{N}_]+/u).flatMap((w) => (w.includes('_') ? [w, ...w.split('_').filter(Boolean)] : [w])).filter(Boolean)
if (engines.has('minisearch')) {
  const { default: MiniSearch } = await load('minisearch')
  const t = performance.now()
  const ms = new MiniSearch({ fields: ['heading', 'text', 'code'], storeFields: ['heading'], tokenize })
  ms.addAll(docs)
  const json = JSON.stringify(ms); const build = performance.now() - t
  console.log(`minisearch: build ${(build / 1000).toFixed(2)} s, index ${kb(json.length)} raw, ${kb(gz(json))} gz (whole index = first download), query ${lat((q) => ms.search(q, { prefix: true, boost: { heading: 3, code: 0.5 } }))}`)
}
if (engines.has('flexsearch')) {
  const { default: FlexSearch } = await load('flexsearch')
  const t = performance.now()
  const idx = new FlexSearch.Document({ document: { id: 'id', index: ['heading', 'text', 'code'] }, tokenize: 'forward', encode: tokenize })
  for (const d of docs) idx.add(d)
  const chunks = []; await idx.export((key, data) => { chunks.push(key + (data ?? '')) })
  const all = chunks.join(''); const build = performance.now() - t
  console.log(`flexsearch: build ${(build / 1000).toFixed(2)} s, index ${kb(all.length)} raw, ${kb(gz(all))} gz, query ${lat((q) => idx.search(q, { limit: 10 }))}`)
}
if (engines.has('orama')) {
  const { create, insertMultiple, search: oramaSearch } = await load('@orama/orama')
  const { persist } = await load('@orama/plugin-data-persistence')
  const t = performance.now()
  const db = create({ schema: { heading: 'string', text: 'string', code: 'string' } })
  insertMultiple(db, docs.map((d) => ({ heading: d.heading, text: d.text, code: d.code })), 5000)
  const json = await persist(db, 'json'); const build = performance.now() - t
  console.log(`orama: build ${(build / 1000).toFixed(2)} s, index ${kb(json.length)} raw, ${kb(gz(json))} gz, query ${lat((q) => oramaSearch(db, { term: q, boost: { heading: 3, code: 0.5 } }))}`)
}
if (engines.has('pagefind')) {
  const pagefind = await load('pagefind')
  const t = performance.now()
  const { index } = await pagefind.createIndex({})
  for (const p of pages) await index.addHTMLFile({ url: p.url, content: p.content })
  const { files: out } = await index.getFiles(); const build = performance.now() - t
  let total = 0, totalGz = 0; const by = {}
  for (const f of out) { total += f.content.length; const k = f.path.split('/')[0].replace(/\..*/, ''); (by[k] ??= { n: 0, size: 0 }); by[k].n++; by[k].size += f.content.length }
  console.log(`pagefind: build ${(build / 1000).toFixed(2)} s, ${out.length} files, ${kb(total)} total (files already gzipped)`)
  for (const [k, v] of Object.entries(by)) console.log(`  ${k}: ${v.n} files, ${kb(v.size)}, avg ${(v.size / v.n / 1024).toFixed(1)} KB`)
  for (const f of out) if (!f.path.includes('/')) console.log(`  ${f.path} ${kb(f.content.length)} gz≈${kb(gz(f.content))}`)
  await pagefind.close()
}
