/**
 * Check that the restored wiki carries every line of its seed.
 *
 * The seed (`../shared/seeds/000_a3bed9a4fcf69189.txt`) is a plain-text dump
 * of the published wiki. Every non-empty seed line, whitespace-normalised and
 * stripped of a leading list number or bullet, must be found in the text of
 * the notes; lines are also expected in seed order across the notes taken in
 * SUMMARY order (a line found only earlier is reported as out of order).
 *
 * Usage:
 *   npx tsx scripts/check-seed.ts [DIR]          markdown notes (default `content`)
 *   npx tsx scripts/check-seed.ts --html dist    text of built pages
 *   --seed FILE                                  another seed file
 *
 * Exits 1 when a line is missing; out-of-order lines are warnings.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..')

interface Args {
  dir: string
  html: boolean
  seed: string
}

/** Read argv: `[DIR]`, `--html DIR`, `--seed FILE`. */
function parseArgs(argv: string[]): Args {
  const args: Args = {
    dir: path.join(root, 'content'),
    html: false,
    seed: path.resolve(root, '../shared/seeds/000_a3bed9a4fcf69189.txt'),
  }
  const rest = [...argv]
  while (rest.length > 0) {
    const a = rest.shift() as string
    if (a === '--html') {
      args.html = true
      const next = rest[0]
      args.dir = next !== undefined && !next.startsWith('--') ? path.resolve(rest.shift() as string) : path.join(root, 'dist')
    } else if (a === '--seed') {
      const next = rest.shift()
      if (next === undefined) throw new Error('--seed needs a file')
      args.seed = path.resolve(next)
    } else if (a === '--help' || a === '-h') {
      console.log('usage: tsx scripts/check-seed.ts [DIR] | --html [DIST] [--seed FILE]')
      process.exit(0)
    } else args.dir = path.resolve(a)
  }
  return args
}

/** Collapse whitespace (NBSP included) and drop a leading list marker. */
export function normalize(line: string): string {
  return line
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^(?:\d+[.)]|[•*+-])\s+/u, '')
}

/** Source paths listed in SUMMARY.md, in order (relative to `dir`). */
function summaryOrder(dir: string): string[] {
  const file = path.join(dir, 'SUMMARY.md')
  if (!fs.existsSync(file)) return []
  const out: string[] = []
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = decodeURIComponent((m[1] ?? '').replace(/#.*$/, ''))
    if (target && !out.includes(target)) out.push(target)
  }
  return out
}

function walk(dir: string, ext: string): string[] {
  const out: string[] = []
  const visit = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue
      const abs = path.join(d, e.name)
      if (e.isDirectory()) visit(abs)
      else if (e.name.endsWith(ext)) out.push(path.relative(dir, abs).split(path.sep).join('/'))
    }
  }
  visit(dir)
  return out
}

/** Import a dependency from the project's node_modules, or explain what is missing. */
async function need<T>(name: string): Promise<T> {
  try {
    return (await import(name)) as T
  } catch {
    console.error(`check-seed: needs \`${name}\` (run \`npm install\` in ${root})`)
    process.exit(2)
  }
}

type Node = { type: string; value?: string; children?: Node[]; depth?: number }

/** Markdown notes → one text per note, a line per block (code keeps its own lines). */
async function markdownTexts(dir: string): Promise<Map<string, string>> {
  const { unified } = await need<typeof import('unified')>('unified')
  const remarkParse = (await need<typeof import('remark-parse')>('remark-parse')).default
  const remarkGfm = (await need<typeof import('remark-gfm')>('remark-gfm')).default
  const remarkFrontmatter = (await need<typeof import('remark-frontmatter')>('remark-frontmatter')).default
  const { toString } = await need<typeof import('mdast-util-to-string')>('mdast-util-to-string')
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])

  const texts = new Map<string, string>()
  for (const rel of walk(dir, '.md')) {
    if (rel === 'SUMMARY.md') continue
    const tree = processor.parse(fs.readFileSync(path.join(dir, rel), 'utf8')) as Node
    const lines: string[] = []
    const h1: string[] = []
    const visit = (node: Node) => {
      switch (node.type) {
        // Frontmatter repeats the title and first sentence; the body must carry the seed.
        case 'yaml':
        case 'toml':
        case 'definition':
        case 'thematicBreak':
          return
        case 'code':
        case 'html':
          lines.push(...(node.value ?? '').split('\n'))
          return
        case 'heading':
          if (node.depth === 1) h1.push(toString(node))
          lines.push(toString(node))
          return
        case 'paragraph':
        case 'tableCell':
          lines.push(...toString(node).split('\n'))
          return
        default:
          for (const child of node.children ?? []) visit(child)
      }
    }
    visit(tree)
    if (h1.length !== 1) console.warn(`warning: ${rel} has ${h1.length} h1 headings`)
    texts.set(rel, lines.join('\n'))
  }
  return texts
}

