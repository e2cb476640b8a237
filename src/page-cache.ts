/**
 * Pages kept from the last build. After each build the fingerprint of every
 * page (`SitePlan.fingerprint`: its model, note bodies by content key) is
 * recorded with the identity of the file written for it (inode, size,
 * modification time), beside the fingerprint of what every page shares
 * (tool, theme files, config, outline). In the next build a page whose
 * fingerprint is the same, and whose file in the output folder is still the
 * one recorded, is hard-linked into the new output without being rendered,
 * or its note body read. Anything else — another output folder, a file
 * edited or replaced by hand, a record that cannot be read — renders the
 * page. The manifest is written after the output is in place, so a failed
 * build leaves the last good one.
 */
import fs from 'node:fs'
import path from 'node:path'

/** Bumped when the manifest format changes. */
const FORMAT = 1

interface PageRecord {
  fingerprint: string
  ino: number
  size: number
  mtimeMs: number
}

interface Manifest {
  format: number
  /** The output folder the pages were written to. */
  out: string
  /** What every page shares. */
  shared: string
  pages: Record<string, PageRecord>
}

function readManifest(file: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Manifest>
    if (manifest.format !== FORMAT || typeof manifest.out !== 'string' || typeof manifest.shared !== 'string' || typeof manifest.pages !== 'object' || !manifest.pages) return undefined
    return manifest as Manifest
  } catch {
    return undefined
  }
}

/** The page records of one wiki's builds into one output folder. */
export class PageCache {
  readonly #file: string
  readonly #out: string
  readonly #shared: string
  readonly #previous: Record<string, PageRecord> | undefined

  /** Read the record in `file` of the last build into `out`; `shared` is the fingerprint of what every page of this build shares. */
  constructor(file: string, out: string, shared: string) {
    this.#file = file
    this.#out = path.resolve(out)
    this.#shared = shared
    const manifest = readManifest(file)
    this.#previous = manifest && manifest.out === this.#out && manifest.shared === shared ? manifest.pages : undefined
  }

  /** The last output's file of page `rel`, when it was written for `fingerprint` and is untouched since. */
  kept(rel: string, fingerprint: string): string | undefined {
    const record = this.#previous?.[rel]
    if (!record || record.fingerprint !== fingerprint) return undefined
    const file = path.join(this.#out, rel)
    try {
      const stat = fs.statSync(file)
      return stat.isFile() && stat.ino === record.ino && stat.size === record.size && stat.mtimeMs === record.mtimeMs ? file : undefined
    } catch {
      return undefined
    }
  }

  /** Record the pages of the build just written to the output folder, `rel` → fingerprint. */
  async record(fingerprints: ReadonlyMap<string, string>): Promise<void> {
    const pages: Record<string, PageRecord> = {}
    for (const [rel, fingerprint] of fingerprints) {
      try {
        const stat = await fs.promises.stat(path.join(this.#out, rel))
        pages[rel] = { fingerprint, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs }
      } catch {
        // Not written (an output error reported elsewhere): rendered again next time.
      }
    }
    const manifest: Manifest = { format: FORMAT, out: this.#out, shared: this.#shared, pages }
    await fs.promises.mkdir(path.dirname(this.#file), { recursive: true })
    const tmp = `${this.#file}.${process.pid}.tmp`
    await fs.promises.writeFile(tmp, JSON.stringify(manifest))
    await fs.promises.rename(tmp, this.#file)
  }
}
