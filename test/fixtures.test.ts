/**
 * Markdown in → HTML out, one folder per pipeline stage:
 * `test/fixtures/<stage>/<case>/{input.md, options.json?, output.html, diagnostics.txt?}`.
 * A missing expected file is written; `UPDATE=1` rewrites them all.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../src/report.ts'
import { render } from './helpers/markdown.ts'

const root = path.join(import.meta.dirname, 'fixtures')
const update = process.env.UPDATE === '1'

function check(file: string, actual: string) {
  if (update || !fs.existsSync(file)) fs.writeFileSync(file, actual)
  expect(actual).toBe(fs.readFileSync(file, 'utf8'))
}

for (const stage of fs.readdirSync(root).sort()) {
  describe(stage, () => {
    for (const name of fs.readdirSync(path.join(root, stage)).sort()) {
      const dir = path.join(root, stage, name)
      it(name, async () => {
        const input = fs.readFileSync(path.join(dir, 'input.md'), 'utf8')
        const optionsFile = path.join(dir, 'options.json')
        const options = fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : {}
        const { note, html } = await render(input, options)
        check(path.join(dir, 'output.html'), `${html}\n`)
        const diagnostics = note.diagnostics.map(formatDiagnostic).join('\n')
        const diagnosticsFile = path.join(dir, 'diagnostics.txt')
        if (diagnostics || fs.existsSync(diagnosticsFile)) check(diagnosticsFile, diagnostics ? `${diagnostics}\n` : '')
      })
    }
  })
}
