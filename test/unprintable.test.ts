/** Unprintable characters in a page's tree: shown as control pictures, everything else left as it is. */
import fs from 'node:fs'
import path from 'node:path'
import type { Root } from 'hast'
import { h } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { replaceUnprintableInTree } from '../src/unprintable.ts'
import { tempSite } from './helpers/site.ts'

describe('replaceUnprintableInTree', () => {
  it('replaces controls in text, comments, string attributes and class lists, and CR line breaks', () => {
    const tree: Root = {
      type: 'root',
      children: [
        h('p', { title: 'bell\u0007', className: ['ok', 'esc\u001b'] }, ['\u001b[31mred\u001b[0m']),
        { type: 'comment', value: 'a\r\nb\u007f' },
      ],
    }
    replaceUnprintableInTree(tree)
    expect(tree).toEqual({
      type: 'root',
      children: [h('p', { title: 'bell\u2407', className: ['ok', 'esc\u241b'] }, ['\u241b[31mred\u241b[0m']), { type: 'comment', value: 'a\nb\u2421' }],
    })
  })

  it('leaves clean values untouched, the very same objects', () => {
    const p = h('span', { className: ['line', 'highlighted'], dataLang: 'c' }, ['int x;'])
    const classes = p.properties.className
    const tree: Root = { type: 'root', children: [p] }
    replaceUnprintableInTree(tree)
    expect(p.properties.className).toBe(classes)
    expect(p.properties).toEqual({ className: ['line', 'highlighted'], dataLang: 'c' })
    expect(p.children).toEqual([{ type: 'text', value: 'int x;' }])
  })
})

describe('a whole build', () => {
  it('writes no control character in any page, from text, an href as written or a wikilink', async () => {
    const site = tempSite({
      'a.md': '# A \u0001\n\n<a href="&#x6A;avasc\u0001alert(1)">x</a> and [b](b\u0002) and [[B\u0003|shown \u0004]].\n',
      'b.md': '# B\n',
    })
    try {
      const result = await build({ src: site.src, out: site.out, quiet: true, cache: false })
      expect(result.written).toBe(true)
      const pages = ['a.html', 'print.html'].map((p) => fs.readFileSync(path.join(site.out, p), 'utf8'))
      for (const page of pages) expect(page).not.toMatch(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/)
      expect(pages[0]).toContain('href="javasc\u2401alert(1)"')
    } finally {
      site.cleanup()
    }
  })
})
