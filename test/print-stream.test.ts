/**
 * The print page holds every note's body: it is written in pieces, each
 * chapter's body made only when the writer reaches it, so the whole page is
 * never one string in memory. Joined, the pieces are the page.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { compileSite } from '../src/build.ts'
import { resolveConfig } from '../src/config.ts'
import { joinOutput, writeAtomically } from '../src/output.ts'
import { projectRoot } from './helpers/cli.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-print-stream-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('the print page', () => {
  it('is made chapter by chapter as it is written, and written whole', async () => {
    const site = await compileSite(resolveConfig({ src: path.join(projectRoot, 'test/sites/mdbook'), out: path.join(tmp, 'out'), cache: false }))
    const chapters = site.pages.find((p) => p.kind === 'print')!
    expect(chapters.kind === 'print' && chapters.chapters.length).toBeGreaterThan(3)
    // Count the bodies read: none before the writer reaches them.
    const bodies = site.graph.bodies
    const read = bodies.print.bind(bodies)
    let made = 0
    bodies.print = (key) => (made++, read(key))
    const output = site.plan.rendered!.get('print.html')!()
    expect(typeof output).toBe('object')
    if (typeof output === 'string') return
    const pieces = output.chunks()[Symbol.iterator]()
    const head = pieces.next().value as string
    expect(head).toMatch(/^<!doctype html>/)
    expect(made).toBe(0)
    const rest = [...{ [Symbol.iterator]: () => pieces }]
    expect(made).toBe(chapters.kind === 'print' ? chapters.chapters.length : -1)
    const whole = head + rest.join('')
    expect(whole).toContain('<article class="note print-chapter"')
    expect(whole).not.toMatch(/\uE000/)

    // Written as a file, it is the same page.
    await writeAtomically(site.config.out, site.plan)
    expect(fs.readFileSync(path.join(site.config.out, 'print.html'), 'utf8')).toBe(joinOutput(site.plan.rendered!.get('print.html')!()))
    expect(fs.readFileSync(path.join(site.config.out, 'print.html'), 'utf8')).toBe(whole)
  })
})
