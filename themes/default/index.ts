/**
 * The default theme: sidebar from the outline, header, breadcrumbs, page
 * table of contents, prev/next, edit link; light and dark schemes.
 */
import { defineTheme } from '../../src/theme/types.ts'
import { document } from './templates/document.ts'
import { header, sidebar, outlineList } from './templates/chrome.ts'
import { main, note, notFound, print, redirect, toc, pageNav } from './templates/content.ts'

export default defineTheme({
  templates: { document, header, sidebar, outlineList, main, note, notFound, print, redirect, toc, pageNav },
  styles: ['style.css'],
  scripts: ['theme.js'],
})
