/**
 * mdbook-admonish's info strings, read as mdbook-admonish 1.18 reads them:
 * the rest of a ```` ```admonish ```` line is the inside of a TOML inline
 * table (`note title="A", collapsible=true`), else space-separated TOML pairs
 * (`warning title="Data loss" collapsible=true`), else the first syntax
 * (`tip.extra-class "A title"`, the title a JSON string). A bare first word
 * is the directive. Then the block's options are resolved against the
 * book's `[preprocessor.admonish]` settings.
 */
import type { CalloutTitles, CalloutType } from '../words/index.ts'
import { parse as parseToml, TomlError } from 'smol-toml'
import { tomlProblem } from './frontmatter-toml.ts'
import { z } from 'zod'
import type { AdmonishConfig } from '../config-admonish.ts'

/** Each name a built-in directive answers to → the directive (mdbook-admonish's list, mkdocs-material's). */
const BUILTIN: Readonly<Record<string, string>> = {
  note: 'note',
  abstract: 'abstract', summary: 'abstract', tldr: 'abstract',
  info: 'info', todo: 'info',
  tip: 'tip', hint: 'tip', important: 'tip',
  success: 'success', check: 'success', done: 'success',
  question: 'question', help: 'question', faq: 'question',
  warning: 'warning', caution: 'warning', attention: 'warning',
  failure: 'failure', fail: 'failure', missing: 'failure',
  danger: 'danger', error: 'danger',
  bug: 'bug',
  example: 'example',
  quote: 'quote', cite: 'quote',
}

/** A directive written without a key. */
const DIRECTIVE = /^[A-Za-z0-9_-]+$/
/** The first syntax: `directive.class.class "JSON title"`. */
const V1 = /^([a-z]+)?(\.(-?[_a-zA-Z]+[_a-zA-Z0-9-]*)?)*( ".*")?$/
/** A bare key and its `=`, which the space-separated syntax puts on a line of its own. */
const BARE_KEY = /[A-Za-z0-9_-]+ *=/g

/** What a block may say; other keys are ignored, as mdbook-admonish ignores them. */
const blockSchema = z
  .object({ type: z.string(), title: z.string(), id: z.string(), class: z.string(), collapsible: z.boolean() })
  .partial()
  .loose()

/** A block's options as written. */
export interface BlockOptions {
  /** The directive as written (`` for none). */
  directive: string
  title?: string
  id?: string
  classes: string[]
  collapsible?: boolean
}

export type ReadResult = { ok: true; options: BlockOptions } | { ok: false; error: string; directive?: string }

function toml(document: string): Record<string, unknown> {
  return parseToml(document) as Record<string, unknown>
}

function tomlError(error: unknown): string {
  if (error instanceof TomlError) return tomlProblem(error)
  throw error
}

function fromTable(table: unknown, directive?: string): ReadResult {
  const checked = blockSchema.safeParse(table)
  if (!checked.success) {
    const issue = checked.error.issues[0]!
    return { ok: false, error: `\`${issue.path.join('.')}\`: ${issue.message}`, directive }
  }
  const { type, title, id, class: classes, collapsible } = checked.data
  return { ok: true, options: { directive: directive ?? type ?? '', title, id, classes: classes?.split(' ').filter(Boolean) ?? [], collapsible } }
}

/** The inside of an inline table, after an optional bare directive. */
function readInlineTable(config: string): ReadResult {
  try {
    return fromTable(toml(`config = { ${config} }`).config)
  } catch (error) {
    const message = tomlError(error)
    const space = config.indexOf(' ')
    const [directive, rest] = space === -1 ? [config, ''] : [config.slice(0, space), config.slice(space + 1).trim()]
    if (!DIRECTIVE.test(directive)) return { ok: false, error: message }
    try {
      return fromTable(toml(`config = { ${rest} }`).config, directive)
    } catch (inner) {
      return { ok: false, error: tomlError(inner), directive }
    }
  }
}

