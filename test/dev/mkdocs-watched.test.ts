/**
 * Files beside mkdocs.yml that configure an MkDocs site: mkdocs-macros's
 * `include_yaml` files (variables replaced in every page) and
 * pymdownx.emoji's `custom_icons` folders (a site's own icons). `npm run dev`
 * watches them, as `mkdocs serve` watches the project, and an edit shows.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type DevFixture } from '../helpers/dev.ts'

let f: DevFixture
const svg = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><path fill="${fill}" d="M0 0h8v8z"/></svg>`
const image = (fill: string) => `src="data:image/svg+xml;base64,${Buffer.from(svg(fill)).toString('base64')}"`

beforeAll(async () => {
  f = await startFixture('mkdocs', {}, (dir) => {
    const yml = path.join(dir, 'mkdocs.yml')
    const text = fs.readFileSync(yml, 'utf8')
    const macros = text.replace('plugins:\n  - search\n', 'plugins:\n  - search\n  - macros:\n      include_yaml:\n        - vars.yml\n')
    fs.writeFileSync(yml, macros.replace('      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n', '      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n      options:\n        custom_icons:\n          - overrides/.icons\n'))
    fs.writeFileSync(path.join(dir, 'vars.yml'), 'release: "6.1"\n')
    fs.mkdirSync(path.join(dir, 'overrides/.icons'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'overrides/.icons/ebee.svg'), svg('#FFE100'))
    fs.appendFileSync(path.join(dir, 'docs/sched/cfs.md'), '\nSince {{ release }}, :ebee: draws it; :wasp: is text until its icon is added.\n')
  })
})
afterAll(async () => {
  await f?.close()
})

describe('an MkDocs site served', () => {
  it('reads an include_yaml file again when it is edited: the pages show its new variables', async () => {
    expect(await (await f.get('sched/cfs.html')).text()).toContain('Since 6.1,')
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, 'vars.yml'), 'release: "6.2"\n')
    await rebuilt
    await f.settle(0, { none: true })
    expect(await (await f.get('sched/cfs.html')).text()).toContain('Since 6.2,')
  })

  it("draws a custom_icons folder's edited icon, and one added, anew", async () => {
    let html = await (await f.get('sched/cfs.html')).text()
    expect(html).toContain(image('#FFE100'))
    expect(html).toContain(':wasp: is text')
    const rebuilt = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, 'overrides/.icons/ebee.svg'), svg('#000000'))
    await rebuilt
    await f.settle(0, { none: true })
    expect(await (await f.get('sched/cfs.html')).text()).toContain(image('#000000'))
    const added = f.nextRebuild()
    fs.writeFileSync(path.join(f.dir, 'overrides/.icons/wasp.svg'), svg('#FF0000'))
    await added
    await f.settle(0, { none: true })
    html = await (await f.get('sched/cfs.html')).text()
    expect(html).toContain(image('#FF0000'))
    expect(html).not.toContain(':wasp:')
  })
})
