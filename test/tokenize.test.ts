/**
 * One grammar pass gives every character of code the colour and font style
 * shiki's own two-theme `codeToHast` gives it, in both schemes. The reference
 * is shiki itself (tokenising once per theme, inline `--shiki-*` styles); ours
 * is read back through the generated stylesheet, so the classes and the CSS
 * that defines them are checked together. Cases: every code block of the real
 * wiki, the fixtures and a generated corpus, plus hand-picked tricky ones, in
 * two theme pairs (one with italics, bold and underlines).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Element, ElementContent, Root } from 'hast'
import type { Code } from 'mdast'
import remarkParse from 'remark-parse'
import { createHighlighter, createOnigurumaEngine, type Highlighter, type ShikiTransformer } from 'shiki'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../scripts/corpus/generate.ts'
import { codeStylesheet } from '../src/markdown/code-colors.ts'
import { BUILTIN_GRAMMARS } from '../src/markdown/grammars.ts'
import { createCodeHighlighter, type CodeHighlighter } from '../src/markdown/highlighter.ts'
import { isKernelLog } from '../src/markdown/kernel-log.ts'

const root = path.resolve(import.meta.dirname, '..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-tokenize-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** Every fenced block of the markdown files under `dir`. */
function blocksUnder(dir: string): Array<{ lang: string; code: string; where: string }> {
  const out: Array<{ lang: string; code: string; where: string }> = []
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue
    const file = path.join(entry.parentPath, entry.name)
    visit(unified().use(remarkParse).parse(fs.readFileSync(file, 'utf8')), 'code', (node: Code) => {
      const lang = (node.lang ?? '').split(',')[0]!
      if (!isKernelLog(node.value)) out.push({ lang, code: node.value, where: `${path.relative(root, file)}:${node.position?.start.line}` })
    })
  }
  return out
}

