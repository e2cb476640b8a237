/**
 * The default theme's own words in English: every label, heading and sentence
 * the theme, the generated pages and the callouts' default titles show, by
 * key. A `{name}` in a text is filled in where it is used; a key ending in
 * `-one` has an `-other` twin, chosen by the language's plural rules.
 * Every other language's table lists the same keys (see ./index.ts).
 */
export const EN = {
  // The page's frame (templates/document.ts, header.ts, sidebar.ts).
  'skip-to-content': 'Skip to content',
  'colour-scheme': 'Colour scheme: {scheme}',
  'colour-scheme-switch': 'Colour scheme: {scheme} (switch to {next})',
  'scheme-system': 'system',
  'scheme-light': 'light',
  'scheme-dark': 'dark',
  'print-wiki': 'Print this wiki',
  'source-repository': 'Source repository',
  'source-repository-on': 'Source repository on {host}',
  'show-navigation': 'Show navigation',
  'hide-navigation': 'Hide navigation',
  chapters: 'Chapters',
  'not-written-yet': 'Not written yet',
  'more-entries': '{count} more…',
  'fold-pages': '{title}: show or hide its pages',
  // Around a note (templates/page-parts.ts).
  breadcrumbs: 'Breadcrumbs',
  'on-this-page': 'On this page',
  'previous-and-next': 'Previous and next',
  previous: 'Previous',
  next: 'Next',
  'edit-page': 'Edit this page',
  'last-updated': 'Last updated',
  tags: 'Tags',
  // Generated pages (templates/content.ts).
  'not-found-title': 'Page not found',
  'not-found-text': 'This page does not exist, or it moved. {link} or use the navigation.',
  'not-found-link': 'Go to the start',
  'page-moved': 'This page moved to {link}.',
  // The indexes (templates/indices.ts, src/pages/index-pages.ts).
  index: 'Index',
  topics: 'Topics',
  'code-symbols': 'Code symbols',
  'code-symbols-letter': 'Code symbols: {letter}',
  'symbols-description': 'Functions, types and macros defined or called in the code blocks of the wiki.',
  'tag-title': 'Tag: {tag}',
  'tag-heading': 'Tag {tag}',
  'in-this-section': 'In this section',
  'notes-tagged': 'Notes tagged {tag}',
  'all-tags': 'All tags',
  'linked-from': 'Linked from',
  'related-notes': 'Related notes',
  'top-of-note': 'Top of the note',
  letters: 'Letters',
  'topics-a-z': 'Topics A–Z',
  'see-also': 'See also',
  'defined-in': 'Defined in',
  'used-in': 'Used in',
  'map-of-wiki': 'Map of the wiki',
  'note-count-one': '{count} note',
  'note-count-other': '{count} notes',
  // The scripts (assets/*.js), handed to them in the page.
  search: 'Search',
  'search-wiki': 'Search the wiki',
  'search-results': 'Search results',
  'search-unavailable': 'Search is unavailable: its index could not be loaded.',
  'search-result-count-one': '{count} result',
  'search-result-count-other': '{count} results',
  'search-no-results': 'No results for “{query}”',
  'search-key': 'Press / or {key}K to search',
  'copy-code': 'Copy code',
  copy: 'Copy',
  copied: 'Copied',
  'copy-failed': 'Copy failed',
  'show-hidden-lines': 'Show hidden lines',
  'hide-hidden-lines': 'Hide hidden lines',
  code: 'Code',
  preview: 'Preview: {title}',
  // Callouts' default titles: GitHub's alerts, Obsidian's callouts, mdbook-admonish, VitePress, GitBook.
  'callout-note': 'Note',
  'callout-tip': 'Tip',
  'callout-important': 'Important',
  'callout-warning': 'Warning',
  'callout-caution': 'Caution',
  'callout-abstract': 'Abstract',
  'callout-info': 'Info',
  'callout-todo': 'Todo',
  'callout-success': 'Success',
  'callout-question': 'Question',
  'callout-failure': 'Failure',
  'callout-danger': 'Danger',
  'callout-bug': 'Bug',
  'callout-example': 'Example',
  'callout-quote': 'Quote',
  'callout-details': 'Details',
} as const

/** A key of the theme's words. */
export type WordKey = keyof typeof EN

/** Every word of the theme, by key. */
export type Words = Readonly<Record<WordKey, string>>
