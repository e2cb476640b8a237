/**
 * The dev server's question — which pages must be rendered again when notes
 * change — checked against the truth: build the fixture wiki, change it,
 * build again, and compare every output file. Every file that differs must
 * be listed, and a small edit must not list the whole site.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileSite, type SiteResult } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { affectedPages, type AffectedPages } from '../src/graph/affected.ts'
import type { SourcePath } from '../src/paths.ts'
import { planFiles } from './helpers/files.ts'

let tmp: string
let src: string
let current: SiteResult
/** The pages and other generated files of `current`, read when it was built. */
let currentFiles: Map<string, string | Uint8Array>

const build = () => compileSite(resolveConfig({ src, out: path.join(tmp, 'out') }))
const edit = (file: string, change: (text: string) => string) => fs.writeFileSync(path.join(src, file), change(fs.readFileSync(path.join(src, file), 'utf8')))

/** Apply a change, rebuild, and return what affectedPages says and which files really differ. */
async function step(change: () => void, changed: string[]): Promise<{ affected: AffectedPages; differs: string[] }> {
  change()
  const next = await build()
  const nextFiles = planFiles(next.plan)
  const affected = affectedPages(current.graph, next.graph, changed as SourcePath[])
  // Pages and the sitemap; the search index and other assets are the search stage's to rebuild.
  const files = new Set([...currentFiles.keys(), ...nextFiles.keys()].filter((f) => !f.startsWith('_slugwiki/')))
  const differs = [...files].filter((f) => currentFiles.get(f) !== nextFiles.get(f)).sort()
  current = next
  currentFiles = nextFiles
  return { affected, differs }
}

function listed(affected: AffectedPages): string[] {
  if (affected.all) throw new Error('expected a partial rebuild')
  return [...affected.pages, ...affected.removed]
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-affected-'))
  src = path.join(tmp, 'wiki')
  fs.cpSync(path.join(import.meta.dirname, 'sites/topics'), src, { recursive: true })
  current = await build()
  currentFiles = planFiles(current.plan)
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('affectedPages', () => {
  it('a sentence without topics, links or symbols re-renders the note and the print page only', async () => {
    const { affected, differs } = await step(() => edit('scripts.md', (t) => `${t}\nNothing else to say.\n`), ['scripts.md'])
    expect(listed(affected)).toEqual(['print.html', 'scripts.html'])
    expect(differs).toEqual(['print.html', 'scripts.html'])
  })

  it('a new description reaches the section index, tag pages and related lists that show it', async () => {
    const { affected, differs } = await step(() => edit('kernel/memcg.md', (t) => t.replace('The memory controller.', 'How memory is limited.')), ['kernel/memcg.md'])
    for (const file of differs) expect(listed(affected), file).toContain(file)
    expect(differs).toEqual(expect.arrayContaining(['kernel/index.html', 'tags/cgroup.html', 'tags/kernel.html', 'kernel/rcu.html', 'kernel/memcg.html']))
    expect(listed(affected)).not.toContain('go/server.html')
  })

  it('a removed link re-renders the page that listed it as a backlink, and the map', async () => {
    const { affected, differs } = await step(() => edit('go/server.md', (t) => t.replace('[the RCU note](../kernel/rcu.md)', 'the other note')), ['go/server.md'])
    for (const file of differs) expect(listed(affected), file).toContain(file)
    expect(differs).toEqual(expect.arrayContaining(['kernel/rcu.html', 'topics/index.html']))
    expect(listed(affected)).not.toContain('kernel/memcg.html')
  })

  it('a new mention re-renders the topic pages and the notes whose related lists move', async () => {
    const { affected, differs } = await step(() => edit('kernel/memcg.md', (t) => t.replace('Its limit is', 'Go code reads it; its limit is')), ['kernel/memcg.md'])
    for (const file of differs) expect(listed(affected), file).toContain(file)
    expect(differs).toEqual(expect.arrayContaining(['topics/go.html', 'topics/index.html']))
  })

  it('a new note defining a symbol links inline code in other notes, and leaves again cleanly', async () => {
    const note = '---\ntitle: Extra\n---\n# Extra\n\n```c\nvoid rcu_read_lock(void) {}\n```\n'
    const added = await step(() => fs.writeFileSync(path.join(src, 'kernel/extra.md'), note), ['kernel/extra.md'])
    for (const file of added.differs) expect(listed(added.affected), file).toContain(file)
    expect(added.differs).toEqual(expect.arrayContaining(['kernel/extra.html', 'kernel/rcu.html', 'symbols/index.html', 'kernel/index.html', 'sitemap.xml']))
    expect(currentFiles.get('kernel/rcu.html')).toContain('class="symbol-link"><code>rcu_read_lock</code>')

    const gone = await step(() => fs.rmSync(path.join(src, 'kernel/extra.md')), ['kernel/extra.md'])
    for (const file of gone.differs) expect(listed(gone.affected), file).toContain(file)
    expect(gone.affected).toMatchObject({ removed: ['kernel/extra.html'] })
    expect(currentFiles.get('kernel/rcu.html')).not.toContain('class="symbol-link"')
  })

  it('a changed topics file or outline re-renders every page', async () => {
    const topics = await step(() => edit('topics.yml', (t) => t.replace('The Go language.', 'Go, the language.')), [])
    expect(topics.affected).toEqual({ all: true })
    const outline = await step(() => edit('SUMMARY.md', (t) => t.replace('[Scripts]', '[Shell scripts]')), [])
    expect(outline.affected).toEqual({ all: true })
  })
})
