/**
 * mdbook-admonish's `[preprocessor.admonish]` table of book.toml, read as
 * mdbook-admonish reads it (https://tommilligan.github.io/mdbook-admonish/reference.html).
 */
import { z } from 'zod'

/** A custom directive of mdbook-admonish; its icon and colour are its CSS's, which slugwiki does not generate. */
const customDirectiveSchema = z
  .object({ aliases: z.array(z.string()).optional(), title: z.string().optional(), collapsible: z.boolean().optional() })
  .loose()

/** mdbook-admonish's `[preprocessor.admonish]`: the keys that shape its blocks; the others (`command`, `assets_version`, `renderer`…) are tolerated. */
export const admonishSchema = z
  .object({
    on_failure: z.enum(['continue', 'bail']).optional(),
    default: z
      .object({
        title: z.string().optional(),
        collapsible: z.boolean().optional(),
        css_id_prefix: z.string().optional(),
        /** The spelling mdbook-admonish first documented, still read. */
        'css-id-prefix': z.string().optional(),
      })
      .loose()
      .optional(),
    directive: z
      .object({
        builtin: z.record(z.string(), z.object({ collapsible: z.boolean().optional() }).loose()).optional(),
        custom: z.record(z.string(), customDirectiveSchema).optional(),
      })
      .loose()
      .optional(),
    /** Older spellings of `directive.builtin` and `directive.custom`, merged into them as mdbook-admonish does. */
    builtin: z.record(z.string(), z.object({ collapsible: z.boolean().optional() }).loose()).optional(),
    custom: z.array(customDirectiveSchema.extend({ directive: z.string() })).optional(),
  })
  .loose()

/**
 * The `[preprocessor.admonish]` settings that change how mdbook-admonish's
 * ```` ```admonish ```` blocks render (see markdown/admonish-options.ts).
 */
export interface AdmonishConfig {
  /** `on_failure`: `bail` makes an unreadable block or an unknown directive an error, `continue` (the default) a warning. */
  onFailure: 'continue' | 'bail'
  /** `default.title`: the title of a block that names none (default: its directive's). */
  defaultTitle?: string
  /** `default.collapsible`: blocks start folded (default false). */
  defaultCollapsible: boolean
  /** `default.css_id_prefix`: the start of a block's id when it names none (default `admonition-`). */
  idPrefix: string
  /** `directive.builtin.<name>.collapsible`: by built-in directive (its own name, not an alias). */
  builtinCollapsible: Record<string, boolean>
  /** `directive.custom.<name>` (or the older `[[custom]]`): each name and alias → the directive's name, title and fold. */
  custom: Record<string, { directive: string; title?: string; collapsible?: boolean }>
}

/** mdbook-admonish's behaviour without a `[preprocessor.admonish]` table. */
export const DEFAULT_ADMONISH: AdmonishConfig = { onFailure: 'continue', defaultCollapsible: false, idPrefix: 'admonition-', builtinCollapsible: {}, custom: {} }

/** The settings a `[preprocessor.admonish]` table gives, mdbook-admonish's defaults without one. */
export function admonishConfig(raw: z.infer<typeof admonishSchema> | undefined): AdmonishConfig {
  if (!raw) return DEFAULT_ADMONISH
  const builtinCollapsible: Record<string, boolean> = {}
  // As in mdbook-admonish, an older spelling's entry replaces the newer one's.
  for (const [name, entry] of Object.entries({ ...raw.directive?.builtin, ...raw.builtin })) {
    if (entry.collapsible !== undefined) builtinCollapsible[name] = entry.collapsible
  }
  const custom: AdmonishConfig['custom'] = {}
  const directives = [...(raw.custom ?? []).map((c) => [c.directive, c] as const), ...Object.entries(raw.directive?.custom ?? {})]
  for (const [name, entry] of directives) {
    const directive = { directive: name, title: entry.title, collapsible: entry.collapsible }
    for (const key of [name, ...(entry.aliases ?? [])]) custom[key] ??= directive
  }
  return {
    onFailure: raw.on_failure ?? 'continue',
    defaultTitle: raw.default?.title,
    defaultCollapsible: raw.default?.collapsible ?? false,
    idPrefix: raw.default?.css_id_prefix ?? raw.default?.['css-id-prefix'] ?? 'admonition-',
    builtinCollapsible,
    custom,
  }
}
