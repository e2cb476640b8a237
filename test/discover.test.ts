/**
 * Which files of a source folder are notes, which are copied, and which are
 * left out: dotfiles, configuration, and what `.mdbookignore` matches.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { discover } from '../src/content/discover.ts'
import { Diagnostics } from '../src/report.ts'

let src: string
beforeEach(() => {
  src = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-discover-'))
})
afterEach(() => fs.rmSync(src, { recursive: true, force: true }))

function files(list: Record<string, string>): void {
  for (const [rel, text] of Object.entries(list)) {
    fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true })
    fs.writeFileSync(path.join(src, rel), text)
  }
}

const run = () => discover({ src, exclude: [], configFiles: ['topics.yml'], diagnostics: new Diagnostics(), display: (p) => p })

describe('discovering a source folder', () => {
  it('takes every .md file as a note and every other file as an asset, leaving out dotfiles and configuration', () => {
    files({ 'a.md': '# A', 'SUMMARY.md': '', 'topics.yml': '', 'img/x.png': 'png', '.hidden.md': '', '.git/config': '', 'sub/b.MD': '# B' })
    expect(run()).toEqual({ notes: ['a.md', 'sub/b.MD'], assets: ['img/x.png'] })
  })

  it('leaves out what .mdbookignore matches, in gitignore syntax, notes and assets alike', () => {
    files({
      '.mdbookignore': '# sources of the listings\n*.rs\n!keep.rs\ndrafts/\n/top-only.txt\n',
      'a.md': '# A',
      'drafts/b.md': '# Draft',
      'drafts/c.png': 'png',
      'listings/x.rs': 'fn x() {}',
      'listings/keep.rs': 'fn keep() {}',
      'top-only.txt': 'ignored',
      'sub/top-only.txt': 'kept',
    })
    expect(run()).toEqual({ notes: ['a.md'], assets: ['listings/keep.rs', 'sub/top-only.txt'] })
  })
})
