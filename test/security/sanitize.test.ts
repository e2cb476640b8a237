/**
 * Catalogue item 1, "safe HTML by default": each hostile construct in a note,
 * and exactly what is left of it in the page body.
 */
import type { Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/report.ts'
import { render } from '../helpers/markdown.ts'

/** A hostile note, what is left of it, and the warning naming what its raw HTML lost. */
type Case = [name: string, markdown: string, html: string, warning?: string]

/** The one warning of a note whose raw HTML lost `what` to sanitising, first at `place`. */
function removed(place: string, what: string): string {
  return `note.md:${place}  warning  Raw HTML removed by sanitising: ${what}; set trusted = true in [slugwiki] to publish it as written  sanitize`
}

/** The one warning of a note whose markdown links or images lost `what` to sanitising, first at `place`. */
function linkRemoved(place: string, what: string): string {
  return `note.md:${place}  warning  Link URL removed by sanitising: ${what}; set trusted = true in [slugwiki] to publish it as written  sanitize`
}

/** The note's body, after checking its diagnostics are exactly `warnings`. */
async function body(markdown: string, warnings: string[] = []): Promise<string> {
  const { html, note } = await render(markdown)
  expect(note.diagnostics.map(formatDiagnostic)).toEqual(warnings)
  return html
}

describe('dangerous URLs lose the URL, keep the text', () => {
  const cases: Case[] = [
    ['javascript: link', '[a](javascript:alert(1))', '<p><a>a</a></p>', linkRemoved('1:1', 'javascript: URL (line 1)')],
    ['mixed-case scheme', '[a](JaVaScRiPt:alert(1))', '<p><a>a</a></p>', linkRemoved('1:1', 'javascript: URL (line 1)')],
    ['vbscript: link', '[a](vbscript:msgbox(1))', '<p><a>a</a></p>', linkRemoved('1:1', 'vbscript: URL (line 1)')],
    ['data:text/html link', '[a](data:text/html;base64,PHNjcmlwdD4=)', '<p><a>a</a></p>', linkRemoved('1:1', 'data: URL (line 1)')],
    ['upper-case DATA:', '[a](DATA:text/html,x)', '<p><a>a</a></p>', linkRemoved('1:1', 'data: URL (line 1)')],
    ['javascript: image', '![i](javascript:alert(1))', '<p><img alt="i"></p>', linkRemoved('1:1', 'javascript: URL (line 1)')],
    ['data:text/html image', '![i](data:text/html,%3Cscript%3E)', '<p><img alt="i"></p>', linkRemoved('1:1', 'data: URL (line 1)')],
    ['decimal entity', '[a](&#106;avascript:alert(1))', '<p><a>a</a></p>', linkRemoved('1:1', 'javascript: URL (line 1)')],
    ['hex entity', '[a](&#x6A;avascript:alert(1))', '<p><a>a</a></p>', linkRemoved('1:1', 'javascript: URL (line 1)')],
    ['entity-encoded tab inside the scheme', '[a](java&#x09;script:alert(1))', '<p><a>a</a></p>', linkRemoved('1:1', 'URL (line 1)')],
    ['entity-encoded colon', '[a](javascript&#58;alert(1))', '<p><a>a</a></p>', linkRemoved('1:1', 'javascript: URL (line 1)')],
    ['entity-encoded leading space', '[a](&#x20;javascript:alert(1))', '<p><a>a</a></p>', linkRemoved('1:1', 'URL (line 1)')],
    ['reference definition', '[a][x]\n\n[x]: javascript:alert(1)', '<p><a>a</a></p>', linkRemoved('1:1', 'javascript: URL (line 1)')],
    ['image reference definition (title kept)', '![i][y]\n\n[y]: vbscript:x "t"', '<p><img alt="i" title="t"></p>', linkRemoved('1:1', 'vbscript: URL (line 1)')],
    ['angle-bracket reference destination', '[a][z]\n\n[z]: <data:text/html,hi>', '<p><a>a</a></p>', linkRemoved('1:1', 'data: URL (line 1)')],
    ['autolink', '<javascript:alert(1)>', '<p><a>javascript:alert(1)</a></p>', linkRemoved('1:1', 'javascript: URL (line 1)')],
    ['autolink, mixed case', '<VBScript:msgbox(1)>', '<p><a>VBScript:msgbox(1)</a></p>', linkRemoved('1:1', 'vbscript: URL (line 1)')],
    ['data: autolink', '<data:text/html,hi>', '<p><a>data:text/html,hi</a></p>', linkRemoved('1:1', 'data: URL (line 1)')],
    ['raw <a href>', '<a href="javascript:alert(1)">x</a>', '<p><a>x</a></p>', removed('1:1', 'javascript: URL (line 1)')],
    ['raw <a href> with entity', '<a href="&#x6A;avascript:alert(1)">x</a>', '<p><a>x</a></p>', removed('1:1', 'javascript: URL (line 1)')],
    ['raw <a href> with leading spaces', '<a href="  javascript:alert(1)">x</a>', '<p><a>x</a></p>', removed('1:1', 'javascript: URL (line 1)')],
    ['raw <a href> with a newline in the scheme', '<a href="jav&#x0A;ascript:alert(1)">x</a>', '<p><a>x</a></p>', removed('1:1', 'href attribute (line 1)')],
    ['raw <a href> data:', '<a href="data:text/html,&lt;script&gt;">x</a>', '<p><a>x</a></p>', removed('1:1', 'data: URL (line 1)')],
    ['raw <img src>', '<img src="javascript:alert(1)" alt="a">', '<img alt="a">', removed('1:1', 'javascript: URL (line 1)')],
    ['blockquote cite', '<blockquote cite="javascript:alert(1)">q</blockquote>', '<blockquote>q</blockquote>', removed('1:1', 'javascript: URL (line 1)')],
    ['SVG xlink:href (svg removed)', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', '<p><a>x</a></p>', removed('1:1', '<svg> (line 1, text kept), <text> (line 1, text kept), xlink:href attribute (line 1)')],
    ['MathML href (math removed)', '<math><mi href="javascript:alert(1)">x</mi></math>', '<p>x</p>', removed('1:1', '<math> (line 1, text kept), <mi> (line 1, text kept)')],
    // Found by the long fuzz run: GitHub's schema allows `action` anywhere without checking its scheme.
    ['action on an image', '<img src="x.png" action="javascript:alert(1)">', '<img src="x.png">', removed('1:1', 'javascript: URL (line 1)')],
    ['form action and formaction (form removed)', '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">b</button></form>', 'b', removed('1:1', '<form> (line 1, text kept), <button> (line 1, text kept)')],
  ]
  it.each(cases)('%s', async (_name, markdown, html, warning) => {
    expect(await body(markdown, warning === undefined ? [] : [warning])).toBe(html)
  })

  it('keeps safe URLs: https, mailto, relative notes (rewritten), fragments, images', async () => {
    expect(await body('[ok](https://example.com) [mail](mailto:a@example.com) [rel](other.md) [frag](#top) ![img](pic.png)')).toBe(
      '<p><a href="https://example.com">ok</a> <a href="mailto:a@example.com">mail</a> <a href="other.html">rel</a> <a href="#top">frag</a> <img src="pic.png" alt="img"></p>',
    )
  })

  it('keeps links that hand off to another program: Zotero, Obsidian, phones, SSH, FTP, magnets, calendars', async () => {
    const links = ['zotero://select/items/1_ABCD', 'obsidian://open?vault=notes&file=rcu', 'tel:+15551234', 'ssh://build.example', 'ftp://ftp.kernel.org/pub', 'magnet:?xt=urn:btih:abc', 'webcal://example.com/cal.ics']
    const html = await body(links.map((url, i) => `[${i}](${url})`).join(' '))
    for (const url of links) expect(html).toContain(`href="${url.replaceAll('&', '&#x26;')}"`)
  })

  it('keeps a pasted picture (a data: image), in markdown and in raw HTML', async () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
    const svg = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E'
    expect(await body(`![dot](${png})\n\n<img src="${svg}" alt="s">`)).toBe(`<p><img src="${png}" alt="dot"></p>\n<img src="${svg}" alt="s">`)
  })

  it('a data: URL is only ever a picture: not a link, an HTML "image", a player or a media source', async () => {
    const markdown = 'Text [page](data:image/png;base64,AAAA) and ![x](data:text/html,hi)\n\n<video src="data:video/mp4;base64,AAAA" controls></video> <img src="data:image/png-but-not;base64,AA">'
    expect(await body(markdown, [
      removed('3:1', 'data: URLs ×2 (first line 3)'),
      linkRemoved('1:6', 'data: URLs ×2 (first line 1)'),
    ])).toBe('<p>Text <a>page</a> and <img alt="x"></p>\n<p><video controls></video> <img></p>')
  })
})

describe('scripts, frames, styles and event handlers are removed', () => {
  const cases: Case[] = [
    ['<script> with its content', '<script>alert(1)</script>', '', removed('1:1', '<script> (line 1)')],
    ['inline <script> in a paragraph', 'Hello <script>alert(1)</script> world', '<p>Hello  world</p>', removed('1:7', '<script> (line 1)')],
    ['<iframe> with its fallback', '<iframe src="https://evil.example">fallback</iframe>', '', removed('1:1', '<iframe> (line 1)')],
    ['<style> with its CSS', '<style>body{display:none}</style>', '', removed('1:1', '<style> (line 1)')],
    ['<object> and <embed>', '<object data="x.swf">fb</object><embed src="x.swf">', '<p></p>', removed('1:1', '<object> (line 1), <embed> (line 1)')],
    ['onerror on an image', '<img src="x.png" onerror="alert(1)">', '<img src="x.png">', removed('1:1', 'onerror attribute (line 1)')],
    // Classes are kept (mdBook books style notes with them); a class runs nothing.
    ['onclick and style on a paragraph (id and class kept)', '<p onclick="alert(1)" style="color:red" class="x" id="ok">t</p>', '<p class="x" id="ok">t</p>', removed('1:1', 'onclick attribute (line 1), style attribute (line 1)')],
    ['style on a span (allowed only for our plugins)', '<span style="position:fixed;inset:0">x</span> <span class="katex" style="color:red">y</span>', '<p><span>x</span> <span class="katex">y</span></p>', removed('1:1', 'style attributes ×2 (first line 1)')],
    ['onmouseover on a div', '<div onmouseover="alert(1)">x</div>', '<div>x</div>', removed('1:1', 'onmouseover attribute (line 1)')],
    ['<svg onload>', '<svg onload="alert(1)"><circle r="1"/></svg>', '<p></p>', removed('1:1', '<svg> (line 1), <circle> (line 1)')],
    ['<base>, <meta refresh>, <link stylesheet>', '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><link rel="stylesheet" href="https://evil.example/x.css">', '', removed('1:1', '<base> (line 1), <meta> (line 1), <link> (line 1)')],
    ['ontoggle on <details> (details kept)', '<details ontoggle="alert(1)" open><summary>s</summary>x</details>', '<details open><summary>s</summary>x</details>', removed('1:1', 'ontoggle attribute (line 1)')],
    ['<template> with a script', '<template><script>alert(1)</script></template>', '<p></p>', removed('1:1', '<template> (line 1)')],
    ['<textarea> mutation payload', '<textarea><img src=x onerror=alert(1)></textarea>', '', removed('1:1', '<textarea> (line 1)')],
    ['<noscript> mutation payload (only an inert title attribute is left)', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', '<p></p><p title="</noscript><img src=x onerror=alert(1)>"></p>', removed('1:1', '<noscript> (line 1)')],
    ['script in a code span stays text', '`<script>alert(1)</script>`', '<p><code>&#x3C;script>alert(1)&#x3C;/script></code></p>'],
  ]
  it.each(cases)('%s', async (_name, markdown, html, warning) => {
    expect(await body(markdown, warning === undefined ? [] : [warning])).toBe(html)
  })

  it('a blockquote left empty by sanitising renders empty (the alerts plugin used to throw on it; found by fuzzing)', async () => {
    expect(await body('><template> <script>alert(1)</script>\n', [removed('1:2', '<template> (line 1)')])).toBe('<blockquote>\n<p></p></blockquote>')
    expect(await body('> <b></b>\n')).toBe('<blockquote>\n<p><b></b></p>\n</blockquote>')
  })

  it('a script in a fenced block is highlighted text', async () => {
    const html = await body('```html\n<script>alert(1)</script>\n```')
    expect(html).toMatch(/>&#x3C;<\/span><span class="l\d+ d\d+">script<\/span>/)
    expect(html).not.toContain('<script')
  })

  it('a fence title cannot close the caption', async () => {
    const html = await body('```js title="</figcaption><script>alert(1)</script>"\nx\n```')
    expect(html).toContain('<figcaption class="code-title">&#x3C;/figcaption>&#x3C;script>alert(1)&#x3C;/script></figcaption>')
  })
})

describe('the HTML authors use is kept', () => {
  it('details, summary, kbd, sub, sup, abbr, mark and tables', async () => {
    const markdown = [
      '<details><summary>More</summary>',
      '',
      'Hidden <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <abbr title="read-copy-update">RCU</abbr>, <mark>m</mark>.',
      '',
      '</details>',
      '',
      '<table><tr><th colspan="2">h</th></tr><tr><td>1</td><td>2</td></tr></table>',
    ].join('\n')
    expect(await body(markdown)).toBe(
      '<details><summary>More</summary>\n<p>Hidden <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <abbr title="read-copy-update">RCU</abbr>, <mark>m</mark>.</p>\n</details>\n' +
        '<table><tbody><tr><th colspan="2">h</th></tr><tr><td>1</td><td>2</td></tr></tbody></table>',
    )
  })
})

describe('table structure mdBook keeps', () => {
  it('keeps <caption>, <colgroup> and <col> with span and width; a col\'s style goes as every style does', async () => {
    const markdown = '<table><caption>Costs</caption><colgroup><col span="2" width="40%"><col style="background:red"></colgroup><tr><td>1</td><td>2</td><td>3</td></tr></table>'
    expect(await body(markdown, [removed('1:68', 'style attribute (line 1)')])).toBe(
      '<table><caption>Costs</caption><colgroup><col span="2" width="40%"><col></colgroup><tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>',
    )
  })
})

describe('math cannot smuggle links or styles', () => {
  /** Every value of `attribute` in the note's body. */
  function attributeValues(tree: Root, attribute: string): string[] {
    const values: string[] = []
    visit(tree, 'element', (node) => {
      const value = node.properties[attribute]
      if (value !== undefined) values.push(String(value))
    })
    return values
  }

  it('\\href, \\url and \\htmlStyle render as errors, never as links or styles', async () => {
    const { note } = await render('$\\href{javascript:alert(1)}{x}$ $\\url{javascript:alert(2)}$ $\\htmlStyle{color:red}{x}$', { math: true })
    expect(attributeValues(note.tree, 'href')).toEqual([])
    expect(new Set(attributeValues(note.tree, 'style').filter((s) => s.includes('color')))).toEqual(new Set(['color:#cc0000;']))
    expect(toHtml(note.tree)).toContain('<annotation encoding="application/x-tex">\\href{javascript:alert(1)}{x}</annotation>')
  })

  it('\\color rejects CSS', async () => {
    const { note } = await render('$\\color{red;background:url(https://evil.example)}{y}$', { math: true })
    expect(attributeValues(note.tree, 'style')).toEqual(['color:#cc0000'])
    expect(attributeValues(note.tree, 'className')).toEqual(['katex-error'])
  })
})
