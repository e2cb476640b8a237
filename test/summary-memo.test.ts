/**
 * The parsed SUMMARY.md kept in the cache folder: a warm build uses it while
 * the text and the notes are unchanged, with the same outline and the same
 * warnings as a parse, and parses again after any change.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { build, type BuildResult } from '../src/build.ts'
import { fileSummaryMemo } from '../src/content/summary-memo.ts'
import { parseSummary } from '../src/content/summary.ts'
import type { SourcePath } from '../src/paths.ts'
import { projectRoot } from './helpers/cli.ts'

// Counts the parses: a warm build must not parse SUMMARY.md again.
const parses = vi.hoisted(() => ({ count: 0 }))
vi.mock('../src/content/summary.ts', async (original) => {
  const actual = await original<typeof import('../src/content/summary.ts')>()
  return { ...actual, parseSummary: (...args: Parameters<typeof actual.parseSummary>) => (parses.count++, actual.parseSummary(...args)) }
})

let tmp: string
let book: string
const summary = () => path.join(book, 'src/SUMMARY.md')
const memoFile = () => fs.readdirSync(path.join(tmp, 'cache'), { recursive: true }).map(String).find((f) => f.endsWith('summary.json'))

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-summary-memo-'))
  book = path.join(tmp, 'book')
  fs.cpSync(path.join(projectRoot, 'test/sites/mdbook'), book, { recursive: true })
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const run = (): Promise<BuildResult> => build({ src: book, out: path.join(tmp, 'out'), cacheDir: path.join(tmp, 'cache'), quiet: true })
const outline = (result: BuildResult) => JSON.stringify(result.graph.outline)
const summaryWarnings = (result: BuildResult) => result.diagnostics.filter((d) => d.file.endsWith('SUMMARY.md'))

describe('the SUMMARY.md memo', () => {
  it('survives JSON as the very parse it stands for', () => {
    const parsed = parseSummary(fs.readFileSync(summary(), 'utf8'), { file: 'SUMMARY.md', exists: (s: SourcePath) => s !== 'kernel/missing.md' })
    expect(parsed.diagnostics.length).toBeGreaterThan(0)
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed)
  })

  it('gives a warm build the same outline and warnings, from the memo', async () => {
    parses.count = 0
    const first = await run()
    expect(memoFile()).toBeDefined()
    expect(parses.count).toBe(1)
    const second = await run()
    expect(parses.count).toBe(1)
    expect(outline(second)).toBe(outline(first))
    expect(summaryWarnings(second)).toEqual(summaryWarnings(first))
    expect(summaryWarnings(second).length).toBeGreaterThan(0)
  })

  it('is parsed again after an edit to SUMMARY.md', async () => {
    const file = path.join(tmp, 'cache', memoFile()!)
    const record = JSON.parse(fs.readFileSync(file, 'utf8')) as { key: string; result: { items: Array<{ title?: string }> } }
    const memo = fileSummaryMemo(file)
    expect(memo.get(record.key)).toEqual(record.result)
    expect(memo.get('another key')).toBeUndefined()
    fs.writeFileSync(summary(), fs.readFileSync(summary(), 'utf8').replace('[Go notes](go.md)', '[Go, renamed](go.md)'))
    parses.count = 0
    const edited = await run()
    expect(parses.count).toBe(1)
    expect(outline(edited)).toContain('Go, renamed')
    expect(fs.readFileSync(path.join(tmp, 'out/go.html'), 'utf8')).toContain('Go, renamed')
  })

  it('is a miss, never an error, when damaged', async () => {
    const file = path.join(tmp, 'cache', memoFile()!)
    fs.writeFileSync(file, '{"key": "half a rec')
    parses.count = 0
    const result = await run()
    expect(parses.count).toBe(1)
    expect(result.written).toBe(true)
    expect(outline(result)).toContain('Go, renamed')
  })
})
