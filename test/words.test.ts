/**
 * The theme's own words in the wiki's language: lookup with fallbacks, the
 * author's overrides and their errors, a German wiki's pages (and, in
 * headless Chromium, its scripts' words and axe's verdict).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { ConfigError, resolveConfig } from '../src/config.ts'
import { panelWords } from '../src/dev/server.ts'
import { countWords, EN, localeOf, WORD_KEYS, wordsFor } from '../src/words/index.ts'
import { axe } from './helpers/axe.ts'
import { launchBrowser, serveSite, type ServedSite } from './helpers/browser.ts'
import { tempSite } from './helpers/site.ts'

describe('word lookup', () => {
  it('falls back from a region to its language, and to English', () => {
    expect(localeOf('de-CH').tag).toBe('de')
    expect(localeOf('de-AT').tag).toBe('de')
    expect(localeOf('zh-TW').tag).toBe('zh')
    expect(localeOf('pt_BR').tag).toBe('pt')
    expect(localeOf('tlh').tag).toBe('en')
    expect(wordsFor('de-CH')['on-this-page']).toBe('Auf dieser Seite')
    expect(wordsFor('xx-YY')).toEqual(EN)
  })

  it('gives the scripts the English words of src/words/en.ts, which they carry for English pages (no word list in those)', () => {
    const projectRoot = path.resolve(import.meta.dirname, '..')
    for (const script of ['themes/default/assets/search.js', 'themes/default/assets/theme.js']) {
      const text = fs.readFileSync(path.join(projectRoot, script), 'utf8')
      const literal = /const english = (\{\n[\s\S]*?\n\s*\})\n/.exec(text)?.[1]
      expect(literal, script).toBeDefined()
      // The script's own object literal (plain strings): evaluated as the browser would.
      const english = new Function(`return ${literal}`)() as Record<string, string>
      expect(Object.keys(english).length).toBeGreaterThan(5)
      for (const [key, value] of Object.entries(english)) expect([script, key, value]).toEqual([script, key, EN[key as keyof typeof EN]])
    }
  })

  it('has every key in every language', () => {
    for (const language of ['de', 'fr', 'es', 'pt', 'it', 'ru', 'ja', 'zh', 'ko']) {
      const words = wordsFor(language) as Record<string, string>
      expect(WORD_KEYS.filter((key) => typeof words[key] !== 'string' || words[key] === '')).toEqual([])
    }
  })

  it('counts in the language’s plural forms', () => {
    expect(countWords(wordsFor('en'), 'en', 'note-count', 1)).toBe('1 note')
    expect(countWords(wordsFor('en'), 'en', 'note-count', 3)).toBe('3 notes')
    expect(countWords(wordsFor('ru'), 'ru', 'note-count', 3)).toBe('3 заметки')
    expect(countWords(wordsFor('ru'), 'ru', 'note-count', 5)).toBe('5 заметок')
  })

  it('titles the dev server’s error panel in the wiki’s language, counted by its rules', () => {
    expect(panelWords(undefined, 1)).toEqual({ lang: 'en', title: 'Build error', close: 'Close', hint: 'The page shows its last good version. Fix the file and save: this clears by itself.' })
    expect(panelWords({ language: 'en', words: wordsFor('en') }, 3).title).toBe('3 build errors')
    expect(panelWords({ language: 'de-CH', words: wordsFor('de-CH') }, 1)).toMatchObject({ lang: 'de-CH', title: 'Build-Fehler', close: 'Schließen' })
    expect(panelWords({ language: 'ru', words: wordsFor('ru') }, 21).title).toBe('21 ошибка сборки')
    expect(panelWords({ language: 'ru', words: wordsFor('ru') }, 3).title).toBe('3 ошибки сборки')
    expect(panelWords({ language: 'ru', words: wordsFor('ru') }, 5).title).toBe('5 ошибок сборки')
    // The author's own word wins, as for any other.
    expect(panelWords({ language: 'fr', words: wordsFor('fr', { 'dev-error-close': 'OK' }) }, 2)).toMatchObject({ title: '2 erreurs de génération', close: 'OK' })
  })
})

describe('words in the config', () => {
  const config = (files: Record<string, string>) => {
    const site = tempSite(files)
    try {
      return resolveConfig({ src: site.src, out: site.out })
    } finally {
      site.cleanup()
    }
  }
  const error = (files: Record<string, string>) => {
    try {
      config(files)
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError)
      const { line, column, message } = (e as ConfigError).diagnostic
      return { line, column, message }
    }
    throw new Error('no error')
  }

  it('takes the language from book.toml or slugwiki.toml, and an override over it', () => {
    expect(config({ 'book.toml': '[book]\nsrc = "."\nlanguage = "de-CH"\n', 'a.md': '# A\n' }).words.next).toBe('Weiter')
    expect(config({ 'slugwiki.toml': 'language = "fr"\n[words]\nnext = "Après"\n', 'a.md': '# A\n' }).words).toMatchObject({ next: 'Après', previous: 'Précédent' })
    expect(config({ 'book.toml': '[book]\nsrc = "."\n[slugwiki.words]\n"on-this-page" = "Contents"\n', 'a.md': '# A\n' }).words['on-this-page']).toBe('Contents')
  })

  it('names an unknown word at its line and column', () => {
    expect(error({ 'book.toml': '[book]\nsrc = "."\n[slugwiki.words]\nnext = "On"\n  "on-this-pag" = "x"\n', 'a.md': '# A\n' })).toEqual({ line: 5, column: 3, message: 'Unknown key `slugwiki.words.on-this-pag`' })
    expect(error({ 'slugwiki.toml': '[words]\nnope = "x"\n', 'a.md': '# A\n' })).toMatchObject({ line: 2, column: 1, message: 'Unknown key `words.nope`' })
  })
})

describe('a German wiki', () => {
  let tmp: string
  let site: ServedSite
  let browser: Browser
  let out: string
  const page = (name: string) => fs.readFileSync(path.join(out, name), 'utf8')

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-words-'))
    const src = path.join(tmp, 'src')
    fs.mkdirSync(src, { recursive: true })
    fs.writeFileSync(path.join(tmp, 'book.toml'), '[book]\ntitle = "Wiki"\nlanguage = "de-CH"\n[output.html]\ngit-repository-url = "https://github.com/x/y"\n[slugwiki.words]\n"edit-page" = "Seite ändern"\n')
    fs.writeFileSync(path.join(src, 'SUMMARY.md'), '# Inhalt\n\n- [Eins](eins.md)\n- [Zwei](zwei.md)\n')
    fs.writeFileSync(path.join(src, 'eins.md'), '---\ntags: [kern]\n---\n# Eins\n\n## Teil a\n\nText.\n\n## Teil b\n\n> [!TIP]\n> Ein Tipp.\n\n> [!warning]\n> Obsidian.\n\n```js\nlet a = 1\n```\n\n[Zwei](zwei.md)\n')
    fs.writeFileSync(path.join(src, 'zwei.md'), '# Zwei\n\nSiehe [Eins](eins.md).\n')
    fs.writeFileSync(path.join(src, 'topics.yml'), 'Text:\n  aliases: [Text, Texte]\n  home: zwei.md\n')
    const result = await build({ src, out: path.join(tmp, 'out'), cache: false, quiet: true })
    expect(result.written).toBe(true)
    out = result.config.out
    site = await serveSite(out, result.config.base)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('shows the theme’s words in German, and the author’s override', () => {
    const eins = page('eins.html')
    for (const words of ['Zum Inhalt springen', 'Auf dieser Seite', 'Weiter ', 'aria-label="Kapitel"', 'Quell-Repository auf GitHub', 'Seite ändern', '>Tipp</p>', 'Warnung']) expect(eins).toContain(words)
    expect(eins).not.toContain('On this page')
    expect(eins).not.toContain('Edit this page')
    expect(page('zwei.html')).toContain('Verlinkt von')
    expect(page('zwei.html')).toContain('Zurück')
    expect(page('404.html')).toContain('Seite nicht gefunden')
    expect(page('tags/index.html')).toContain('<h1>Schlagwörter</h1>')
    // The index pages' counting sentences, each count in the language's form.
    expect(page('tags/index.html')).toContain('1 Schlagwort, jeweils mit der Zahl der Notizen, die es tragen.')
    expect(page('tags/kern.html')).toContain('1 Notiz mit dem Schlagwort „kern“. <a href="index.html">Alle Schlagwörter</a>.')
    const topic = page(fs.readdirSync(path.join(out, 'topics')).map((f) => `topics/${f}`).find((f) => f !== 'topics/index.html')!)
    expect(topic).toMatch(/\d+-mal erwähnt, in \d+ Notiz(en)?\. Zum Einstieg: <a href="[^"]*zwei\.html">Zwei<\/a>\./)
    expect(topic).toContain('Vorkommen als <span class="alias">Text</span>')
    expect(page('topics/index.html')).toContain('Wo jedes Thema der 2 Notizen behandelt wird, und eine Karte des Wikis.')
  })

  it('hands its scripts their words: the search box’s, the copy button’s', async () => {
    const context = await browser.newContext()
    const tab = await context.newPage()
    await tab.goto(site.url + 'eins.html')
    const copy = tab.locator('figure.code .copy-button').first()
    await expect.poll(() => copy.textContent()).toBe('Kopieren')
    expect(await copy.getAttribute('aria-label')).toBe('Code kopieren')
    const input = tab.locator('.search-input')
    expect(await input.getAttribute('placeholder')).toBe('Suche')
    await input.fill('zzzqqqxyz')
    await expect.poll(() => tab.locator('.search-status').textContent(), { timeout: 10_000 }).toBe('Keine Ergebnisse für „zzzqqqxyz“')
    expect(await tab.locator('.scheme-toggle').getAttribute('aria-label')).toMatch(/^Farbschema: System \(wechseln zu hell\)$/)
    await context.close()
  })

  it('has no serious accessibility violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const tab = await context.newPage()
    for (const name of ['eins.html', 'zwei.html', 'nowhere.html']) {
      await tab.goto(site.url + name)
      expect(await axe(tab)).toEqual([])
    }
    await context.close()
  })
})
