/**
 * ```` ```ansi ```` blocks, as VitePress (shiki) shows them: the SGR escapes
 * of pasted terminal output (`ESC[31m`, `ESC[1;42m`) are consumed and colour
 * the text after them through each theme's terminal palette
 * (`terminal.ansiRed`…). shiki tokenises them with its own ANSI parser, not a
 * grammar, so there are no scopes and no classes: each token carries both
 * schemes' colours as the `--shiki-light` / `--shiki-dark` custom properties
 * the theme's CSS reads, and its background and font style inline (the same
 * in both schemes, as an escape sets them).
 */
import type { Highlighter, ThemedToken } from 'shiki'
import { mergeWhitespace } from './tokenize.ts'

/** The language id of ANSI blocks (shiki's special language; no grammar is loaded). */
export const ANSI = 'ansi'

/**
 * shiki's `codeToTokens` for `ansi` with both themes, its per-scheme style
 * object made into what the page shows: colours as the theme's custom
 * properties (left out where they are the theme's own text colour), a
 * background as `light-dark()`, bold, italic and underline as CSS.
 */
export function ansiTokens(shiki: Highlighter, code: string, themes: { light: string; dark: string }): ThemedToken[][] {
  const result = shiki.codeToTokens(code, { lang: ANSI, themes, defaultColor: false })
  const light = shiki.getTheme(themes.light)
  const dark = shiki.getTheme(themes.dark)
  // As codeToHast merges them: a space takes the colours of the token after it.
  return result.tokens.map((line) =>
    mergeWhitespace(line).map((token) => {
      const from = (token.htmlStyle ?? {}) as Record<string, string>
      const style: Record<string, string> = {}
      const fgLight = from['--shiki-light']
      const fgDark = from['--shiki-dark']
      // The `pre` already gives the theme's text colour to every span that sets none.
      if (fgLight !== undefined && fgDark !== undefined && (fgLight.toLowerCase() !== light.fg.toLowerCase() || fgDark.toLowerCase() !== dark.fg.toLowerCase())) {
        style['--shiki-light'] = fgLight
        style['--shiki-dark'] = fgDark
      }
      const bgLight = from['--shiki-light-bg']
      const bgDark = from['--shiki-dark-bg']
      if (bgLight !== undefined || bgDark !== undefined) style['background-color'] = `light-dark(${bgLight ?? 'transparent'}, ${bgDark ?? 'transparent'})`
      for (const property of ['font-style', 'font-weight', 'text-decoration']) {
        const value = from[`--shiki-light-${property}`] ?? from[`--shiki-dark-${property}`]
        if (value !== undefined) style[property] = value
      }
      return { content: token.content, offset: token.offset, htmlStyle: style }
    }),
  )
}
