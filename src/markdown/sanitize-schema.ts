/**
 * What raw HTML in a note may keep: GitHub's schema (hast-util-sanitize's
 * default) plus the tags authors of technical notes use and the classes
 * remark-gfm and remark-math put on their nodes.
 *
 * Sanitising runs right after raw HTML is parsed, before our own plugins add
 * highlighting, KaTeX, heading anchors and topic links: their output is built
 * from trees (user text only ever becomes text nodes), and allowing their
 * inline `style` attributes here would let raw HTML inject CSS. rehype-sanitize
 * documents this order for math and syntax highlighting.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize'

const base = defaultSchema.attributes ?? {}

/** GitHub's per-element class allow-lists (`h2: sr-only`, …) would override a global `className`. */
const withoutClassLimits = Object.fromEntries(
  Object.entries(base).map(([tag, list]) => [tag, (list ?? []).filter((a) => !(Array.isArray(a) && a[0] === 'className'))]),
)

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'mark', 'figure', 'figcaption', 'u', 'small', 'cite', 'dfn', 'wbr'],
  attributes: {
    ...withoutClassLimits,
    // Classes are kept: mdBook books rely on them (`<div class="warning">`, `class="hidden"`),
    // and a class cannot run script or load anything; `style` stays out.
    '*': [...(base['*'] ?? []), 'className'],
    code: [['className', /^language-./, 'math-inline', 'math-display']],
    // `name` stays clobber-prefixed; ids are kept (authors link to `<a id>` anchors) and made safe by rehype-headings.
  },
  clobber: ['ariaDescribedBy', 'ariaLabelledBy', 'name'],
}
