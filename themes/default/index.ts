/**
 * The default theme: sidebar from the outline, header with search slot and
 * scheme switch, breadcrumbs, table of contents, previous/next, edit link and
 * last-updated date; light, dark and system schemes.
 */
import { defineTheme } from '../../src/theme/types.ts'
import { main, note, notFound, print, redirect } from './templates/content.ts'
import { document, head } from './templates/document.ts'
import { header } from './templates/header.ts'
import { breadcrumbs, noteFooter, pageNav, tags, toc } from './templates/page-parts.ts'
import { sidebar } from './templates/sidebar.ts'
import { categoryPage, indexNav, noteExtras, symbolsPage, tagPage, tagsPage, topicPage, topicsPage } from './templates/indices.ts'

export default defineTheme({
  templates: {
    document, head, header, sidebar, main, note, notFound, print, redirect, breadcrumbs, toc, tags, noteFooter, pageNav,
    indexNav, noteExtras, tagPage, tagsPage, topicPage, topicsPage, symbolsPage, categoryPage,
  },
  // popovers.css and popovers.js are left out of a page when `[slugwiki] popovers = false` (see document.ts).
  styles: ['style.css', 'search.css', 'indices.css', 'popovers.css'],
  scripts: ['theme.js', 'search.js', 'topics.js', 'popovers.js'],
})
