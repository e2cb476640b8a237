/**
 * Catalogue item 1, "heading ids cannot clobber globals": ids that name
 * Object.prototype members or window/document globals get an `h-` prefix,
 * `name` attributes get GitHub's `user-content-` prefix (an anchor's `name`
 * is its id, and gets an id's), and links written
 * to the plain name follow the renamed id.
 */
import { describe, expect, it } from 'vitest'
import { render } from '../helpers/markdown.ts'

describe('element ids and names', () => {
  it('renames headings that would be __proto__, constructor, hasOwnProperty or location', async () => {
    const { html, note } = await render('# \\_\\_proto\\_\\_\n\n# constructor\n\n## hasOwnProperty\n\n## Location\n')
    expect(note.ids).toEqual(['h-__proto__', 'h-constructor', 'h-hasownproperty', 'h-location'])
    expect(note.headings.map((h) => h.id)).toEqual(['h-__proto__', 'h-constructor', 'h-hasownproperty', 'h-location'])
    expect(html).toContain('<h1 id="h-__proto__">__proto__<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#h-__proto__">#</a></h1>')
  })

  it('renames raw HTML ids too', async () => {
    const { html } = await render('<h3 id="document">d</h3>\n\n<div id="__proto__">p</div>\n\n<a id="valueOf"></a>')
    expect(html).toBe(
      '<h3 id="h-document">d<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#h-document">#</a></h3>\n<div id="h-__proto__">p</div>\n<p><a id="h-valueOf"></a></p>',
    )
  })

  it('reserves the slugwiki… names our scripts use as globals', async () => {
    const { html } = await render('<div id="slugwikiNav">x</div>\n\n# SlugWiki search')
    expect(html).toContain('<div id="h-slugwikiNav">x</div>')
    expect(html).toContain('<h1 id="h-slugwiki-search">')
  })

  it('prefixes name attributes, which clobber document properties; an anchor’s name is its id, renamed as any id', async () => {
    // `<a name>` clobbers nothing, and books link to it: it becomes the anchor's id (rehype-anchor-names.ts), `h-` when reserved.
    const { html } = await render('<a name="location">l</a> <img name="cookie" src="a.png" alt="">')
    expect(html).toBe('<p><a id="h-location">l</a> <img name="user-content-cookie" src="a.png" alt=""></p>')
  })

  it('keeps ordinary ids, and #top', async () => {
    const { html, note } = await render('# Top\n\n## Grace period\n\n<a id="frag"></a>\n\n[back](#top) [gp](#grace-period)')
    expect(note.ids).toEqual(['top', 'grace-period', 'frag'])
    expect(html).toContain('<a href="#top">back</a> <a href="#grace-period">gp</a>')
  })

  it('links to a renamed heading follow it, in the note and across notes', async () => {
    const { html, note } = await render('# constructor\n\n[here](#constructor) [there](other.md#__proto__)')
    expect(html).toContain('<a href="#h-constructor">here</a> <a href="other.html#h-__proto__">there</a>')
    expect(note.links.map((l) => [l.kind, l.fragment])).toEqual([
      ['fragment', 'h-constructor'],
      ['page', 'h-__proto__'],
    ])
  })
})
