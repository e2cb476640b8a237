/**
 * The code-symbol index: every identifier a code block of the wiki defines or
 * calls, with the blocks that define it and the blocks that use it. A name
 * only ever mentioned (a variable, a shell command) is indexed only when some
 * block defines or calls it.
 */
import type { SymbolKind } from '../markdown/data.ts'
import { INDEX_PAGES, slug as toSlug, type Slug, type SourcePath } from '../paths.ts'
import { compareNames, letterOf } from './order.ts'
import type { SiteCore } from './site-graph.ts'

export interface SymbolSite {
  source: SourcePath
  /** Code block id in the note (`code-3`). */
  block: string
  /** Language of the block (a shiki id). */
  lang: string
  /** Heading section of the block. */
  section: number
  line?: number
}

export interface SymbolEntry {
  name: string
  /** What the defining blocks say it is, A–Z; empty when only called. */
  kinds: SymbolKind[]
  definitions: SymbolSite[]
  /** Blocks that call or name it, without the defining ones. */
  uses: SymbolSite[]
}

export interface SymbolIndex {
  /** A–Z by name. */
  list: SymbolEntry[]
  byName: ReadonlyMap<string, SymbolEntry>
  /**
   * True past `SYMBOLS_ON_ONE_PAGE` symbols: `symbols/index.html` then lists
   * the names, and each letter's entries have their own page.
   */
  split: boolean
}

/** Most symbols whose entries share `symbols/index.html`; more get a page per letter. */
export const SYMBOLS_ON_ONE_PAGE = 500

/** The id of a symbol's entry on its page. */
export function symbolAnchor(name: string): string {
  return `symbol-${name}`
}

/** The page holding the entries of names filed under `letter` (`A`, `#`). */
export function symbolLetterPage(index: Pick<SymbolIndex, 'split'>, letter: string): Slug {
  return index.split ? toSlug(`symbols/${letter === '#' ? 'other' : letter.toLowerCase()}.html`) : INDEX_PAGES.symbols
}

/** The page holding a symbol's entry. */
export function symbolPage(index: Pick<SymbolIndex, 'split'>, name: string): Slug {
  return symbolLetterPage(index, letterOf(name))
}

/** Build the symbol index from the notes' recorded code symbols. */
export function buildSymbolIndex(core: SiteCore): SymbolIndex {
  const byName = new Map<string, SymbolEntry>()
  const entry = (name: string) => {
    let e = byName.get(name)
    if (!e) {
      e = { name, kinds: [], definitions: [], uses: [] }
      byName.set(name, e)
    }
    return e
  }
  const references: Array<[string, SymbolSite]> = []
  for (const source of core.all) {
    const note = core.notes.get(source)!
    const blocks = new Map(note.codeBlocks.map((b) => [b.id, b]))
    for (const s of note.symbols) {
      const block = blocks.get(s.block)
      const site: SymbolSite = { source, block: s.block, lang: block?.lang ?? '', section: block?.section ?? -1, line: s.line }
      if (s.role === 'definition') {
        const e = entry(s.name)
        e.definitions.push(site)
        if (!e.kinds.includes(s.kind)) e.kinds.push(s.kind)
      } else if (s.role === 'call') entry(s.name).uses.push(site)
      else references.push([s.name, site])
    }
  }
  // Names only mentioned count as uses of names something defines or calls.
  for (const [name, site] of references) byName.get(name)?.uses.push(site)
  const order = new Map(core.all.map((s, i) => [s, i]))
  const bySite = (a: SymbolSite, b: SymbolSite) =>
    order.get(a.source)! - order.get(b.source)! || blockNumber(a.block) - blockNumber(b.block)
  for (const e of byName.values()) {
    e.kinds.sort()
    e.definitions.sort(bySite)
    e.uses = e.uses.sort(bySite).filter((u, i, all) => i === 0 || u.source !== all[i - 1]!.source || u.block !== all[i - 1]!.block)
  }
  const list = [...byName.values()].sort((a, b) => compareNames(a.name, b.name))
  return { list, byName, split: list.length > SYMBOLS_ON_ONE_PAGE }
}

function blockNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('-') + 1)) || 0
}
