/**
 * The sidebar: the outline's top level plus the current page's branch (its
 * ancestors, their siblings and its own children), so every page links
 * everywhere without JavaScript while its size stays independent of the
 * wiki's; a book's `[output.html.fold]` opens more, as mdBook does. The
 * client script fills collapsed sections from `nav.js`.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { OutlineChapter, OutlineItem } from '../../../src/content/summary.ts'
import { slug, slugOf } from '../../../src/paths.ts'
import { chapterNumber, NAV_ASSET, navId, navWindow } from '../../../src/theme/nav.ts'
import type { ThemeContext } from '../../../src/theme/types.ts'
import { fill } from '../../../src/words/index.ts'

interface Branch {
  /** Chapters whose children are rendered whatever the fold: the current page and its ancestors. */
  open: ReadonlySet<OutlineChapter>
  current?: OutlineChapter
  /** mdBook's `[output.html.fold]`: off, every chapter is open; on, those `level` or fewer deep are. */
  fold: { enable: boolean; level: number }
}

/** Whether a chapter `depth` deep (1 the top) shows its pages, as mdBook's toc helper decides it. */
function isOpen(chapter: OutlineChapter, depth: number, branch: Branch): boolean {
  return branch.open.has(chapter) || !branch.fold.enable || depth <= branch.fold.level
}

function label(chapter: OutlineChapter, labels: boolean): ElementContent[] {
  const n = chapterNumber(chapter, labels)
  return [...(n ? [h('span.chapter-number', n), { type: 'text' as const, value: ' ' }] : []), { type: 'text' as const, value: chapter.title }]
}

function chapterItem(ctx: ThemeContext, chapter: OutlineChapter, id: string, depth: number, branch: Branch): Element {
  const linked = chapter.source !== undefined && ctx.graph.notes.has(chapter.source)
  // A folder's generated index (a Docusaurus category's) is its page.
  const to = linked ? slugOf(chapter.source!) : chapter.generatedIndex?.slug
  const entry = to
    ? h('a', { href: ctx.href(to), ariaCurrent: chapter === branch.current ? 'page' : undefined }, label(chapter, ctx.config.sectionLabels))
    : chapter.url
      ? h('a.external', { href: chapter.url }, label(chapter, ctx.config.sectionLabels))
      : chapter.folder
        ? h('span.folder', label(chapter, ctx.config.sectionLabels))
        : h('span.draft', { title: ctx.config.words['not-written-yet'] }, label(chapter, ctx.config.sectionLabels))
  if (chapter.children.length === 0) return h('li.chapter', { dataNavId: id }, [entry])
  const open = isOpen(chapter, depth, branch)
  const children = open ? [outlineList(ctx, chapter.children, id, depth + 1, branch)] : []
  // Without folding (mdBook's `enable = false`) every chapter is open and, as in mdBook, has no toggle.
  if (!branch.fold.enable) return h('li.chapter.has-children', { dataNavId: id }, [h('div.chapter-row', [entry]), ...children])
  // The chevron is drawn by CSS: an inline SVG per entry would cost every page ~250 bytes an entry.
  const fold = h('button.fold', { type: 'button', ariaExpanded: String(open), ariaLabel: fill(ctx.config.words['fold-pages'], { title: chapter.title }) })
  return h('li.chapter.has-children', { dataNavId: id }, [h('div.chapter-row', [entry, fold]), ...children])
}

/** One level of the outline, windowed around the current branch when it is long. */
function outlineList(ctx: ThemeContext, items: OutlineItem[], parent: string, depth: number, branch: Branch): Element {
  const focus = items.findIndex((item) => item.kind === 'chapter' && branch.open.has(item))
  const [start, end] = navWindow(items.length, focus)
  const li: ElementContent[] = []
  const more = (count: number) =>
    h('li.nav-more', [h('button.more', { type: 'button', dataNavList: parent }, fill(ctx.config.words['more-entries'], { count }))])
  if (start > 0) li.push(more(start))
  for (let i = start; i < end; i++) {
    const item = items[i]!
    if (item.kind === 'part') li.push(h('li.part-title', item.title))
    else if (item.kind === 'separator') li.push(h('li.separator', { role: 'separator' }))
    else if (branch.open.has(item)) li.push(chapterItem(ctx, item, navId(parent, i), depth, branch))
    else {
      // An entry off the current branch (closed, or opened by the fold level, holding no
      // current page) is the same on every page: made and serialised once for them all.
      const id = navId(parent, i)
      li.push(ctx.shared(`sidebar-entry:${id}`, () => chapterItem(ctx, item, id, depth, branch)))
    }
  }
  if (end < items.length) li.push(more(items.length - end))
  return h('ol.outline', { dataNavList: parent }, li)
}

/** The chapter whose generated index is at `at`, and its ancestors. */
function indexPlace(items: OutlineItem[], at: string, ancestors: OutlineChapter[] = []): { chapter: OutlineChapter; ancestors: OutlineChapter[] } | undefined {
  for (const item of items) {
    if (item.kind !== 'chapter') continue
    if (item.generatedIndex?.slug === at) return { chapter: item, ancestors }
    const found = indexPlace(item.children, at, [...ancestors, item])
    if (found) return found
  }
  return undefined
}

/** The site's navigation. */
export function sidebar(ctx: ThemeContext): Element {
  const { page, graph } = ctx
  const place = page.kind === 'note' ? graph.places.get(page.source) : page.kind === 'category' ? indexPlace(graph.outline, page.slug) : undefined
  const fold = ctx.config.sidebarFold
  const branch: Branch = place
    ? { open: new Set([...place.ancestors, place.chapter]), current: place.chapter, fold }
    : { open: new Set(), fold }
  return h(
    'nav.sidebar',
    {
      id: 'sidebar',
      ariaLabel: ctx.config.words.chapters,
      dataRoot: ctx.href(slug('index.html')).replace(/index\.html$/, ''),
      dataNav: ctx.asset(NAV_ASSET),
      // How the client script opens the entries it adds from nav.js (a "more" list): as the page's own are.
      dataFold: fold.enable ? String(fold.level) : 'off',
    },
    [outlineList(ctx, graph.outline, '', 1, branch), ...[ctx.templates.indexNav?.(ctx) ?? []].flat() as Element[]],
  )
}
