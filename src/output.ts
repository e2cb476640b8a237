/**
 * Write the site atomically: everything goes to a sibling temporary folder,
 * which then replaces the output folder in two renames. A failed build leaves
 * the previous output as it was and no temporary folder behind. Files that
 * did not change are hard-linked from the previous output, not rewritten.
 */
import fs from 'node:fs'
import path from 'node:path'

/** Marks a folder as ours, so a rebuild may replace it. */
export const MARKER = '.slugwiki-output'

/**
 * A rendered page: its HTML, or its HTML in pieces made one after another as
 * they are written (a page holding every note's body), never all at once.
 */
export type PageOutput = string | { chunks(): Iterable<string> }

/** A page's HTML in one string. */
export function joinOutput(output: PageOutput): string {
  return typeof output === 'string' ? output : [...output.chunks()].join('')
}

export interface OutputPlan {
  /** Output-relative path → content. */
  files: Map<string, string | Uint8Array>
  /** Output-relative path → absolute file to copy. */
  copies: Map<string, string>
  /**
   * Output-relative path → a file of slugwiki's own cache, never changed in
   * place (a new version is a new file): hard-linked into the output rather
   * than copied, so the next build finds the previous output's file to be
   * that same file without reading either.
   */
  links?: Map<string, string>
  /**
   * Output-relative path → a function making the content, called as the
   * file is written (pages: rendered one at a time, so a big site's pages
   * are never all in memory at once).
   */
  rendered?: Map<string, () => PageOutput>
  /**
   * Output-relative path → a file of the previous output known to hold what
   * this build would write there (the page cache checked it): hard-linked
   * without being read, or rendered after all when it is gone.
   */
  kept?: Map<string, { from: string; render: () => PageOutput }>
}

/** The content of one file of `plan`, rendering or reading it if need be (tests and tools; a build streams them). */
export function planContent(plan: OutputPlan, rel: string): string | Uint8Array | undefined {
  const file = plan.files.get(rel)
  if (file !== undefined) return file
  const render = plan.rendered?.get(rel)
  if (render) return joinOutput(render())
  const kept = plan.kept?.get(rel)
  if (kept) return joinOutput(kept.render())
  const from = plan.copies.get(rel) ?? plan.links?.get(rel)
  return from === undefined ? undefined : fs.readFileSync(from)
}

/** Add the generated files, copies and links of `more` to `plan` (a stage's files to the site's). */
export function mergePlan(plan: OutputPlan, more: OutputPlan): void {
  for (const [rel, content] of more.files) plan.files.set(rel, content)
  for (const [rel, file] of more.copies) plan.copies.set(rel, file)
  for (const [rel, file] of more.links ?? []) (plan.links ??= new Map()).set(rel, file)
}

/** Every output-relative path of `plan`. */
export function planPaths(plan: OutputPlan): string[] {
  return [...plan.files.keys(), ...(plan.rendered?.keys() ?? []), ...(plan.kept?.keys() ?? []), ...plan.copies.keys(), ...(plan.links?.keys() ?? [])]
}

export class OutputError extends Error {}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/**
 * `p` with symbolic links resolved as far as it exists: `--out link/site`,
 * where `link` points into the notes, is inside the notes.
 */
function realish(p: string): string {
  const resolved = path.resolve(p)
  let existing = resolved
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing)
  try {
    return path.join(fs.realpathSync(existing), path.relative(existing, resolved))
  } catch {
    return resolved
  }
}

/** Refuse output folders that would destroy something that is not ours. Runs before anything is written or deleted. */
export function checkOutputFolder(out: string, src: string, root: string): void {
  const resolved = path.resolve(out)
  const real = realish(resolved)
  const realSrc = realish(src)
  const realRoot = realish(root)
  if (real === path.parse(real).root) throw new OutputError(`Refusing to write the site to ${resolved}, the root of the file system`)
  if (real === realSrc) throw new OutputError(`Output folder ${out} is the source folder; choose another --out`)
  if (inside(real, realSrc)) throw new OutputError(`Output folder ${out} is inside the source folder ${src}`)
  if (inside(realSrc, real)) throw new OutputError(`Output folder ${out} contains the source folder ${src}`)
  if (inside(realRoot, real)) throw new OutputError(`Output folder ${out} contains the book folder ${root}`)
  if (fs.existsSync(resolved)) {
    const stat = fs.lstatSync(resolved)
    if (!stat.isDirectory()) throw new OutputError(`Output path ${out} exists and is not a folder`)
    const entries = fs.readdirSync(resolved)
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new OutputError(`Output folder ${out} is not empty and was not made by slugwiki (no ${MARKER}); refusing to replace it`)
    }
  }
}

