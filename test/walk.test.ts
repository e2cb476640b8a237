/** The hast walk the body stages use instead of unist-util-visit: the same nodes, in the same order. */
import type { Root, RootContent } from 'hast'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { walk } from '../src/markdown/walk.ts'

const tree = (): Root => ({
  type: 'root',
  children: [
    h('p', ['a ', h('code', 'b'), ' ', h('a', { href: '#x' }, [h('em', 'c')])]),
    { type: 'comment', value: 'd' },
    h('figure', { id: 'code-1' }, [h('pre', [h('code', [h('span', 'int'), ' x;'])])]),
  ],
})

describe('walk', () => {
  it('enters every node below the root, parents first, as unist-util-visit does', () => {
    const seen: RootContent[] = []
    const expected: unknown[] = []
    const t = tree()
    walk(t, (node) => void seen.push(node))
    visit(t, (node) => void (node !== t && expected.push(node)))
    expect(seen).toEqual(expected)
    expect(seen).toHaveLength(15)
  })

  it('passes each node its parent, and leaves the children of a node it returned false for', () => {
    const names: string[] = []
    walk(tree(), (node, parent) => {
      names.push(node.type === 'element' ? `${node.tagName}<${parent.type === 'root' ? 'root' : parent.tagName}` : node.type)
      return !(node.type === 'element' && node.tagName === 'figure')
    })
    expect(names).toEqual(['p<root', 'text', 'code<p', 'text', 'text', 'a<p', 'em<a', 'text', 'comment', 'figure<root'])
  })
})