const tricky: Array<{ lang: string; code: string; where: string }> = [
  { lang: 'cpp', where: 'C++ templates, raw strings, continued macros', code: 'template <typename T, int N = 4>\nstruct ring : std::array<T, N> {\n  constexpr auto at(size_t i) const noexcept -> const T& { return (*this)[i % N]; }\n};\n#define CHECK(x) \\\n  do { if (!(x)) abort(); } while (0)\nauto s = R"delim(raw "string" \\n)delim";\n[[nodiscard]] static inline int f(auto&& g) { return g(1\'000); }\n// comment with trailing space   \n\toperator<=>(const ring&) const = default;' },
  { lang: 'go', where: 'Go struct tags', code: 'type Config struct {\n\tName    string `json:"name,omitempty" yaml:"name"`\n\tTimeout time.Duration `json:"timeout"`\n}\n\nfunc (c *Config) Load(r io.Reader) error {\n\treturn json.NewDecoder(r).Decode(c) // decode\n}' },
  { lang: 'bash', where: 'bash heredocs with empty lines', code: 'cat <<EOF > /etc/sysctl.d/99.conf\nvm.swappiness = 10\n\nkernel.perf_event_paranoid = -1\nEOF\nsudo tee /sys/fs/cgroup/x <<-\'END\'\n\t$not_expanded\n\n\tEND\necho "${HOME:-/root}" $((1 << 3)) | grep -E \'^a+$\'' },
  { lang: 'yaml', where: 'YAML anchors, block scalars, comments', code: 'defaults: &defaults\n  adapter: postgres   # trailing\n  script: |\n    make -j$(nproc)\n\n    ./run --flag\nprod:\n  <<: *defaults\n  list: [a, "b", 3.0, ~, true]\n---\n- key: >-\n    folded\n' },
  { lang: 'diff', where: 'a diff', code: 'diff --git a/mm/memcontrol.c b/mm/memcontrol.c\nindex 1234567..89abcde 100644\n--- a/mm/memcontrol.c\n+++ b/mm/memcontrol.c\n@@ -10,7 +10,8 @@ static int x;\n-\told();\n+\tnew();\n \tcontext();\n\\ No newline at end of file' },
  { lang: 'rust', where: 'Rust with mdBook hidden-line markers', code: '# use std::sync::Arc;\n# fn main() {\nlet v: Vec<u8> = vec![1, 2, 3];\nlet a = Arc::new(v); // shared\n## not hidden\n#[derive(Debug)]\nstruct S<\'a> { r: &\'a str }\nmacro_rules! m { ($x:expr) => { $x } }\n# }' },
  { lang: 'c', where: 'empty lines, trailing whitespace, tabs, unicode', code: '\n\nint\tmain(void)   \n{\n\t\t/* naïve — 日本語 😀 */\n\treturn 0;\t\n}\n\n   \n' },
  { lang: 'c', where: 'an empty block', code: '' },
  { lang: 'c', where: 'a preprocessor continuation before an empty line', code: '#define A \\\n\nint x;' },
  { lang: 'c', where: 'a line past 2000 characters', code: `int big[] = {${Array.from({ length: 700 }, (_, i) => i).join(', ')}};\nint after = 1;` },
  { lang: 'python', where: 'Python decorators and f-strings', code: '@dataclass\nclass P:\n    x: int = 0\n    def f(self):\n        return f"{self.x!r:>10}"  # c\n' },
  // shiki leaves empty lines out of tokenising: the paragraph goes on, so this is not an indented code block.
  { lang: 'markdown', where: 'markdown: a paragraph, an empty line, an indented line', code: 'para\n\n    indented code\n' },
  { lang: 'markdown', where: 'markdown embedding code', code: '# Title\n\n*em* **strong** ~~gone~~ [link](x)\n\n```c\nint x;\n```\n' },
  { lang: 'html', where: 'HTML embedding CSS and JS', code: '<style>\n  a { color: red }\n</style>\n<script>\n  const x = `t${1}`\n</script>\n<a href="x">y</a>' },
  { lang: 'json', where: 'JSON', code: '{\n  "a": [1, 2.5e3, null, true],\n  "b": "s\\n"\n}' },
  { lang: 'toml', where: 'TOML', code: '[book]\ntitle = "x" # c\n[[bin]]\nname = \'y\'\n' },
  { lang: 'make', where: 'Makefile', code: 'obj-m += x.o\nall:\n\t$(MAKE) -C /lib/modules/$(shell uname -r)/build M=$(PWD) modules\n' },
  { lang: 'dockerfile', where: 'Dockerfile', code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y gcc\nCMD ["bash"]' },
  { lang: 'llvm', where: 'LLVM IR', code: 'define i32 @f(i32 %a) {\nentry:\n  %r = add nsw i32 %a, 1\n  ret i32 %r\n}' },
  { lang: 'asm', where: 'assembly', code: 'mov rax, [rbp-8]\ncall printk ; log\n' },
  { lang: 'wasm', where: 'WebAssembly text', code: '(module\n  (func $add (param i32 i32) (result i32)\n    local.get 0\n    local.get 1\n    i32.add))' },
  { lang: 'typescript', where: 'TypeScript', code: 'export async function f<T extends object>(x: T): Promise<keyof T> {\n  return Object.keys(x)[0] as keyof T // c\n}' },
  { lang: 'log', where: 'a non-kernel log', code: '2024-01-01 12:00:00 ERROR something failed\n2024-01-01 12:00:01 INFO ok' },
  { lang: 'text', where: 'plain text', code: 'just text\n\n  indented  ' },
]

/** A character's style: its `--shiki-*` custom properties, `inherit` ones dropped (they mean "not set" here). */
type Styled = string

/** Each line's text and per-character styles of a highlighted `pre`. */
function characters(tree: Root, styleOf: (span: Element) => Record<string, string>): Array<{ text: string; chars: Styled[]; className: string }> {
  const pre = tree.children[0] as Element
  const code = pre.children[0] as Element
  const lines = code.children.filter((c): c is Element => c.type === 'element')
  return lines.map((line) => {
    let text = ''
    const chars: Styled[] = []
    const walk = (node: ElementContent, inherited: Record<string, string>) => {
      if (node.type === 'text') {
        text += node.value
        const key = Object.entries(inherited).filter(([, v]) => v !== 'inherit').sort().map(([k, v]) => `${k}:${v}`).join(';')
        for (const _ of node.value) chars.push(key)
      } else if (node.type === 'element') for (const child of node.children) walk(child, { ...inherited, ...styleOf(node) })
    }
    for (const child of line.children) walk(child, {})
    return { text, chars, className: String(line.properties.class ?? line.properties.className) }
  })
}

function declarations(text: string): Record<string, string> {
  return Object.fromEntries(text.split(';').filter(Boolean).map((d) => [d.slice(0, d.indexOf(':')), d.slice(d.indexOf(':') + 1)]))
}

/**
 * An ansi block's span as shiki's two-theme declarations: the theme's text
 * colour where it sets none, `light-dark()` backgrounds and the font
 * properties (the same in both schemes) as their per-scheme custom properties.
 */
function ansiDeclarations(span: Element, root: Record<string, string>): Record<string, string> {
  if (span.properties.className === undefined && span.properties.style === undefined && span.children.some((c) => c.type === 'element')) return {}
  const out: Record<string, string> = { '--shiki-light': root['--shiki-light']!, '--shiki-dark': root['--shiki-dark']! }
  for (const [key, value] of Object.entries(declarations(String(span.properties.style ?? '')))) {
    const background = /^light-dark\((.*), (.*)\)$/.exec(value)
    if (key === 'background-color' && background) {
      if (background[1] !== 'transparent') out['--shiki-light-bg'] = background[1]!
      if (background[2] !== 'transparent') out['--shiki-dark-bg'] = background[2]!
    } else if (key.startsWith('--shiki-')) out[key] = value
    else for (const scheme of ['light', 'dark']) out[`--shiki-${scheme}-${key}`] = value
  }
  return out
}

/** The generated stylesheet as class → declarations (it writes one flat rule per line; nothing nests). */
function parseStylesheet(css: string): { root: Record<string, string>; classes: Map<string, Record<string, string>> } {
  const classes = new Map<string, Record<string, string>>()
  let rootRule: Record<string, string> = {}
  for (const m of css.matchAll(/^(\.shiki(?: \.([a-z0-9]+))?)\{([^}]*)\}$/gm)) {
    if (m[2]) classes.set(m[2], declarations(m[3]!))
    else rootRule = declarations(m[3]!)
  }
  return { root: rootRule, classes }
}

