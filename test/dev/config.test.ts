/**
 * The dev server when book.toml changes under it: a broken setting is one
 * error naming book.toml's line, the last good site stays served, and
 * fixing the setting clears the error.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, startFixture, type DevFixture, type Listener } from '../helpers/dev.ts'

let f: DevFixture
let rcu: Listener

beforeAll(async () => {
  f = await startFixture('mdbook')
  rcu = await listen(f.dev, 'kernel/rcu.html')
  await rcu.next('errors')
})
afterAll(async () => {
  rcu?.close()
  await f?.close()
})

describe('book.toml edited while serving', () => {
  it('reports an unknown shiki theme once, at its key, keeps serving, and recovers when it is fixed', async () => {
    const file = path.join(f.dir, 'book.toml')
    const good = fs.readFileSync(file, 'utf8')
    let rebuilt = f.nextRebuild()
    fs.writeFileSync(file, `${good}\n[slugwiki]\nlight-theme = "nosuch"\n`)
    await rebuilt
    const shown = await rcu.next('errors')
    expect(shown.errors).toHaveLength(1)
    const line = good.split('\n').length + 2
    expect(shown.errors![0]).toMatchObject({ file: expect.stringMatching(/book\.toml$/), line, column: 1 })
    expect(shown.errors![0]!.message).toMatch(/^`slugwiki\.light-theme`: unknown shiki theme `nosuch`; light themes include /)
    expect((await f.get('kernel/rcu.html')).status).toBe(200)

    rebuilt = f.nextRebuild()
    fs.writeFileSync(file, `${good}\n[slugwiki]\nlight-theme = "github-light"\n`)
    await rebuilt
    await rcu.next('reload')
    expect(f.lines).toContain('errors fixed')
  })
})
