/**
 * Templates of the cross-linked indexes: tag, topic and symbol pages, the
 * sidebar's "Index" part, and what a note shows from the indexes (its tags,
 * a section's list of notes, "Linked from", related notes).
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { IndexPage, NoteCard, NoteLinkItem, SymbolsPage, TagPage, TagsPage, TopicPage, TopicsPage } from '../../../src/pages/index-model.ts'
import { indexPageLinks, TAGS_INDEX } from '../../../src/pages/index-pages.ts'
import type { PageLink } from '../../../src/pages/model.ts'
import type { ThemeContext } from '../../../src/theme/types.ts'
import { countWords, fill, splitAt, type CountKey } from '../../../src/words/index.ts'
import { wikiMap } from './map.ts'

/** A count of things (`key`), as the page's language says it. */
const counted = (ctx: ThemeContext, key: CountKey, count: number) => countWords(ctx.config.words, ctx.config.language, key, count)

/** `count` notes, as the page's language says it. */
const noteCount = (ctx: ThemeContext, count: number) => counted(ctx, 'note-count', count)

/** A text of the theme's words with elements where its `{name}` is (at the end when it has none). */
function around(text: string, name: string, elements: ElementContent | Array<ElementContent | string>): Array<ElementContent | string> {
  const [before, after] = splitAt(text, name) ?? [`${text} `, '']
  return [...(before ? [before] : []), ...(Array.isArray(elements) ? elements : [elements]), ...(after ? [after] : [])]
}

function tagList(ctx: ThemeContext, tags: PageLink[]): Element | undefined {
  if (tags.length === 0) return undefined
  return h('ul.tags', { ariaLabel: ctx.config.words.tags }, tags.map((t) => h('li.tag', [h('a', { href: ctx.href(t.slug), rel: 'tag' }, t.title)])))
}

function cards(ctx: ThemeContext, list: NoteCard[]): Element {
  return h(
    'ul.note-cards',
    list.map((card) => {
      const meta = [card.notes ? h('span.note-count', noteCount(ctx, card.notes)) : undefined, tagList(ctx, card.tags)].filter((e) => e !== undefined)
      return h('li.note-card', [
        h('a.note-card-title', { href: ctx.href(card.slug) }, card.title),
        card.description ? h('p.note-card-description', card.description) : undefined,
        meta.length ? h('div.note-card-meta', meta) : undefined,
      ].filter((e) => e !== undefined))
    }),
  )
}

function place(ctx: ThemeContext, item: NoteLinkItem, withTitle: boolean): ElementContent[] {
  const target = ctx.href(item.slug, item.fragment)
  const label = withTitle ? (item.heading ? `${item.title} › ${item.heading}` : item.title) : (item.heading ?? ctx.config.words['top-of-note'])
  return [h('a.place', { href: target }, label), ...(item.context ? [h('q.place-context', item.context)] : [])]
}

/** What a note shows after its body: a section's notes, "Linked from", related notes. */
export function noteExtras(ctx: ThemeContext): Element[] {
  const page = ctx.page
  if (page.kind !== 'note') return []
  const out: Element[] = []
  if (page.sectionIndex.length) {
    out.push(h('section.section-index', { ariaLabelledBy: 'section-index-title' }, [h('h2#section-index-title', ctx.config.words['in-this-section']), cards(ctx, page.sectionIndex)]))
  }
  // A note at a tag page's path (Quartz's `tags/<tag>.md`): the tag's notes, or every tag, beneath its text.
  if (page.listing?.kind === 'tag') {
    const tag = page.listing
    out.push(
      h('section.tag-index', { ariaLabelledBy: 'tag-index-title' }, [
        h('h2#tag-index-title', around(ctx.config.words['notes-tagged'], 'tag', h('span.tag-name', tag.name))),
        h('p.index-summary', [`${noteCount(ctx, tag.notes.length)}. `, h('a', { href: ctx.href(TAGS_INDEX) }, ctx.config.words['all-tags']), '.']),
        cards(ctx, tag.notes),
      ]),
    )
  } else if (page.listing?.kind === 'tags') {
    out.push(h('section.tag-index', { ariaLabelledBy: 'tag-index-title' }, [h('h2#tag-index-title', ctx.config.words['all-tags']), tagCloud(ctx, page.listing)]))
  }
  if (page.backlinks.length) {
    out.push(
      h('section.backlinks', { ariaLabelledBy: 'backlinks-title' }, [
        h('h2#backlinks-title', ctx.config.words['linked-from']),
        h('ul', page.backlinks.map((b) => h('li', place(ctx, b, true)))),
      ]),
    )
  }
  if (page.related.length) {
    out.push(
      h('section.related', { ariaLabelledBy: 'related-title' }, [
        h('h2#related-title', ctx.config.words['related-notes']),
        h('ul', page.related.map((r) => h('li', [h('a', { href: ctx.href(r.slug) }, r.title), ...(r.description ? [h('span.related-description', r.description)] : [])]))),
      ]),
    )
  }
  return out
}

