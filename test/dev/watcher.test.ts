/** The watch stage: editors' junk is ignored, saves and bursts arrive as one batch each. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isEditorJunk, watchSources, type Change, type SourceWatcher } from '../../src/dev/watcher.ts'

describe('isEditorJunk', () => {
  it.each([
    ['.rcu.md.swp', true],
    ['.rcu.md.swx', true],
    ['rcu.md~', true],
    ['4913', true],
    ['.#rcu.md', true],
    ['#rcu.md#', true],
    ['rcu.md___jb_tmp___', true],
    ['.git', true],
    ['node_modules', true],
    ['rcu.md', false],
    ['diagram.svg', false],
    ['4913.md', false],
  ])('%s → %s', (name, junk) => {
    expect(isEditorJunk(name)).toBe(junk)
  })
})

describe('watchSources', () => {
  let dir: string
  let watcher: SourceWatcher | undefined
  let batches: Change[][]

  const rel = (changes: Change[]) => changes.map((c) => `${c.kind} ${path.relative(dir, c.file)}`).sort()
  /** Wait until no batch has come for `quiet` ms (and at least one came, unless `none`). */
  const settle = async (quiet = 400, none = false) => {
    let count = -1
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, quiet))
      if (batches.length === count && (none || count > 0)) return
      count = batches.length
    }
  }
  const start = async (ignore: string[] = []) => {
    watcher = watchSources({ paths: [dir], ignore, onBatch: (changes) => batches.push(changes) })
    await watcher.ready
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-watch-'))
    fs.writeFileSync(path.join(dir, 'note.md'), '# Note\n')
    batches = []
  })
  afterEach(async () => {
    await watcher?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('reports an editor-style atomic save (swap file, temp file renamed over the note) as one change', async () => {
    await start()
    fs.writeFileSync(path.join(dir, '.note.md.swp'), 'swap')
    fs.writeFileSync(path.join(dir, '4913'), '')
    fs.rmSync(path.join(dir, '4913'))
    fs.copyFileSync(path.join(dir, 'note.md'), path.join(dir, 'note.md~'))
    fs.writeFileSync(path.join(dir, 'note.md.tmp-save'), '# Note, edited\n')
    fs.renameSync(path.join(dir, 'note.md.tmp-save'), path.join(dir, 'note.md'))
    await settle()
    expect(batches).toHaveLength(1)
    expect(rel(batches[0]!).filter((line) => line.includes('note.md') && !line.includes('tmp'))).toEqual(['change note.md'])
  })

  it('coalesces a 200-file burst into one batch', async () => {
    await start()
    fs.mkdirSync(path.join(dir, 'burst'))
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(dir, 'burst', `n${i}.md`), `# ${i}\n`)
    await settle()
    expect(batches).toHaveLength(1)
    expect(batches[0]!.filter((c) => c.kind === 'add')).toHaveLength(200)
  })

  it('reports a rename as an unlink and an add in one batch, and a deletion', async () => {
    await start()
    fs.renameSync(path.join(dir, 'note.md'), path.join(dir, 'renamed.md'))
    await settle()
    expect(batches.map(rel)).toEqual([['add renamed.md', 'unlink note.md']])
    fs.rmSync(path.join(dir, 'renamed.md'))
    await settle()
    expect(batches.map(rel)[1]).toEqual(['unlink renamed.md'])
  })

  it('sees notes in a new folder', async () => {
    await start()
    fs.mkdirSync(path.join(dir, 'new'))
    await settle()
    fs.writeFileSync(path.join(dir, 'new', 'a.md'), '# A\n')
    await settle()
    expect(batches.flat().map((c) => `${c.kind} ${path.relative(dir, c.file)}`)).toContain('add new/a.md')
  })

  it('never reports changes in an ignored folder (the output or cache)', async () => {
    fs.mkdirSync(path.join(dir, 'out'))
    await start([path.join(dir, 'out')])
    fs.writeFileSync(path.join(dir, 'out', 'index.html'), '<p>')
    fs.mkdirSync(path.join(dir, 'out', 'deep'))
    fs.writeFileSync(path.join(dir, 'out', 'deep', 'page.html'), '<p>')
    await settle(400, true)
    expect(batches).toEqual([])
  })

  it('catches a second save within chokidar’s 50 ms change throttle', async () => {
    await start()
    fs.writeFileSync(path.join(dir, 'note.md'), '# one\n')
    // Save again the moment the first batch is out: chokidar drops this change, the recheck must not.
    while (batches.length === 0) await new Promise((r) => setTimeout(r, 1))
    fs.writeFileSync(path.join(dir, 'note.md'), '# two, longer\n')
    await settle()
    expect(batches.map(rel)).toEqual([['change note.md'], ['change note.md']])
  })

  it('watches the files it is given outside its folders, and only those: saved, saved by rename, appearing', async () => {
    // The notes are in src/; an mdBook's listings sit beside it.
    const src = path.join(dir, 'src')
    const listings = path.join(dir, 'listings')
    fs.mkdirSync(src)
    fs.mkdirSync(listings)
    const [used, later, other] = ['main.rs', 'later.rs', 'other.rs'].map((name) => path.join(listings, name))
    fs.writeFileSync(used!, 'fn main() {}\n')
    fs.writeFileSync(other!, 'fn other() {}\n')
    watcher = watchSources({ paths: [src], ignore: [], onBatch: (changes) => batches.push(changes) })
    await watcher.ready
    watcher.watchFiles([used!, later!])
    // chokidar reads the new folder in the background.
    await new Promise((r) => setTimeout(r, 300))

    fs.writeFileSync(used!, 'fn main() { one() }\n')
    await settle()
    fs.writeFileSync(path.join(listings, '.main.rs.tmp'), 'fn main() { two() }\n')
    fs.renameSync(path.join(listings, '.main.rs.tmp'), used!)
    await settle()
    fs.writeFileSync(later!, 'fn later() {}\n')
    await settle()
    fs.writeFileSync(other!, 'fn other() { changed() }\n')
    await settle(400, true)
    expect(batches.map(rel)).toEqual([['change listings/main.rs'], [expect.stringMatching(/^(add|change) listings\/main\.rs$/)], ['add listings/later.rs']])

    // A new list replaces the last: the file no longer included is not reported, the one now included is.
    batches = []
    watcher.watchFiles([other!])
    await new Promise((r) => setTimeout(r, 300))
    fs.writeFileSync(used!, 'fn main() { three() }\n')
    fs.writeFileSync(other!, 'fn other() { again() }\n')
    await settle()
    expect(batches.map(rel)).toEqual([['change listings/other.rs']])
  })
})
