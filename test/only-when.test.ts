import type { Root } from 'hast'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified, type Processor } from 'unified'
import { describe, expect, it } from 'vitest'
import { onlyWhen } from '../src/markdown/only-when.ts'

/** A plugin that counts the notes its transformer saw and marks each `<p>`, with `this` and options passed through. */
function counting(seen: string[]) {
  return function plugin(this: Processor, options: { mark: string }) {
    const processor = this
    return (tree: Root) => {
      seen.push(processor === undefined ? 'no this' : options.mark)
      for (const node of tree.children) if (node.type === 'element' && node.tagName === 'p') node.properties.dataMark = options.mark
    }
  }
}

const run = (plugin: ReturnType<typeof onlyWhen>, text: string) =>
  String(unified().use(remarkParse).use(remarkRehype).use(plugin).use(rehypeStringify).processSync(text))

describe('onlyWhen', () => {
  it('runs the transformer on a note whose text holds the marker, with its options and processor', () => {
    const seen: string[] = []
    expect(run(onlyWhen('[!', counting(seen), { mark: 'm' }), '[!NOTE] text')).toBe('<p data-mark="m">[!NOTE] text</p>')
    expect(seen).toEqual(['m'])
  })

  it('skips it, leaving the tree as it was, on a note without the marker', () => {
    const seen: string[] = []
    expect(run(onlyWhen('[!', counting(seen), { mark: 'm' }), 'NOTE text')).toBe('<p>NOTE text</p>')
    expect(seen).toEqual([])
  })

  it('refuses a transformer that answers through a callback, which the gate would cut short', () => {
    const callback = () => (_tree: Root, _file: unknown, next: () => void) => next()
    expect(() => run(onlyWhen('x', callback as never), 'x')).toThrow(/takes a callback/)
  })
})
