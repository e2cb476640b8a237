/**
 * Catalogue item 4, output safety: an output folder that is the notes, holds
 * them, sits inside them, is `/`, or is a non-empty folder slugwiki did not
 * make is refused before anything is written or deleted (exit 1, every file
 * untouched). A failed build leaves the previous output byte-identical and no
 * temporary folder; a note deleted between builds disappears from the output.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MARKER } from '../../src/output.ts'
import { runCli } from '../helpers/cli.ts'
import { listFiles, snapshot, tempSite, type TempSite } from '../helpers/site.ts'

// Every case builds a wiki in a child process; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 })

let site: TempSite
beforeEach(() => {
  site = tempSite({ 'index.md': '# Home\n\n[Other](other.md)\n', 'other.md': '# Other\n' })
})
afterEach(() => site.cleanup())

/** Run a build in the site folder; the whole site folder must be untouched by a refused one. */
function refused(out: string, message: string) {
  const before = snapshot(site.root)
  const run = runCli(['build', '--src', 'src', '--out', out], site.root)
  expect(run.status).toBe(1)
  expect(run.stderr).toBe(`error  ${message}\n`)
  expect(snapshot(site.root)).toEqual(before)
}

describe('refused output folders', () => {
  it('--out equal to --src', () => refused('src', `Output folder ${site.src} is the source folder; choose another --out`))

  it('--out a parent of --src', () => refused('.', `Output folder ${site.root} contains the source folder ${site.src}`))

  it('--out inside --src', () => refused('src/site', `Output folder ${site.src}/site is inside the source folder ${site.src}`))

  it('--out inside --src through a symbolic link', () => {
    fs.symlinkSync('src', path.join(site.root, 'link'))
    refused('link/site', `Output folder ${site.root}/link/site is inside the source folder ${site.src}`)
  })

  it('--out /', () => refused('/', 'Refusing to write the site to /, the root of the file system'))

  it('a non-empty folder without the marker file', () => {
    fs.mkdirSync(path.join(site.root, 'mine'))
    fs.writeFileSync(path.join(site.root, 'mine', 'thesis.tex'), 'years of work')
    refused('mine', `Output folder ${site.root}/mine is not empty and was not made by slugwiki (no ${MARKER}); refusing to replace it`)
  })

  it('a file', () => {
    fs.writeFileSync(path.join(site.root, 'notes.txt'), 'x')
    refused('notes.txt', `Output path ${site.root}/notes.txt exists and is not a folder`)
  })

  it('an empty folder is fine, and so is one slugwiki made', () => {
    fs.mkdirSync(path.join(site.root, 'empty'))
    expect(runCli(['build', '--src', 'src', '--out', 'empty', '--quiet'], site.root).status).toBe(0)
    expect(runCli(['build', '--src', 'src', '--out', 'empty', '--quiet'], site.root).status).toBe(0)
  })
})

describe('rebuilding over a previous output', () => {
  const build = () => runCli(['build', '--src', 'src', '--out', 'out', '--quiet'], site.root)
  const temporaries = () => fs.readdirSync(site.root).filter((f) => /\.out\.(tmp|old)-/.test(f))

  it('a failed build leaves the previous output byte-identical and no temporary folder', () => {
    expect(build().status).toBe(0)
    const before = snapshot(site.out)
    const inode = fs.statSync(site.out).ino
    fs.writeFileSync(site.file('other.md'), '---\ntitle: [unclosed\n---\n# Other\n')
    const run = build()
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/^src\/other\.md:2:\d+ {2}error {2}Broken frontmatter YAML/)
    expect(snapshot(site.out)).toEqual(before)
    expect(fs.statSync(site.out).ino).toBe(inode)
    expect(temporaries()).toEqual([])
  })

  it('a note deleted between builds disappears from the output', () => {
    expect(build().status).toBe(0)
    expect(listFiles(site.out)).toContain('other.html')
    fs.rmSync(site.file('other.md'))
    fs.writeFileSync(site.file('index.md'), '# Home\n')
    expect(build().status).toBe(0)
    expect(listFiles(site.out)).not.toContain('other.html')
    expect(fs.readFileSync(path.join(site.out, 'index.html'), 'utf8')).not.toContain('other.html')
    expect(temporaries()).toEqual([])
  })

  it('the leftovers of a killed build are removed by the next one; a running build’s are not', () => {
    // No process has pid 2^22 + 1 (Linux caps pids at 2^22); the test runner's own pid is alive.
    const dead = path.join(site.root, `.out.tmp-${2 ** 22 + 1}`)
    const running = path.join(site.root, `.out.tmp-${process.pid}`)
    for (const dir of [dead, running]) {
      fs.mkdirSync(dir)
      fs.writeFileSync(path.join(dir, 'half.html'), '<p>half')
    }
    expect(build().status).toBe(0)
    expect(fs.existsSync(dead)).toBe(false)
    expect(fs.existsSync(running)).toBe(true)
  })
})
