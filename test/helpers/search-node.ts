/**
 * Run a built site's own Pagefind bundle in Node, reading its files from
 * disk, so ranking can be tested without a browser.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { searchSections, type PagefindApi, type SectionHit } from '../../src/search/client/core.js'

export interface NodeSearch {
  search(query: string, options?: { limit?: number; filters?: object }): Promise<SectionHit[]>
  /** Pagefind's raw API, e.g. for filters(). */
  pagefind: PagefindApi & { filters(): Promise<Record<string, Record<string, number>>> }
}

/** Load the Pagefind bundle of the site built in `out`. */
export async function loadSearch(out: string): Promise<NodeSearch> {
  const bundle = path.join(out, '_slugwiki/search')
  // pagefind.js is an ES module; a private copy beside a module package.json lets Node import it afresh.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-pagefind-'))
  fs.writeFileSync(path.join(copy, 'package.json'), '{"type":"module"}')
  fs.copyFileSync(path.join(bundle, 'pagefind.js'), path.join(copy, 'pagefind.js'))
  const fetchFile = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (url.protocol !== 'file:') throw new Error(`unexpected fetch of ${url.href}`)
    return new Response(fs.readFileSync(fileURLToPath(url)))
  }
  const pagefind = (await import(pathToFileURL(path.join(copy, 'pagefind.js')).href)) as NodeSearch['pagefind'] & {
    options(o: object): Promise<void>
    init(): Promise<void>
    mergeIndex(path: string, o: object): Promise<void>
  }
  fs.rmSync(copy, { recursive: true, force: true })
  const realFetch = globalThis.fetch
  globalThis.fetch = fetchFile as typeof fetch
  try {
    await pagefind.options({ basePath: pathToFileURL(bundle).href + '/', baseUrl: '/' })
    await pagefind.init()
    // As the theme's search box does: the parts shards.json lists are merged into the first.
    const { merge } = JSON.parse(fs.readFileSync(path.join(bundle, 'shards.json'), 'utf8')) as { merge: string[] }
    for (const part of merge) await pagefind.mergeIndex(new URL(part, pathToFileURL(bundle).href + '/').href, { baseUrl: '/' })
  } catch (error) {
    globalThis.fetch = realFetch
    throw error
  }
  return {
    pagefind,
    search: (query, options) => searchSections(pagefind, query, options),
  }
}
