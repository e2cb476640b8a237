/** The indexes on the real wiki in content/: its topics file, topic pages and symbols. */
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileSite, type SiteResult } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { planContent } from '../src/output.ts'

const src = path.join(import.meta.dirname, '../content')
let site: SiteResult
const html = (slug: string) => {
  const file = planContent(site.plan, slug)
  expect(file, slug).toBeTypeOf('string')
  return file as string
}

beforeAll(async () => {
  site = await compileSite(resolveConfig({ src, out: path.join(import.meta.dirname, 'artifacts/content-out') }))
})

describe('indexes of content/', () => {
  it('build without a warning', () => {
    expect(site.diagnostics).toEqual([])
  })

  it('have a page for each subject, linking back into the notes that discuss it', () => {
    const backInto: Record<string, string> = {
      'topics/rcu.html': '../kernel-mm/rcu.html',
      'topics/cgroup.html': '../kernel-mm/cgroup.html',
      'topics/cxl.html': '../pcie-cxl/noc.html',
      'topics/ebpf.html': '../kernel-obervability/ebpf.html',
      'topics/wamr.html': '../wasm/memory.html',
    }
    for (const [page, note] of Object.entries(backInto)) expect(html(page), page).toContain(`href="${note}`)
    for (const id of ['pcie', 'kprobe', 'perf', 'k8s', 'numa', 'webassembly', 'llvm', 'mlir', 'jit', 'io_uring', 'rob', 'risc-v', 'llm', 'z3', 'fuzzing']) {
      expect(planContent(site.plan, `topics/${id}.html`), id).toBeDefined()
    }
    expect(html('kernel-mm/rcu.html')).toContain('<a class="topic-link" href="../topics/rcu.html"')
  })

  it('index kernel symbols with links to the blocks that define or call them', () => {
    const symbols = html('symbols/index.html')
    const entry = (name: string) => symbols.match(new RegExp(`<section class="symbol" id="symbol-${name}">[\\s\\S]*?</section>`))?.[0] ?? ''
    expect(entry('mem_cgroup_swappiness_write')).toContain('<dt>Defined in</dt>')
    expect(entry('mem_cgroup_swappiness_write')).toContain('href="../kernel-mm/cgroup.html#code-1"')
    expect(entry('rcu_read_lock')).toContain('<dt>Used in</dt>')
    expect(entry('rcu_read_lock')).toContain('href="../kernel-mm/rcu.html#code-1"')
    expect(entry('synchronize_rcu')).toContain('href="../kernel-mm/rcu.html#code-1"')
  })
})
