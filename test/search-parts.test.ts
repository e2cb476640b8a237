/**
 * The search index's parts come out the same whether they are built on one
 * thread throughout or, once the caller only waits (`wider`), on two; a part
 * that fails on the second thread fails the whole, after the first is done.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileSite } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { buildSearchParts, searchDocuments, shardDocuments, type SearchPart } from '../src/search/build-index.ts'
import { projectRoot } from './helpers/cli.ts'

const site = async () => {
  const config = resolveConfig({ src: path.join(projectRoot, 'test/sites/search'), out: path.join(projectRoot, 'test/artifacts/unused'), cache: false })
  const { graph } = await compileSite(config)
  const parts: SearchPart[] = shardDocuments(searchDocuments(graph), 2)
    .filter((d) => d.notes.length + d.pages.length > 0)
    .map((documents, i) => ({ documents, primary: i === 0 }))
  return { config, graph, parts }
}

describe('building the parts of the search index', () => {
  it('gives the same files on one thread and on two', async () => {
    const { config, graph, parts } = await site()
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

  it('fails as a whole when a part fails on the second thread, once the first is done', async () => {
    const { config, graph, parts } = await site()
    // The second part's documents cannot be made: its first note's sections fail to read.
    const broken = parts[1]!.documents.notes[0]!.key
    const bodies = new Proxy(graph.bodies, {
      get: (target, name) =>
        name === 'sections'
          ? (key: string) => {
              if (key === broken) throw new Error('sections unreadable')
              return target.sections(key)
            }
          : Reflect.get(target, name, target),
    })
    await expect(buildSearchParts({ ...graph, bodies }, config, parts, Promise.resolve())).rejects.toThrow('sections unreadable')
  }, 60_000)
})