/** The sidebar's "Index" part: links to the generated index pages. */
export function indexNav(ctx: ThemeContext): Element | Element[] {
  const links = indexPageLinks(ctx.graph, ctx.config.words)
  if (links.length === 0) return []
  return h('ol.outline.index-nav', [
    h('li.part-title', ctx.config.words.index),
    ...links.map((l) => h('li.chapter', [h('a', { href: ctx.href(l.slug), ariaCurrent: l.slug === ctx.page.slug ? 'page' : undefined }, l.title)])),
  ])
}

function letterNav(ctx: ThemeContext, letters: Array<{ letter: string }>, prefix: string): Element {
  return h('nav.letter-nav', { ariaLabel: ctx.config.words.letters }, [h('ul', letters.map((l) => h('li', [h('a', { href: `#${prefix}-${encodeURIComponent(l.letter)}` }, l.letter)])))])
}

function tagPageBody(ctx: ThemeContext, page: TagPage): Element[] {
  return [
    h('h1', around(ctx.config.words['tag-heading'], 'tag', h('span.tag-name', page.name))),
    h('p.index-summary', [`${fill(ctx.config.words['tag-page-summary'], { notes: noteCount(ctx, page.notes.length), tag: page.name })} `, h('a', { href: ctx.href(TAGS_INDEX) }, ctx.config.words['all-tags']), '.']),
    cards(ctx, page.notes),
  ]
}

function tagCloud(ctx: ThemeContext, page: TagsPage): Element {
  return h('ul.tag-cloud', page.tags.map((t) => h('li', [h('a', { href: ctx.href(t.slug), rel: 'tag' }, t.name), ' ', h('span.count', `(${t.count})`)])))
}

function tagsPageBody(ctx: ThemeContext, page: TagsPage): Element[] {
  const tags = counted(ctx, 'tag-count', page.tags.length)
  return [h('h1', page.title), h('p.index-summary', fill(ctx.config.words['tags-page-summary'], { tags })), tagCloud(ctx, page)]
}

function topicPageBody(ctx: ThemeContext, page: TopicPage): Element[] {
  const notes = page.groups.reduce((n, g) => n + g.notes.length, 0)
  const { words } = ctx.config
  const facts: Array<ElementContent | string> = [fill(words['topic-mentions'], { times: counted(ctx, 'time-count', page.count), notes: noteCount(ctx, notes) })]
  if (page.home) facts.push(' ', ...around(words['topic-start-with'], 'link', h('a', { href: ctx.href(page.home.slug) }, page.home.title)))
  if (page.tag) facts.push(' ', ...around(words['topic-notes-tagged'], 'link', h('a', { href: ctx.href(page.tag.slug), rel: 'tag' }, page.tag.title)))
  const out: Element[] = [h('h1', page.title)]
  if (page.description) out.push(h('p.topic-description', page.description))
  out.push(h('p.index-summary', facts))
  const aliases = page.aliases.flatMap((a, i) => [...(i ? [', '] : []), h('span.alias', a)])
  out.push(h('p.topic-aliases', around(words['topic-found-as'], 'aliases', aliases)))
  for (const group of page.groups) {
    out.push(h('h2', group.slug ? h('a', { href: ctx.href(group.slug) }, group.title) : group.title))
    out.push(
      h(
        'ul.topic-notes',
        group.notes.map((note) =>
          h('li', [
            h('a.topic-note', { href: ctx.href(note.slug) }, note.title),
            h('ul.topic-places', note.places.map((p) => h('li', place(ctx, p, false)))),
          ]),
        ),
      ),
    )
  }
  if (page.seeAlso.length) out.push(h('h2', ctx.config.words['see-also']), h('ul.see-also', page.seeAlso.map((t) => h('li', [h('a', { href: ctx.href(t.slug) }, t.title)]))))
  return out
}

