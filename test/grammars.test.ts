/**
 * The grammars slugwiki adds to shiki's for LLVM's docs (grammars.ts): MLIR's
 * textual IR and TableGen, read as the MLIR Language Reference and the
 * TableGen Programmer's Reference write them. Each case names a token and the
 * innermost scope it must get.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createCodeHighlighter, type CodeHighlighter } from '../src/markdown/highlighter.ts'

let highlighter: CodeHighlighter
beforeAll(async () => {
  highlighter = await createCodeHighlighter({ lightTheme: 'github-light', darkTheme: 'github-dark' })
}, 60_000)

/** Each token's text and innermost scope, blanks left out. */
async function tokens(code: string, lang: string): Promise<Array<[string, string]>> {
  const lines = await highlighter.scopes(code, lang)
  return lines.flat().filter((t) => t.text.trim() !== '').map((t) => [t.text.trim(), t.scopes.at(-1) ?? ''])
}

describe('fence names', () => {
  it.each([
    ['mlir', 'mlir'],
    ['MLIR', 'mlir'],
    ['tablegen', 'tablegen'],
    ['td', 'tablegen'],
    ['tblgen', 'tablegen'],
  ])('```%s is %s', (fence, lang) => {
    expect(highlighter.resolve(fence)).toBe(lang)
  })
})

describe('MLIR', () => {
  it('scopes values, symbols, operations, shapes, types, attributes and comments', async () => {
    const code = [
      '// Allocate a buffer.',
      '%A_m = memref.alloc(%n) : memref<100x?xf32>',
      '%C_m = call @multiply(%A_m, %B_m) : (memref<100x?xf32>, memref<?x50xf32>) -> (memref<100x50xf32>)',
      'func.func @example(%arg0: memref<8x?xf32, strided<[2, 2]>>) {',
      '^bb0(%a: f32, %b: vector<4xf32>):',
      '  %x:2 = "llvm.sadd.with.overflow.i16"(%a, %b) : (i16, i16) -> (i16, i1)',
      '  linalg.generic #attrs ins(%A: !llvm.ptr) { inplace = true }',
    ].join('\n')
    const got = await tokens(code, 'mlir')
    const scopeOf = (text: string) => got.find(([t]) => t === text)?.[1]
    expect(scopeOf('// Allocate a buffer.')).toBe('comment.line.double-slash.mlir')
    expect(scopeOf('%A_m')).toBe('variable.other.mlir')
    expect(scopeOf('memref.alloc')).toBe('support.function.mlir')
    expect(scopeOf('func.func')).toBe('support.function.mlir')
    expect(scopeOf('linalg.generic')).toBe('support.function.mlir')
    expect(scopeOf('@multiply')).toBe('entity.name.function.mlir')
    expect(scopeOf('^bb0')).toBe('entity.name.label.mlir')
    expect(scopeOf('#attrs')).toBe('constant.other.attribute.mlir')
    expect(scopeOf('!llvm.ptr')).toBe('entity.name.type.mlir')
    expect(scopeOf('"llvm.sadd.with.overflow.i16"')).toBe('string.quoted.double.mlir')
    // A shape: its dimensions, then its element type, whether it starts with a number or `?`.
    expect(scopeOf('100x?x')).toBe('constant.numeric.shape.mlir')
    expect(scopeOf('?x50x')).toBe('constant.numeric.shape.mlir')
    expect(got.filter(([t, s]) => t === 'f32' && s === 'storage.type.mlir').length).toBeGreaterThanOrEqual(5)
    expect(scopeOf('memref')).toBe('storage.type.mlir')
    expect(scopeOf('i16')).toBe('storage.type.mlir')
    expect(scopeOf('true')).toBe('constant.language.mlir')
    expect(scopeOf('ins')).toBe('keyword.other.mlir')
  })
})

describe('TableGen', () => {
  it('scopes definitions, types, code fragments, bang operators and arguments', async () => {
    const code = [
      'include "mlir/IR/OpBase.td"',
      '/* A block',
      '   comment. */',
      'def Toy_Dialect : Dialect {',
      '  let name = "toy";',
      '  let description = [{',
      '    The Toy language.',
      '  }];',
      '}',
      'class MyParametricTrait<int prop>',
      '  : NativeOpTrait<"MyParametricTrait", !cast<string>(!head(parameters))>;',
      'def MyOp : MyDialect<"op"> { let arguments = (ins StrAttr:$value); }',
    ].join('\n')
    const got = await tokens(code, 'td')
    const scopeOf = (text: string) => got.find(([t]) => t === text)?.[1]
    expect(scopeOf('include')).toBe('keyword.other.tablegen')
    expect(scopeOf('"mlir/IR/OpBase.td"')).toBe('string.quoted.double.tablegen')
    expect(scopeOf('A block')).toBe('comment.block.tablegen')
    expect(scopeOf('comment.')).toBe('comment.block.tablegen')
    expect(scopeOf('def')).toBe('keyword.other.tablegen')
    expect(scopeOf('Toy_Dialect')).toBe('entity.name.type.tablegen')
    expect(scopeOf('MyParametricTrait')).toBe('entity.name.type.tablegen')
    expect(scopeOf('let')).toBe('keyword.other.tablegen')
    expect(scopeOf('The Toy language.')).toBe('string.unquoted.code.tablegen')
    expect(scopeOf('int')).toBe('storage.type.tablegen')
    expect(scopeOf('!cast')).toBe('support.function.tablegen')
    expect(scopeOf('!head')).toBe('support.function.tablegen')
    expect(scopeOf('$value')).toBe('variable.parameter.tablegen')
  })
})
