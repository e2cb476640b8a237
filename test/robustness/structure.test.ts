/**
 * Catalogue item 5, malformed structure: broken frontmatter, SUMMARY entries
 * that are absolute, climb out with `..`, form a cycle or repeat, includes of
 * the note itself or of files outside the book, empty and frontmatter-only
 * notes. Each gets one clear diagnostic at `file:line:col`; none creates or
 * modifies a source file (mdBook creates files for missing SUMMARY entries;
 * slugwiki never writes into the notes).
 */
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli, type CliRun } from '../helpers/cli.ts'
import { tempSite, type TempSite } from '../helpers/site.ts'

// Every case builds a wiki in a child process; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 })

const SUMMARY = [
  '# Summary',
  '',
  '- [Home](index.md)',
  '- [Absolute](/etc/passwd)',
  '- [Climbing](../outside.md)',
  '- [Parent](parent.md)',
  '  - [Parent again, nested in itself](parent.md)',
  '- [Home again](index.md)',
  '- [The summary](SUMMARY.md)',
  '- [Not written yet](missing.md)',
  '- [Empty](empty.md)',
  '- [Only frontmatter](fm-only.md)',
  '- [Broken YAML](broken-yaml.md)',
  '- [Alias](alias.md)',
  '- [Self](self.md)',
  '- [Cycle](cycle-a.md)',
  '- [Outside](outside-include.md)',
  '',
].join('\n')

let site: TempSite
let run: CliRun
let before: Array<[string, string]>
beforeAll(() => {
  site = tempSite({
    'SUMMARY.md': SUMMARY,
    'index.md': '# Home\n',
    'parent.md': '# Parent\n',
    'empty.md': '',
    'fm-only.md': '---\ntitle: Just a title\ntags: [x]\n---\n',
    'broken-yaml.md': '---\ntitle: Fine\ntags: [unclosed\n---\n# Broken\n',
    'alias.md': '---\nnote: *later\nlater: &later 1\n---\n# Alias\n',
    'self.md': '# Self\n\nBefore {{#include self.md}} after.\n',
    'cycle-a.md': '# A\n\n{{#include cycle-b.md}}\n',
    'cycle-b.md': 'B includes A: {{#include cycle-a.md}}\n',
    'outside-include.md': '# Outside\n\n{{#include ../../../../../etc/passwd}}\n\n{{#include /etc/passwd}}\n',
  })
  before = site.snapshot()
  run = runCli(['build', '--src', 'src', '--out', 'out'], site.root)
})
afterAll(() => site.cleanup())

/** The diagnostics printed for one file. */
const about = (file: string) => run.stderr.split('\n').filter((l) => l.startsWith(`src/${file}:`) || l.startsWith(`src/${file} `))

describe('malformed structure', () => {
  it('fails the build (exit 1), writes nothing', () => {
    expect(run.status).toBe(1)
    expect(fs.existsSync(site.out)).toBe(false)
  })

  it('creates and modifies no source file, not even the missing chapter', () => {
    expect(site.snapshot()).toEqual(before)
    expect(fs.existsSync(site.file('missing.md'))).toBe(false)
  })

  it('broken frontmatter YAML: an error at its line and column (where the missing `]` belongs)', () => {
    expect(about('broken-yaml.md')).toEqual([
      'src/broken-yaml.md:3:16  error  Broken frontmatter YAML: Flow sequence in block collection must be sufficiently indented and end with a ]  frontmatter',
    ])
  })

  it('a YAML alias before its anchor: an error, not a crash', () => {
    expect(about('alias.md')).toEqual(['src/alias.md:1:1  error  Broken frontmatter YAML: Unresolved alias (the anchor must be set before the alias): later  frontmatter'])
  })

  it('SUMMARY entries: absolute, climbing out, a cycle, a repeat, itself, a missing file', () => {
    expect(about('SUMMARY.md')).toEqual([
      'src/SUMMARY.md:4:3  error  SUMMARY entry `/etc/passwd` must be a path inside the source folder  summary-path',
      'src/SUMMARY.md:5:3  error  SUMMARY entry `../outside.md` must be a path inside the source folder  summary-path',
      'src/SUMMARY.md:7:5  warning  `parent.md` is listed inside its own chapter (line 6), a cycle; this entry is not linked  summary-cycle',
      'src/SUMMARY.md:8:3  warning  `index.md` is listed twice in SUMMARY (first on line 3); this entry is not linked  duplicate-chapter',
      'src/SUMMARY.md:9:3  warning  SUMMARY.md lists itself; this entry is not linked  summary-cycle',
      'src/SUMMARY.md:10:3  warning  SUMMARY entry `missing.md` has no file; listed as a draft  missing-chapter',
    ])
  })

  it('an include of the note itself, directly and through another note', () => {
    expect(about('self.md')).toEqual(['src/self.md:3:8  error  `{{#include self.md}}` includes itself (src/self.md → src/self.md)  include-cycle'])
    expect(about('cycle-b.md')).toEqual(['src/cycle-b.md:1:15  error  `{{#include cycle-a.md}}` includes itself (src/cycle-a.md → src/cycle-b.md → src/cycle-a.md)  include-cycle'])
  })

  it('an include of a file outside the book, relative or absolute', () => {
    expect(about('outside-include.md')).toEqual([
      'src/outside-include.md:3:1  error  `{{#include ../../../../../etc/passwd}}` points outside src, the folder includes may read (the git repository holding the book, or the book\'s folder when it is not in one)  include-outside',
      'src/outside-include.md:5:1  error  `{{#include /etc/passwd}}` points outside src, the folder includes may read (the git repository holding the book, or the book\'s folder when it is not in one)  include-outside',
    ])
  })

  it('an empty note and a frontmatter-only note: a warning each', () => {
    expect(about('empty.md')).toEqual(['src/empty.md:1:1  warning  Note is empty; published as a blank page  empty-note'])
    expect(about('fm-only.md')).toEqual(['src/fm-only.md:5:1  warning  Note has frontmatter but no text; published as a blank page  empty-note'])
  })
})
