/** The heaps' growth is held down while notes compile, and V8's own sizing is back once no compile runs. */
import v8 from 'node:v8'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { COMPILING, WRITING, withCompactHeaps, withHeldHeaps } from '../src/markdown/heap-growth.ts'

afterEach(() => vi.restoreAllMocks())

describe('withCompactHeaps', () => {
  it('sets the growth once for overlapping compiles and restores it after the last, even when one throws', async () => {
    const flags = vi.spyOn(v8, 'setFlagsFromString')
    let release = () => {}
    const first = withCompactHeaps(() => new Promise<void>((resolve) => (release = resolve)))
    const second = withCompactHeaps(async () => {
      throw new Error('a broken compile')
    })
    await expect(second).rejects.toThrow('a broken compile')
    expect(flags.mock.calls).toEqual([['--heap-growing-percent=25']])
    release()
    await first
    expect(flags.mock.calls).toEqual([['--heap-growing-percent=25'], ['--heap-growing-percent=0']])
    await withCompactHeaps(async () => {
      await withCompactHeaps(async () => undefined)
    })
    expect(flags.mock.calls.slice(2)).toEqual([['--heap-growing-percent=25'], ['--heap-growing-percent=0']])
  })
})

describe('withHeldHeaps', () => {
  it('holds the smallest percent of the stages running, and the next one when it ends', async () => {
    const flags = vi.spyOn(v8, 'setFlagsFromString')
    let endCompile = () => {}
    let endWrite = () => {}
    const writing = withHeldHeaps(WRITING, () => new Promise<void>((resolve) => (endWrite = resolve)))
    const compiling = withCompactHeaps(() => new Promise<void>((resolve) => (endCompile = resolve)))
    expect(flags.mock.calls).toEqual([[`--heap-growing-percent=${WRITING}`], [`--heap-growing-percent=${COMPILING}`]])
    endCompile()
    await compiling
    expect(flags.mock.calls.slice(2)).toEqual([[`--heap-growing-percent=${WRITING}`]])
    endWrite()
    await writing
    expect(flags.mock.calls.slice(3)).toEqual([['--heap-growing-percent=0']])
  })
})
