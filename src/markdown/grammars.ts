/**
 * Grammars shiki does not ship, for the languages of LLVM's own docs: MLIR's
 * textual IR (```` ```mlir ````, every block of the MLIR docs) and TableGen
 * (```` ```tablegen ````, ```` ```td ````, ODS definitions). No npm package
 * carries a TextMate grammar for either (shiki's tm-grammars has neither; the
 * only MLIR highlighter on npm is for highlight.js), so these two are written
 * here from the syntax the MLIR Language Reference and LLVM's TableGen
 * Programmer's Reference give: small, single-line rules, no nesting beyond
 * TableGen's `[{ … }]` code and its block comments, so no rule can
 * backtrack without end.
 */
import type { LanguageRegistration } from 'shiki'

/** A name in MLIR's `suffix-id`: letters, digits and `$._-`. */
const SUFFIX = String.raw`[A-Za-z0-9_$.\-]+`

/** MLIR's builtin types (`i32`, `si8`, `f32`, `bf16`, `index`…) and the shaped ones that take `<…>`. */
const MLIR_TYPES = String.raw`(?:[su]?i[0-9]+|bf16|tf32|f[0-9]+(?:E[0-9]+M[0-9]+[A-Za-z0-9]*)?|index|none|complex|tensor|memref|vector|tuple)`

/** MLIR's textual IR, as the MLIR Language Reference writes its grammar. */
export const MLIR: LanguageRegistration = {
  name: 'mlir',
  scopeName: 'source.mlir',
  patterns: [
    { name: 'comment.line.double-slash.mlir', match: '//.*$' },
    { name: 'string.quoted.double.mlir', match: String.raw`"(?:[^"\\]|\\.)*"` },
    // `%arg0`, `%0#1`: SSA values.
    { name: 'variable.other.mlir', match: String.raw`%${SUFFIX}(?:#[0-9]+)?` },
    // `@func`, `@"quoted name"`, `@module::@nested`: symbols.
    { name: 'entity.name.function.mlir', match: String.raw`@(?:"(?:[^"\\]|\\.)*"|${SUFFIX})` },
    // `^bb0`: block labels.
    { name: 'entity.name.label.mlir', match: String.raw`\^${SUFFIX}` },
    // `#map`, `#linalg.iterator_type`: attribute aliases and dialect attributes.
    { name: 'constant.other.attribute.mlir', match: String.raw`#[A-Za-z_][A-Za-z0-9_$.\-]*` },
    // `!llvm.ptr`, `!my_type`: type aliases and dialect types.
    { name: 'entity.name.type.mlir', match: String.raw`![A-Za-z_][A-Za-z0-9_$.\-]*` },
    // `arith.addf`, `func.func`, `llvm.mlir.addressof`: an operation named by its dialect (before the
    // types and keywords, so `memref.dim` and `func.func` are one name).
    { name: 'support.function.mlir', match: String.raw`\b[a-z_][A-Za-z0-9_$]*(?:\.[A-Za-z0-9_$]+)+\b` },
    // `100x?xf32`: a shape's dimensions, then its element type.
    {
      match: String.raw`(?<![A-Za-z0-9_$.])((?:(?:[0-9]+|\?)x)+)(${MLIR_TYPES}\b)?`,
      captures: { 1: { name: 'constant.numeric.shape.mlir' }, 2: { name: 'storage.type.mlir' } },
    },
    { name: 'storage.type.mlir', match: String.raw`\b${MLIR_TYPES}\b` },
    { name: 'constant.language.mlir', match: String.raw`\b(?:true|false|unit)\b` },
    {
      name: 'keyword.other.mlir',
      match: String.raw`\b(?:module|func|return|loc|to|step|iter_args|ins|outs|attributes|dense|dense_resource|sparse|affine_map|affine_set|strided|offset|private|public|nested|in|writable)\b`,
    },
    { name: 'constant.numeric.mlir', match: String.raw`\b(?:0x[0-9A-Fa-f]+|[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)\b` },
    { name: 'keyword.operator.mlir', match: '->|=|:' },
  ],
  repository: {},
}

/** TableGen, as LLVM's TableGen Programmer's Reference writes it. */
export const TABLEGEN: LanguageRegistration = {
  name: 'tablegen',
  scopeName: 'source.tablegen',
  aliases: ['td', 'tblgen'],
  patterns: [
    { name: 'comment.line.double-slash.tablegen', match: '//.*$' },
    { name: 'comment.block.tablegen', begin: String.raw`/\*`, end: String.raw`\*/` },
    // `[{ … }]`: a code fragment, copied as written into the generated C++.
    { name: 'string.unquoted.code.tablegen', begin: String.raw`\[\{`, end: String.raw`\}\]` },
    { name: 'string.quoted.double.tablegen', match: String.raw`"(?:[^"\\]|\\.)*"` },
    { name: 'keyword.control.directive.tablegen', match: String.raw`^\s*#(?:ifdef|ifndef|else|endif|define)\b` },
    // `def Foo`, `class Bar`, `multiclass Baz`: the record or class being defined.
    {
      match: String.raw`\b(def|defm|class|multiclass|defset|defvar)\s+([A-Za-z_][A-Za-z0-9_]*)`,
      captures: { 1: { name: 'keyword.other.tablegen' }, 2: { name: 'entity.name.type.tablegen' } },
    },
    { name: 'storage.type.tablegen', match: String.raw`\b(?:bit|bits|code|dag|int|list|string)\b` },
    { name: 'constant.language.tablegen', match: String.raw`\b(?:true|false|\?)\b` },
    { name: 'keyword.other.tablegen', match: String.raw`\b(?:assert|def|defm|defset|defvar|dump|else|field|foreach|if|in|include|let|then)\b` },
    // `!cast`, `!head`, `!strconcat`: bang operators.
    { name: 'support.function.tablegen', match: String.raw`![a-z_]+` },
    // `$value` in an operation's arguments and assembly format.
    { name: 'variable.parameter.tablegen', match: String.raw`\$[A-Za-z_][A-Za-z0-9_]*` },
    { name: 'constant.numeric.tablegen', match: String.raw`\b(?:0x[0-9A-Fa-f]+|0b[01]+|[0-9]+)\b` },
  ],
  repository: {},
}

/** The grammars every build's highlighter knows beside shiki's own. */
export const BUILTIN_GRAMMARS: readonly LanguageRegistration[] = [MLIR, TABLEGEN]
