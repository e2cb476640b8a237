/**
 * The dev server reads `.mdbookignore` as configuration: an edit to it
 * rebuilds everything, and the notes it now matches leave the site.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture

beforeAll(async () => {
  f = await startFixture('topics', {}, (dir) => {
    const src = fs.existsSync(path.join(dir, 'src')) ? path.join(dir, 'src') : dir
    fs.writeFileSync(path.join(src, '.mdbookignore'), '# nothing ignored yet\n')
  })
})
afterAll(async () => {
  await f?.close()
})

describe('dev server and .mdbookignore', () => {
  it('drops the notes a new rule matches, and brings them back when it goes', async () => {
    expect((await f.get('go/server.html')).status).toBe(200)
    let rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.src, '.mdbookignore'), 'go/\n')
    let result = await rebuilt
    expect(result.everything).toBe(true)
    expect((await f.get('go/server.html')).status).toBe(404)
    expect((await f.get('kernel/rcu.html')).status).toBe(200)

    rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.src, '.mdbookignore'), '# go/ is back\n')
    result = await rebuilt
    expect(result.everything).toBe(true)
    expect((await f.get('go/server.html')).status).toBe(200)
  })
})
