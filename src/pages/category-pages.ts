/**
 * SiteGraph → the generated index pages of a Docusaurus site's categories
 * (`_category_.json` `link: {type: generated-index}`): one per folder that
 * asks, titled and described as its link says, listing the folder's items
 * as cards (docs, and sub-folders that have a page), as Docusaurus's
 * DocCardList does. Its Docusaurus URL, where it differs, redirects to it.
 */
import { flattenOutline, type OutlineChapter } from '../content/summary.ts'
import type { SiteGraph } from '../graph/site-graph.ts'
import { hrefTo, pathSlug, slug as toSlug, type SourcePath } from '../paths.ts'
import type { Diagnostic } from '../report.ts'
import type { NoteCard } from './index-model.ts'
import type { CategoryPage, Crumb, RedirectPage } from './model.ts'
import { noteCard, type TitleOf } from './note-extras.ts'

/** The items of a folder's entry as cards: docs, and sub-folders with a page of their own. */
function cardsOf(graph: SiteGraph, chapter: OutlineChapter, titleOf: TitleOf): NoteCard[] {
  const cards: NoteCard[] = []
  for (const child of chapter.children) {
    if (child.kind !== 'chapter') continue
    const count = child.children.length || undefined
    if (child.source && graph.notes.has(child.source)) cards.push(noteCard(graph, child.source, titleOf, count))
    else if (child.generatedIndex) cards.push({ title: child.title, slug: child.generatedIndex.slug, description: child.generatedIndex.description, tags: [], notes: count })
  }
  return cards
}

/**
 * The category pages, and a redirect from each one's Docusaurus URL; a page
 * whose path another page has is left out with a warning naming the
 * category file (else its folder). `taken` gains the pages made.
 */
export function categoryPages(graph: SiteGraph, titleOf: TitleOf, taken: Set<string>, folder: (dir: string) => string): { pages: Array<CategoryPage | RedirectPage>; diagnostics: Diagnostic[] } {
  const pages: Array<CategoryPage | RedirectPage> = []
  const diagnostics: Diagnostic[] = []
  const ancestors: Crumb[] = []
  const walk = (chapters: OutlineChapter[], crumbs: Crumb[]) => {
    for (const chapter of chapters) {
      const index = chapter.generatedIndex
      if (index) {
        if (taken.has(index.slug)) {
          diagnostics.push({ file: index.file ?? folder(index.dir), severity: 'warning', message: `The generated index of \`${index.dir}\` would be \`${index.slug}\`, another page's; left out`, rule: 'docusaurus-category' })
        } else {
          taken.add(index.slug)
          pages.push({ kind: 'category', slug: index.slug, title: index.title, ...(index.description !== undefined && { description: index.description }), breadcrumbs: crumbs, items: cardsOf(graph, chapter, titleOf) })
          const from = index.url === '/' ? toSlug('index.html') : pathSlug(index.url)
          if (from && from !== index.slug && !taken.has(from)) {
            taken.add(from)
            pages.push({ kind: 'redirect', slug: from, title: index.title, to: hrefTo(from, index.slug) })
          }
        }
      }
      const crumb: Crumb = { title: chapter.title, slug: chapter.source && graph.notes.has(chapter.source) ? graph.slugs.get(chapter.source as SourcePath) : index && pages.some((p) => p.slug === index.slug && p.kind === 'category') ? index.slug : undefined }
      walk(chapter.children.filter((c): c is OutlineChapter => c.kind === 'chapter'), [...crumbs, crumb])
    }
  }
  walk(graph.outline.filter((c): c is OutlineChapter => c.kind === 'chapter'), ancestors)
  return { pages, diagnostics }
}

/** True when the outline has a generated index (a Docusaurus site's): only then are category pages looked for. */
export function hasGeneratedIndexes(graph: SiteGraph): boolean {
  return flattenOutline(graph.outline).some((c) => c.generatedIndex !== undefined)
}
