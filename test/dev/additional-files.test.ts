/**
 * mdBook's `additional-css` and `additional-js` kept beside book.toml
 * (`theme/custom.css`, `scripts/custom.js`), outside `src/`: the dev server
 * watches them, a stylesheet edit restyles the open pages (nothing is
 * compiled again), a script edit reloads them.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, startFixture, type DevFixture, type Listener } from '../helpers/dev.ts'

let f: DevFixture
let go: Listener

beforeAll(async () => {
  f = await startFixture('mdbook', {}, (dir) => {
    const toml = path.join(dir, 'book.toml')
    fs.writeFileSync(toml, fs.readFileSync(toml, 'utf8').replace('[output.html]\n', '[output.html]\nadditional-css = ["theme/custom.css", "styles/later.css"]\nadditional-js = ["scripts/custom.js"]\n'))
    fs.mkdirSync(path.join(dir, 'theme'))
    fs.writeFileSync(path.join(dir, 'theme/custom.css'), 'body { color: red; }\n')
    fs.mkdirSync(path.join(dir, 'scripts'))
    fs.writeFileSync(path.join(dir, 'scripts/custom.js'), 'console.log("one")\n')
    fs.mkdirSync(path.join(dir, 'styles'))
  })
  go = await listen(f.dev, 'go.html')
})
afterAll(async () => {
  go?.close()
  await f?.close()
})

describe('additional-css and additional-js outside src/', () => {
  it('a stylesheet edit swaps the stylesheets of open pages, which get the new file', async () => {
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, 'theme/custom.css'), 'body { color: blue; }\n')
    const result = await rebuilt
    // Nothing to compile again: the file is served as it is.
    expect(result).toMatchObject({ everything: false, styles: true, parsed: 0 })
    await go.next('styles')
    expect(go.messages.some((m) => m.type === 'reload')).toBe(false)
    expect(await (await f.get('_slugwiki/additional/theme/custom.css')).text()).toBe('body { color: blue; }\n')
  })

  it('a script edit reloads the open pages', async () => {
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, 'scripts/custom.js'), 'console.log("two")\n')
    await rebuilt
    await go.next('reload')
    expect(await (await f.get('_slugwiki/additional/scripts/custom.js')).text()).toBe('console.log("two")\n')
  })

  it('a listed file that appears is linked from then on, and its warning goes', async () => {
    expect(f.lines.some((line) => line.includes('additional file `styles/later.css` not found'))).toBe(true)
    expect(await (await f.get('go.html')).text()).not.toContain('later.css')
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, 'styles/later.css'), 'p { margin: 0; }\n')
    await rebuilt
    await go.next('reload')
    expect(await (await f.get('go.html')).text()).toContain('additional/styles/later.css')
    expect(f.dev.diagnostics().some((d) => d.message.includes('later.css'))).toBe(false)
  })
})
