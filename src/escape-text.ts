/**
 * Text written into XML or HTML that slugwiki assembles as a string (the
 * sitemap, the feed's titles and summaries), its `&`, `<` and `>` escaped;
 * pages are hast trees, escaped by hast-util-to-html.
 */
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
