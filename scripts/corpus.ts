/**
 * `npm run corpus -- --notes N --out DIR [--seed S]`: write the benchmark's
 * deterministic wiki (an mdBook: book.toml, src/SUMMARY.md, N notes) to DIR,
 * for profiling or for other tests to build.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { generateCorpus } from './corpus/generate.ts'

const { values } = parseArgs({
  options: { notes: { type: 'string', default: '2000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
})
if (!values.out) {
  process.stderr.write('Usage: npm run corpus -- --notes N --out DIR [--seed S]\n')
  process.exit(1)
}
const dir = path.resolve(values.out)
if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
  process.stderr.write(`${dir} is not empty; choose a new folder\n`)
  process.exit(1)
}
const corpus = generateCorpus({ notes: Number(values.notes), seed: Number(values.seed), dir })
process.stderr.write(`wrote ${corpus.notes.length} notes (${(corpus.bytes / 1e6).toFixed(1)} MB) to ${dir}; build it with npm run build -- --src ${dir}\n`)
