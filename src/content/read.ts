/**
 * Read a source file as UTF-8 text: a BOM is dropped, CRLF becomes LF, and
 * anything that is not valid UTF-8 is an error naming the byte offset.
 */
import fs from 'node:fs'

export class DecodeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

/** Decode bytes strictly; throws `DecodeError` with the first bad byte's offset. */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new DecodeError('File is UTF-16 (byte-order mark at offset 0); save it as UTF-8', 0)
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    return text.replace(/\r\n?/g, '\n')
  } catch {
    throw new DecodeError(`File is not valid UTF-8 (first bad byte at offset ${firstInvalid(bytes)})`, firstInvalid(bytes))
  }
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
