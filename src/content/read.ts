/**
 * Read a source file as UTF-8 text: a BOM is dropped, CRLF and CR become LF,
 * and anything that is not valid UTF-8 (a cp1252 byte, UTF-16 with or without
 * a byte-order mark) is an error naming the byte offset, line and column.
 */
import fs from 'node:fs'

export class DecodeError extends Error {
  constructor(
    message: string,
    /** Byte offset of the first bad byte. */
    readonly offset: number,
    /** Its line and column (1-based, in characters), as an editor shows them. */
    readonly line: number,
    readonly column: number,
  ) {
    super(message)
  }
}

/** Line and column of byte `offset`, counted in the (valid) text before it. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes.subarray(0, offset)).replace(/\r\n?/g, '\n')
  const lineStart = before.lastIndexOf('\n') + 1
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 }
}

function fail(bytes: Uint8Array, offset: number, problem: string): never {
  const { line, column } = positionOf(bytes, offset)
  throw new DecodeError(`File is not valid UTF-8: ${problem} at byte offset ${offset}; save it as UTF-8`, offset, line, column)
}

/** One decoder for every file: without `stream`, a call keeps no state for the next. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** Decode bytes strictly; throws `DecodeError` with the first bad byte's offset, line and column. */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    fail(bytes, 0, 'UTF-16 byte-order mark')
  }
  let text: string | undefined
  let invalid = bytes.length + 1
  try {
    text = STRICT_UTF8.decode(bytes)
  } catch {
    invalid = firstInvalid(bytes)
  }
  // UTF-16 without a byte-order mark is valid UTF-8 byte by byte, with a NUL in every other byte;
  // no text note holds a NUL. Whichever problem comes first is the one to report.
  const nul = bytes.indexOf(0)
  if (nul !== -1 && nul < invalid) fail(bytes, nul, 'NUL byte (UTF-16 or a binary file?)')
  if (text === undefined) fail(bytes, invalid, `byte 0x${bytes[invalid]?.toString(16).toUpperCase().padStart(2, '0') ?? '??'}`)
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/** Read a file and decode it. */
export function readText(file: string): string {
  return decodeUtf8(fs.readFileSync(file))
}

/** Offset of the first byte that breaks UTF-8, found from the lenient decoding's first replacement character. */
function firstInvalid(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes)
  let offset = 0
  let from = 0
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    offset += Buffer.byteLength(text.slice(from, i))
    from = i
    // A U+FFFD written in the file is EF BF BD; anything else is where decoding failed.
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset
  }
  return bytes.length
}
