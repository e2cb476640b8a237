/**
 * Read the symbols a code block defines, calls and names from the TextMate
 * scopes shiki's grammars give its tokens: `entity.name.function` in a
 * definition or a call, `entity.name.function.preprocessor` for a macro,
 * `entity.name.type.*` after `type`/`struct`. Where a grammar leaves a name
 * unscoped (C's `struct foo {`, `typedef … name;`), the keyword token before
 * it and the bracket after it decide, never a pattern over the raw text.
 */
import type { ScopedToken } from './tokenize.ts'
import type { SymbolKind, SymbolRole } from './data.ts'

export interface FoundSymbol {
  name: string
  kind: SymbolKind
  role: SymbolRole
  /** 0-based line in the block. */
  line: number
}

/** A token with its text trimmed, or a piece of an unscoped token (one identifier or one punctuation mark). */
interface Piece {
  text: string
  scopes: string[]
  /** The innermost scope, `` for none. */
  inner: string
  line: number
  /** True for an identifier cut out of a token the grammar scoped only as plain source. */
  plain: boolean
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/
const PIECES = /[A-Za-z_][A-Za-z0-9_]*|\S/g

function isGeneric(scope: string | undefined): boolean {
  return scope === undefined || scope.startsWith('source.') || scope.startsWith('meta.')
}

/** Flatten a block's scoped lines into significant pieces, comments and strings dropped. */
function piecesOf(lines: ScopedToken[][]): Piece[] {
  const out: Piece[] = []
  lines.forEach((tokens, line) => {
    for (const token of tokens) {
      if (token.scopes.some((s) => s.startsWith('comment.') || s.startsWith('string.') || s.startsWith('punctuation.definition.comment'))) continue
      const inner = token.scopes.at(-1) ?? ''
      if (isGeneric(inner)) {
        for (const m of token.text.matchAll(PIECES)) out.push({ text: m[0], scopes: token.scopes, inner, line, plain: IDENTIFIER.test(m[0]) })
      } else {
        const text = token.text.trim()
        if (text) out.push({ text, scopes: token.scopes, inner, line, plain: false })
      }
    }
  })
  return out
}

const has = (p: Piece | undefined, prefix: string) => p !== undefined && p.scopes.some((s) => s.startsWith(prefix))

type Extract = (pieces: Piece[], add: (p: Piece, kind: SymbolKind, role: SymbolRole, name?: string) => void) => void

const TYPE_KINDS: Record<string, SymbolKind> = { struct: 'struct', union: 'union', enum: 'enum', class: 'class', trait: 'trait', interface: 'interface' }

/** C and C++ (their grammars share the scope names that matter here). */
const cFamily: Extract = (pieces, add) => {
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!
    if (has(p, 'entity.name.function.preprocessor')) add(p, 'macro', 'definition')
    else if (has(p, 'entity.name.function')) {
      const call = has(p, 'meta.function-call') || has(p, 'entity.name.function.call') || has(p, 'entity.name.function.member')
      add(p, 'function', call ? 'call' : 'definition')
    } else if (has(p, 'support.function')) add(p, 'function', 'call')
    else if (/^entity\.name\.type\.(struct|class|union|enum)\./.test(p.inner)) add(p, TYPE_KINDS[p.inner.split('.')[3]!]!, 'definition')
    else if (/^storage\.type\.(struct|union|enum|class)\./.test(p.inner)) {
      // C's grammar leaves the tag unscoped: `struct name {` defines it, `struct name *p` names it.
      const name = pieces[i + 1]
      if (name?.plain) {
        add(name, TYPE_KINDS[p.inner.split('.')[2]!]!, pieces[i + 2]?.text === '{' ? 'definition' : 'reference')
        i++
      }
    } else if (has(p, 'keyword.other.typedef')) {
      const name = typedefName(pieces, i + 1)
      if (name) add(name, 'type', 'definition')
    } else if (p.plain || p.inner.startsWith('entity.name.type') || p.inner.startsWith('support.type') || p.inner.startsWith('variable.other')) {
      add(p, 'function', 'reference')
    }
  }
}

/** The name a `typedef` declares: the last identifier before its `;` outside any bracket. */
function typedefName(pieces: Piece[], from: number): Piece | undefined {
  let depth = 0
  let last: Piece | undefined
  for (let i = from; i < pieces.length; i++) {
    const p = pieces[i]!
    if (p.text === '{' || p.text === '(' || p.text === '[') depth++
    else if (p.text === '}' || p.text === ')' || p.text === ']') depth--
    else if (p.text === ';' && depth <= 0) return last
    else if (depth === 0 && IDENTIFIER.test(p.text) && !p.inner.startsWith('storage.') && !p.inner.startsWith('keyword.')) last = p
  }
  return undefined
}

