/**
 * Generate a deterministic benchmark wiki in mdBook layout: `book.toml`,
 * `src/SUMMARY.md` and N realistic systems notes (frontmatter tags, headings,
 * tables, task lists, footnotes, bare URLs, relative links with anchors,
 * 2–4 fenced blocks of c/go/bash/yaml/cpp and an unlabeled dmesg block).
 * The same `notes` and `seed` give byte-identical files on every machine,
 * and every link and anchor resolves, so the corpus builds without warnings.
 */
import fs from 'node:fs'
import path from 'node:path'
import GithubSlugger, { slug } from 'github-slugger'
import { AREAS, ASPECTS, CODE_LANGS, SECTION_HEADINGS, codeBlock, createRandom, dmesgBlock, paragraph, sentence, type Area, type Random } from './text.ts'

export interface CorpusOptions {
  /** Number of notes, section pages included (at least 2). */
  notes: number
  /** Seed of the generator (default 1). */
  seed?: number
  /** Book folder to create; must not exist or be empty. */
  dir: string
}

export interface PlannedNote {
  /** Path under `src/`, with `/`. */
  path: string
  title: string
  headings: string[]
  /** Heading ids as rehype-slug gives them, h1 first when the body has one. */
  ids: string[]
  tags: string[]
  hasH1: boolean
}

export interface Corpus {
  /** The book folder (holding book.toml). */
  dir: string
  /** The notes folder (`<dir>/src`). */
  src: string
  notes: PlannedNote[]
  /** Total bytes of the notes. */
  bytes: number
}

/** Notes per section folder, README included. */
const SECTION_SIZE = 40

interface Section {
  area: Area
  folder: string
  title: string
  notes: PlannedNote[]
}

function plan(count: number, random: Random): { root: PlannedNote; sections: Section[] } {
  const root: PlannedNote = { path: 'README.md', title: 'Systems research wiki', headings: ['About this wiki', 'Conventions'], ids: [], tags: [], hasH1: true }
  const sectionCount = Math.max(1, Math.ceil((count - 1) / SECTION_SIZE))
  const sections: Section[] = []
  let remaining = count - 1
  for (let s = 0; s < sectionCount; s++) {
    const area = AREAS[s % AREAS.length]!
    const folder = `${area.id}-${String(Math.floor(s / AREAS.length) + 1).padStart(2, '0')}`
    const subject = area.subjects[Math.floor(s / AREAS.length) % area.subjects.length]!
    const size = Math.ceil(remaining / (sectionCount - s))
    remaining -= size
    const title = `${subject} (${folder})`
    const notes: PlannedNote[] = [{ path: `${folder}/README.md`, title, headings: ['Overview', 'Reading order'], ids: [], tags: [area.tags[0]!], hasH1: true }]
    for (let i = 1; i < size; i++) {
      const n = sections.reduce((sum, x) => sum + x.notes.length, 0) + i
      const subj = random.pick(area.subjects)
      const aspect = random.pick(ASPECTS)
      const noteTitle = `${subj}: ${aspect}`
      const pool = [...SECTION_HEADINGS]
      const headings = Array.from({ length: random.int(3, 5) }, () => pool.splice(random.int(0, pool.length - 1), 1)[0]!)
      const tags = [...new Set(Array.from({ length: random.int(2, 4) }, () => random.pick(area.tags)))]
      notes.push({ path: `${folder}/${slug(`${subj} ${aspect}`)}-${String(n).padStart(5, '0')}.md`, title: noteTitle, headings, ids: [], tags, hasH1: random.next() < 0.5 })
    }
    sections.push({ area, folder, title, notes })
  }
  for (const note of [root, ...sections.flatMap((s) => s.notes)]) {
    const slugger = new GithubSlugger()
    note.ids = [...(note.hasH1 ? [note.title] : []), ...note.headings].map((h) => slugger.slug(h))
  }
  return { root, sections }
}

function relative(from: string, to: string): string {
  return path.posix.relative(path.posix.dirname(from), to) || path.posix.basename(to)
}

function yamlString(value: string): string {
  return JSON.stringify(value)
}