const marker: ShikiTransformer = {
  name: 'test:mark-line-2',
  line(node, line) {
    if (line === 2) this.addClassToHast(node, 'highlighted')
  },
}

const pairs = [
  { light: 'github-light-default', dark: 'github-dark-default' },
  // Italics, bold and underlines in code, and colours that differ per scheme in other places.
  { light: 'catppuccin-latte', dark: 'monokai' },
]

describe.each(pairs)('one grammar pass, $light / $dark', (themes) => {
  let ours: CodeHighlighter
  let reference: Highlighter
  let sheet: ReturnType<typeof parseStylesheet>
  const cases = [
    ...tricky,
    ...blocksUnder(path.join(root, 'content')),
    ...blocksUnder(path.join(root, 'test/fixtures')),
    ...blocksUnder(generateCorpus({ notes: 30, dir: path.join(tmp, `corpus-${themes.light}`) }).src),
  ]

  beforeAll(async () => {
    ours = await createCodeHighlighter({ lightTheme: themes.light, darkTheme: themes.dark })
    reference = await createHighlighter({ themes: [themes.light, themes.dark], langs: [...BUILTIN_GRAMMARS], engine: createOnigurumaEngine(import('shiki/wasm')) })
    sheet = parseStylesheet(ours.stylesheet())
  }, 60_000)
  afterAll(() => reference.dispose())

  it('the main thread makes the same stylesheet as the workers, and it defines the pre of every block', async () => {
    const made = await codeStylesheet(themes.light, themes.dark)
    expect(made.css).toBe(ours.stylesheet())
    expect(made.name).toMatch(/^code-[0-9a-f]{10}\.css$/)
    const pre = reference.codeToHast('x', { lang: 'text', themes, defaultColor: false }).children[0] as Element
    expect(sheet.root).toEqual(declarations(String(pre.properties.style)))
  })

  it('gives every character the colours and font styles of shiki’s codeToHast, in both schemes', async () => {
    const langs = new Set<string>()
    let compared = 0
    const spans = { ours: 0, shiki: 0 }
    let fontStyled = 0
    for (const { lang: fence, code, where } of cases) {
      const lang = ours.resolve(fence)
      if (!lang) continue
      langs.add(lang)
      // `ansi` is shiki's special language: no grammar to load.
      if (lang !== 'text' && lang !== 'ansi' && !reference.getLoadedLanguages().includes(lang)) await reference.loadLanguage(lang as Parameters<Highlighter['loadLanguage']>[0])
      const expected = reference.codeToHast(code, { lang, themes, defaultColor: false, transformers: [marker], tokenizeTimeLimit: 0 })
      const { tree } = await ours.highlight(code, fence, [marker])
      const want = characters(expected, (span) => declarations(String(span.properties.style ?? '')))
      const got = characters(tree, (span) => {
        // An ansi block's colours are its escapes', not a theme's scopes: inline, read back as shiki writes them.
        if (lang === 'ansi') return ansiDeclarations(span, sheet.root)
        expect(span.properties.style, where).toBeUndefined()
        const names = String(span.properties.class ?? '').split(' ').filter((c) => c && c !== 'line' && c !== 'highlighted')
        return Object.assign({}, ...names.map((c) => sheet.classes.get(c) ?? { [`missing class ${c}`]: '!' }))
      })
      expect(got, where).toEqual(want)
      fontStyled += want.flatMap((l) => l.chars).filter((c) => /font-style|font-weight|text-decoration/.test(c)).length
      const pre = tree.children[0] as Element
      const shikiPre = expected.children[0] as Element
      expect(pre.properties.class, where).toBe(shikiPre.properties.class)
      expect(pre.properties.style, where).toBeUndefined()
      visit(tree, 'element', (e) => void (e.tagName === 'span' && spans.ours++))
      visit(expected, 'element', (e) => void (e.tagName === 'span' && spans.shiki++))
      compared++
    }
    // The cases really cover the wiki's languages and more; merging same-style neighbours keeps fewer spans.
    for (const lang of ['c', 'cpp', 'go', 'rust', 'shellscript', 'yaml', 'diff', 'json', 'toml', 'python', 'markdown', 'html', 'text']) expect(langs).toContain(lang)
    expect(compared).toBeGreaterThan(100)
    expect(fontStyled).toBeGreaterThan(0)
    expect(spans.ours).toBeLessThan(spans.shiki)
  }, 240_000)
})
