/**
 * The colours of code in both schemes from one tokenisation. A token's
 * TextMate scopes resolve through each theme exactly as vscode-textmate
 * resolves them while tokenising for one theme (what shiki does once per
 * theme), and the result is written as short classes (`l4 d9`) instead of
 * inline colours. A stylesheet made once per build from the two themes alone
 * defines the classes, with the same `--shiki-*` custom properties shiki's
 * inline styles set, so the theme's CSS shows code exactly as before.
 */
import { createHash } from 'node:crypto'
import { applyColorReplacements, normalizeTheme, resolveColorReplacements, type ThemeRegistrationResolved } from 'shiki/core'
import { EncodedTokenMetadata, Theme } from 'shiki/textmate'

/** The two themes of a highlighter, normalised by shiki (`highlighter.getTheme(name)` or `normalizeTheme`). */
export interface SchemeThemes {
  light: ThemeRegistrationResolved
  dark: ThemeRegistrationResolved
}

/** What one scope path resolves to. */
export interface ScopeStyle {
  /** vscode-textmate's encoded attributes in each theme: a token boundary wherever either changes. */
  light: number
  dark: number
  /** The classes that give the token both schemes' colour and font style. */
  className: string
}

/** Resolves scope paths to styles and writes the stylesheet of their classes. */
export interface CodeColors {
  /** The style of a token whose scopes are `scopes`, outermost first (as `grammar.tokenizeLine` gives them). */
  resolve(scopes: readonly string[]): ScopeStyle
  /** shiki's class for the `pre` of these themes (`shiki-themes github-light github-dark`). */
  readonly themeName: string
  /** The stylesheet defining every class `resolve` can return, and the `pre`'s own colours. */
  stylesheet(): string
}

/** A scope path, as `Theme.match` reads it (vscode-textmate's ScopeStack, which it does not export). */
type ScopePath = NonNullable<Parameters<Theme['match']>[0]>

interface Node {
  path: ScopePath | null
  light: number
  dark: number
  children: Map<string, Node>
  className?: string
}

const SCHEMES = ['light', 'dark'] as const

/** vscode-textmate's StandardTokenType for a scope (BasicScopeAttributesProvider); 8 is NotSet. */
function tokenType(scope: string): number {
  const m = /\b(comment|string|regex|meta\.embedded)\b/.exec(scope)
  if (!m) return 8
  return m[1] === 'comment' ? 1 : m[1] === 'string' ? 2 : m[1] === 'regex' ? 3 : 0
}

/** The CSS declarations of a font style for one scheme, as shiki's `getTokenStyleObject` and `flatTokenVariants` write them. */
function fontDeclarations(scheme: string, fontStyle: number): string {
  const out: string[] = []
  if (fontStyle & 1) out.push(`--shiki-${scheme}-font-style:italic`)
  if (fontStyle & 2) out.push(`--shiki-${scheme}-font-weight:bold`)
  const decorations = [fontStyle & 4 ? 'underline' : '', fontStyle & 8 ? 'line-through' : ''].filter(Boolean)
  if (decorations.length) out.push(`--shiki-${scheme}-text-decoration:${decorations.join(' ')}`)
  return out.join(';')
}

