/**
 * The site's RSS 2.0 feed, `index.xml` (where Quartz writes its feed, so a
 * wiki moving from Quartz keeps its readers' subscriptions): the most
 * recently dated notes, newest first, written by the `feed` package.
 */
import path from 'node:path'
import type { Element, Root } from 'hast'
import { raw } from 'hast-util-raw'
import { toHtml } from 'hast-util-to-html'
import { toText } from 'hast-util-to-text'
import { Feed } from 'feed'
import rehypeSanitize from 'rehype-sanitize'
import { configPlace, type Config } from './config.ts'
// RSS readers read a title and a description as HTML: `<` in them is text only when escaped.
import { escapeText } from './escape-text.ts'
import { finalSchema } from './markdown/sanitize-schema.ts'
import { mapSourceSet } from './markdown/source-set.ts'
import { walk } from './markdown/walk.ts'
import type { NotePage, Page } from './pages/model.ts'
import { absoluteHref, type SourcePath } from './paths.ts'
import type { Diagnostics } from './report.ts'
import type { SiteGraph } from './graph/site-graph.ts'

/** Where the feed is written: Quartz's name for it. */
export const FEED_FILE = 'index.xml'

/** The `<link rel="alternate">` every page has when the feed is written. */
export interface FeedLink {
  /** Output path of the feed, from the site's root. */
  name: string
  type: string
  title: string
}

export interface FeedOptions {
  config: Config
  /** Last commit date per note (`gitDates`). */
  lastUpdated: ReadonlyMap<SourcePath, string>
  diagnostics: Diagnostics
  /** An absolute path as diagnostics show it. */
  display: (absolute: string) => string
}

/** A note's date as written in frontmatter: a day, or a day and time (UTC when no zone is given). */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** A frontmatter or git date as a `Date`, or undefined when it is none (`2024-02-30`, `last week`). */
export function parseNoteDate(value: string): Date | undefined {
  const m = DATE.exec(value.trim())
  if (!m) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m
  // `Date` rolls 2024-02-30 over into March: a day that does not exist is no date.
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
  if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return undefined
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`)
  return Number.isNaN(date.getTime()) ? undefined : date
}

interface Dated {
  page: NotePage
  date: Date
  link: string
}

/**
 * The feed's items: every published note with a date (frontmatter `date`,
 * else its last commit's), newest first, ties by URL, at most
 * `config.feed.items`. Drafts shown with `--drafts`, the 404 note and the
 * generated index pages are never items.
 */
function feedItems(graph: SiteGraph, pages: Page[], { config, lastUpdated, diagnostics, display }: FeedOptions, siteUrl: string): Dated[] {
  const dated: Dated[] = []
  for (const page of pages) {
    if (page.kind !== 'note' || page.source === graph.notFound?.note.source) continue
    const note = graph.notes.get(page.source)
    if (!note || note.frontmatter.draft === true || note.frontmatter.publish === false || graph.hidden.has(page.source)) continue
    const written = note.frontmatter.date
    let date = written === undefined ? undefined : parseNoteDate(written)
    if (written !== undefined && !date) {
      const line = note.frontmatterLines?.date
      diagnostics.warn(display(path.join(config.src, page.source)), `Frontmatter \`date\` \`${written}\` is no date (YYYY-MM-DD, or with a time): the feed dates the note by its last commit`, 'feed-date', line ? { line } : undefined)
    }
    const committed = lastUpdated.get(page.source)
    date ??= committed === undefined ? undefined : parseNoteDate(committed)
    if (date) dated.push({ page, date, link: new URL(absoluteHref(config.base, page.slug), siteUrl).href })
  }
  // Newest first; one date's notes by URL, so the same notes always make the same feed.
  dated.sort((a, b) => b.date.getTime() - a.date.getTime() || (a.link < b.link ? -1 : a.link > b.link ? 1 : 0))
  return dated.slice(0, config.feed.items)
}

/**
 * HTML made safe inside CDATA: the `feed` package splits only the first
 * `]]>` of a section, so any `>` after `]]` is written as the reference it
 * means (a text or attribute value says the same).
 */
function cdataSafe(html: string): string {
  return html.replace(/]]>/g, ']]&gt;')
}

const URL_ATTRIBUTES = ['href', 'src', 'poster'] as const

/** `value` resolved against `link`; undefined for a URL the browser could not resolve either (it stays as written). */
function absolute(value: string, link: string): string | undefined {
  try {
    return new URL(value, link).href
  } catch {
    return undefined
  }
}

/** A note's body parsed, its URLs absolute from its page's `link` (a feed reader shows it away from the site). */
function absoluteBody(page: NotePage, link: string, trusted: boolean): Root {
  let tree = raw({ type: 'root', children: [{ type: 'raw', value: toHtml(page.body, { allowDangerousHtml: true }) }] }) as Root
  walk(tree, (node) => {
    if (node.type !== 'element') return
    for (const attribute of URL_ATTRIBUTES) {
      const value = node.properties[attribute]
      if (typeof value !== 'string' || value === '') continue
      node.properties[attribute] = absolute(value, link) ?? value
    }
    if (typeof node.properties.srcSet === 'string') node.properties.srcSet = mapSourceSet(node.properties.srcSet, (url) => absolute(url, link) ?? url) ?? node.properties.srcSet
  })
  if (!trusted) tree = rehypeSanitize(finalSchema)(tree) as Root
  return tree
}

/** The text of a body's first paragraph, whitespace collapsed: a summary for a note without `description`. */
function firstParagraph(tree: Root): string | undefined {
  let found: Element | undefined
  walk(tree, (node) => {
    if (!found && node.type === 'element' && node.tagName === 'p') found = node
  })
  const text = found && toText(found).replace(/\s+/g, ' ').trim()
  return text || undefined
}

/**
 * The RSS feed of the site, or undefined when none is written: the feed is
 * off, the site's absolute URL is unknown (RSS links must be absolute), or
 * no note has a date (a feed's date must come from its items, never the
 * build's clock, so two builds are byte-identical).
 */
export function siteFeed(graph: SiteGraph, pages: Page[], options: FeedOptions): string | undefined {
  const { config, diagnostics } = options
  if (!config.feed.enabled) return undefined
  const siteUrl = config.siteUrl
  if (!siteUrl) {
    if (config.feed.explicit) {
      diagnostics.warn(options.display(config.configFile ?? config.root), '`feed = true` needs the site\'s absolute URL (`url = "https://…"`, or `cname`): no feed is written', 'feed', configPlace(config, ['slugwiki', 'feed']))
    }
    return undefined
  }
  const items = feedItems(graph, pages, options, siteUrl)
  if (items.length === 0) return undefined
  const feed = new Feed({
    title: config.title,
    description: config.description ?? config.title,
    id: siteUrl,
    link: siteUrl,
    language: config.language,
    // The newest item's date, never the build's: the same notes give the same bytes.
    updated: items[0]!.date,
    generator: 'slugwiki',
    feedLinks: { rss: new URL(FEED_FILE, siteUrl).href },
  })
  for (const { page, date, link } of items) {
    const tree = page.description === undefined || config.feed.content === 'full' ? absoluteBody(page, link, config.trusted) : undefined
    const summary = page.description ?? (tree && firstParagraph(tree))
    feed.addItem({
      title: cdataSafe(escapeText(page.title)),
      link,
      date,
      ...(summary !== undefined && { description: cdataSafe(escapeText(summary)) }),
      ...(config.feed.content === 'full' && tree && { content: cdataSafe(toHtml(tree)) }),
      category: page.tags.map((name) => ({ name })),
    })
  }
  return `${feed.rss2()}\n`
}
