/**
 * Only what changed is written: a file whose bytes equal the previous
 * output's is hard-linked from it (same inode, same mtime), everything else is
 * written anew, and the swap stays atomic.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { MARKER, writeAtomically, type OutputPlan } from '../src/output.ts'
import { projectRoot } from './helpers/cli.ts'
import { listFiles } from './helpers/files.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-output-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const inode = (file: string) => fs.statSync(file).ino
const plan = (files: Record<string, string>, copies: Record<string, string> = {}): OutputPlan => ({
  files: new Map(Object.entries(files)),
  copies: new Map(Object.entries(copies)),
})

describe('writing only what changed', () => {
  it('keeps identical files, rewrites changed ones, and never trusts a hand-edited file', async () => {
    const out = path.join(tmp, 'unit')
    const asset = path.join(tmp, 'asset.png')
    fs.writeFileSync(asset, 'png v1')
    expect(await writeAtomically(out, plan({ 'a.html': 'A', 'b/c.html': 'C', 'd.html': 'D' }, { 'img.png': asset }))).toEqual({ written: 4, kept: 0 })
    const before = Object.fromEntries(['a.html', 'b/c.html', 'd.html', 'img.png'].map((f) => [f, inode(path.join(out, f))]))
    // Edited by hand in the published folder: same size, other bytes.
    fs.writeFileSync(path.join(out, 'd.html'), 'X')
    fs.writeFileSync(asset, 'png v2')

    const stats = await writeAtomically(out, plan({ 'a.html': 'A', 'b/c.html': 'C changed', 'd.html': 'D' }, { 'img.png': asset }))
    expect(stats).toEqual({ written: 3, kept: 1 })
    expect(inode(path.join(out, 'a.html'))).toBe(before['a.html'])
    expect(inode(path.join(out, 'b/c.html'))).not.toBe(before['b/c.html'])
    expect(fs.readFileSync(path.join(out, 'b/c.html'), 'utf8')).toBe('C changed')
    expect(fs.readFileSync(path.join(out, 'd.html'), 'utf8')).toBe('D')
    expect(fs.readFileSync(path.join(out, 'img.png'), 'utf8')).toBe('png v2')
    expect(fs.readdirSync(tmp).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([])
  })

  it('links files of its own cache: the same file is kept unread, the same bytes make them one file, others are linked anew', async () => {
    const out = path.join(tmp, 'links')
    const cache = path.join(tmp, 'links-cache')
    fs.mkdirSync(cache)
    const cached = (name: string, text: string) => {
      const file = path.join(cache, name)
      fs.writeFileSync(file, text)
      return file
    }
    const linked = (file: string): OutputPlan => ({ files: new Map(), copies: new Map(), links: new Map([['search/part.pf', file]]) })
    const target = path.join(out, 'search/part.pf')
    const v1 = cached('v1', 'index v1')
    expect(await writeAtomically(out, linked(v1))).toEqual({ written: 1, kept: 0 })
    expect(inode(target)).toBe(inode(v1))
    expect(await writeAtomically(out, linked(v1))).toEqual({ written: 0, kept: 1 })
    expect(inode(target)).toBe(inode(v1))

    // The same bytes in another file (the part indexed again): the output's file is kept, and the cache's becomes it.
    const again = cached('again', 'index v1')
    const published = inode(target)
    expect(await writeAtomically(out, linked(again))).toEqual({ written: 0, kept: 1 })
    expect(inode(target)).toBe(published)
    expect(inode(again)).toBe(published)
    expect(fs.readFileSync(again, 'utf8')).toBe('index v1')

    const v2 = cached('v2', 'index v2')
    expect(await writeAtomically(out, linked(v2))).toEqual({ written: 1, kept: 0 })
    expect(inode(target)).toBe(inode(v2))
    expect(fs.readFileSync(target, 'utf8')).toBe('index v2')
    expect(fs.readdirSync(cache).sort()).toEqual(['again', 'v1', 'v2'])
  })

  it('rewrites only the edited note page of a built wiki (and the print page, which shows every note)', async () => {
    const book = path.join(tmp, 'book')
    fs.cpSync(path.join(projectRoot, 'test/sites/mdbook'), book, { recursive: true })
    const out = path.join(tmp, 'site')
    const options = { src: book, out, quiet: true, cacheDir: path.join(tmp, 'cache') }
    const first = await build(options)
    // The marker is written on every build; every other file only when it changed.
    const inodes = () => new Map(listFiles(out).filter((f) => f !== MARKER).map((f) => [f, inode(path.join(out, f))]))
    const before = inodes()
    const again = await build(options)
    expect(again.output).toEqual({ written: 0, kept: first.output!.written })
    expect(inodes()).toEqual(before)

    fs.appendFileSync(path.join(book, 'src/go.md'), '\nOne more sentence.\n')
    await build(options)
    expect(fs.readFileSync(path.join(out, 'go.html'), 'utf8')).toContain('One more sentence.')
    const rewritten = [...inodes()].filter(([f, ino]) => before.get(f) !== ino).map(([f]) => f)
    expect(rewritten.filter((f) => f.endsWith('.html'))).toEqual(['go.html', 'print.html'])
  })
})

describe('a page written in pieces', () => {
  it('writes every piece, in order, across several batched writes', async () => {
    const out = path.join(tmp, 'pieces')
    // 3,000 pieces of 1 KB to 2 KB (with multi-byte characters): over 4 MB, several batches.
    const pieces = Array.from({ length: 3000 }, (_, i) => `<p id="p${i}">${'µ'.repeat(500 + (i % 500))}</p>\n`)
    let made = 0
    const page = {
      *chunks() {
        for (const piece of pieces) {
          made++
          yield piece
        }
      },
    }
    const rendered = new Map([['print.html', () => page]])
    expect(made).toBe(0)
    expect(await writeAtomically(out, { ...plan({}), rendered })).toEqual({ written: 1, kept: 0 })
    expect(made).toBe(pieces.length)
    expect(fs.readFileSync(path.join(out, 'print.html'), 'utf8')).toBe(pieces.join(''))
  })
})
