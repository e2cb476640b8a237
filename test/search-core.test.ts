/**
 * The search rules shared by the build and the browser: CJK word splitting,
 * query preparation for identifiers, and snippets.
 */
import { describe, expect, it } from 'vitest'
import { prepareQuery, snippet, spaceWords, unspaceWords } from '../src/search/client/core.js'

describe('spaceWords', () => {
  it('splits Chinese runs into words with ICU, leaving other text alone', () => {
    const words = spaceWords('内存管理是内核的核心').trim().split(/\s+/)
    expect(words.slice(0, 3)).toEqual(['内存', '管理', '是'])
    expect(words.join('')).toBe('内存管理是内核的核心')
    expect(spaceWords('mem_cgroup_from_css(css)')).toBe('mem_cgroup_from_css(css)')
    expect(spaceWords('由 kswapd 负责').split(/\s+/).filter(Boolean)).toEqual(['由', 'kswapd', '负责'])
  })

  it('splits Japanese too', () => {
    const words = spaceWords('メモリ管理').trim().split(/\s+/)
    expect(words.length).toBeGreaterThan(1)
    expect(words.join('')).toBe('メモリ管理')
  })

  it('is undone for display, CJK punctuation kept tight', () => {
    expect(unspaceWords(spaceWords('内存管理是内核的核心。页面回收由 kswapd 负责。'))).toBe('内存管理是内核的核心。页面回收由 kswapd 负责。')
    expect(unspaceWords('Memory cgroup')).toBe('Memory cgroup')
  })
})

describe('prepareQuery', () => {
  it('keeps identifiers whole, lower-cased, as Pagefind indexes them', () => {
    expect(prepareQuery('mem_cgroup_from_css')).toEqual({ primary: 'mem_cgroup_from_css', fallback: 'mem cgroup from css' })
    expect(prepareQuery('CFTYPE_NOT_ON_ROOT').primary).toBe('cftype_not_on_root')
  })

  it('drops the punctuation Pagefind drops inside dotted, :: and -> names', () => {
    expect(prepareQuery('std::vector').primary).toBe('stdvector')
    expect(prepareQuery('task->mm').primary).toBe('taskmm')
    expect(prepareQuery('memory.swappiness').primary).toBe('memoryswappiness')
    expect(prepareQuery('container_of()').primary).toBe('container_of')
  })

  it('falls back to the parts of an identifier, leading underscores gone', () => {
    expect(prepareQuery('kretprobe_trampoline_handler').fallback).toBe('kretprobe trampoline handler')
    expect(prepareQuery('__kretprobe_trampoline_handler').fallback).toBe('kretprobe trampoline handler')
    expect(prepareQuery('grace period')).toEqual({ primary: 'grace period', fallback: undefined })
  })

  it('segments a CJK query into words', () => {
    expect(prepareQuery('内存管理').primary).toBe('内存 管理')
  })

  it('gives nothing to search for punctuation alone', () => {
    expect(prepareQuery('  ::  ').primary).toBe('')
  })
})

describe('snippet', () => {
  const words = 'one two three four five six seven eight nine ten'.split(' ')

  it('marks matched words and merges the rest into plain segments', () => {
    expect(snippet(words, 0, 4, new Set([1]))).toEqual([
      { text: 'one ', mark: false },
      { text: 'two', mark: true },
      { text: ' three four', mark: false },
    ])
  })

  it('stays inside its section and shows where it was cut', () => {
    const many = Array.from({ length: 100 }, (_, i) => `w${i}`)
    const parts = snippet(many, 10, 90, new Set([5, 60]))
    const text = parts.map((p) => p.text).join('')
    expect(text.startsWith('… ')).toBe(true)
    expect(text.endsWith(' …')).toBe(true)
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['w60'])
    expect(text).not.toContain('w5 ')
  })

  it('keeps markup in a note as text: segments are strings, never parsed', () => {
    const hostile = ['<img', 'src=x', 'onerror=alert(1)>', 'xsspayload']
    const parts = snippet(hostile, 0, 4, new Set([3]))
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> xsspayload')
  })
})
