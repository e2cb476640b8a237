/**
 * mdBook's `[build] extra-watch-dirs`: folders beside the book the dev
 * server watches too, as `mdbook serve` does, whole and at any depth.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, startFixture, type DevFixture, type Listener } from '../helpers/dev.ts'

let f: DevFixture
let go: Listener

beforeAll(async () => {
  f = await startFixture('mdbook', {}, (dir) => {
    fs.appendFileSync(path.join(dir, 'book.toml'), '\n[build]\nextra-watch-dirs = ["code", "nowhere"]\n')
    fs.mkdirSync(path.join(dir, 'code'))
    // Not watched until book.toml names it.
    fs.mkdirSync(path.join(dir, 'later'))
    // A listing in a folder that does not exist yet: nothing but the extra folder's watch can see it appear.
    fs.appendFileSync(path.join(dir, 'src/go.md'), '\n```rust\n{{#include ../code/ch01/main.rs}}\n```\n\n```rust\n{{#include ../later/ch02/lib.rs}}\n```\n')
  })
  go = await listen(f.dev, 'go.html')
  await go.next('errors')
})
afterAll(async () => {
  go?.close()
  await f?.close()
})

describe('[build] extra-watch-dirs', () => {
  it('warns, at its book.toml line, of a folder that does not exist', () => {
    expect(f.lines.some((line) => /book\.toml:\d+:\d+ {2}warning {2}`\[build\] extra-watch-dirs`: `.*nowhere` does not exist and is not watched/.test(line))).toBe(true)
  })

  it('sees a file appear in a new folder below an extra folder, and shows it in the note that includes it', async () => {
    expect(await (await f.get('go.html')).text()).not.toMatch(/fn<\/span>.*main/)
    const rebuilt = f.nextRebuild()
    fs.mkdirSync(path.join(f.dir, 'code/ch01'))
    fs.writeFileSync(path.join(f.dir, 'code/ch01/main.rs'), 'fn main() {}\n')
    await rebuilt
    await f.settle(0, { none: true })
    await go.next('reload')
    expect(await (await f.get('go.html')).text()).toMatch(/fn<\/span>.*main/)
    expect(f.lines.at(-1)).toMatch(/^rebuilt .*code\/ch01\/main\.rs → \d+ pages? in /)
  })

  it('follows a book.toml edit: a folder it adds is watched from then on, one it drops no longer', async () => {
    const toml = path.join(f.dir, 'book.toml')
    const configured = f.nextRebuild()
    fs.writeFileSync(toml, fs.readFileSync(toml, 'utf8').replace('extra-watch-dirs = ["code", "nowhere"]', 'extra-watch-dirs = ["later"]'))
    await configured
    await f.settle(0, { none: true })
    await go.next('reload')
    const rebuilt = f.nextRebuild()
    fs.mkdirSync(path.join(f.dir, 'later/ch02'))
    fs.writeFileSync(path.join(f.dir, 'later/ch02/lib.rs'), 'pub fn later() {}\n')
    await rebuilt
    await f.settle(0, { none: true })
    expect(await (await f.get('go.html')).text()).toMatch(/fn<\/span>.*later/)
    // `code` is no longer watched: a file appearing in a new folder there is no change to the book.
    const before = f.rebuilds.length
    fs.mkdirSync(path.join(f.dir, 'code/ch03'))
    fs.writeFileSync(path.join(f.dir, 'code/ch03/unused.rs'), 'fn unused() {}\n')
    expect(await f.settle(before, { none: true, quietMs: 1000 })).toBe(0)
  })
})
