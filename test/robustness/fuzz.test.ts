/**
 * Catalogue item 6, fuzzing: a modest number of random notes through the
 * whole pipeline on every `npm test` (a fresh seed each time, printed on
 * failure); `npm run fuzz -- --runs 100000` runs the same property for long.
 */
import fc from 'fast-check'
import type { Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeUtf8, DecodeError } from '../../src/content/read.ts'
import { findUnsafe } from '../helpers/html-safety.ts'
import { createHarness, noteProperty, parsePage, renderSite, type FuzzHarness } from './fuzz-property.ts'


const RUNS = Number(process.env.FUZZ_RUNS ?? 100)

describe('fuzzing the pipeline', () => {
  let harness: FuzzHarness
  beforeAll(async () => {
    harness = await createHarness()
  })
  afterAll(() => harness.cleanup())

  it('the checks can fail: they catch a script, a handler, a style and broken markup', () => {
    const page = '<!doctype html><html><head><title>t</title></head><body><p style="color:red" onclick="x()">a</p><script>alert(1)</script><a href=" JAVA\tSCRIPT:x">b</a></body></html>'
    expect(findUnsafe(page, { themeScripts: harness.themeScripts })).toEqual([
      '<p> event handler onClick',
      `<p> style="color:red" outside our plugins' output`,
      '<script> inline: alert(1)',
      '<a> href= JAVA\tSCRIPT:x',
    ])
    expect(parsePage('<!doctype html><html><head><title>t</title></head><body><p a=1 a=2>\u001b</p></body></html>').errors).toEqual([
      'duplicate-attribute at 1:65: Unexpected duplicate attribute',
      'control-character-in-input-stream at 1:68: Unexpected control character',
    ])
    // A tree that nests a table in a paragraph serialises to HTML a browser re-nests.
    const built: Root = { type: 'root', children: [{ type: 'doctype' }, h('html', [h('head', [h('title', 't')]), h('body', [h('p', [h('table')])])])] }
    expect(parsePage(toHtml(built), built).errors).toEqual([
      'a browser builds a different tree at offset 60: "><head><title>t</title></head><body><p><table></table></p></body></html>" becomes "><head><title>t</title></head><body><p></p><table></table><p></p></body></html>"',
    ])
  })

  it('a clean note renders every page safe and well-formed', async () => {
    const { pages, diagnostics } = await renderSite(harness, '# Title\n\nA [link](other.md#frag), `code`, $x^2$.\n\n```c\nint x;\n```\n')
    expect(diagnostics).toEqual([])
    expect(pages.map((p) => p.slug)).toEqual(['note.html', 'print.html'])
    for (const page of pages) {
      expect(parsePage(page.html, page.tree).errors).toEqual([])
      expect(findUnsafe(page.html, { themeScripts: harness.themeScripts })).toEqual([])
    }
  })

  it(`${RUNS} random and mutated notes: no exception, well-formed pages, no script from the input`, async () => {
    await fc.assert(noteProperty(harness), { numRuns: RUNS })
  }, 600_000)

  it('random bytes either decode or fail at the first bad byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 48 }), (bytes) => {
        const strict = new TextDecoder('utf-8', { fatal: true })
        try {
          const text = decodeUtf8(bytes)
          expect(text.includes('\r')).toBe(false)
        } catch (error) {
          if (!(error instanceof DecodeError)) throw error
          expect(error.offset).toBeGreaterThanOrEqual(0)
          expect(error.offset).toBeLessThanOrEqual(bytes.length)
          if (error.offset > 0) expect(() => strict.decode(bytes.slice(0, error.offset))).not.toThrow()
        }
      }),
      { numRuns: 2000 },
    )
  })
})
