/**
 * The search index's parts come out the same whether they are built on one
 * thread throughout or, once the caller only waits (`wider`), on two.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileSite } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { buildSearchParts, searchDocuments, shardDocuments, type SearchPart } from '../src/search/build-index.ts'
import { projectRoot } from './helpers/cli.ts'

describe('building the parts of the search index', () => {
  it('gives the same files on one thread and on two', async () => {
    const config = resolveConfig({ src: path.join(projectRoot, 'test/sites/search'), out: path.join(projectRoot, 'test/artifacts/unused'), cache: false })
    const { graph } = await compileSite(config)
    const parts: SearchPart[] = shardDocuments(searchDocuments(graph), 2)
      .filter((d) => d.notes.length + d.pages.length > 0)
      .map((documents, i) => ({ documents, primary: i === 0 }))
    expect(parts.length).toBeGreaterThan(3)

    const one = await buildSearchParts(graph, config, parts)
    const twoFromStart = await buildSearchParts(graph, config, parts, Promise.resolve())
    const twoLater = await buildSearchParts(graph, config, parts, new Promise((resolve) => setTimeout(resolve, 300)))
    expect(one).toHaveLength(parts.length)
    expect(one.every((files) => files.size > 0)).toBe(true)
    // Only the first part carries Pagefind's runtime.
    expect(one.map((files) => files.has('pagefind.js'))).toEqual(parts.map((p) => p.primary))
    expect(twoFromStart).toEqual(one)
    expect(twoLater).toEqual(one)
  }, 60_000)
})
