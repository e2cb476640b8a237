/**
 * Resolve wikilinks (`[[Note]]`, `[[folder/Note]]`, `![[diagram.png]]`)
 * against the site's notes and assets, as Obsidian's and Quartz's "shortest
 * path" does: a path from the wiki's root or from the linking note's folder,
 * else the one note (or file) of that name anywhere in the wiki, matched
 * without regard to case; a frontmatter alias names its note too. A name
 * matching several files, or none, is left unresolved with the warning to
 * give. Done here, not when a note compiles, because the answer depends on
 * every other note and compiled notes are cached one by one.
 */
import path from 'node:path'
import type { CompiledNote } from '../markdown/compile.ts'
import type { LinkInfo } from '../markdown/data.ts'
import { slugOf, type SourcePath } from '../paths.ts'
import type { OutsideLink } from '../repository-links.ts'

/** Lookups of the site's files by lower-cased path and by lower-cased file name. */
interface NameTable {
  byPath: Map<string, SourcePath>
  byName: Map<string, SourcePath[]>
}

function table(files: Iterable<SourcePath>, stem: (file: SourcePath) => string): NameTable {
  const byPath = new Map<string, SourcePath>()
  const byName = new Map<string, SourcePath[]>()
  for (const file of files) {
    byPath.set(file.toLowerCase(), file)
    const name = path.posix.basename(stem(file)).toLowerCase()
    byName.set(name, [...(byName.get(name) ?? []), file])
  }
  return { byPath, byName }
}

type Resolution = { target: SourcePath } | { problem: 'missing' | 'ambiguous'; candidates?: SourcePath[] }

