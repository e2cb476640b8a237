/**
 * `npm run corpus -- --notes N --out DIR [--seed S]`: write the benchmark's
 * deterministic wiki (an mdBook: book.toml, src/SUMMARY.md, N notes) to DIR,
 * for profiling or for other tests to build.
 */
import fs from 'node:fs'
import path from 'node:path'
import { generateCorpus } from './corpus/generate.ts'
import { scriptArgs } from './script-args.ts'

const USAGE = 'Usage: npm run corpus -- --notes N --out DIR [--seed S]'
const values = scriptArgs({ notes: { type: 'string', default: '2000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } }, USAGE)
if (!values.out || !/^[1-9]\d*$/.test(values.notes) || !/^\d+$/.test(values.seed)) {
  process.stderr.write(`${values.out ? '--notes must be a positive whole number and --seed a whole number\n' : ''}${USAGE}\n`)
  process.exit(1)
}
const dir = path.resolve(values.out)
if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
  process.stderr.write(`${dir} is not empty; choose a new folder\n`)
  process.exit(1)
}
const corpus = generateCorpus({ notes: Number(values.notes), seed: Number(values.seed), dir })
process.stderr.write(`wrote ${corpus.notes.length} notes (${(corpus.bytes / 1e6).toFixed(1)} MB) to ${dir}; build it with npm run build -- --src ${dir}\n`)
