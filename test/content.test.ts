/**
 * The real wiki in content/ is published with --strict: no broken links, no
 * missing files, no unknown code languages — and its code renders with the
 * languages the notes were restored with.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot, runCli, type CliRun } from './helpers/cli.ts'

let out: string
let run: CliRun
const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8')

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-content-'))
  run = runCli(['build', '--strict', '--out', path.join(out, 'site')], projectRoot)
  out = path.join(out, 'site')
})
afterAll(() => fs.rmSync(path.dirname(out), { recursive: true, force: true }))

describe('content/', () => {
  it('builds with --strict and zero warnings', () => {
    expect(run.stderr).toMatch(/0 errors, 0 warnings/)
    expect(run.status).toBe(0)
  })

  it('keeps the published mdBook URLs', () => {
    for (const page of ['index.html', 'kernel-mm/cgroup.html', 'kernel-mm/rcu.html', 'kernel-obervability/perf.html', 'c++/view.html', 'wasm/aot_jit.html', 'm3-chip-explainer/index.html']) {
      expect(fs.existsSync(path.join(out, page)), page).toBe(true)
    }
  })

  it('renders each restored code language', () => {
    expect(read('kernel-mm/cgroup.html')).toContain('data-lang="c"')
    expect(read('kernel-mm/rcu.html')).toContain('data-lang="log"')
    const k8s = read('kernel-mm/disaggregation.html')
    for (const lang of ['go', 'yaml', 'shellsession']) expect(k8s).toContain(`data-lang="${lang}"`)
    const perf = read('kernel-obervability/perf.html')
    for (const lang of ['cpp', 'shellscript']) expect(perf).toContain(`data-lang="${lang}"`)
  })

  it('emits no image that points nowhere', () => {
    for (const file of fs.readdirSync(out, { recursive: true }) as string[]) {
      if (file.endsWith('.html')) expect(read(file), file).not.toMatch(/<img /)
    }
  })
})
