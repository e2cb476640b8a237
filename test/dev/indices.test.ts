/**
 * The dev server keeps the cross-linked indexes current: a note that starts
 * defining a symbol re-renders the notes naming it, a removed link the page
 * that listed it, and an edited topics file every page.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture

beforeAll(async () => {
  f = await startFixture('topics')
})
afterAll(async () => {
  await f?.close()
})

const page = async (rel: string) => (await f.get(rel)).text()

describe('dev server and the indexes', () => {
  it('serves the index pages', async () => {
    expect((await f.get('topics/rcu.html')).status).toBe(200)
    expect(await page('symbols/index.html')).toContain('id="symbol-publish"')
  })

  it('re-renders the notes whose inline code starts naming a symbol', async () => {
    expect(await page('kernel/rcu.html')).not.toContain('class="symbol-link"')
    const rebuilt = f.nextRebuild()
    fs.appendFileSync(path.join(f.src, 'scripts.md'), '\n```c\nvoid rcu_read_lock(void) {}\n```\n')
    const result = await rebuilt
    expect(result.parsed).toBe(1)
    expect([...result.changed].sort()).toEqual(expect.arrayContaining(['kernel/rcu.html', 'scripts.html', 'symbols/index.html']))
    expect(result.changed.has('go/server.html')).toBe(false)
    expect(await page('kernel/rcu.html')).toContain('<a href="../symbols/index.html#symbol-rcu_read_lock" class="symbol-link"><code>rcu_read_lock</code></a>')
  })

  it('re-renders the page whose backlink went away', async () => {
    const rebuilt = f.nextRebuild()
    const file = path.join(f.src, 'go/server.md')
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('[the RCU note](../kernel/rcu.md)', 'the other note'))
    const result = await rebuilt
    expect(result.changed.has('kernel/rcu.html')).toBe(true)
    expect(await page('kernel/rcu.html')).not.toContain('href="../go/server.html">Server</a>')
  })

  it('keeps a tag note\'s list of its tag\'s notes (Quartz\'s `tags/<tag>.md`) when only its prose is edited', async () => {
    let rebuilt = f.nextRebuild()
    fs.mkdirSync(path.join(f.src, 'tags'), { recursive: true })
    fs.writeFileSync(path.join(f.src, 'tags/go.md'), '# Go\n\nAbout gophers.\n')
    await rebuilt
    expect(await page('tags/go.html')).toContain('href="../go/server.html"')
    rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.src, 'tags/go.md'), '# Go\n\nGophers welcome here.\n')
    const result = await rebuilt
    expect(result.everything).toBe(false)
    const go = await page('tags/go.html')
    expect(go).toContain('Gophers welcome here.')
    expect(go).toContain('Notes tagged <span class="tag-name">go</span>')
    expect(go).toContain('href="../go/server.html"')
  })

  it('treats the topics file as configuration: every page again, with the new words', async () => {
    const rebuilt = f.nextRebuild()
    const file = path.join(f.src, 'topics.yml')
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('The Go language.', 'Go, the language.'))
    const result = await rebuilt
    expect(result.everything).toBe(true)
    expect(await page('go/server.html')).toContain('data-topic-description="Go, the language."')
  })
})
