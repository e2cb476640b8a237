/** Unprintable characters in a page's tree: shown as control pictures, everything else left as it is. */
import type { Root } from 'hast'
import { h } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { replaceUnprintableInTree } from '../src/unprintable.ts'

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
