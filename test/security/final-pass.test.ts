/**
 * The final sanitising pass (sanitize-schema.ts) must allow exactly what our
 * plugins emit: on every note of the real wiki, the fixture book and the
 * fixtures, plus a KaTeX and code stress note, it changes nothing. A plugin
 * that starts emitting new markup fails here instead of being silently
 * stripped from every page.
 */
import fs from 'node:fs'
import path from 'node:path'
import { toHtml } from 'hast-util-to-html'
import { sanitize } from 'hast-util-sanitize'
import type { Root } from 'hast'
import { SKIP, visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { finalSchema } from '../../src/markdown/sanitize-schema.ts'
import { projectRoot } from '../helpers/cli.ts'
import { render, type RenderOptions } from '../helpers/markdown.ts'

const STRESS = String.raw`# Stress: every kind of markup our plugins add

$$\sqrt{x} \sqrt[3]{y} \overrightarrow{AB} \xrightarrow[below]{above} \underbrace{a+b}_{n} \overbrace{c}^{m} \widehat{xyz} \widetilde{ab}$$

$$\begin{pmatrix}1&2\\3&4\end{pmatrix} \begin{array}{c|c:c}a&b&c\\\hline d&e&f\\\hdashline\end{array} \begin{cases}a&x\\b&y\end{cases}$$

$$\begin{aligned}a&=b\tag{1}\\c&=d\end{aligned}$$

$$\frac{a}{b} \dfrac12 \tbinom{n}{k} \cancel{x} \bcancel{y} \xcancel{z} \sout{w} \boxed{q} \fbox{t} \colorbox{red}{c} \fcolorbox{red}{blue}{d} \color{blue}{e} \textcolor{#f00}{f}$$

$$\left(\frac{a}{b}\right] \Big( \bigg\| \vec v \dot x \ddot y \not= \mathbb{R} \mathcal{L} \mathfrak{g} \operatorname{sup} \text{text} \textbf{b} \hspace{1em} \rule{1em}{2pt} \phantom{x} \mathrlap{x} \smash{y} \raisebox{1pt}{r}$$

$$\sum_{i=0}^n \prod\limits_a \int_0^1 \oint \lim_{x\to0} \overset{!}{=} \underset{x}{y} \overline{x} \underline{y} \overleftrightarrow{z} \overgroup{ab} \utilde{x} \xleftarrow{a} \xLeftarrow{b} \xlongequal{d} \langle x \rangle \vcenter{x} \Huge{x} \tiny y \kern1em \mathbin{x} \bmod \pmod{c}$$

Inline $x^2_i$, an error $\frac{$ and $\unknowncommand$.

` + '```c title="mm/memcontrol.c" {1} showLineNumbers{10}\nstatic int x;\nint y;\n```\n\n```dmesg\n' +
  Array.from({ length: 12 }, (_, i) => `[    ${i}.000000]  ${i === 0 ? 'Call Trace:' : ' func+0x1/0x2'}`).join('\n') +
  '\n```\n\n```nosuchlanguage\nplain\n```\n\nA footnote[^1].\n\n[^1]: Here.\n\n- [x] done\n- [ ] todo\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n'

function notesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.md') && !f.split(path.sep).includes('sanitize'))
    .sort()
    .map((f) => path.join(dir, f))
}

/** Hostile author HTML that pass 1 strips: rendered unsanitised, it would differ for that reason, not ours. */
const HOSTILE = /\bon[a-z]+\s*=|<script|<iframe|<style|javascript:/i

/** A fixture's own settings (its `options.json`), so each plugin runs as its fixture has it. */
function optionsOf(file: string): RenderOptions {
  const options = path.join(path.dirname(file), 'options.json')
  return file.includes(`${path.sep}fixtures${path.sep}`) && fs.existsSync(options) ? (JSON.parse(fs.readFileSync(options, 'utf8')) as RenderOptions) : {}
}

const inputs: Array<[string, string, RenderOptions]> = [
  ...[...notesUnder(path.join(projectRoot, 'content')), ...notesUnder(path.join(projectRoot, 'test/sites')), ...notesUnder(path.join(projectRoot, 'test/fixtures'))]
    .map((file): [string, string, RenderOptions] => [path.relative(projectRoot, file), fs.readFileSync(file, 'utf8'), optionsOf(file)])
    .filter(([, text]) => !HOSTILE.test(text)),
  ['stress note', STRESS, {}],
]

describe('the final sanitising pass keeps all of our plugins’ output', () => {
  it.each(inputs)('%s', async (_name, markdown, options) => {
    // Trusted: nothing is sanitised, so the tree is exactly what the plugins produced.
    const { note } = await render(markdown, { ...options, math: true, trusted: true })
    // The author's HTML comments (`<!-- toc -->` a preprocessor did not take) are no plugin's output: pass 1 removes them.
    visit(note.tree, 'comment', (_node, index, parent) => {
      parent!.children.splice(index!, 1)
      return [SKIP, index!]
    })
    const before = toHtml(note.tree)
    const after = toHtml(sanitize(structuredClone(note.tree), finalSchema) as Root)
    expect(after).toBe(before)
  })

  it('topic links, with a hostile topic title and description', async () => {
    const topics = [{ id: 'rcu', title: '<img src=x onerror=alert(1)>', aliases: ['RCU'], description: '"><script>alert(2)</script>', caseSensitive: true }]
    const markdown = '# RCU\n\nRead-copy-update, or RCU, defers reclamation.\n'
    const trusted = await render(markdown, { trusted: true, topics })
    const before = toHtml(trusted.note.tree)
    expect(before).toContain('class="topic-link"')
    expect(toHtml(sanitize(structuredClone(trusted.note.tree), finalSchema) as Root)).toBe(before)
    // The same note sanitised: the topic's words stay attribute text, never markup.
    const { html } = await render(markdown, { topics })
    expect(html).toContain('data-topic-title="<img src=x onerror=alert(1)>" data-topic-description="&#x22;><script>alert(2)</script>">RCU</a>')
  })

  it('the stress note really exercises SVG, MathML, shiki, kernel logs and anchors', async () => {
    const { html } = await render(STRESS, { math: true, trusted: true })
    for (const marker of ['<svg', '<path', '<line', '<mtable', '<mpadded', 'class="shiki', 'data-line-numbers', 'class="log-fold"', 'class="heading-anchor"', 'katex-error'])
      expect(html).toContain(marker)
  })
})
