/**
 * Tokenise a code block once with its grammar and get both what the symbol
 * index reads (each token's scopes) and what the page shows (shiki's tokens
 * for both themes, coloured by class). shiki's `codeToHast` with two themes
 * tokenises once per theme and splits the tokens where either theme's
 * attributes change; this splits the one pass's tokens at the same places,
 * so every character gets the colour and font style shiki would give it
 * (test/tokenize.test.ts compares the two).
 */
import { splitLines, type ThemedToken } from 'shiki/core'
import type { Grammar } from 'shiki'
import type { CodeColors, ScopeStyle } from './code-colors.ts'

/** A token of code and the TextMate scopes the grammar gave it, outermost first. */
export interface ScopedToken {
  text: string
  scopes: string[]
}

export interface TokenizedCode {
  /** shiki's tokens, line by line, each with its classes in `htmlAttrs`. */
  tokens: ThemedToken[][]
  /** The scopes of each token of each line (a plain line has one token without scopes). */
  scopes: ScopedToken[][]
}

export interface TokenizeOptions {
  /** Lines longer than this are given to readers of scopes as one token without scopes (default 2000). */
  maxScopedLineLength?: number
}

interface Segment {
  content: string
  offset: number
  style: ScopeStyle
}

const WHITESPACE_ONLY = /^\s+$/

/**
 * shiki's default `mergeWhitespaces`: a run of whitespace-only tokens joins
 * the token after it (two-theme tokens have no `fontStyle` of their own, so
 * shiki's underline exception never applies to them); a last one stays.
 */
export function mergeWhitespace<T extends { content: string; offset: number }>(line: T[]): T[] {
  const out: T[] = []
  let carry = ''
  let firstOffset = 0
  line.forEach((token, i) => {
    if (WHITESPACE_ONLY.test(token.content) && line[i + 1]) {
      if (!carry) firstOffset = token.offset
      carry += token.content
    } else if (carry) {
      out.push({ ...token, offset: firstOffset, content: carry + token.content })
      carry = ''
    } else out.push(token)
  })
  return out
}

/** Neighbours with the same classes become one token (shiki's `mergeSameStyleTokens`): fewer spans, same colours. */
function toThemed(line: Segment[]): ThemedToken[] {
  const out: ThemedToken[] = []
  let last: ThemedToken | undefined
  for (const { content, offset, style } of line) {
    if (last && last.htmlAttrs!.class === style.className) last.content += content
    else out.push((last = { content, offset, htmlAttrs: { class: style.className } }))
  }
  return out
}

/** Tokenise `code` with `grammar` (none for plain text), with no time limit: output must not depend on the machine's load. */
export function tokenizeCode(code: string, grammar: Grammar | undefined, colors: CodeColors, options: TokenizeOptions = {}): TokenizedCode {
  const maxScoped = options.maxScopedLineLength ?? 2000
  const tokens: ThemedToken[][] = []
  const scopes: ScopedToken[][] = []
  let state: Parameters<Grammar['tokenizeLine']>[1] = null
  for (const [line, lineOffset] of splitLines(code)) {
    if (!grammar) {
      // shiki's plain text: one unstyled token per line, even an empty one.
      tokens.push([{ content: line, offset: lineOffset }])
      scopes.push([{ text: line, scopes: [] }])
      continue
    }
    // shiki leaves an empty line out of tokenising, and its state unchanged; so must we, for the same colours after it.
    if (line === '') {
      tokens.push([])
      scopes.push([])
      continue
    }
    const result = grammar.tokenizeLine(line, state, 0)
    state = result.ruleStack
    const segments: Segment[] = []
    for (const token of result.tokens) {
      const end = Math.min(token.endIndex, line.length)
      if (end <= token.startIndex) continue
      const style = colors.resolve(token.scopes)
      const previous = segments.at(-1)
      // vscode-textmate's binary tokens (one per theme in shiki) merge while the attributes stay equal.
      if (previous && previous.style.light === style.light && previous.style.dark === style.dark) previous.content += line.slice(token.startIndex, end)
      else segments.push({ content: line.slice(token.startIndex, end), offset: lineOffset + token.startIndex, style })
    }
    tokens.push(toThemed(mergeWhitespace(segments)))
    scopes.push(
      line.length > maxScoped ? [{ text: line, scopes: [] }] : result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })),
    )
  }
  return { tokens, scopes }
}
