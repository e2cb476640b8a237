/**
 * The two rehype-sanitize schemas of the markdown pipeline.
 *
 * Note HTML is sanitised twice (unless the wiki is `trusted`):
 *
 * 1. `noteSchema`, right after raw HTML is parsed and before any of our
 *    plugins: GitHub's schema (hast-util-sanitize's default) plus the tags
 *    authors of technical notes use, and classes (mdBook books style notes
 *    with them). This pass sees only what the author wrote, so it can be
 *    strict: no `style`, no event handler, no link scheme but GitHub's and
 *    those of `LINK_SCHEMES`, no `data:` URL but an image's.
 * 2. `finalSchema`, after the last plugin that adds markup: the same schema
 *    extended with exactly the elements and attributes our plugins emit
 *    (shiki's inline colours, KaTeX's HTML, MathML and SVG, heading anchors,
 *    code figures, kernel logs, alert and callout icons, wikilinks). It guarantees that whatever a plugin does
 *    with the author's text (a KaTeX macro, a fence title, a code line), no
 *    script, event handler, `javascript:` URL or unknown element reaches the
 *    page. Its extra attributes (`style` on `span`) cannot be abused by the
 *    author, because pass 1 already removed every author-written one.
 *
 * Either pass alone leaves a gap: sanitising only first trusts every plugin
 * with the author's text; sanitising only last would have to allow
 * `style` on every `span` the author writes (CSS injection: a fixed overlay
 * over the whole page). A plugin that adds new markup must add it to
 * `PLUGIN_OUTPUT` below; test/security/final-pass.test.ts fails otherwise.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize'

type Attributes = NonNullable<Schema['attributes']>

const base: Attributes = defaultSchema.attributes ?? {}

/** GitHub's per-element class allow-lists (`h2: sr-only`, …) would override a global `className`. */
const withoutClassLimits = Object.fromEntries(
  Object.entries(base).map(([tag, list]) => [tag, (list ?? []).filter((a) => !(Array.isArray(a) && a[0] === 'className'))]),
)

/**
 * Elements whose content is never shown as text when the element is removed:
 * a stray `<style>` must not print its CSS into the page, nor `<iframe>` its fallback.
 */
const STRIP = ['script', 'style', 'iframe', 'frame', 'frameset', 'noscript', 'noembed', 'noframes', 'object', 'embed', 'applet', 'template', 'textarea', 'title', 'xmp', 'select']

/**
 * Link schemes kept beyond GitHub's (http(s), mailto, irc(s), xmpp): each
 * hands the link to another program (a phone, an FTP or SSH client, a
 * torrent or calendar app, a reference manager, the note's vault or
 * editor) and none runs anything in the page. Research notes link to
 * Zotero items and Obsidian vaults; a wiki of systems notes to hosts.
 * `javascript:`, `vbscript:` and `data:` links stay out.
 */
const LINK_SCHEMES = ['tel', 'sms', 'ftp', 'ftps', 'sftp', 'ssh', 'git', 'svn', 'news', 'nntp', 'magnet', 'webcal', 'geo', 'zotero', 'obsidian', 'vscode']

/**
 * An image's source: any URL the protocols allow, but a `data:` URL only as
 * a raster or SVG picture (in `<img>` an SVG runs no script). Pasted
 * screenshots come as `data:image/png;base64,…`.
 */
const IMAGE_SOURCE: Definition = ['src', /^(?!data:)/i, /^data:image\/(?:png|gif|jpeg|jpg|webp|avif|bmp|svg\+xml|x-icon|vnd\.microsoft\.icon)[;,]/i]

/** A player's or a media source's file: not a `data:` URL. */
const MEDIA_SOURCE: Definition = ['src', /^(?!data:)/i]

/**
 * A `<picture>` source's or an image's `srcset`, a list of URLs with their widths or
 * densities: kept only when its every colon ends an `http` or `https` scheme,
 * so no candidate is a `data:` or `javascript:` URL (the protocol check reads
 * one URL per attribute, and a list is not one URL).
 */
const SOURCE_SET: Definition = ['srcSet', /^(?:[^:]|(?<=\bhttps?):)*$/i]