function lookup(names: NameTable, from: SourcePath, name: string, suffixes: string[], stem: (file: SourcePath) => string, exact = false): Resolution {
  const written = name.replace(/^\.?\//, '').toLowerCase()
  const roots = exact ? [''] : name.startsWith('./') || name.startsWith('../') ? [path.posix.dirname(from)] : ['', path.posix.dirname(from)]
  for (const root of roots) {
    const base = path.posix.join(root, written).toLowerCase()
    for (const suffix of suffixes) {
      // The source folder itself (`/`) has its index at the top: `readme.md`, not `./readme.md`.
      const hit = names.byPath.get(base === '.' ? suffix.replace(/^\//, '') : `${base}${suffix}`)
      if (hit) return { target: hit }
    }
  }
  if (exact) return { problem: 'missing' }
  // Shortest path: the one file of that name, or whose path ends with the written folders.
  const all = names.byName.get(path.posix.basename(written)) ?? []
  const matches = all.filter((file) => {
    const s = stem(file).toLowerCase()
    return s === written || s.endsWith(`/${written}`)
  })
  if (matches.length === 1) return { target: matches[0]! }
  return matches.length === 0 ? { problem: 'missing' } : { problem: 'ambiguous', candidates: matches }
}

const noteStem = (file: SourcePath) => file.replace(/\.mdx?$/i, '')
/** The site's front page, written whether or not a note is there (pages/build-pages.ts). */
export const FRONT_PAGE = 'index.html' as SourcePath

/** What a name without extension may leave out: a note's extension (`.mdx` only a Docusaurus site has), or a folder's index (Hugo's `_index.md` too). */
const NOTE_SUFFIXES = ['', '.md', '/readme.md', '/index.md', '/_index.md', '.mdx', '/readme.mdx', '/index.mdx', '/_index.mdx']
const assetStem = (file: SourcePath) => file

/**
 * Return the notes with every wikilink resolved: `target` set to the note or
 * file it names (and `kind` to `asset` for a file), or `problem` set. A name
 * of no published note that names one of `drafts` (notes left out of the
 * build) says so. A link by path that names no file may name a note by
 * its URL in `urls` (a Docusaurus doc's, `/extras/zeta`): written from the
 * root, or relative, read against the linking doc's own URL as the browser
 * reads it on that doc's page. Notes without wikilinks are returned as they are.
 */
export function resolveWikilinks(
  notes: readonly CompiledNote[],
  assets: Iterable<SourcePath>,
  drafts: readonly SourcePath[] = [],
  urls?: ReadonlyMap<SourcePath, string>,
  outside?: (link: LinkInfo) => OutsideLink,
): CompiledNote[] {
  if (!notes.some((n) => n.links.some((l) => l.wiki !== undefined))) return [...notes]
  // The notes by URL, without a trailing `/` (`/guides/` and `/guides` are one page); the first note of a URL keeps it.
  const byUrl = new Map<string, SourcePath>()
  for (const [source, url] of urls ?? []) {
    const key = url.replace(/\/+$/, '') || '/'
    if (!byUrl.has(key)) byUrl.set(key, source)
  }
  /** The note a markdown link names by URL: from the root, or relative to the linking note's URL. */
  const atUrl = (from: SourcePath, link: LinkInfo): SourcePath | undefined => {
    const own = urls?.get(from)
    if (own === undefined) return undefined
    const written = link.url.replace(/[?#].*$/, '')
    let path: string
    try {
      path = decodeURIComponent(new URL(written, `http://docs${encodeURI(own)}`).pathname)
    } catch {
      return undefined
    }
    const key = path.replace(/\/+$/, '') || '/'
    // Docusaurus serves the docs under `/docs/` by default (`routeBasePath`), and links often say so.
    return byUrl.get(key) ?? (key === '/docs' || key.startsWith('/docs/') ? byUrl.get(key.slice('/docs'.length) || '/') : undefined)
  }
  const pages = table(
    notes.map((n) => n.source),
    noteStem,
  )
  const files = table(assets, assetStem)
  const unpublished = table(drafts, noteStem)
  const aliases = new Map<string, SourcePath[]>()
  for (const note of notes) {
    for (const alias of note.frontmatter.aliases ?? []) {
      const key = alias.toLowerCase()
      if (!aliases.get(key)?.includes(note.source)) aliases.set(key, [...(aliases.get(key) ?? []), note.source])
    }
  }

  const idsOf = new Map(notes.map((n) => [n.source, n.ids]))
  // The Rust Reference's rules (remark-spec-rules): each marker's id, `r-type.never`, names its note.
  const rules = new Map<string, SourcePath>()
  for (const note of notes) {
    for (const id of note.ids) if (id.startsWith('r-') && !rules.has(id.slice(2))) rules.set(id.slice(2), note.source)
  }

  const resolve = (from: SourcePath, link: LinkInfo): LinkInfo => {
    if (link.outside) {
      // Another file of the repository (rehype-links): its page there, or today's warning with how to fix it.
      const found = outside?.(link) ?? { problem: `Link \`${link.url}\` leaves the source folder` }
      return 'url' in found ? { ...link, target: found.url as SourcePath } : { ...link, problem: found.problem, problemRule: 'link-outside' }
    }
    if (link.rule !== undefined) {
      const target = rules.get(link.rule)
      // A bracketed name that is no rule's is the text it was (see remark-spec-rules): left unresolved, unreported.
      if (!target && link.ruleGuess) return link
      return target ? { ...link, target } : { ...link, problem: `Link to rule \`${link.rule}\`, which no note of the book defines (\`r[${link.rule}]\`)` }
    }
    return resolveName(from, link)
  }

  const resolveName = (from: SourcePath, link: LinkInfo): LinkInfo => {
    const name = link.wiki!
    // A markdown link without an extension (rehype-links): its path from the source root, nothing looser.
    // A wikilink (`[[Note]]`) and a note embed (`![[Note]]`) are found as Obsidian finds them.
    const exact = !link.url.startsWith('[[') && !link.embed
    const asNote = (): Resolution => {
      const found = lookup(pages, from, name, NOTE_SUFFIXES, noteStem, exact)
      // A Docusaurus doc is linked by its URL too (`/extras/zeta` for `02-extras/01-zeta.md`).
      const docUrl = exact && 'problem' in found && found.problem === 'missing' ? atUrl(from, link) : undefined
      if (docUrl) return { target: docUrl }
      // `shortest-links`: a markdown link whose path names no note names it as a wikilink does (not by alias, as in Obsidian).
      if (exact && link.byName && 'problem' in found && found.problem === 'missing' && link.byName !== '') return lookup(pages, from, link.byName, NOTE_SUFFIXES, noteStem)
      if ('target' in found || found.problem === 'ambiguous' || exact) return found
      const aliased = aliases.get(name.toLowerCase()) ?? []
      return aliased.length === 1 ? { target: aliased[0]! } : aliased.length > 1 ? { problem: 'ambiguous', candidates: aliased } : found
    }
    const asFile = () => lookup(files, from, name, [''], assetStem, exact)
    let found: Resolution
    let kind = link.kind
    if (link.kind === 'asset') found = asFile()
    else {
      found = asNote()
      if ('problem' in found && found.problem === 'missing') {
        const file = asFile()
        if ('target' in file) {
          kind = 'asset'
          found = file
        } else if (file.problem === 'ambiguous') found = file
      }
    }
    if ('target' in found) {
      // `[[Other#MyId]]`: the id written `{#MyId}` in that note, when it has one, before a heading whose text reads so.
      const exact = link.fragmentAs !== undefined && kind === 'page' && idsOf.get(found.target)?.includes(link.fragmentAs)
      return { ...link, kind, target: found.target, ...(exact && { fragment: link.fragmentAs }) }
    }
    if (found.problem === 'missing' && link.kind === 'page' && drafts.length > 0) {
      const draft = lookup(unpublished, from, name, NOTE_SUFFIXES, noteStem, exact)
      if ('target' in draft) return { ...link, problem: `${exact ? 'Link' : 'Wikilink'} to draft \`${draft.target}\`, which is not published`, problemRule: 'draft-link' }
    }
    const what = link.kind === 'asset' ? 'file' : 'note'
    // A folder of the source folder with no note in it (`../core/iwasm/include` from `doc/` of a site built from the
    // repository's root): no page of the site, but GitHub shows it, and so does the site when the repository is known.
    // The source folder itself (`./` from its root) is the site's front page, not a folder of the repository to leave for.
    if (exact && found.problem === 'missing' && link.kind === 'page' && name.startsWith('/')) {
      const folder = path.posix.normalize(name).replace(/^\/+|\/+$/g, '')
      // With no README.md or index.md there, the site's front page is still `index.html`: the pages stage
      // writes it as a redirect to the first page (mdBook copies its first chapter there), so the link leads to it.
      if (folder === '' || folder === '.') return { ...link, kind: 'asset', target: FRONT_PAGE }
      const repository = outside?.({ ...link, target: folder as SourcePath, outside: 'link' })
      if (repository && 'url' in repository) return { ...link, kind: 'asset', outside: 'link', target: repository.url as SourcePath, fragment: undefined }
    }
    if (exact && found.problem === 'ambiguous') return { ...link, problem: `Link \`${link.url}\` is ambiguous: it could be ${found.candidates!.map((c) => `\`${c}\``).join(', ')}; write its path` }
    if (exact) return { ...link, problem: `Link to missing ${what} \`${link.url}\`` }
    const problem =
      found.problem === 'ambiguous'
        ? `Wikilink \`${link.url}\` is ambiguous: it could be ${found.candidates!.map((c) => `\`${c}\``).join(', ')}; write the folder too (\`[[folder/${name}]]\`)`
        : `Wikilink to missing ${what} \`${link.url}\``
    return { ...link, problem }
  }

  return notes.map((note) => (note.links.some((l) => l.wiki !== undefined) ? { ...note, links: note.links.map((l) => (l.wiki === undefined ? l : resolve(note.source, l))) } : note))
}

/** One wikilink name of a note and the output path it resolved to (none when broken). */
export interface WikiTarget {
  name: string
  to?: string
  /** Fragments written as ids (`[[Other#MyId]]`) that the target has as ids (`{#MyId}`): links to them keep them as written. */
  ids?: string[]
}

/** Where a resolved note's wikilinks point (the output path of a note's page or of a copied file), once per name, in link order. */
export function wikiTargets(note: CompiledNote): WikiTarget[] {
  const seen = new Map<string, WikiTarget>()
  for (const link of note.links) {
    if (link.wiki === undefined) continue
    let target = seen.get(link.wiki)
    if (!target) {
      target = { name: link.wiki, to: link.problem || isUnresolvedGuess(link) ? undefined : link.kind === 'asset' ? link.target : slugOf(link.target) }
      seen.set(link.wiki, target)
    }
    if (link.fragmentAs !== undefined && link.fragment === link.fragmentAs && !target.ids?.includes(link.fragmentAs)) target.ids = [...(target.ids ?? []), link.fragmentAs]
  }
  return [...seen.values()]
}

/** A bracketed name no rule of the Reference has (remark-spec-rules): text on the page, no link to check. */
export function isUnresolvedGuess(link: LinkInfo): boolean {
  return link.ruleGuess === true && link.target === link.wiki
}