/** Space-separated `key=value` pairs, each put on its own line of a TOML document. */
function readPairs(config: string): ReadResult | undefined {
  const document = config.replace(BARE_KEY, '\n$&').trim()
  try {
    return fromTable(toml(document))
  } catch {
    const newline = document.indexOf('\n')
    const [directive, rest] = newline === -1 ? [document, ''] : [document.slice(0, newline).trim(), document.slice(newline + 1)]
    if (!DIRECTIVE.test(directive)) return undefined
    try {
      return fromTable(toml(rest), directive)
    } catch {
      return undefined
    }
  }
}

function readFirstSyntax(config: string): ReadResult | undefined {
  if (!V1.test(config)) return undefined
  const space = config.indexOf(' ')
  const [head, quoted] = space === -1 ? [config, undefined] : [config.slice(0, space), config.slice(space + 1)]
  let title: string | undefined
  if (quoted !== undefined) {
    try {
      title = JSON.parse(quoted) as string
    } catch (error) {
      return { ok: false, error: `the title is not a JSON string: ${(error as Error).message}` }
    }
  }
  const [directive = '', ...classes] = head.split('.')
  return { ok: true, options: { directive, title, classes: classes.filter(Boolean) } }
}

/** Read the options of a block from what follows `admonish` on its opening line. */
export function readBlockOptions(info: string): ReadResult {
  const config = info.trim()
  const table = readInlineTable(config)
  if (table.ok) return table
  const result = readPairs(config) ?? readFirstSyntax(config)
  // A block no syntax reads reports the first syntax's problem, as mdbook-admonish does.
  return result?.ok ? result : table
}

/** A block's options resolved against the book's settings. */
export interface ResolvedAdmonition {
  /** The directive it renders as: a built-in's own name, a custom directive's, or an unknown one as written. */
  directive: string
  kind: 'builtin' | 'custom' | 'unknown'
  /** Its title, markdown; undefined for no title bar. */
  title?: string
  collapsible: boolean
  /** An id the block names, if any (otherwise one is made from the title). */
  id?: string
  classes: string[]
}

/** mdbook-admonish's default title: the directive's name as written, capitalised, and two spelled its way. */
function directiveTitle(name: string): string {
  if (name === 'tldr') return 'TL;DR'
  if (name === 'faq') return 'FAQ'
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** Resolve a block's options: the directive, and its title and fold from the block, else the book's defaults. */
export function resolveAdmonition(options: BlockOptions, settings: AdmonishConfig, titles?: CalloutTitles): ResolvedAdmonition {
  const written = options.directive.trim() || 'note'
  const builtin = BUILTIN[written]
  const custom = builtin === undefined && Object.hasOwn(settings.custom, written) ? settings.custom[written] : undefined
  const directive = builtin ?? custom?.directive ?? written
  // In another language a built-in directive is titled as its type (`summary` as `abstract`), as Quartz titles aliases.
  const translated = titles && builtin !== undefined ? titles[builtin as CalloutType] : undefined
  const title = options.title ?? settings.defaultTitle ?? custom?.title ?? translated ?? directiveTitle(written)
  const fold = builtin !== undefined ? settings.builtinCollapsible[builtin] : custom?.collapsible
  return {
    directive,
    kind: builtin !== undefined ? 'builtin' : custom ? 'custom' : 'unknown',
    title: title.trim() === '' ? undefined : title,
    collapsible: options.collapsible ?? fold ?? settings.defaultCollapsible,
    id: options.id,
    classes: options.classes,
  }
}

/**
 * The id mdBook makes of a title (its `unique_id_from_content`): tags and
 * entities dropped, letters, digits, `_` and `-` kept, ASCII lowercased,
 * white space as `-`; a repeat gets `-1`, `-2`… (`seen` counts per note).
 */
export function admonitionId(prefix: string, title: string | undefined, seen: Map<string, number>): string {
  const text = (title ?? 'default').replace(/<.*?>/g, '').replace(/&(?:lt|gt|amp|quot|#39);/g, '').trim().replace(/^#+/, '').trim()
  let id = ''
  for (const ch of text) {
    if (/[\p{L}\p{N}_-]/u.test(ch)) id += /[A-Z]/.test(ch) ? ch.toLowerCase() : ch
    else if (/\s/u.test(ch)) id += '-'
  }
  const count = seen.get(id) ?? 0
  seen.set(id, count + 1)
  return prefix + (count === 0 ? id : `${id}-${count}`)
}