/** Pass 1: what raw HTML and markdown in a note may keep. */
export const noteSchema: Schema = {
  ...defaultSchema,
  // A table's caption and column groups (mdBook keeps them, as it keeps all raw HTML): GitHub's
  // schema already allows their `span` and `width` on every element, and no `style`.
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'mark', 'figure', 'figcaption', 'u', 'small', 'cite', 'dfn', 'wbr', 'audio', 'video', 'source', 'track', 'caption', 'colgroup', 'col'],
  attributes: {
    ...withoutClassLimits,
    // Classes are kept: mdBook books rely on them (`<div class="warning">`, `class="hidden"`),
    // and a class cannot run script or load anything; `style` stays out.
    '*': [...(base['*'] ?? []), 'className'],
    code: [['className', /^language-./, 'math-inline', 'math-display']],
    // remark-wikilinks names the target in `data-wikilink` before this pass; the pages stage turns
    // the name into an href to a note or file of the site, so an author writing one gains nothing.
    a: [...(withoutClassLimits.a ?? []), 'dataWikilink', 'dataWikiFragment', 'dataWikiId'],
    // A retina image's `srcset` (and its `sizes`) lists files as a `<picture>`'s sources do, checked alike.
    img: [...(withoutClassLimits.img ?? []).filter((a) => a !== 'src'), IMAGE_SOURCE, SOURCE_SET, 'sizes', 'dataWikilink'],
    // Players, as Obsidian's notes write them and its `![[talk.mp3]]` embeds show them: they load a
    // file (http(s) or the site's own, as an image does) and run nothing; no autoplay.
    audio: [MEDIA_SOURCE, 'controls', 'loop', 'muted', 'preload', 'dataWikilink'],
    video: [MEDIA_SOURCE, 'controls', 'loop', 'muted', 'preload', 'poster', 'width', 'height', 'playsInline', 'dataWikilink'],
    // A player's files (`src`, `type`) and a `<picture>`'s (`srcset`, `sizes`, `media`), with the
    // captions and chapters of a `<track>`: each loads a file as the player or image would.
    source: [MEDIA_SOURCE, SOURCE_SET, 'type', 'media', 'sizes', 'width', 'height'],
    track: [MEDIA_SOURCE, 'kind', 'srcLang', 'label', 'default'],
    // Obsidian's task mark (`- [?]`, remark-task-marks), as its themes read it: a data attribute, inert.
    li: [...(withoutClassLimits.li ?? []), 'dataTask'],
    input: [...(withoutClassLimits.input ?? []), 'dataTask'],
    // A note embed (`![[Note]]`), filled with the note by the pages stage: it shows only a note of the site.
    blockquote: [...(withoutClassLimits.blockquote ?? []), 'dataWikilink', 'dataWikiFragment', 'dataWikiEmbed'],
  },
  // `name` stays prefixed (`document.cookie` clobbering needs only `<img name>`); ids are kept
  // because authors link to `<a id>` anchors, and rehype-headings renames the dangerous ones.
  // The ARIA attributes that point at ids must not be prefixed either, or a footnote
  // reference's `aria-describedby` names a label that does not exist.
  clobber: ['name'],
  strip: STRIP,
  // GitHub's schema allows `action` on every element (inert off a form, and forms are removed)
  // but checks no scheme in it: a `javascript:` URL is not kept even there.
  protocols: {
    ...defaultSchema.protocols,
    href: [...(defaultSchema.protocols?.href ?? []), ...LINK_SCHEMES],
    // `data:` only as an image (the value lists above): a data URL in a note is a pasted picture.
    src: [...(defaultSchema.protocols?.src ?? []), 'data'],
    action: ['http', 'https'],
    poster: ['http', 'https'],
  },
}

/** MathML that KaTeX writes (`htmlAndMathml` output), with every attribute it sets. */
const MATHML_TAGS = [
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'mtext', 'mspace', 'mstyle', 'mpadded', 'mphantom',
  'mfrac', 'msqrt', 'mroot', 'msub', 'msup', 'msubsup', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'menclose',
]
const MATHML_ATTRIBUTES = [
  'xmlns', 'display', 'encoding', 'accent', 'accentunder', 'columnalign', 'columnlines', 'columnspacing', 'depth', 'displaystyle',
  'fence', 'height', 'largeop', 'linebreak', 'linethickness', 'lspace', 'mathbackground', 'mathcolor', 'mathsize', 'mathvariant',
  'maxsize', 'minsize', 'notation', 'rowlines', 'rowspacing', 'rspace', 'scriptlevel', 'separator', 'stretchy', 'valign',
  'voffset', 'width', 'style',
]

