/**
 * `npm run bench:stack -- [--notes N]`: the floor the design card's stack
 * sets on a cold build, whatever slugwiki does around it. The benchmark's
 * notes go through the bare pipeline the card fixes (unified, remark-parse,
 * remark-gfm, remark-rehype, rehype-stringify: nothing of slugwiki's), and
 * their fenced blocks through shiki's own two-theme `codeToHtml` with the
 * default themes (one highlighter, oniguruma, every grammar loaded first).
 * Reported in CPU time of this process, so another process on the machine
 * changes the figures little, and divided by the cores: the wall time a cold
 * build cannot go under on this machine, were both stages split perfectly.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { createHighlighter } from 'shiki'
import { unified } from 'unified'
import { generateCorpus } from './corpus/generate.ts'
import { scriptArgs } from './script-args.ts'

const values = scriptArgs({ notes: { type: 'string', default: '2000' }, target: { type: 'string', default: '20' } }, 'Usage: npm run bench:stack -- [--notes N] [--target SECONDS (compared at 2000 notes)]')
const notes = Number(values.notes)
const target = Number(values.target)
const cores = os.availableParallelism()

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-stack-'))
try {
  const corpus = generateCorpus({ notes, seed: 1, dir })
  const texts = corpus.notes.map((note) => fs.readFileSync(path.join(corpus.src, note.path), 'utf8'))
  const blocks = texts.flatMap((text) => [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] || 'text', code: m[2]! })))
  const cpu = (fn: () => void | Promise<void>) => async () => {
    const start = process.cpuUsage()
    await fn()
    const used = process.cpuUsage(start)
    return (used.user + used.system) / 1e6
  }

  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify)
  // One note first: the modules' code is compiled and warmed before the clock starts.
  processor.processSync(texts[0]!)
  const markdown = await cpu(() => {
    for (const text of texts) processor.processSync(text)
  })()

  const langs = [...new Set(blocks.map((b) => b.lang).filter((l) => l !== 'text'))]
  const themes = { light: 'github-light-default', dark: 'github-dark-default' }
  const highlighter = await createHighlighter({ themes: Object.values(themes), langs })
  // Each grammar's regexes compile at their first use: once per language, before the clock.
  for (const lang of langs) highlighter.codeToHtml('x', { lang, themes })
  const shiki = await cpu(() => {
    for (const { lang, code } of blocks) highlighter.codeToHtml(code, { lang, themes })
  })()

  const total = markdown + shiki
  const floor = total / cores
  const line = (label: string, seconds: number, per: number) => `${label.padEnd(44)} ${seconds.toFixed(1).padStart(6)} s  ${((seconds / per) * 1000).toFixed(2).padStart(6)} ms each`
  process.stdout.write(
    [
      `slugwiki bench:stack: ${texts.length} notes (${(corpus.bytes / 1e6).toFixed(1)} MB), ${blocks.length} fenced blocks, node ${process.version}, ${cores} cores`,
      '',
      line('markdown → HTML (the bare unified pipeline)', markdown, texts.length),
      line('code blocks (shiki codeToHtml, two themes)', shiki, blocks.length),
      line('both, one core', total, texts.length),
      `both, split perfectly over ${cores} cores${' '.repeat(Math.max(1, 13 - String(cores).length))}${floor.toFixed(1).padStart(6)} s${notes === 2000 ? `  ${(floor / target).toFixed(2)}× issue 8's ${target} s target for a cold build` : ''}`,
      '',
    ].join('\n'),
  )
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
