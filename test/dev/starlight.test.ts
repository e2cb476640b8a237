/**
 * The dev server of an Astro Starlight site: its config is watched, at the
 * site's folder three above the docs: an edit to Starlight's title retitles
 * the site, and removed, the folder is no Starlight site any more.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture

beforeAll(async () => {
  f = await startFixture('starlight')
})
afterAll(async () => {
  await f?.close()
})

describe('a Starlight site served', () => {
  it('follows an edit to the Astro config, and reads the folder as a plain wiki once it is gone', { timeout: 30_000 }, async () => {
    expect(f.dev.config.title).toBe('Tracing')
    const file = path.join(f.dir, 'astro.config.mjs')
    let rebuilt = f.nextRebuild()
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("title: 'Tracing'", "title: 'eBPF tracing'"))
    await rebuilt
    expect(f.dev.config.title).toBe('eBPF tracing')
    expect(await (await f.get('guides/kprobes.html')).text()).toContain('<p class="markdown-alert-title custom-block-title">Where to start</p>')
    rebuilt = f.nextRebuild()
    fs.rmSync(file)
    await rebuilt
    expect(f.dev.config.starlight).toBe(false)
  })
})