/**
 * Everything our plugins emit beyond `noteSchema`, by tag name. Classes need
 * no entry: `noteSchema` allows them on every element, and a per-tag class
 * list here would override that and empty the author's classes.
 */
const PLUGIN_OUTPUT: Attributes = {
  // rehype-autolink-headings: `<a class="heading-anchor" aria-hidden tabindex="-1">`;
  // rehype-topics: `<a class="topic-link" data-topic data-topic-title data-topic-description>`
  // (the theme shows the title and description as text).
  a: ['ariaHidden', 'dataTopic', 'dataTopicTitle', 'dataTopicDescription'],
  // rehype-code: `<figure class="code" id data-lang data-hidden-lines>` with an optional title.
  figure: ['dataLang', 'dataLabel', 'dataHiddenLines'],
  // shiki writes HTML attribute names (`class`, `tabindex`); a numbered block starting past 1 sets its counter in `style`, and KaTeX sizes spans with it.
  pre: ['class', 'style', 'tabindex', 'dataLineNumbers'],
  // rehype-inline-hilite: InlineHilite's highlighted inline code, `<code class="shiki language-c">` as shiki names its `pre`.
  code: ['class'],
  // The pages stage shows a wikilink that names no note as `<span class="broken-link" data-wikilink>`.
  span: ['class', 'style', 'ariaHidden', 'dataWikilink'],
  // kernel-log: `div.log` of `pre.log-pre`, call traces folded in `details.log-fold`.
  // rehype-obsidian-callouts (and rehype-mdbook-admonish, through it): `div.callout` or `details.callout`
  // naming its type in `data-callout`.
  div: ['dataLang', 'dataCallout', 'dataCollapsible', 'dataCalloutMetadata'],
  details: ['dataCallout', 'dataCollapsible', 'dataCalloutMetadata'],
  // KaTeX: stretchy delimiters, roots and arrows are inline SVG; rehype-github-alerts: octicons;
  // rehype-callouts: Lucide icons, drawn with strokes.
  svg: ['xmlns', 'width', 'height', 'viewBox', 'preserveAspectRatio', 'style', 'version', 'ariaHidden', 'fill', 'stroke', 'strokeWidth', 'strokeLineCap', 'strokeLineJoin'],
  path: ['d'],
  line: ['x1', 'x2', 'y1', 'y2', 'strokeWidth'],
  circle: ['cx', 'cy', 'r'],
  rect: ['x', 'y', 'width', 'height', 'rx', 'ry'],
  polyline: ['points'],
  polygon: ['points'],
  ...Object.fromEntries(MATHML_TAGS.map((tag) => [tag, MATHML_ATTRIBUTES])),
}

type Definition = Attributes[string][number]

/** Merge two attribute lists; for a key in both, the allowed values are joined (a bare name allows any value). */
function mergeDefinitions(a: Definition[], b: Definition[]): Definition[] {
  const byKey = new Map<string, Definition>()
  for (const entry of [...a, ...b]) {
    const key = typeof entry === 'string' ? entry : entry[0]
    const seen = byKey.get(key)
    if (seen === undefined) byKey.set(key, entry)
    else if (typeof seen === 'string' || typeof entry === 'string' || seen.length === 1 || entry.length === 1) byKey.set(key, key)
    else byKey.set(key, [key, ...seen.slice(1), ...entry.slice(1)] as Definition)
  }
  return [...byKey.values()]
}

const noteAttributes: Attributes = noteSchema.attributes ?? {}

/** Pass 2: what the finished note body may contain. */
export const finalSchema: Schema = {
  ...noteSchema,
  tagNames: [...new Set([...(noteSchema.tagNames ?? []), ...Object.keys(PLUGIN_OUTPUT)])],
  attributes: Object.fromEntries(
    [...new Set([...Object.keys(noteAttributes), ...Object.keys(PLUGIN_OUTPUT)])].map((tag) => [
      tag,
      mergeDefinitions(noteAttributes[tag] ?? [], PLUGIN_OUTPUT[tag] ?? []),
    ]),
  ),
  // Pass 1 already prefixed `name`; prefixing again would break the author's anchors.
  clobber: [],
}