function writeNote(note: PlannedNote, all: PlannedNote[], index: number, random: Random): string {
  const out: string[] = ['---', `title: ${yamlString(note.title)}`, `description: ${yamlString(sentence(random).replace(/[`*]/g, ''))}`]
  if (note.tags.length) out.push(`tags: [${note.tags.join(', ')}]`)
  out.push('---', '')
  if (note.hasH1) out.push(`# ${note.title}`, '')
  out.push(paragraph(random), '')
  const langs = Array.from({ length: random.int(2, 4) }, () => random.pick(CODE_LANGS))
  let footnotes = 0
  note.headings.forEach((heading, h) => {
    out.push(`## ${heading}`, '')
    const target = all[(index + 1 + random.int(0, all.length - 2)) % all.length]!
    const anchor = target.ids.length ? `#${random.pick(target.ids)}` : ''
    const linked = target === note ? `#${note.ids.at(-1)}` : `${relative(note.path, target.path)}${anchor}`
    out.push(`${paragraph(random)} See [${target.title}](${linked}) for the details, and https://lore.kernel.org/all/${20240000 + index * 7 + h}.${index}@kernel.org/ for the thread.[^${++footnotes}]`, '')
    const lang = langs[h]
    if (lang) out.push(`\`\`\`${lang}`, codeBlock(lang, random, index * 10 + h), '```', '')
    if (h === 0) {
      out.push('| Configuration | p50 (µs) | p99 (µs) | Notes |', '|---|---:|---:|---|')
      for (let r = 0; r < random.int(3, 6); r++) out.push(`| ${random.pick(['baseline', 'patched', 'pinned', 'THP on', 'THP off', 'nohz_full'])} | ${random.int(3, 90)} | ${random.int(100, 9000)} | ${sentence(random).replace(/\|/g, '/')} |`)
      out.push('')
    }
    if (h === 1) {
      out.push('Before sending the patch:', '')
      for (let t = 0; t < random.int(2, 4); t++) out.push(`- [${random.next() < 0.5 ? 'x' : ' '}] ${sentence(random)}`)
      out.push('')
    }
    if (h === note.headings.length - 1) out.push('The log from the last run:', '', '```', dmesgBlock(random, index), '```', '')
  })
  for (let f = 1; f <= footnotes; f++) out.push(`[^${f}]: ${sentence(random)}`)
  return `${out.join('\n')}\n`
}

function sectionPage(section: Section, random: Random): string {
  const out = [`# ${section.title}`, '', '## Overview', '', paragraph(random), '', '## Reading order', '']
  for (const note of section.notes.slice(1)) out.push(`1. [${note.title}](${path.posix.basename(note.path)})`)
  return `${out.join('\n')}\n`
}

function rootPage(sections: Section[], random: Random): string {
  const out = ['# Systems research wiki', '', '## About this wiki', '', paragraph(random), '', '## Conventions', '', paragraph(random), '']
  for (const s of sections) out.push(`- [${s.title}](${s.folder}/README.md)`)
  return `${out.join('\n')}\n`
}

function summary(sections: Section[]): string {
  const out = ['# Summary', '', '[Introduction](README.md)', '']
  let part = ''
  for (const s of sections) {
    if (s.area.part !== part) {
      part = s.area.part
      // mdBook parts are flat; repeat the part title when an area comes round again.
      out.push(`# ${part}`, '')
    }
    out.push(`- [${s.title}](${s.notes[0]!.path})`)
    for (const note of s.notes.slice(1)) out.push(`  - [${note.title}](${note.path})`)
    out.push('')
  }
  return out.join('\n')
}

/** Write the corpus to `options.dir` and describe it. */
export function generateCorpus(options: CorpusOptions): Corpus {
  if (options.notes < 2) throw new Error('A corpus needs at least 2 notes')
  const random = createRandom(options.seed ?? 1)
  const { root, sections } = plan(options.notes, random)
  const all = [root, ...sections.flatMap((s) => s.notes)]
  const src = path.join(options.dir, 'src')
  fs.mkdirSync(src, { recursive: true })
  fs.writeFileSync(
    path.join(options.dir, 'book.toml'),
    `[book]\ntitle = "Benchmark wiki (${options.notes} notes)"\nauthors = ["slugwiki bench"]\nlanguage = "en"\nsrc = "src"\n\n[output.html]\nsite-url = "/"\n`,
  )
  fs.writeFileSync(path.join(src, 'SUMMARY.md'), summary(sections))
  let bytes = 0
  const write = (rel: string, text: string) => {
    const file = path.join(src, rel)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, text)
    bytes += Buffer.byteLength(text)
  }
  write(root.path, rootPage(sections, random))
  for (const section of sections) {
    write(section.notes[0]!.path, sectionPage(section, random))
    for (const note of section.notes.slice(1)) write(note.path, writeNote(note, all, all.indexOf(note), random))
  }
  return { dir: options.dir, src, notes: all, bytes }
}

/**
 * Edit one note as an author would: a sentence added to its first paragraph
 * (headings, links and title unchanged). `round` makes each edit different.
 */
export function editNote(corpus: Corpus, note: PlannedNote, round: number): void {
  const file = path.join(corpus.src, note.path)
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const bodyStart = lines.indexOf('---', 1) + 1
  const at = lines.findIndex((line, i) => i >= bodyStart && line !== '' && !line.startsWith('#'))
  lines[at] += ` Edited in round ${round}.`
  fs.writeFileSync(file, lines.join('\n'))
}