/** How a build's files reached the output. */
export interface WriteStats {
  /** Files written (or copied) anew. */
  written: number
  /** Files identical to the previous output's, hard-linked from it rather than written again. */
  kept: number
}

/** Characters of a page made in pieces gathered before each write. */
const STREAM_BATCH = 1 << 20

/** The bytes of `file` when it has exactly `size` of them, else undefined. */
async function sameSize(file: string, size: number): Promise<Buffer | undefined> {
  try {
    if ((await fs.promises.stat(file)).size !== size) return undefined
    return await fs.promises.readFile(file)
  } catch {
    return undefined
  }
}

/** Whether `file` is the file `stat` describes (the same inode on the same device). */
async function sameInode(file: string, stat: fs.Stats): Promise<boolean> {
  try {
    const other = await fs.promises.lstat(file)
    return other.ino === stat.ino && other.dev === stat.dev
  } catch {
    return false
  }
}

/** Replace `file` by a hard link to `target` (a file of the same bytes), atomically; left as it is when that fails. */
async function replaceWithLink(target: string, file: string): Promise<void> {
  const tmp = `${file}.link-${process.pid}`
  try {
    await fs.promises.link(target, tmp)
    await fs.promises.rename(tmp, file)
  } catch {
    await fs.promises.rm(tmp, { force: true })
  }
}

/**
 * Write every file into `dir`. A file whose bytes equal the previous output's
 * (`previous`) is hard-linked from it: not written again, so its inode and
 * modification time carry over and deploys that compare them upload less.
 */
async function writeAll(dir: string, plan: OutputPlan, previous: string | undefined): Promise<WriteStats> {
  const stats: WriteStats = { written: 0, kept: 0 }
  const jobs: Array<() => Promise<void>> = []
  const made = new Set<string>()
  const ensureDir = async (file: string) => {
    const d = path.dirname(file)
    if (made.has(d)) return
    await fs.promises.mkdir(d, { recursive: true })
    made.add(d)
  }
  const keep = async (rel: string, file: string, bytes: () => Promise<Uint8Array>, size: number): Promise<boolean> => {
    if (!previous) return false
    const old = path.join(previous, rel)
    const before = await sameSize(old, size)
    if (!before || !before.equals(await bytes())) return false
    try {
      await fs.promises.link(old, file)
    } catch {
      // Another file system, or links not allowed: write it instead.
      return false
    }
    stats.kept++
    return true
  }
  /** Write a page made in pieces as they come. Never linked from the previous output: such a page shows every note, and changes with any. */
  const stream = async (file: string, output: { chunks(): Iterable<string> }) => {
    const handle = await fs.promises.open(file, 'w')
    try {
      // Pieces are joined up to a bound before each write: one write per piece (two per chapter of
      // the print page) spent more time waiting on the file system than making the pieces.
      let pending: string[] = []
      let length = 0
      for (const chunk of output.chunks()) {
        pending.push(chunk)
        length += chunk.length
        if (length < STREAM_BATCH) continue
        await handle.write(pending.join(''))
        pending = []
        length = 0
      }
      if (pending.length > 0) await handle.write(pending.join(''))
    } finally {
      await handle.close()
    }
    stats.written++
  }
  const write = (rel: string, content: () => PageOutput | Uint8Array) =>
    jobs.push(async () => {
      const file = path.join(dir, rel)
      await ensureDir(file)
      const made = content()
      if (typeof made === 'object' && !(made instanceof Uint8Array)) return stream(file, made)
      const bytes = typeof made === 'string' ? Buffer.from(made) : made
      if (await keep(rel, file, async () => bytes, bytes.byteLength)) return
      await fs.promises.writeFile(file, bytes)
      stats.written++
    })
  for (const [rel, content] of plan.files) write(rel, () => content)
  for (const [rel, render] of plan.rendered ?? []) write(rel, render)
  for (const [rel, { from, render }] of plan.kept ?? []) {
    jobs.push(async () => {
      const file = path.join(dir, rel)
      await ensureDir(file)
      try {
        await fs.promises.link(from, file)
        stats.kept++
      } catch {
        // Another file system, links not allowed, or the file went away since it was checked.
        const made = render()
        if (typeof made === 'string') {
          await fs.promises.writeFile(file, made)
          stats.written++
        } else await stream(file, made)
      }
    })
  }
  for (const [rel, from] of plan.copies) {
    jobs.push(async () => {
      const file = path.join(dir, rel)
      await ensureDir(file)
      const size = (await fs.promises.stat(from)).size
      if (await keep(rel, file, () => fs.promises.readFile(from), size)) return
      await fs.promises.copyFile(from, file)
      stats.written++
    })
  }
  // Bounded concurrency: enough to keep the disk busy without exhausting file handles.
  for (const [rel, from] of plan.links ?? []) {
    jobs.push(async () => {
      const file = path.join(dir, rel)
      await ensureDir(file)
      const source = await fs.promises.stat(from)
      const old = previous && path.join(previous, rel)
      if (old && (await sameInode(old, source))) {
        try {
          await fs.promises.link(old, file)
          stats.kept++
          return
        } catch {
          // Linked from the cache below instead.
        }
      }
      if (await keep(rel, file, () => fs.promises.readFile(from), source.size)) {
        // Same bytes, another file: the cache's copy becomes the output's, so the next build needs no read.
        await replaceWithLink(old!, from)
        return
      }
      try {
        await fs.promises.link(from, file)
      } catch {
        // Another file system, or one without hard links.
        await fs.promises.copyFile(from, file)
      }
      stats.written++
    })
  }
  let next = 0
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!()
  }
  await Promise.all(Array.from({ length: Math.min(32, jobs.length) }, worker))
  return stats
}

