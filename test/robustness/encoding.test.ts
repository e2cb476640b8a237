/**
 * Catalogue item 3, input hygiene, encodings: a note that is not UTF-8 is an
 * error naming the file, the byte offset and its line:col (exit 1, nothing
 * written, the note untouched); a UTF-8 byte-order mark is dropped and CRLF
 * notes render exactly as LF ones.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli, type CliRun } from '../helpers/cli.ts'
import { tempSite, type TempSite } from '../helpers/site.ts'

// Every case builds a wiki in a child process; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 })

const utf16 = (text: string, bigEndian: boolean) => {
  const le = Buffer.from(text, 'utf16le')
  const body = bigEndian ? Buffer.from(le).swap16() : le
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body])
}

describe('notes that are not UTF-8', () => {
  const files = {
    'index.md': '# Home\n',
    // `café` written by a cp1252 editor: é is the single byte 0xE9.
    'cp1252.md': Buffer.concat([Buffer.from('# Caf\n\nLe caf'), Buffer.from([0xe9]), Buffer.from(' noir\n')]),
    'utf16le.md': utf16('# Little\n', false),
    'utf16be.md': utf16('# Big\n', true),
    'utf16-no-bom.md': Buffer.from('# No mark\n', 'utf16le'),
  }
  let site: TempSite
  let run: CliRun
  let before: Array<[string, string]>
  beforeAll(() => {
    site = tempSite(files)
    before = site.snapshot()
    run = runCli(['build', '--src', 'src', '--out', 'out'], site.root)
  })
  afterAll(() => site.cleanup())

  const line = (file: string) => run.stderr.split('\n').find((l) => l.startsWith(`src/${file}:`))

  it('exit 1 and nothing written', () => {
    expect(run.status).toBe(1)
    expect(fs.existsSync(site.out)).toBe(false)
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^not written: .* 4 errors, 0 warnings/)
  })

  it('a cp1252 byte: error at its byte offset, line and column', () => {
    expect(line('cp1252.md')).toBe('src/cp1252.md:3:7  error  File is not valid UTF-8: byte 0xE9 at byte offset 13; save it as UTF-8  encoding')
  })

  it('UTF-16 little- and big-endian with a byte-order mark: error at offset 0', () => {
    expect(line('utf16le.md')).toBe('src/utf16le.md:1:1  error  File is not valid UTF-8: UTF-16 byte-order mark at byte offset 0; save it as UTF-8  encoding')
    expect(line('utf16be.md')).toBe('src/utf16be.md:1:1  error  File is not valid UTF-8: UTF-16 byte-order mark at byte offset 0; save it as UTF-8  encoding')
  })

  it('UTF-16 without a byte-order mark: error at the first NUL byte', () => {
    expect(line('utf16-no-bom.md')).toBe('src/utf16-no-bom.md:1:2  error  File is not valid UTF-8: NUL byte (UTF-16 or a binary file?) at byte offset 1; save it as UTF-8  encoding')
  })

  it('leaves every note byte-identical', () => {
    expect(site.snapshot()).toEqual(before)
  })
})

describe('byte-order mark and line endings', () => {
  const body = '---\ntitle: Endings\ntags: [a, b]\n---\n# Endings\n\nA paragraph\nover two lines.\n\n```c\nint x;\nint y;\n```\n\n- one\n- two\n\n$$\na = b\n$$\n'
  let site: TempSite
  beforeAll(() => {
    site = tempSite({})
    const variants: Array<[string, string]> = [
      ['lf', body],
      ['crlf', body.replace(/\n/g, '\r\n')],
      ['cr', body.replace(/\n/g, '\r')],
      ['bom', `\ufeff${body}`],
      ['bom-crlf', `\ufeff${body.replace(/\n/g, '\r\n')}`],
    ]
    for (const [name, text] of variants) {
      fs.mkdirSync(path.join(site.root, name, 'src'), { recursive: true })
      fs.writeFileSync(path.join(site.root, name, 'src', 'index.md'), text)
      fs.writeFileSync(path.join(site.root, name, 'src', 'slugwiki.toml'), 'math = true\n')
    }
  })
  afterAll(() => site.cleanup())

  const built = (name: string) => {
    const run = runCli(['build', '--src', `${name}/src`, '--out', `${name}/out`, '--quiet'], site.root)
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).toBe('')
    return fs.readFileSync(path.join(site.root, name, 'out', 'index.html'), 'utf8')
  }

  it('a BOM is dropped: frontmatter and the page are as without it', () => {
    const lf = built('lf')
    // The frontmatter was read (its tags show), so the BOM did not hide the opening `---`.
    expect(lf).toMatch(/<li class="tag"><a [^>]*>a<\/a><\/li>/)
    expect(built('bom')).toBe(lf)
  })

  it('CRLF, lone CR and BOM+CRLF notes render byte-identical to LF', () => {
    const lf = built('lf')
    expect(built('crlf')).toBe(lf)
    expect(built('cr')).toBe(lf)
    expect(built('bom-crlf')).toBe(lf)
    expect(lf).not.toContain('\r')
  })
})