/** Create the resolver of two normalised themes. */
export function createCodeColors(themes: SchemeThemes): CodeColors {
  const textmate = { light: Theme.createFromRawTheme(themes.light), dark: Theme.createFromRawTheme(themes.dark) }
  const colorMaps = { light: textmate.light.getColorMap(), dark: textmate.dark.getColorMap() }
  const replacements = { light: resolveColorReplacements(themes.light), dark: resolveColorReplacements(themes.dark) }

  // vscode-textmate's attributes before the first scope: the theme's defaults (languageId 1, as shiki loads grammars).
  const initial = (theme: Theme) => {
    const d = theme.getDefaults()
    return EncodedTokenMetadata.set(0, 1, 8, null, d.fontStyle, d.foregroundId, d.backgroundId)
  }
  // AttributedScopeStack.mergeAttributes: a match overrides the font style when set (≠ -1), colours when non-zero.
  const merge = (existing: number, theme: Theme, path: ScopePath, type: number) => {
    const style = theme.match(path)
    return EncodedTokenMetadata.set(existing, 0, type, null, style?.fontStyle ?? -1, style?.foregroundId ?? 0, style?.backgroundId ?? 0)
  }
  // A trie of the scope paths seen so far: each prefix is matched against the themes once per highlighter.
  const root: Node = { path: null, light: initial(textmate.light), dark: initial(textmate.dark), children: new Map() }

  const classOf = (node: Node): string => {
    const parts: string[] = []
    for (const scheme of SCHEMES) {
      const prefix = scheme[0]
      parts.push(`${prefix}${EncodedTokenMetadata.getForeground(node[scheme])}`)
      const fontStyle = EncodedTokenMetadata.getFontStyle(node[scheme])
      if (fontStyle) parts.push(`${prefix}f${fontStyle}`)
    }
    return parts.join(' ')
  }

  return {
    themeName: `shiki-themes ${themes.light.name} ${themes.dark.name}`,
    resolve(scopes) {
      let node = root
      for (const scope of scopes) {
        let next = node.children.get(scope)
        if (!next) {
          const path = { parent: node.path, scopeName: scope } as ScopePath
          const type = tokenType(scope)
          next = { path, light: merge(node.light, textmate.light, path, type), dark: merge(node.dark, textmate.dark, path, type), children: new Map() }
          node.children.set(scope, next)
        }
        node = next
      }
      node.className ??= classOf(node)
      return node as ScopeStyle
    },
    stylesheet() {
      // shiki's `pre` style for `defaultColor: false` (mapThemeColors), then one rule per colour and font style.
      const color = (scheme: 'light' | 'dark', value: string | undefined) => applyColorReplacements(value ?? '', replacements[scheme]) || 'inherit'
      const rules = [
        `.shiki{--shiki-light:${color('light', themes.light.fg)};--shiki-dark:${color('dark', themes.dark.fg)};` +
          `--shiki-light-bg:${color('light', themes.light.bg)};--shiki-dark-bg:${color('dark', themes.dark.bg)}}`,
      ]
      for (const scheme of SCHEMES) {
        const prefix = scheme[0]
        colorMaps[scheme].forEach((value, id) => {
          if (value) rules.push(`.shiki .${prefix}${id}{--shiki-${scheme}:${applyColorReplacements(value, replacements[scheme])}}`)
        })
        for (let fontStyle = 1; fontStyle < 16; fontStyle++) rules.push(`.shiki .${prefix}f${fontStyle}{${fontDeclarations(scheme, fontStyle)}}`)
      }
      return `/* Code colours: ${themes.light.name} (light), ${themes.dark.name} (dark). Generated by slugwiki. */\n${rules.join('\n')}\n`
    },
  }
}

/** The output name of a code stylesheet, under `_slugwiki/`: named by its content, so a browser never pairs a page with another build's colours. */
export function codeStylesheetName(css: string): string {
  return `code-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`
}

/** A build's code stylesheet: its text and its output name under `_slugwiki/`. */
export interface CodeStylesheet {
  name: string
  css: string
}

/**
 * The code stylesheet of two of shiki's bundled themes, without a
 * highlighter (no grammar, no WebAssembly): the same text as
 * `CodeHighlighter.stylesheet()` in the workers.
 */
export async function codeStylesheet(lightTheme: string, darkTheme: string): Promise<CodeStylesheet> {
  const { bundledThemes } = await import('shiki/themes')
  const load = async (name: string) => {
    const loader = bundledThemes[name as keyof typeof bundledThemes]
    if (!loader) throw new Error(`Unknown code theme \`${name}\` (light-theme, dark-theme)`)
    return normalizeTheme((await loader()).default)
  }
  const [light, dark] = await Promise.all([load(lightTheme), load(darkTheme)])
  const css = createCodeColors({ light, dark }).stylesheet()
  return { name: codeStylesheetName(css), css }
}
