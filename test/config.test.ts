import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { ConfigError, editUrl, repositoryHost, resolveConfig } from '../src/config.ts'
import { projectRoot } from './helpers/cli.ts'
import { writeFiles } from './helpers/files.ts'

const book = path.join(projectRoot, 'test/sites/mdbook')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-config-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const wiki = (name: string, files: Record<string, string>): string => writeFiles(path.join(tmp, name), files)

describe('resolveConfig', () => {
  it("writes where an mdBook's [build] build-dir says, from the book's folder; --out wins, and without one it is dist/", async () => {
    const root = wiki('build-dir', { 'book.toml': '[book]\ntitle = "Pages"\n\n[build]\nbuild-dir = "docs"\n', 'src/SUMMARY.md': '# Summary\n\n- [A](a.md)\n', 'src/a.md': '# A\n' })
    // From another working folder, as `npm run build -- --src book` runs it.
    expect(resolveConfig({ src: root }, projectRoot).out).toBe(path.join(root, 'docs'))
    expect(resolveConfig({ src: path.join(root, 'src') }, projectRoot).out).toBe(path.join(root, 'docs'))
    expect(resolveConfig({ src: root, out: 'elsewhere' }, tmp).out).toBe(path.join(tmp, 'elsewhere'))
    expect(resolveConfig({ src: book }, tmp).out).toBe(path.join(tmp, 'dist'))
    // A plain wiki's book.toml-less folder has no build-dir: dist/.
    const plain = wiki('build-dir-plain', { 'a.md': '# A\n' })
    expect(resolveConfig({ src: plain }, tmp).out).toBe(path.join(tmp, 'dist'))
    const result = await build({ src: root, quiet: true, cache: false })
    expect(result.written).toBe(true)
    expect(fs.existsSync(path.join(root, 'docs', 'a.html'))).toBe(true)
  })

  it("shows GitHub's `:warning:` shortcodes as emoji in a plain wiki, not in an mdBook, unless the config says otherwise", async () => {
    expect(resolveConfig({ src: book }, projectRoot).emoji).toBe(false)
    const plain = wiki('emoji-plain', { 'a.md': '# A\n\n:warning: read this first.\n' })
    expect(resolveConfig({ src: plain }, tmp).emoji).toBe(true)
    const off = wiki('emoji-off', { 'a.md': '# A\n\n:warning: read this first.\n', 'slugwiki.toml': 'emoji = false\n' })
    expect(resolveConfig({ src: off }, tmp).emoji).toBe(false)
    const on = wiki('emoji-book', { 'book.toml': '[book]\ntitle = "B"\n\n[slugwiki]\nemoji = true\n', 'src/SUMMARY.md': '# Summary\n\n- [A](a.md)\n', 'src/a.md': '# A\n\n:warning: read this first.\n' })
    expect(resolveConfig({ src: on }, tmp).emoji).toBe(true)
    for (const [src, shown] of [[plain, '⚠️ read this first.'], [off, ':warning: read this first.'], [on, '⚠️ read this first.']] as const) {
      const out = path.join(tmp, `${path.basename(src)}-out`)
      const result = await build({ src, out, quiet: true, cache: false })
      expect(result.written).toBe(true)
      expect(fs.readFileSync(path.join(out, 'a.html'), 'utf8')).toContain(`<p>${shown}</p>`)
    }
  })

  it('reads an mdBook from its folder or from its src/ folder alike', () => {
    const fromRoot = resolveConfig({ src: book }, projectRoot)
    const fromSrc = resolveConfig({ src: path.join(book, 'src') }, projectRoot)
    for (const config of [fromRoot, fromSrc]) {
      expect(config.src).toBe(path.join(book, 'src'))
      expect(config.root).toBe(book)
      expect(config.title).toBe('Fixture Book')
      expect(config.base).toBe('/book/')
      expect(config.math).toBe(true)
      // mdBook's MathJax reads math after markdown: a book's `$$` math is unescaped as markdown text is.
      expect(config.mathSyntax).toBe('mathjax')
      expect(config.srcFromRoot).toBe('src')
    }
    expect(editUrl(fromRoot, 'kernel/rcu.md')).toBe('https://github.com/example/fixture-book/edit/HEAD/src/kernel/rcu.md')
  })

  it('names a file from the repository root in an edit link derived from git-repository-url, when the book is a folder of that repository', () => {
    const toml = '[book]\ntitle = "Wasmtime"\nsrc = "."\n\n[output.html]\ngit-repository-url = "https://github.com/bytecodealliance/wasmtime"\n'
    const repo = wiki('monorepo', { 'docs/book.toml': toml, 'docs/cli.md': '# CLI\n', 'README.md': '# Wasmtime\n' })
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' })
    git('init', '-q')
    // A clone's remote, in git's ssh spelling: the same repository as the https URL.
    git('remote', 'add', 'origin', 'git@github.com:bytecodealliance/wasmtime.git')
    const docs = resolveConfig({ src: path.join(repo, 'docs') })
    expect(editUrl(docs, 'cli.md')).toBe('https://github.com/bytecodealliance/wasmtime/edit/HEAD/docs/cli.md')
    // A template the book writes is mdBook's: `{path}` from the book root, as before.
    const templated = wiki('monorepo-template', {})
    fs.cpSync(repo, templated, { recursive: true })
    fs.appendFileSync(path.join(templated, 'docs/book.toml'), 'edit-url-template = "https://github.com/bytecodealliance/wasmtime/edit/main/docs/{path}"\n')
    expect(editUrl(resolveConfig({ src: path.join(templated, 'docs') }), 'cli.md')).toBe('https://github.com/bytecodealliance/wasmtime/edit/main/docs/cli.md')
    // Another repository's checkout (a copy of the book kept elsewhere): paths stay from the book's folder.
    git('remote', 'set-url', 'origin', 'https://github.com/someone/vendored.git')
    expect(editUrl(resolveConfig({ src: path.join(repo, 'docs') }), 'cli.md')).toBe('https://github.com/bytecodealliance/wasmtime/edit/HEAD/cli.md')
  })

  it('lets --base and --theme override the files', () => {
    const config = resolveConfig({ src: book, base: 'wiki', theme: 'paper' }, projectRoot)
    expect(config.base).toBe('/wiki/')
    expect(config.theme).toBe('paper')
  })

  it('treats a book.toml beside the notes without `src` as src = "."', () => {
    const dir = wiki('beside', { 'book.toml': '[book]\ntitle = "Beside"\n', 'README.md': '# Hi\n' })
    expect(resolveConfig({ src: dir }).src).toBe(dir)
  })

  it('reads mdbook-toc’s marker and max-level only with its [preprocessor.toc]', () => {
    const toc = (name: string, toml: string) => resolveConfig({ src: wiki(name, { 'book.toml': `[book]\nsrc = "."\n${toml}`, 'README.md': '# Hi\n' }) }).toc
    expect(toc('toc-none', '')).toBeUndefined()
    expect(toc('toc-default', '[preprocessor.toc]\ncommand = "mdbook-toc"\nrenderer = ["html"]\n')).toEqual({})
    expect(toc('toc-gitlab', '[preprocessor.toc]\nmarker = "[[_TOC_]]"\nmax-level = 2\n')).toEqual({ marker: '[[_TOC_]]', maxLevel: 2 })
    // Outside an mdBook, Python-Markdown's `[TOC]` (MkDocs, the MLIR docs).
    expect(resolveConfig({ src: wiki('toc-wiki', { 'README.md': '# Hi\n' }) }).toc).toEqual({ marker: '[TOC]' })
  })

  it('reads the Rust Reference’s r[rule] markers only with its [preprocessor.spec]', () => {
    const spec = (name: string, toml: string) => resolveConfig({ src: wiki(name, { 'book.toml': `[book]\nsrc = "."\n${toml}`, 'README.md': '# Hi\n' }) }).specRules
    expect(spec('spec-none', '')).toBe(false)
    expect(spec('spec-on', '[preprocessor.spec]\ncommand = "cargo run --release --manifest-path tools/mdbook-spec/Cargo.toml"\n')).toBe(true)
    expect(resolveConfig({ src: wiki('spec-wiki', { 'README.md': '# Hi\n' }) }).specRules).toBe(false)
  })

  it('reads ```bob blocks as mdbook-svgbob diagrams only with its [preprocessor.svgbob] (Comprehensive Rust has it)', () => {
    const bob = (name: string, toml: string) => resolveConfig({ src: wiki(name, { 'book.toml': `[book]\nsrc = "."\n${toml}`, 'README.md': '# Hi\n' }) }).svgbob
    expect(bob('bob-none', '')).toBe(false)
    expect(bob('bob-on', '[preprocessor.svgbob]\nrenderers = ["html"]\nafter = ["gettext"]\nclass = "bob"\n')).toBe(true)
    expect(resolveConfig({ src: wiki('bob-wiki', { 'README.md': '# Hi\n' }) }).svgbob).toBe(false)
  })

  it('reads the Rust book’s <Listing> blocks only with its [preprocessor.trpl-listing], in its output-mode', () => {
    const mode = (toml: string) => resolveConfig({ src: wiki(`trpl-${toml.length}`, { 'book.toml': `[book]\nsrc = "."\n${toml}`, 'README.md': '# Hi\n' }) }).trplListing
    expect(mode('')).toBeUndefined()
    expect(mode('[preprocessor.trpl-listing]\n')).toBe('default')
    expect(mode('[preprocessor.trpl-listing]\noutput-mode = "default"\n')).toBe('default')
    expect(mode('[preprocessor.trpl-listing]\noutput-mode = "simple"\n')).toBe('simple')
    expect(resolveConfig({ src: wiki('trpl-wiki', { 'README.md': '# Hi\n' }) }).trplListing).toBeUndefined()
  })

  it('names an unknown [slugwiki] key', () => {
    const dir = wiki('unknown', { 'book.toml': '[book]\nsrc = "."\n[slugwiki]\nthem = "paper"\n' })
    expect(() => resolveConfig({ src: dir }, tmp)).toThrow(/Unknown key `slugwiki\.them`/)
  })

  it('names the line and column of the key a config error is about', () => {
    const diagnostic = (files: Record<string, string>, name = files['slugwiki.toml'] ? 'slugwiki.toml' : 'book.toml') => {
      const dir = wiki(`placed-${Object.values(files).join('').length}-${name}`, files)
      try {
        resolveConfig({ src: dir }, tmp)
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError)
        const { file, line, column, message } = (error as ConfigError).diagnostic
        expect(file).toBe(path.relative(tmp, path.join(dir, name)))
        return { line, column, message }
      }
      return expect.unreachable()
    }
    // An unknown key, the first of several; a key of the wrong type, in its table, dotted or inline.
    expect(diagnostic({ 'book.toml': '[book]\nsrc = "."\n\n[slugwiki]\ntheme = "paper"\n  them = "x"\nmaths = 1\n' })).toEqual({ line: 6, column: 3, message: 'Unknown keys `slugwiki.them`, `slugwiki.maths`' })
    expect(diagnostic({ 'book.toml': '[book]\nsrc = "."\n[slugwiki]\nmath = "yes"\n' })).toMatchObject({ line: 4, column: 1, message: expect.stringMatching(/^`slugwiki\.math`: /) })
    expect(diagnostic({ 'book.toml': 'book.src = "."\nslugwiki.popovers = 1\n' })).toMatchObject({ line: 2, column: 10 })
    expect(diagnostic({ 'book.toml': 'book = { src = "." }\noutput = { html = { additional-css = ["a.css", 2] } }\n' })).toMatchObject({ line: 2, column: 48, message: expect.stringMatching(/^`output\.html\.additional-css\.1`: /) })
    // mdBook's old top-level keys, read as `[book]`'s.
    expect(diagnostic({ 'book.toml': '# old format\ntitle = 3\n' })).toMatchObject({ line: 2, column: 1, message: expect.stringMatching(/^`book\.title`: /) })
    // slugwiki.toml's keys are the `[slugwiki]` table's.
    expect(diagnostic({ 'slugwiki.toml': 'math = true\n\nindices = "no"\n' })).toMatchObject({ line: 3, column: 1, message: expect.stringMatching(/^`indices`: /) })
    expect(diagnostic({ 'slugwiki.toml': 'theme = "paper"\ntopic = "t.yml"\n' })).toEqual({ line: 2, column: 1, message: 'Unknown key `topic`' })
    // A code theme shiki does not have: one error at its key, offering some it has.
    expect(diagnostic({ 'book.toml': '[book]\nsrc = "."\n\n[slugwiki]\nlight-theme = "nosuch"\n' })).toEqual({
      line: 5,
      column: 1,
      message: expect.stringMatching(/^`slugwiki\.light-theme`: unknown shiki theme `nosuch`; light themes include `[a-z-]+`, `[a-z-]+`/),
    })
    expect(diagnostic({ 'slugwiki.toml': 'dark-theme = "github-darkest"\n' })).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('`github-dark`, `github-dark-default`') })
    // A macros file mdbook-katex could not read either.
    expect(diagnostic({ 'book.toml': '[book]\nsrc = "."\n\n[preprocessor.katex]\nmacros = "nope.txt"\n' })).toMatchObject({ line: 5, column: 1 })
  })

  it("reads git-repository-icon's host (mdBook's Font Awesome name), else the repository URL's", () => {
    expect(repositoryHost('fa-github', 'https://gitlab.com/a/b')).toBe('github')
    expect(repositoryHost('fa-brands fa-gitlab', undefined)).toBe('gitlab')
    expect(repositoryHost('fa-github-alt', undefined)).toBe('github')
    expect(repositoryHost('fa-code-fork', 'https://github.com/a/b')).toBe('other')
    expect(repositoryHost(undefined, 'https://github.com/a/b')).toBe('github')
    expect(repositoryHost(undefined, 'https://gitlab.gnome.org/a/b')).toBe('gitlab')
    expect(repositoryHost(undefined, 'https://codeberg.org/a/b')).toBe('codeberg')
    expect(repositoryHost(undefined, 'https://git.kernel.org/a')).toBe('other')
    expect(repositoryHost(undefined, 'not a url')).toBe('other')
    // mdBook 0.5 writes Font Awesome 6's brands as `fab-github`; Font Awesome 4 has `fa-bitbucket` too.
    expect(repositoryHost('fab-github', 'https://gitlab.com/a/b')).toBe('github')
    expect(repositoryHost('fab-gitlab', undefined)).toBe('gitlab')
    expect(repositoryHost('fa-bitbucket', undefined)).toBe('bitbucket')
    expect(repositoryHost('fa-brands fa-gitea', undefined)).toBe('gitea')
    expect(repositoryHost('fa-gitlabx', 'https://gitlab.com/a/b')).toBe('other')
    expect(repositoryHost(undefined, 'https://bitbucket.org/a/b')).toBe('bitbucket')
    expect(repositoryHost(undefined, 'https://gitea.com/a/b')).toBe('gitea')
    const dir = wiki('repo-icon', { 'book.toml': '[book]\nsrc = "."\n[output.html]\ngit-repository-url = "https://codeberg.org/a/b"\ngit-repository-icon = "fa-gitlab"\n' })
    expect(resolveConfig({ src: dir }, tmp).repositoryHost).toBe('gitlab')
  })

  it('reports broken TOML with its line and column', () => {
    const dir = wiki('broken', { 'book.toml': '[book]\ntitle = "unterminated\n' })
    try {
      resolveConfig({ src: dir }, tmp)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      expect((error as ConfigError).diagnostic).toMatchObject({ file: 'broken/book.toml', line: 2, severity: 'error', rule: 'config' })
    }
  })

  it('tolerates mdBook keys it does not use', () => {
    const dir = wiki('mdbook-keys', {
      'book.toml': '[book]\nsrc = "."\nmultilingual = false\n[output.html]\nadditional-css = ["x.css"]\n[output.html.fold]\nenable = true\n[preprocessor.katex]\n',
    })
    expect(resolveConfig({ src: dir }).src).toBe(dir)
  })

  it('reads [output.html.code.hidelines], a prefix by language, empty without it', () => {
    const dir = wiki('hidelines', { 'book.toml': '[book]\nsrc = "."\n[output.html.code.hidelines]\npython = "~"\nsh = "!!"\n' })
    expect(resolveConfig({ src: dir }).hideLines).toEqual({ python: '~', sh: '!!' })
    expect(resolveConfig({ src: book }, projectRoot).hideLines).toEqual({})
  })

  it('reads [preprocessor.admonish], mdbook-admonish\'s defaults without it, and names a key of the wrong type', () => {
    const dir = wiki('admonish', {
      'book.toml': [
        '[book]\nsrc = "."',
        '[preprocessor.admonish]\ncommand = "mdbook-admonish"\non_failure = "bail"',
        '[preprocessor.admonish.default]\ntitle = ""\ncollapsible = true\ncss-id-prefix = "box-"',
        '[preprocessor.admonish.directive.builtin.warning]\ncollapsible = false',
        '[preprocessor.admonish.directive.custom.recipe]\nicon = "r.svg"\ncolor = "#9B4F96"\naliases = ["dish"]\ntitle = "Recipe"',
        '[[preprocessor.admonish.custom]]\ndirective = "plate"\nicon = "p.svg"\ncolor = "#000000"\ncollapsible = true',
      ].join('\n'),
    })
    expect(resolveConfig({ src: dir }).admonish).toEqual({
      onFailure: 'bail',
      defaultTitle: '',
      defaultCollapsible: true,
      idPrefix: 'box-',
      builtinCollapsible: { warning: false },
      custom: {
        recipe: { directive: 'recipe', title: 'Recipe', collapsible: undefined },
        dish: { directive: 'recipe', title: 'Recipe', collapsible: undefined },
        plate: { directive: 'plate', title: undefined, collapsible: true },
      },
    })
    expect(resolveConfig({ src: book }, projectRoot).admonish).toEqual({ onFailure: 'continue', defaultCollapsible: false, idPrefix: 'admonition-', builtinCollapsible: {}, custom: {} })
    const wrong = wiki('admonish-wrong', { 'book.toml': '[book]\nsrc = "."\n[preprocessor.admonish.default]\ncollapsible = "yes"\n' })
    expect(() => resolveConfig({ src: wrong }, tmp)).toThrow(/`preprocessor\.admonish\.default\.collapsible`/)
  })

  it('reads math as mdbook-katex does in a book with [preprocessor.katex]: `$…$` and `$$…$$` as written', () => {
    const katex = resolveConfig({ src: wiki('katex-book', { 'book.toml': '[book]\ntitle = "K"\n\n[preprocessor.katex]\nafter = ["links"]\n' }) })
    expect(katex.math).toBe(true)
    expect(katex.mathSyntax).toBe('katex')
    const mathjax = resolveConfig({ src: wiki('mathjax-book', { 'book.toml': '[book]\ntitle = "M"\n\n[output.html]\nmathjax-support = true\n' }) })
    expect(mathjax.math).toBe(true)
    expect(mathjax.mathSyntax).toBe('mathjax')
    const plain = resolveConfig({ src: wiki('plain-book', { 'book.toml': '[book]\ntitle = "P"\n' }) })
    expect(plain.math).toBe(false)
  })

  it('typesets math in a vault or garden without book.toml, as Obsidian and Quartz do, unless slugwiki.toml says no', () => {
    const vault = resolveConfig({ src: wiki('vault', { 'note.md': '$e^{i\\pi} = -1$\n' }) })
    expect(vault.math).toBe(true)
    expect(vault.mathSyntax).toBe('katex')
    const off = resolveConfig({ src: wiki('vault-off', { 'slugwiki.toml': 'math = false\n' }) })
    expect(off.math).toBe(false)
  })

  it('reads Obsidian\'s inline footnotes `^[note]` without book.toml, and in a book only when [slugwiki] asks', () => {
    expect(resolveConfig({ src: wiki('vault-notes', { 'note.md': 'A^[note].\n' }) }).inlineFootnotes).toBe(true)
    expect(resolveConfig({ src: wiki('book-notes', { 'book.toml': '[book]\ntitle = "B"\n' }) }).inlineFootnotes).toBe(false)
    expect(resolveConfig({ src: wiki('book-notes-on', { 'book.toml': '[book]\ntitle = "B"\n\n[slugwiki]\ninline-footnotes = true\n' }) }).inlineFootnotes).toBe(true)
    // Obsidian's task marks (`- [?]`): a vault's, not a book's unless it asks.
    expect(resolveConfig({ src: wiki('vault-tasks', { 'note.md': '- [?] q\n' }) }).taskMarks).toBe(true)
    expect(resolveConfig({ src: wiki('book-tasks', { 'book.toml': '[book]\ntitle = "B"\n' }) }).taskMarks).toBe(false)
    expect(resolveConfig({ src: wiki('book-tasks-on', { 'book.toml': '[book]\ntitle = "B"\n\n[slugwiki]\ntask-marks = true\n' }) }).taskMarks).toBe(true)
  })

  it('reads slugwiki.toml when there is no book.toml', () => {
    const dir = wiki('own', { 'slugwiki.toml': 'theme = "paper"\nmath = true\n' })
    const config = resolveConfig({ src: dir })
    expect(config.theme).toBe('paper')
    expect(config.math).toBe(true)
    expect(config.mathSyntax).toBe('katex')
  })

  it('takes a wiki without book.toml\'s title, description, authors and language from slugwiki.toml', () => {
    const config = resolveConfig({ src: wiki('own-book', { 'slugwiki.toml': 'title = "Notizen"\ndescription = "Kernel"\nauthors = ["A"]\nlanguage = "de"\ntheme = "paper"\n' }) })
    expect([config.title, config.description, config.authors, config.language, config.theme]).toEqual(['Notizen', 'Kernel', ['A'], 'de', 'paper'])
    // The language gives the text direction, as book.toml's does.
    expect(resolveConfig({ src: wiki('own-ar', { 'slugwiki.toml': 'language = "ar"\n' }) }).textDirection).toBe('rtl')
    // Without them: the folder's name, English.
    const bare = resolveConfig({ src: wiki('own-bare', { 'slugwiki.toml': 'theme = "paper"\n' }) })
    expect([bare.title, bare.language]).toEqual(['own-bare', 'en'])
    // book.toml says these in [book]: its [slugwiki] table does not take them.
    expect(() => resolveConfig({ src: wiki('book-title', { 'book.toml': '[book]\nsrc = "."\n\n[slugwiki]\ntitle = "X"\n' }) })).toThrow(/Unknown key `slugwiki\.title`/)
  })

  it('reads [book] text-direction, else derives it from `language`: mdBook\'s codes, then the platform\'s CLDR data', () => {
    const direction = (name: string, toml: string) => resolveConfig({ src: wiki(name, { 'book.toml': `[book]\nsrc = "."\n${toml}` }) }).textDirection
    expect(direction('dir-explicit', 'text-direction = "rtl"\n')).toBe('rtl')
    // mdBook's key wins over the language, either way.
    expect(direction('dir-explicit-en', 'language = "en"\ntext-direction = "rtl"\n')).toBe('rtl')
    expect(direction('dir-explicit-ar', 'language = "ar"\ntext-direction = "ltr"\n')).toBe('ltr')
    expect(direction('dir-ar', 'language = "ar"\n')).toBe('rtl')
    expect(direction('dir-he', 'language = "he"\n')).toBe('rtl')
    // Codes mdBook reads right to left that the platform's data does not.
    expect(direction('dir-ku', 'language = "ku"\n')).toBe('rtl')
    expect(direction('dir-syc', 'language = "syc"\n')).toBe('rtl')
    // Beyond mdBook's exact codes: a region (mdBook's `_` spelling too), and languages its table lacks.
    expect(direction('dir-fa-ir', 'language = "fa-IR"\n')).toBe('rtl')
    expect(direction('dir-ur-pk', 'language = "ur_PK"\n')).toBe('rtl')
    expect(direction('dir-ckb', 'language = "ckb"\n')).toBe('rtl')
    expect(direction('dir-en', 'language = "en"\n')).toBe('ltr')
    expect(direction('dir-ja', 'language = "ja"\n')).toBe('ltr')
    expect(direction('dir-ku-latn', 'language = "ku-Latn"\n')).toBe('ltr')
    // No language (mdBook's `en`), or a tag Intl.Locale cannot read: left to right.
    expect(direction('dir-none', '')).toBe('ltr')
    expect(direction('dir-invalid', 'language = "not a tag!"\n')).toBe('ltr')
  })

  it('names [book] text-direction, at its line, when it is neither ltr nor rtl', () => {
    for (const value of ['"RTL"', '"auto"', '1']) {
      const dir = wiki(`dir-bad-${value.replace(/\W/g, '')}`, { 'book.toml': `[book]\nsrc = "."\ntext-direction = ${value}\n` })
      try {
        resolveConfig({ src: dir }, tmp)
        expect.unreachable()
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError)
        expect((error as ConfigError).diagnostic).toMatchObject({ file: expect.stringMatching(/book\.toml$/), line: 3, severity: 'error', rule: 'config' })
        expect((error as ConfigError).message).toMatch(/^`book\.text-direction`: .*"ltr"\|"rtl"/)
      }
    }
  })

  it('reads text-direction from [slugwiki] or slugwiki.toml, over [book]', () => {
    expect(resolveConfig({ src: wiki('dir-own', { 'slugwiki.toml': 'text-direction = "rtl"\n' }) }).textDirection).toBe('rtl')
    expect(resolveConfig({ src: wiki('dir-own-none', { 'slugwiki.toml': 'theme = "paper"\n' }) }).textDirection).toBe('ltr')
    expect(resolveConfig({ src: wiki('dir-table', { 'book.toml': '[book]\nsrc = "."\nlanguage = "he"\n[slugwiki]\ntext-direction = "ltr"\n' }) }).textDirection).toBe('ltr')
    const bad = wiki('dir-own-bad', { 'slugwiki.toml': 'text-direction = "right"\n' })
    expect(() => resolveConfig({ src: bad }, tmp)).toThrow(/^`text-direction`: .*"ltr"\|"rtl"/)
  })

  it('fails clearly on a missing source folder', () => {
    expect(() => resolveConfig({ src: path.join(tmp, 'nope') }, tmp)).toThrow('Source folder not found: nope')
  })
})

describe('book.toml warnings of the build', () => {
  it('name the line and column of their key', async () => {
    const dir = wiki('build-places', {
      'book.toml': [
        '[book]',
        'title = "T"',
        '',
        '[output.html]',
        'additional-css = ["missing.css"]',
        '  input-404 = "nope.md"',
        'theme = "my-theme"',
        '',
        '[output.html.redirect]',
        '"/fine.html" = "a.html"',
        '"/gone.html" = "nowhere.html"',
        '"/a.html" = "taken.html"',
        '',
      ].join('\n'),
      'src/SUMMARY.md': '# Summary\n\n- [A](a.md)\n',
      'src/a.md': '# A\n',
    })
    const result = await build({ src: dir, out: path.join(tmp, 'build-places-out'), quiet: true, cache: false })
    const file = path.relative(process.cwd(), path.join(dir, 'book.toml'))
    const places = result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)
    expect(places.sort()).toEqual(
      [`${file}:5:1 additional-asset`, `${file}:6:3 not-found`, `${file}:7:1 mdbook-theme`, `${file}:11:1 redirect`, `${file}:12:1 redirect`].sort(),
    )
  })
})