function topicsPageBody(ctx: ThemeContext, page: TopicsPage): Element[] {
  const out: Element[] = [h('h1', page.title)]
  if (page.map) out.push(wikiMap(ctx, page.map))
  out.push(h('h2', ctx.config.words['topics-a-z']), letterNav(ctx, page.letters, 'topics'))
  for (const { letter, topics } of page.letters) {
    out.push(h('h3.letter', { id: `topics-${letter}` }, letter))
    out.push(
      h(
        'dl.topic-list',
        topics.flatMap((t) => [
          h('dt', [h('a', { href: ctx.href(t.slug) }, t.title), ' ', h('span.count', `(${noteCount(ctx, t.notes)})`)]),
          h('dd', t.description ?? ''),
        ]),
      ),
    )
  }
  return out
}

function symbolsPageBody(ctx: ThemeContext, page: SymbolsPage): Element[] {
  // The letter bar links each letter where its entries are: this page, or the letter's own page.
  const bar = h('nav.letter-nav', { ariaLabel: ctx.config.words.letters }, [
    h('ul', page.nav.map((l) => h('li', [h('a', { href: l.slug === page.slug ? `#symbols-${encodeURIComponent(l.letter)}` : ctx.href(l.slug) }, l.letter)]))),
  ])
  const out: Element[] = [h('h1', page.title), h('p.index-summary', page.description ?? ''), bar]
  type Entry = SymbolsPage['letters'][number]['symbols'][number]
  const sites = (label: string, list: Entry['uses'], more = 0) =>
    list.length
      ? [
          h('dt', label),
          h('dd', [
            h('ul', list.map((s) => h('li', [...place(ctx, s, true), ' ', h('span.lang', s.lang)]))),
            ...(more > 0 ? [h('p.more-uses', counted(ctx, 'more-block-count', more))] : []),
          ]),
        ]
      : []
  const kinds = (s: Entry) => (s.kinds.length ? [' ', h('span.kind', s.kinds.join(', '))] : [])
  for (const { letter, symbols } of page.letters) {
    out.push(h('h2.letter', { id: `symbols-${letter}` }, letter))
    if (page.overview) {
      out.push(
        h(
          'ul.symbol-names',
          symbols.map((s) =>
            h('li', [h('a', { href: ctx.href(s.href.slug, s.href.fragment) }, [h('code', s.name)]), ...kinds(s), ' ', h('span.count', fill(ctx.config.words['symbol-counts'], { definitions: s.definitionCount, uses: s.useCount }))]),
          ),
        ),
      )
      continue
    }
    for (const s of symbols) {
      out.push(
        h('section.symbol', { id: s.anchor }, [
          h('h3', [h('code', s.name), ...kinds(s)]),
          h('dl', [...sites(ctx.config.words['defined-in'], s.definitions), ...sites(ctx.config.words['used-in'], s.uses, s.useCount - s.uses.length)]),
        ]),
      )
    }
  }
  return out
}

/** A folder's generated index (a Docusaurus category's): its title, description and items as cards. */
export function categoryPage(ctx: ThemeContext): Element {
  const page = ctx.page
  if (page.kind !== 'category') throw new Error(`category template on a ${page.kind} page`)
  return h('article.note.index-page.index-category', [
    ...[ctx.templates.breadcrumbs?.(ctx) ?? []].flat() as Element[],
    h('h1', page.title),
    page.description ? h('p.category-description', page.description) : undefined,
    cards(ctx, page.items),
  ].filter((e) => e !== undefined))
}

/** Wrap an index page's body; each template checks it got its own kind of page. */
function indexArticle<K extends IndexPage['kind']>(ctx: ThemeContext, kind: K, body: (page: Extract<IndexPage, { kind: K }>) => Element[]): Element {
  const page = ctx.page
  if (page.kind !== kind) throw new Error(`${kind} template on a ${page.kind} page`)
  return h(`article.note.index-page.index-${kind}`, body(page as Extract<IndexPage, { kind: K }>))
}

/** A tag's page: its notes as cards. */
export const tagPage = (ctx: ThemeContext) => indexArticle(ctx, 'tag', (p) => tagPageBody(ctx, p))
/** Every tag with its count. */
export const tagsPage = (ctx: ThemeContext) => indexArticle(ctx, 'tags', (p) => tagsPageBody(ctx, p))
/** A topic's page: where the wiki mentions it, by section. */
export const topicPage = (ctx: ThemeContext) => indexArticle(ctx, 'topic', (p) => topicPageBody(ctx, p))
/** The map of the wiki and the topics A–Z. */
export const topicsPage = (ctx: ThemeContext) => indexArticle(ctx, 'topics', (p) => topicsPageBody(ctx, p))
/** The code symbols A–Z. */
export const symbolsPage = (ctx: ThemeContext) => indexArticle(ctx, 'symbols', (p) => symbolsPageBody(ctx, p))
