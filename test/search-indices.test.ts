/** Topic and tag pages are found by search, as notes are; the symbols page is not, notes explain symbols. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot, runCli } from './helpers/cli.ts'
import { loadSearch, type NodeSearch } from './helpers/search-node.ts'

let tmp: string
let search: NodeSearch

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-search-indices-'))
  const out = path.join(tmp, 'out')
  const run = runCli(['build', '--src', path.join(projectRoot, 'test/sites/topics'), '--out', out, '--quiet'])
  expect(run.status, run.stderr).toBe(0)
  search = await loadSearch(out)
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const urls = async (query: string) => (await search.search(query)).map((hit) => hit.url)

describe('search over the index pages', () => {
  it('finds a topic page by its description and aliases, and a tag page by its name', async () => {
    expect(await urls('memory controller')).toContain('/topics/cgroup.html')
    expect(await urls('Golang')).toContain('/topics/go.html')
    expect(await urls('sync')).toContain('/tags/sync.html')
  })

  it('leaves identifiers to the notes that define them', async () => {
    const hits = await urls('mem_cgroup_from_css')
    expect(hits[0]).toMatch(/^\/kernel\/memcg\.html/)
    expect(hits.some((url) => url.startsWith('/symbols/'))).toBe(false)
  })
})