/**
 * Write `plan` as the new content of `out`; files unchanged since the last build are kept, not rewritten.
 * `late`, when given, is awaited once `plan` is written (work that ran meanwhile, the search index):
 * its files are written too, or, when it gives none, nothing is put in place and this returns undefined.
 */
export async function writeAtomically(out: string, plan: OutputPlan): Promise<WriteStats>
export async function writeAtomically(out: string, plan: OutputPlan, late: () => Promise<OutputPlan | undefined>): Promise<WriteStats | undefined>
export async function writeAtomically(out: string, plan: OutputPlan, late?: () => Promise<OutputPlan | undefined>): Promise<WriteStats | undefined> {
  const resolved = path.resolve(out)
  const parent = path.dirname(resolved)
  const name = path.basename(resolved)
  await fs.promises.mkdir(parent, { recursive: true })
  const tmp = path.join(parent, `.${name}.tmp-${process.pid}`)
  const old = path.join(parent, `.${name}.old-${process.pid}`)
  await removeStale(parent, name)
  await fs.promises.rm(tmp, { recursive: true, force: true })
  // Only a folder this tool wrote (checked by checkOutputFolder, marked) is a source of unchanged files.
  const previous = fs.existsSync(path.join(resolved, MARKER)) ? resolved : undefined
  let stats: WriteStats
  try {
    await fs.promises.mkdir(tmp)
    stats = await writeAll(tmp, plan, previous)
    if (late) {
      const more = await late()
      if (!more) {
        await fs.promises.rm(tmp, { recursive: true, force: true })
        return undefined
      }
      const added = await writeAll(tmp, more, previous)
      stats = { written: stats.written + added.written, kept: stats.kept + added.kept }
    }
    await fs.promises.writeFile(path.join(tmp, MARKER), 'This folder is generated by slugwiki and replaced on every build.\n')
  } catch (error) {
    await fs.promises.rm(tmp, { recursive: true, force: true })
    throw error
  }
  const hadOld = fs.existsSync(resolved)
  try {
    if (hadOld) await fs.promises.rename(resolved, old)
    await fs.promises.rename(tmp, resolved)
  } catch (error) {
    if (hadOld && !fs.existsSync(resolved) && fs.existsSync(old)) await fs.promises.rename(old, resolved)
    await fs.promises.rm(tmp, { recursive: true, force: true })
    throw error
  }
  if (hadOld) await fs.promises.rm(old, { recursive: true, force: true })
  return stats
}

/**
 * Remove what a build killed midway left beside the output: its temporary and
 * old folders carry the pid of a process that no longer runs. Folders of a
 * build still running (another terminal, the dev server) are left alone.
 */
async function removeStale(parent: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)$`)
  for (const entry of await fs.promises.readdir(parent)) {
    const match = pattern.exec(entry)
    if (!match || Number(match[2]) === process.pid || alive(Number(match[2]))) continue
    await fs.promises.rm(path.join(parent, entry), { recursive: true, force: true })
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
