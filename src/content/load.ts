/**
 * Load stage: find the notes, read them as UTF-8 and expand mdBook's
 * `{{#include}}` links. Produces the inputs of the markdown stage.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Config } from '../config.ts'
import type { NoteInput } from '../markdown/compile.ts'
import type { SourcePath } from '../paths.ts'
import type { Diagnostics } from '../report.ts'
import { discover, type SourceListing } from './discover.ts'
import { expandIncludes } from './include.ts'
import { DecodeError, readText } from './read.ts'

export interface LoadedSources {
  listing: SourceListing
  inputs: NoteInput[]
  /** Files each note's includes read, for cache keys and the dev watcher. */
  dependencies: Map<SourcePath, SourcePath[]>
}

export interface LoadOptions {
  config: Config
  diagnostics: Diagnostics
  /** Absolute path → path shown in diagnostics. */
  display: (absolute: string) => string
}

/**
 * The wiki's own theme folders (`themes/<name>/index.ts` beside book.toml, or
 * beside the notes when there is none): code, never published as assets.
 */
function wikiThemeFolders(root: string): string[] {
  const dir = path.join(root, 'themes')
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return []
  }
  return names.map((name) => path.join(dir, name)).filter((folder) => fs.existsSync(path.join(folder, 'index.ts')))
}

/** Read and expand every note of the source folder. */
export function loadSources({ config, diagnostics, display }: LoadOptions): LoadedSources {
  const displaySource = (source: SourcePath) => display(path.join(config.src, source))
  const listing = discover({ src: config.src, exclude: [config.out, ...wikiThemeFolders(config.root)], configFiles: [config.topicsFile], diagnostics, display })

  const texts = new Map<SourcePath, string | undefined>()
  const readSource = (source: SourcePath): string | undefined => {
    if (texts.has(source)) return texts.get(source)
    const file = path.join(config.src, source)
    let text: string | undefined
    try {
      text = fs.statSync(file).isFile() ? readText(file) : undefined
    } catch {
      text = undefined
    }
    texts.set(source, text)
    return text
  }

  const inputs: NoteInput[] = []
  const dependencies = new Map<SourcePath, SourcePath[]>()
  for (const source of listing.notes) {
    const file = path.join(config.src, source)
    const size = fs.statSync(file).size
    if (size > config.maxNoteBytes) {
      diagnostics.error(displaySource(source), `Note is ${size} bytes, over the ${config.maxNoteBytes}-byte limit (max-note-bytes)`, 'note-size')
      continue
    }
    let text: string
    try {
      text = readText(file)
    } catch (error) {
      if (error instanceof DecodeError) {
        diagnostics.error(displaySource(source), error.message, 'encoding')
        continue
      }
      throw error
    }
    texts.set(source, text)
    const expansion = expandIncludes(text, { source, read: readSource, display: displaySource })
    for (const d of expansion.diagnostics) diagnostics.add(d)
    if (expansion.dependencies.length) dependencies.set(source, expansion.dependencies)
    inputs.push({ source, text: expansion.text, segments: expansion.segments, includeTitle: expansion.title })
  }
  return { listing, inputs, dependencies }
}