const go: Extract = (pieces, add) => {
  let group = -1
  let depth = 0
  // Brace depth of the `interface {` bodies we are in: their method names are declarations, not calls.
  const interfaces: number[] = []
  let braces = 0
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!
    if (p.text === '(') depth++
    else if (p.text === ')' && --depth < group) group = -1
    else if (p.text === '{') braces++
    else if (p.text === '}' && interfaces.at(-1) === braces--) interfaces.pop()
    if (p.inner === 'keyword.interface.go' && pieces[i + 1]?.text === '{') interfaces.push(braces + 1)
    if (p.inner === 'entity.name.function.go') add(p, 'function', 'definition')
    else if (p.inner.startsWith('entity.name.function')) add(p, 'function', interfaces.at(-1) === braces ? 'reference' : 'call')
    else if (p.inner === 'keyword.type.go') {
      if (pieces[i + 1]?.text === '(') group = depth + 1
      else if (pieces[i + 1]?.inner === 'entity.name.type.go') {
        add(pieces[i + 1]!, goTypeKind(pieces[i + 2]), 'definition')
        i++
      }
    } else if (group !== -1 && depth === group && p.inner === 'entity.name.type.go' && pieces[i - 1]?.line !== p.line) {
      // Inside `type ( … )` each line starts with the name it declares.
      add(p, goTypeKind(pieces[i + 1]), 'definition')
    } else if (p.plain || (p.inner.startsWith('entity.name.type') && !p.inner.startsWith('entity.name.type.package')) || p.inner.startsWith('variable.other')) {
      add(p, 'type', 'reference')
    }
  }
}

function goTypeKind(next: Piece | undefined): SymbolKind {
  if (next?.inner === 'keyword.struct.go') return 'struct'
  if (next?.inner === 'keyword.interface.go') return 'interface'
  return 'type'
}

const shell: Extract = (pieces, add) => {
  for (const p of pieces) {
    if (p.inner === 'entity.name.function.shell') add(p, 'function', 'definition')
    // Commands are everyday tools (`rm`, `make`); they name a symbol only when a block defines that function.
    else if (has(p, 'entity.name.function.call') || has(p, 'entity.name.command')) add(p, 'function', 'reference')
  }
}

const rust: Extract = (pieces, add) => {
  for (const p of pieces) {
    if (p.inner.startsWith('entity.name.function.macro.rules')) continue
    if (p.inner.startsWith('entity.name.function.macro')) add(p, 'macro', has(p, 'meta.macro.rules') ? 'definition' : 'call')
    else if (p.inner.startsWith('entity.name.function')) add(p, 'function', has(p, 'meta.function.definition') ? 'definition' : 'call')
    else if (/^entity\.name\.type\.(struct|enum|trait|union)\./.test(p.inner)) add(p, TYPE_KINDS[p.inner.split('.')[3]!]!, 'definition')
    else if (p.plain || p.inner.startsWith('entity.name.type') || p.inner.startsWith('variable.other')) add(p, 'type', 'reference')
  }
}

const EXTRACTORS: Record<string, Extract> = { c: cFamily, cpp: cFamily, go, shellscript: shell, rust }

/** True when symbols are read from code in `lang` (a shiki language id). */
export function hasSymbolGrammar(lang: string): boolean {
  return Object.hasOwn(EXTRACTORS, lang)
}

/** The symbols of one block: each name once per role, the first line it appears on, in order. */
export function extractSymbols(lang: string, lines: ScopedToken[][]): FoundSymbol[] {
  const extract = EXTRACTORS[lang]
  if (!extract) return []
  const found = new Map<string, FoundSymbol>()
  extract(piecesOf(lines), (p, kind, role, name = p.text) => {
    if (!IDENTIFIER.test(name) || name.length < 2) return
    const key = `${role}\u0000${name}`
    if (!found.has(key)) found.set(key, { name, kind, role, line: p.line })
  })
  // A block that defines a name is where it is defined, not also a use of it.
  const defined = new Set([...found.values()].filter((s) => s.role === 'definition').map((s) => s.name))
  return [...found.values()].filter((s) => s.role === 'definition' || !defined.has(s.name))
}
