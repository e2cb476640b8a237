/**
 * The dev server on the fixture mdBook, as the author uses it: edit, add,
 * break, fix and delete notes, and watch what the terminal and the reload
 * channel say and what the server serves.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config.ts'
import { compileSite } from '../../src/build.ts'
import { formatDiagnostic, type Diagnostic } from '../../src/report.ts'
import { planPaths } from '../../src/output.ts'
import { planFiles } from '../helpers/files.ts'
import { listen, startFixture, type DevFixture, type Listener } from '../helpers/dev.ts'

let f: DevFixture
let rcu: Listener
let go: Listener

beforeAll(async () => {
  f = await startFixture('mdbook')
  rcu = await listen(f.dev, 'kernel/rcu.html')
  go = await listen(f.dev, 'go.html')
  await rcu.next('errors')
  await go.next('errors')
})
afterAll(async () => {
  rcu?.close()
  go?.close()
  await f?.close()
})

describe('serving', () => {
  it('serves the site under its base from memory, with the reload client, and writes nothing', async () => {
    expect(f.dev.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/book\/$/)
    const index = await f.get('')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await index.text()
    expect(html).toContain('<script src="_slugwiki/__dev/reload.js" defer></script>')
    const client = await f.get('_slugwiki/__dev/reload.js')
    expect(client.status).toBe(200)
    expect(await client.text()).toContain('new WebSocket')
    expect((await f.get('images/diagram.svg')).status).toBe(200)
    expect((await f.get('kernel/')).status).toBe(200)
    // Nothing written beside the notes, no dist/.
    expect(fs.existsSync(path.join(f.dir, 'dist'))).toBe(false)
    expect(fs.readdirSync(f.dir).sort()).toEqual(['book.toml', 'src'])
  })

  it('serves the search index, built when first asked for and again after a change', async () => {
    const entry = async () => (await (await f.get('_slugwiki/search/pagefind-entry.json')).json()) as { languages: Record<string, { page_count: number }> }
    const before = Object.values((await entry()).languages)[0]!.page_count
    expect(before).toBeGreaterThan(0)
    const rebuilt = f.nextRebuild()
    f.write('searchable.md', '# Searchable\n\nA note the index must learn about.\n')
    await rebuilt
    expect(Object.values((await entry()).languages)[0]!.page_count).toBe(before + 1)
    expect((await f.get('_slugwiki/search/no-such-chunk.pf_index')).status).toBe(404)
  })

  it('answers an unknown page with the site’s 404 page', async () => {
    const res = await f.get('no/such/page.html')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('Page not found')
  })

  it('never adds the reload client to `build` output', async () => {
    const site = await compileSite(resolveConfig({ src: f.dir, out: path.join(f.dir, 'unused-out') }))
    const pages = [...planFiles(site.plan)].filter(([key]) => key.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(5)
    for (const [, html] of pages) expect(String(html)).not.toContain('__dev')
    expect(planPaths(site.plan).some((key) => key.includes('__dev'))).toBe(false)
  })
})

describe('editing', () => {
  it('rebuilds an edited note in one line, reloads only the browser showing it, and serves the new text', async () => {
    const rebuilt = f.nextRebuild()
    fs.appendFileSync(path.join(f.src, 'kernel/rcu.md'), '\nA sentence added while previewing.\n')
    const result = await rebuilt
    expect(result.parsed).toBe(1)
    // Only prose changed: the last graph is patched, and the note's page and the print page change.
    expect(result.patched).toBe(true)
    expect([...result.changed].sort()).toEqual(['kernel/rcu.html', 'print.html'])
    expect(f.lines.at(-1)).toMatch(/^rebuilt kernel\/rcu\.md → 2 pages in \d+ ms$/)
    await rcu.next('reload')
    expect(await (await f.get('kernel/rcu.html')).text()).toContain('A sentence added while previewing.')
    // The unrelated page's browser heard nothing since its greeting.
    expect(go.messages.map((m) => m.type)).toEqual(['errors'])
    expect(result.changed.has('go.html')).toBe(false)
    expect(result.changed.has('kernel/rcu.html')).toBe(true)
  })

  it('serves, after a patched edit, the note and print pages a build of the same sources writes', async () => {
    const rebuilt = f.nextRebuild()
    fs.appendFileSync(path.join(f.src, 'kernel/rcu.md'), '\nA second sentence, for the print page too.\n')
    expect((await rebuilt).patched).toBe(true)
    const built = planFiles((await compileSite(resolveConfig({ src: f.dir, out: path.join(f.dir, 'unused-out') }))).plan)
    // The dev server adds its reload client to every page, and nothing else.
    const withoutClient = (html: string) => html.replace(/<script[^>]*__dev\/reload\.js[^>]*><\/script>/g, '')
    for (const key of ['kernel/rcu.html', 'print.html']) {
      const served = await (await f.get(key)).text()
      expect(served).toContain('A second sentence, for the print page too.')
      expect(withoutClient(served)).toBe(String(built.get(key)))
    }
  })

  it('rebuilds the graph when a note’s title changes, and changes only the pages that show that title', async () => {
    const file = path.join(f.src, 'shell.md')
    const text = fs.readFileSync(file, 'utf8')
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(file, text.replace(/^# .*$/m, '# Shell, renamed'))
    const result = await rebuilt
    expect(result.patched).toBe(false)
    // Neighbours and the sidebar show SUMMARY's title ("Shell"), so only the note and the print page change.
    expect([...result.changed].sort()).toEqual(['print.html', 'shell.html'])
    await f.settle(f.rebuilds.length, { none: true })
    expect(go.messages.map((m) => m.type)).toEqual(['errors'])
  })

  it('shows a new note in the sidebar of the other pages once SUMMARY.md lists it', async () => {
    f.write('kernel/ebpf.md', '# eBPF\n\nVerifier notes.\n')
    const summary = path.join(f.src, 'SUMMARY.md')
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(summary, fs.readFileSync(summary, 'utf8').replace('    - [Cgroup](kernel/cgroup.md)\n', '    - [Cgroup](kernel/cgroup.md)\n    - [eBPF](kernel/ebpf.md)\n'))
    await rebuilt
    await f.settle(f.rebuilds.length, { none: true })
    await go.next('reload')
    const other = await (await f.get('go.html')).text()
    expect(other).toContain('href="kernel/ebpf.html"')
    expect(await (await f.get('kernel/ebpf.html')).text()).toContain('Verifier notes.')
  })

  it('turns one editor save (temp file renamed over the note) into exactly one rebuild', async () => {
    await f.settle(f.rebuilds.length, { none: true })
    const before = f.rebuilds.length
    const note = path.join(f.src, 'go.md')
    fs.writeFileSync(path.join(f.src, '.go.md.swp'), 'swap')
    fs.writeFileSync(`${note}.tmp-save`, `${fs.readFileSync(note, 'utf8')}\nSaved atomically.\n`)
    fs.renameSync(`${note}.tmp-save`, note)
    expect(await f.settle(before)).toBe(1)
    expect(await (await f.get('go.html')).text()).toContain('Saved atomically.')
  })

  it('turns a 200-file burst into exactly one rebuild', async () => {
    const before = f.rebuilds.length
    fs.mkdirSync(path.join(f.src, 'burst'))
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(f.src, 'burst', `n${i}.md`), `# Burst ${i}\n`)
    expect(await f.settle(before)).toBe(1)
    expect(f.rebuilds.at(-1)!.parsed).toBe(200)
    expect(f.lines.at(-1)).toMatch(/^rebuilt burst\/n\d+\.md, burst\/n\d+\.md and 198 more files → 201 pages in \d+ ms$/)
    expect((await f.get('burst/n199.html')).status).toBe(200)
  })
})

describe('errors', () => {
  it('shows broken frontmatter as an error with file:line:col, keeps serving the last good page, and clears it when fixed', async () => {
    const file = path.join(f.src, 'kernel/rcu.md')
    const good = fs.readFileSync(file, 'utf8')
    let rebuilt = f.nextRebuild()
    fs.writeFileSync(file, `---\ntitle: [unclosed\n---\n${good}`)
    await rebuilt
    const shown = await rcu.next('errors')
    expect(shown.errors).toHaveLength(1)
    expect(shown.errors![0]).toMatchObject({ file: expect.stringMatching(/kernel\/rcu\.md$/), line: 2, column: expect.any(Number) })
    expect(shown.errors![0]!.message).toMatch(/^Broken frontmatter YAML/)
    expect(f.lines.some((line) => /kernel\/rcu\.md:2:\d+ {2}error {2}Broken frontmatter YAML/.test(line))).toBe(true)
    // The last good version is still served, and so is every other page.
    const page = await f.get('kernel/rcu.html')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('A sentence added while previewing.')
    expect((await f.get('go.html')).status).toBe(200)

    rebuilt = f.nextRebuild()
    fs.writeFileSync(file, `${good}\nFixed.\n`)
    await rebuilt
    await rcu.next('reload')
    expect(f.lines).toContain('errors fixed')
    expect(await (await f.get('kernel/rcu.html')).text()).toContain('Fixed.')
  })

  it('reports an {{#include}} of a missing file at its line, on that note only, as a warning beside the page; the file appearing fixes it', async () => {
    const probe = await listen(f.dev, 'shell.html')
    await probe.next('errors')
    const file = path.join(f.src, 'shell.md')
    const good = fs.readFileSync(file, 'utf8')
    const missing = (result: { diagnostics: Diagnostic[] }) => result.diagnostics.filter((d) => d.rule === 'include-missing')
    // The last test's saves may still be rebuilding: the rebuild awaited below must be this edit's.
    await f.settle(f.rebuilds.length, { none: true })
    let rebuilt = f.nextRebuild()
    fs.writeFileSync(file, `${good}\n{{#include listings/gone.go}}\n`)
    let result = await rebuilt
    // As mdBook: a warning, and the page shows the link's text (no overlay: that is for errors).
    const line = good.split('\n').length + 1
    expect(missing(result)).toEqual([expect.objectContaining({ line, column: 1, severity: 'warning', message: 'Included file not found: listings/gone.go' })])
    expect(path.basename(missing(result)[0]!.file)).toBe('shell.md')
    expect(f.lines).toContain(formatDiagnostic(missing(result)[0]!))
    await probe.next('reload')
    expect(await (await f.get('shell.html')).text()).toContain('<p>{{#include listings/gone.go}}</p>')
    // The file appears: the note is read again and shows it.
    await f.settle(f.rebuilds.length, { none: true })
    rebuilt = f.nextRebuild()
    f.write('listings/gone.go', 'package gone // found after all\n')
    result = await rebuilt
    expect(missing(result)).toEqual([])
    await probe.next('reload')
    const fixed = await (await f.get('shell.html')).text()
    expect(fixed).toContain('found after all')
    expect(fixed).not.toContain('{{#include')
    // Back to the note as it was.
    rebuilt = f.nextRebuild()
    fs.writeFileSync(file, good)
    fs.rmSync(path.join(f.src, 'listings/gone.go'))
    await rebuilt
    await f.settle(f.rebuilds.length, { none: true })
    expect(missing({ diagnostics: f.dev.diagnostics() })).toEqual([])
    expect(await (await f.get('shell.html')).text()).not.toContain('found after all')
    probe.close()
    expect(probe.messages.filter((m) => m.type === 'errors' && m.errors!.length > 0)).toEqual([])
    expect(go.messages.filter((m) => m.type === 'errors' && m.errors!.length > 0)).toEqual([])
  })

  it('watches files included from outside the source folder (listings beside src/): an edit, or the file appearing, shows', async () => {
    const probe = await listen(f.dev, 'shell.html')
    await probe.next('errors')
    const file = path.join(f.src, 'shell.md')
    const good = fs.readFileSync(file, 'utf8')
    const code = path.join(f.dir, 'listings-outside')
    fs.mkdirSync(code)
    fs.writeFileSync(path.join(code, 'main.rs'), 'fn main() { first_version() }\n')
    await f.settle(f.rebuilds.length, { none: true })
    let rebuilt = f.nextRebuild()
    fs.writeFileSync(file, `${good}\n\`\`\`rust\n{{#include ../listings-outside/main.rs}}\n\`\`\`\n\n{{#include ../listings-outside/later.md}}\n`)
    await rebuilt
    await probe.next('reload')
    expect(await (await f.get('shell.html')).text()).toContain('first_version')
    // chokidar reads the listings' folder after the rebuild that named it.
    await new Promise((r) => setTimeout(r, 300))

    rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(code, 'main.rs'), 'fn main() { second_version() }\n')
    let result = await rebuilt
    expect(result.labels).toEqual([path.relative(process.cwd(), path.join(code, 'main.rs'))])
    await probe.next('reload')
    expect(await (await f.get('shell.html')).text()).toContain('second_version')

    rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(code, 'later.md'), 'Written later, outside the book.\n')
    result = await rebuilt
    expect(result.diagnostics.filter((d) => d.rule === 'include-missing')).toEqual([])
    await probe.next('reload')
    expect(await (await f.get('shell.html')).text()).toContain('Written later, outside the book.')

    // Back to the note as it was.
    rebuilt = f.nextRebuild()
    fs.writeFileSync(file, good)
    await rebuilt
    fs.rmSync(code, { recursive: true })
    await f.settle(f.rebuilds.length, { none: true })
    probe.close()
  })

  it('survives a note that makes the pipeline throw (a stack overflow), shows the error, and recovers', async () => {
    const probe = await listen(f.dev, 'appendix.html')
    await probe.next('errors')
    const file = path.join(f.src, 'appendix.md')
    const good = fs.readFileSync(file, 'utf8')
    fs.writeFileSync(file, `${good}\n${'>'.repeat(10000)}\n`)
    const shown = await probe.next('errors', 60_000)
    expect(shown.errors).toEqual([expect.objectContaining({ file: expect.stringMatching(/appendix\.md$/), message: expect.stringMatching(/call stack/i) })])
    expect((await f.get('appendix.html')).status).toBe(200)
    fs.writeFileSync(file, `${good}\nRecovered.\n`)
    await probe.next('reload', 60_000)
    probe.close()
    expect(await (await f.get('appendix.html')).text()).toContain('Recovered.')
  })

  it('turns links to a deleted note into warnings and reloads the browser showing it', async () => {
    const cgroup = await listen(f.dev, 'kernel/cgroup.html')
    await cgroup.next('errors')
    const rebuilt = f.nextRebuild()
    fs.rmSync(path.join(f.src, 'kernel/cgroup.md'))
    const result = await rebuilt
    await cgroup.next('reload')
    cgroup.close()
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${path.basename(d.file)}:${d.line}  ${d.message}`)
    expect(warnings).toContain('rcu.md:49  Link to missing note `cgroup.md#no-such-heading`')
    expect(warnings).toContain('SUMMARY.md:11  SUMMARY entry `kernel/cgroup.md` has no file; listed as a draft')
    expect((await f.get('kernel/cgroup.html')).status).toBe(404)
  })
})
