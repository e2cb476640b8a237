/**
 * Code blocks serialised once for the page and the print chapter: each form
 * comes out byte for byte as when its whole tree is serialised, and a `pre`
 * the print chapter rewrites (a link or an id in it) stays in the tree.
 */
import type { Root } from 'hast'
import { describe, expect, it } from 'vitest'
import { serialiseCode } from '../src/markdown/code-once.ts'
import { printChapterHtml } from '../src/markdown/print-body.ts'
import { fillSlots, toSlottedHtml, type SlottedHtml } from '../src/markdown/slotted-html.ts'
import { markWikilinks } from '../src/markdown/wikilink-slots.ts'
import { slugOf, type SourcePath } from '../src/paths.ts'
import { replaceUnprintableInTree } from '../src/unprintable.ts'
import { render } from './helpers/markdown.ts'

const NOTE = [
  '# Code twice',
  '',
  'Prose with `inline_code()` and [[other note]] and [a link](other.md#part).',
  '',
  '```c',
  'int main(void) { printf("\u001b[31mred\u001b[0m <&> [[not a link]]\\n"); }',
  '```',
  '',
  '```go',
  'func f() {}',
  '```',
  '',
  '<pre><a href="other.md#part" id="in-pre">a link in a pre</a></pre>',
  '',
  '```',
  '[    0.000000] Linux version 6.8.0 (gcc 13.2)',
  '```',
].join('\n')

/** The page form as body.ts makes it (wikilink slots, unprintable characters), filled with its slot names. */
const page = (tree: Root) =>
  toSlottedHtml<string>(tree, (mark) => {
    markWikilinks(tree, mark)
    replaceUnprintableInTree(tree)
  })
const joined = <S>(html: SlottedHtml<S>) => fillSlots(html, (slot) => `[${JSON.stringify(slot)}]`)

describe('code serialised once', () => {
  it('gives the page and the print chapter byte-identical to serialising whole trees', async () => {
    const { note } = await render(NOTE)
    const slug = slugOf('code.md' as SourcePath)
    const expectedPrint = joined(printChapterHtml(structuredClone(note.tree), slug))
    const expectedPage = joined(page(structuredClone(note.tree)))

    const tree = structuredClone(note.tree)
    const code = serialiseCode(tree)
    const print = joined(code.restore(printChapterHtml(structuredClone(tree), slug)))
    expect(joined(code.restore(page(tree)))).toBe(expectedPage)
    expect(print).toBe(expectedPrint)
    // The three fenced blocks left the tree as marks; the <pre> with a link and an id stayed, its id prefixed in print.
    expect(JSON.stringify(tree).match(/"tagName":"pre"/g)).toHaveLength(1)
    expect(print).toMatch(/<pre><a [^>]*id="[^"]+--in-pre"/)
    expect(print).toContain('\u241b[31mred')
  })

  it('leaves a tree without code as it is', async () => {
    const { note } = await render('Just prose, `code` and a [link](x.md).')
    const before = structuredClone(note.tree)
    const code = serialiseCode(note.tree)
    expect(note.tree).toEqual(before)
    const html = page(note.tree)
    expect(code.restore(html)).toBe(html)
  })

  it('fails loudly when a mark went missing', async () => {
    const { note } = await render('```c\nint x;\n```')
    const code = serialiseCode(note.tree)
    expect(() => code.restore({ parts: ['<p>no marks here</p>'], slots: [] })).toThrow(/exactly once/)
  })
})
