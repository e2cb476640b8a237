/**
 * The link check, on a whole wiki: links without an extension are tried as
 * notes, folders and files, and only one that is none of them is reported.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileSite } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'

let tmp: string
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-links-'))
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('links without an extension', () => {
  it('are found as a note, a folder’s index or a file; the rest are reported', async () => {
    const src = path.join(tmp, 'wiki')
    fs.mkdirSync(path.join(src, 'sub'), { recursive: true })
    fs.writeFileSync(path.join(src, 'README.md'), '# Home\n\n[other](other) [folder](sub) [license](LICENSE) [notice](NOTICE)\n')
    fs.writeFileSync(path.join(src, 'other.md'), '# Other\n')
    fs.writeFileSync(path.join(src, 'sub/README.md'), '# Sub\n')
    fs.writeFileSync(path.join(src, 'LICENSE'), 'MIT\n')
    const site = await compileSite(resolveConfig({ src, out: path.join(tmp, 'out'), cache: false }))
    const links = site.diagnostics.filter((d) => d.rule.startsWith('missing')).map((d) => `${d.line}:${d.column} ${d.message}`)
    expect(links).toEqual(['3:49 Link to missing note `NOTICE`'])
  })
})
