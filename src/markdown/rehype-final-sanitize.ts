/**
 * The second sanitising pass, run after the last plugin that adds markup,
 * with the schema extended for exactly what our plugins emit (see
 * sanitize-schema.ts for why there are two passes).
 *
 * It is its own plugin because unified treats a second `.use(rehypeSanitize)`
 * as new options for the first one: the strict pass would silently become the
 * lenient one, at the early position, and the late pass would not run at all.
 */
import type { Root } from 'hast'
import rehypeSanitize from 'rehype-sanitize'
import { finalSchema } from './sanitize-schema.ts'

export default function rehypeFinalSanitize(): (tree: Root) => Root {
  return rehypeSanitize(finalSchema)
}
