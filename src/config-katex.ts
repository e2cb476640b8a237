/**
 * mdbook-katex's `[preprocessor.katex]` table of book.toml: the settings
 * that change what its math looks like (https://github.com/lzanini/mdbook-katex).
 * Its other keys (`after`, `output`, `static-css`, `include-src`…) shape
 * mdbook-katex's own output or run, and are tolerated.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

export const katexSchema = z
  .object({
    /** A file of macros, one `\name:definition` per line, relative to the book's root. */
    macros: z.string().optional(),
    /** Equation numbers on the left. */
    leqno: z.boolean().optional(),
    /** Display math flush left. */
    fleqn: z.boolean().optional(),
  })
  .loose()

/** KaTeX's options for a book's math (`ProcessorOptions.katex`). */
export interface KatexSettings {
  macros: Record<string, string>
  leqno: boolean
  fleqn: boolean
}

/**
 * A macros file as mdbook-katex reads it: each line that starts with a
 * backslash is a macro's name, a colon, and its definition (which may hold
 * more colons); every other line is ignored. The format is mdbook-katex's
 * own, a split at the first colon, so no parser library applies.
 */
export function parseKatexMacros(text: string): Record<string, string> {
  const macros: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const trimmed = line.replace(/\r$/, '')
    const colon = trimmed.indexOf(':')
    if (!trimmed.startsWith('\\') || colon === -1) continue
    macros[trimmed.slice(0, colon)] = trimmed.slice(colon + 1)
  }
  return macros
}

/**
 * The KaTeX settings of `[preprocessor.katex]`; `read` reads the macros file
 * (resolved against `root`) and throws a clear error when it cannot.
 */
export function katexSettings(table: z.infer<typeof katexSchema> | undefined, root: string, read: (file: string) => string = (f) => fs.readFileSync(f, 'utf8')): KatexSettings {
  const macros = table?.macros === undefined ? {} : parseKatexMacros(read(path.resolve(root, table.macros)))
  return { macros, leqno: table?.leqno ?? false, fleqn: table?.fleqn ?? false }
}
