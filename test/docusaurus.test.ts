import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { resolveConfig } from '../src/config.ts'
import { writeFiles } from './helpers/files.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-docusaurus-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const site = (name: string, files: Record<string, string>): string => writeFiles(path.join(tmp, name), files)

describe('a Docusaurus site', () => {
  it('reads docs/ from the site folder, and finds the config above --src docs, without running it', () => {
    const dir = site('detect', {
      // Evaluating it would throw: it is only found, never run.
      'docusaurus.config.ts': 'throw new Error("never evaluated")\n',
      'docs/intro.md': '# Intro\n',
      'README.md': '# The repository\n',
    })
    for (const src of [dir, path.join(dir, 'docs')]) {
      const config = resolveConfig({ src }, tmp)
      expect(config.src).toBe(path.join(dir, 'docs'))
      expect(config.root).toBe(dir)
      expect(config.docusaurus).toBe(true)
      expect(config.title).toBe('detect')
      expect(config.docusaurusSite?.diagnostics).toEqual([])
    }
  })

  it('names a sidebars file once, as not read', () => {
    const dir = site('sidebars', { 'docusaurus.config.js': 'module.exports = {}\n', 'sidebars.js': 'module.exports = {}\n', 'docs/intro.md': '# Intro\n' })
    const config = resolveConfig({ src: dir }, tmp)
    expect(config.docusaurusSite?.diagnostics.map((d) => `${d.file} ${d.severity} ${d.rule}`)).toEqual(['sidebars/sidebars.js warning docusaurus'])
  })

  it('is no Docusaurus site without docs/, nor a docs/ folder of another project', () => {
    expect(resolveConfig({ src: site('nodocs', { 'docusaurus.config.js': '', 'notes/a.md': '# A\n' }) }, tmp).docusaurus).toBe(false)
    expect(resolveConfig({ src: path.join(site('plain', { 'docs/a.md': '# A\n' }), 'docs') }, tmp).docusaurus).toBe(false)
  })
})
