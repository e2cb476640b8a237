/**
 * Catalogue item 1, "a `trusted: true` config switch may opt out": with it,
 * note HTML and URLs are published exactly as written; without it, not.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { build } from '../../src/build.ts'
import { formatDiagnostic } from '../../src/report.ts'
import { render } from '../helpers/markdown.ts'
import { tempSite, type TempSite } from '../helpers/site.ts'

// Every case builds a whole wiki; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 })

const NOTE = '# Widget\n\n<span style="color:red" onclick="track()">a</span> [j](javascript:void(0))\n\n<script>window.widget = 1</script>\n'

describe('trusted wikis', () => {
  let site: TempSite | undefined
  afterEach(() => site?.cleanup())

  it('the processor keeps raw HTML, handlers and any URL when trusted', async () => {
    const { html } = await render(NOTE, { trusted: true })
    expect(html).toContain('<p><span style="color:red" onclick="track()">a</span> <a href="javascript:void(0)">j</a></p>\n<script>window.widget = 1</script>')
  })

  it('`trusted = true` in slugwiki.toml publishes the note HTML as written', async () => {
    site = tempSite({ 'slugwiki.toml': 'trusted = true\n', 'index.md': NOTE })
    const result = await build({ src: site.src, out: site.out, quiet: true })
    expect(result.diagnostics).toEqual([])
    const html = fs.readFileSync(path.join(site.out, 'index.html'), 'utf8')
    expect(html).toContain('<span style="color:red" onclick="track()">a</span> <a href="javascript:void(0)">j</a>')
    expect(html).toContain('<script>window.widget = 1</script>')
  })

  it('without it, the same note is sanitised', async () => {
    site = tempSite({ 'index.md': NOTE })
    const result = await build({ src: site.src, out: site.out, quiet: true })
    // The markdown link's URL goes too, named in a warning of its own at the link.
    const note = path.relative(process.cwd(), path.join(site.src, 'index.md'))
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${note}:3:1  warning  Raw HTML removed by sanitising: <script> (line 5), style attribute (line 3), onclick attribute (line 3); set trusted = true in [slugwiki] to publish it as written  sanitize`,
      `${note}:3:52  warning  Link URL removed by sanitising: javascript: URL (line 3); set trusted = true in [slugwiki] to publish it as written  sanitize`,
    ])
    const html = fs.readFileSync(path.join(site.out, 'index.html'), 'utf8')
    expect(html).toContain('<p><span>a</span> <a>j</a></p>')
    expect(html).not.toContain('window.widget')
  })

  it('`trusted` must be a boolean', async () => {
    site = tempSite({ 'slugwiki.toml': 'trusted = "yes"\n', 'index.md': NOTE })
    await expect(build({ src: site.src, out: site.out, quiet: true })).rejects.toThrow(/`trusted`: Invalid input: expected boolean/)
  })
})
