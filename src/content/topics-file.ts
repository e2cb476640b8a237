/**
 * The topics file (`topics.yml` beside the notes): the subjects of the wiki,
 * each with the words that mention it in prose. Read with `yaml` for line and
 * column positions and checked by one zod schema.
 *
 * ```yaml
 * RCU: [RCU, read-copy-update, rcu_read_lock]     # shorthand: aliases only
 * cgroup:
 *   title: cgroup and memcg
 *   aliases: [cgroup, cgroups, memcg]
 *   description: Control groups limit and account the resources of process groups.
 *   home: kernel-mm/cgroup.md
 *   case-sensitive: false
 * ```
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml'
import { z } from 'zod'
import { indexKey, toSourcePath, type SourcePath } from '../paths.ts'
import type { Diagnostic } from '../report.ts'

/** One topic, as the markdown and graph stages use it. Plain data, so it can cross to a worker. */
export interface TopicDef {
  /** Slug of the key: the page is `topics/<id>.html`. */
  id: string
  title: string
  /** Words that mention the topic; matched on word boundaries. */
  aliases: string[]
  description?: string
  /** The note that explains the topic best. */
  home?: SourcePath
  /** Match every alias with its exact case (otherwise only acronyms and identifiers are). */
  caseSensitive: boolean
  /** Line of the key in the topics file, for diagnostics. */
  line?: number
}

const alias = z.string().trim().min(2, 'an alias needs at least two characters')
const entrySchema = z.union([
  z.array(alias),
  z.strictObject({
    title: z.string().trim().min(1).optional(),
    aliases: z.array(alias).optional(),
    description: z.string().trim().optional(),
    home: z.string().trim().min(1).optional(),
    'case-sensitive': z.boolean().optional(),
  }),
])

const KEYS = 'title, aliases, description, home, case-sensitive'

export interface TopicsFileResult {
  topics: TopicDef[]
  diagnostics: Diagnostic[]
}

/** Parse the text of a topics file; `file` is the path shown in diagnostics. */
export function parseTopicsFile(text: string, file: string): TopicsFileResult {
  const diagnostics: Diagnostic[] = []
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const at = (node: YamlNode | null | undefined | unknown) => {
    const offset = (node as { range?: [number, number, number] } | null | undefined)?.range?.[0]
    if (offset === undefined) return {}
    const pos = lineCounter.linePos(offset)
    return { line: pos.line, column: pos.col }
  }
  const report = (message: string, node: unknown, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ file, ...at(node), severity, message, rule: 'topics' })

  if (doc.errors.length > 0) {
    const error = doc.errors[0]!
    const pos = lineCounter.linePos(error.pos[0])
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    diagnostics.push({ file, line: pos.line, column: pos.col, severity: 'error', message: `Broken topics YAML: ${message}`, rule: 'topics' })
    return { topics: [], diagnostics }
  }
  if (doc.contents === null) return { topics: [], diagnostics }
  if (!isMap(doc.contents)) {
    report('The topics file must be a mapping of topic names to aliases or settings', doc.contents)
    return { topics: [], diagnostics }
  }

  const topics: TopicDef[] = []
  const ids = new Map<string, string>()
  const aliases = new Map<string, string>()
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value ?? '').trim() : ''
    if (!key) {
      report('A topic needs a name', pair.key)
      continue
    }
    // `key:` with nothing after it is a topic with only its name.
    const empty = pair.value === null || (isScalar(pair.value) && pair.value.value === null)
    const parsed = entrySchema.safeParse(empty ? [] : (pair.value as { toJSON(): unknown }).toJSON())
    if (!parsed.success) {
      const issue = parsed.error.issues.at(-1)!
      const where = issue.path.length ? ` (\`${issue.path.join('.')}\`)` : ''
      const why =
        issue.code === 'unrecognized_keys'
          ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')} (known: ${KEYS})`
          : issue.code === 'invalid_union'
            ? `expected a list of aliases or a mapping of ${KEYS}`
            : issue.message
      report(`Topic \`${key}\`${where}: ${why}`, pair.value ?? pair.key)
      continue
    }
    const id = indexKey(key)
    if (!id) {
      report(`Topic \`${key}\` has no letters or digits to name its page`, pair.key)
      continue
    }
    const clash = ids.get(id)
    if (clash !== undefined) {
      report(`Topic \`${key}\` has the same page name (\`topics/${id}.html\`) as \`${clash}\``, pair.key)
      continue
    }
    ids.set(id, key)
    const value = Array.isArray(parsed.data) ? { aliases: parsed.data } : parsed.data
    const own: string[] = []
    for (const name of value.aliases?.length ? value.aliases : [key]) {
      const other = aliases.get(name)
      if (other !== undefined && other !== id) report(`Alias \`${name}\` of \`${key}\` already names topic \`${other}\`; kept there`, pair.value, 'warning')
      else if (!own.includes(name)) {
        own.push(name)
        aliases.set(name, id)
      }
    }
    let home: SourcePath | undefined
    if (value.home !== undefined) {
      home = toSourcePath(value.home)
      if (!home) report(`Topic \`${key}\`: home \`${value.home}\` is not a path inside the notes`, pair.value, 'warning')
    }
    topics.push({
      id,
      title: value.title ?? key,
      aliases: own,
      description: value.description || undefined,
      home,
      caseSensitive: value['case-sensitive'] ?? false,
      line: at(pair.key).line,
    })
  }
  return { topics, diagnostics }
}
