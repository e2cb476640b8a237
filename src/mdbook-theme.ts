/**
 * mdBook's theme folder (`[output.html] theme`, default `theme/` beside
 * book.toml): the files in it that slugwiki honours, and the ones it cannot.
 * mdBook overrides its built-in front end file by file from this folder
 * (crates/mdbook-html/src/theme/mod.rs). Its favicons are plain files, so
 * they are published as mdBook publishes them; its Handlebars templates,
 * scripts and stylesheets are written for mdBook's page layout, which
 * slugwiki does not have, so each one found is a warning saying what is
 * left out and what to use instead, never a silent difference.
 */
import fs from 'node:fs'
import path from 'node:path'

/** A favicon of the theme folder, published at the site's root as mdBook does. */
export interface Favicon {
  /** Output name (`favicon.svg`, `favicon.png`). */
  name: string
  /** Absolute path of the theme's file. */
  file: string
  /** The `rel` of its `<link>`, as mdBook's index.hbs writes it. */
  rel: 'icon' | 'shortcut icon'
}

/** A theme file slugwiki does not use. */
export interface IgnoredThemeFile {
  /** Absolute path. */
  file: string
  /** What mdBook does with it, and what to use instead. */
  message: string
}

export interface MdbookTheme {
  /** The theme folder does not exist although book.toml names it. */
  missing: boolean
  favicons: Favicon[]
  ignored: IgnoredThemeFile[]
}

const TEMPLATE = 'slugwiki does not run Handlebars templates'
const CSS = 'is left out: slugwiki has its own page layout; add your rules with `[output.html] additional-css`'
const HIGHLIGHT = 'is left out: slugwiki colours code with shiki; choose its themes with `[slugwiki] light-theme` and `dark-theme`'

/** The files mdBook's Theme::new reads besides the favicons, in its order, with what slugwiki says of each. */
const OVERRIDES: ReadonlyArray<readonly [string, string]> = [
  ['index.hbs', `mdBook's page template is left out: ${TEMPLATE}; for other markup, use a slugwiki theme (\`[slugwiki] theme\`, see README)`],
  ['head.hbs', `is left out (${TEMPLATE}): load stylesheets with \`[output.html] additional-css\` and scripts with \`additional-js\`, or add to the \`head\` template of a slugwiki theme`],
  ['header.hbs', `is left out (${TEMPLATE}): put the markup in the \`header\` template of a slugwiki theme, or add it from a script in \`[output.html] additional-js\``],
  ['redirect.hbs', `is left out (${TEMPLATE}): redirect pages are slugwiki's own`],
  ['toc.js.hbs', `is left out (${TEMPLATE}): the sidebar is slugwiki's own`],
  ['toc.html.hbs', `is left out (${TEMPLATE}): the sidebar is slugwiki's own`],
  ['book.js', "mdBook's page script is left out: slugwiki's pages have their own; add yours with `[output.html] additional-js`"],
  ['css/chrome.css', CSS],
  ['css/general.css', CSS],
  ['css/print.css', CSS],
  ['css/variables.css', CSS],
  ['fonts/fonts.css', CSS],
  ['highlight.js', HIGHLIGHT],
  ['highlight.css', HIGHLIGHT],
  ['tomorrow-night.css', HIGHLIGHT],
  ['ayu-highlight.css', HIGHLIGHT],
  ['clipboard.min.js', "is left out: slugwiki's code blocks have their own copy button"],
]

/**
 * Read mdBook's theme folder `dir`. `named`: book.toml sets `theme`, so a
 * missing folder is worth saying (mdBook stops there).
 */
export function readMdbookTheme(dir: string, named: boolean): MdbookTheme {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return { missing: named, favicons: [], ignored: [] }
  const isFile = (rel: string) => fs.statSync(path.join(dir, rel), { throwIfNoEntry: false })?.isFile() === true
  // mdBook links the SVG as `icon` and the PNG as `shortcut icon`; with one of them only, only that one.
  const favicons: Favicon[] = []
  if (isFile('favicon.svg')) favicons.push({ name: 'favicon.svg', file: path.join(dir, 'favicon.svg'), rel: 'icon' })
  if (isFile('favicon.png')) favicons.push({ name: 'favicon.png', file: path.join(dir, 'favicon.png'), rel: 'shortcut icon' })
  const ignored = OVERRIDES.filter(([rel]) => isFile(rel)).map(([rel, message]) => ({ file: path.join(dir, rel), message }))
  return { missing: false, favicons, ignored }
}