/** Built pages → the text of their main content. */
async function htmlTexts(dir: string): Promise<Map<string, string>> {
  // rehype-parse is a thin wrapper around hast-util-from-html: use whichever is installed.
  let fromHtml: (html: string) => Node
  try {
    const { unified } = await import('unified')
    const rehypeParse = (await import('rehype-parse' as string)) as { default: never }
    const processor = unified().use(rehypeParse.default)
    fromHtml = (html) => processor.parse(html) as unknown as Node
  } catch {
    fromHtml = (await need<{ fromHtml: (html: string) => Node }>('hast-util-from-html')).fromHtml
  }
  const { toText } = await need<{ toText: (node: Node) => string }>('hast-util-to-text')

  type Element = Node & { tagName?: string; properties?: Record<string, unknown> }
  const classes = (node: Element): string[] => {
    const value = node.properties?.className
    return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : []
  }
  const find = (node: Node, match: (el: Element) => boolean): Node | undefined => {
    const el = node as Element
    if (el.type === 'element' && match(el)) return node
    for (const child of node.children ?? []) {
      const hit = find(child, match)
      if (hit) return hit
    }
    return undefined
  }
  // Page chrome repeats titles of other notes (breadcrumbs, previous/next, tables of contents)
  // and adds heading anchors: it would let a seed line match in the wrong place.
  const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'script', 'style', 'template', 'button'])
  const prune = (node: Node): void => {
    if (!node.children) return
    node.children = node.children.filter((child) => {
      const el = child as Element
      if (el.type !== 'element') return true
      if (CHROME.has(el.tagName ?? '')) return false
      if (el.properties?.ariaHidden === 'true' || el.properties?.ariaHidden === true) return false
      if (classes(el).some((c) => c === 'tags' || c === 'heading-anchor')) return false
      return true
    })
    for (const child of node.children) prune(child)
  }
  const texts = new Map<string, string>()
  for (const rel of walk(dir, '.html')) {
    const tree = fromHtml(fs.readFileSync(path.join(dir, rel), 'utf8'))
    // Prefer the note's own body (slugwiki's theme marks it), then the usual landmarks.
    const main =
      find(tree, (el) => classes(el).includes('note-body')) ??
      find(tree, (el) => el.tagName === 'article') ??
      find(tree, (el) => el.tagName === 'main') ??
      find(tree, (el) => el.tagName === 'body') ??
      tree
    prune(main)
    texts.set(rel, toText(main))
  }
  return texts
}

/** Candidate built pages for one source path. */
function htmlCandidates(source: string): string[] {
  const stem = source.replace(/\.md$/i, '')
  const dirname = stem.replace(/(^|\/)README$/i, '$1').replace(/\/$/, '')
  const out = [`${stem}.html`, `${stem}/index.html`]
  if (/(^|\/)README$/i.test(stem)) out.push(dirname ? `${dirname}/index.html` : 'index.html', dirname ? `${dirname}.html` : 'index.html')
  return out
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  if (!fs.existsSync(args.dir)) {
    console.error(`check-seed: no folder ${args.dir}${args.html ? ' (build the site first)' : ''}`)
    process.exit(2)
  }
  const seed = fs.readFileSync(args.seed, 'utf8').split(/\r?\n/)
  const texts = args.html ? await htmlTexts(args.dir) : await markdownTexts(args.dir)

  // Notes in SUMMARY order, then any others (by path) so nothing is skipped.
  const summaryDir = args.html ? path.join(root, 'content') : args.dir
  const order: string[] = []
  for (const source of summaryOrder(summaryDir)) {
    const key = args.html ? htmlCandidates(source).find((c) => texts.has(c)) : source
    if (key && texts.has(key) && !order.includes(key)) order.push(key)
    else if (!key || !texts.has(key)) console.warn(`warning: SUMMARY entry ${source} has no ${args.html ? 'built page' : 'note'}`)
  }
  if (!args.html) for (const key of texts.keys()) if (!order.includes(key)) order.push(key)

  // One normalised line per text line, with the page it came from.
  const lines: { text: string; page: string }[] = []
  for (const page of order) {
    for (const line of texts.get(page)!.split('\n')) {
      const text = normalize(line)
      if (text) lines.push({ text, page })
    }
  }

  const missing: string[] = []
  const unordered: string[] = []
  let partial = 0
  let cursor = 0
  let checked = 0

  // First a whole line equal to the seed line, then a line containing it.
  const findFrom = (needle: string, from: number): number => {
    for (let i = from; i < lines.length; i++) if (lines[i]?.text === needle) return i
    for (let i = from; i < lines.length; i++) if (lines[i]?.text.includes(needle)) return i
    return -1
  }

  seed.forEach((raw, index) => {
    const needle = normalize(raw)
    if (!needle) return
    checked += 1
    const number = index + 1
    const ahead = findFrom(needle, cursor)
    if (ahead !== -1) {
      // An exact line is used up; a longer line may still hold the next seed lines.
      if (lines[ahead]?.text === needle) cursor = ahead + 1
      else {
        partial += 1
        cursor = ahead
      }
      return
    }
    const anywhere = findFrom(needle, 0)
    if (anywhere !== -1) {
      unordered.push(`  seed:${number} (found earlier, in ${lines[anywhere]?.page}): ${raw.trim().slice(0, 100)}`)
      return
    }
    missing.push(`  seed:${number}: ${raw.trim().slice(0, 160)}`)
  })

  const source = args.html ? `${path.relative(root, args.dir) || '.'} (html)` : path.relative(root, args.dir) || '.'
  console.log(
    `check-seed: ${checked} non-empty seed lines, ${order.length} ${args.html ? 'pages' : 'notes'} in ${source}; ` +
      `${checked - missing.length - unordered.length} found in order (${partial} inside a longer line), ` +
      `${unordered.length} out of order, ${missing.length} missing`,
  )
  if (unordered.length) console.log(`warning: out of order:\n${unordered.join('\n')}`)
  if (missing.length) {
    console.log(`missing:\n${missing.join('\n')}`)
    process.exit(1)
  }
}

await main()
