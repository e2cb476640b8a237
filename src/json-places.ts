/**
 * JSON read with the place of each value: checked with JSON.parse (YAML
 * reads more than JSON: `"author": }` is null to it), and parsed with `yaml`
 * (JSON is YAML 1.2) for lines and columns, which JSON.parse does not give.
 * For book.json and Docusaurus's `_category_.json`.
 */
import { LineCounter, parseDocument, type Document } from 'yaml'

export interface PlacedJson {
  doc: Document.Parsed
  lines: LineCounter
  /** Why the text is no JSON, and where when the parsers say. */
  error?: { message: string; line?: number; column?: number }
}

/** Parse `text` (JSON, or YAML when `json` is false: then yaml's own first error is the error). */
export function parsePlaced(text: string, json = true): PlacedJson {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const at = (offset: number | undefined) => (offset === undefined || Number.isNaN(offset) ? undefined : lines.linePos(offset))
  if (!json) {
    const first = doc.errors[0]
    if (!first) return { doc, lines }
    const pos = at(first.pos[0])
    return { doc, lines, error: { message: `Broken YAML: ${first.message.split('\n')[0]}`, line: pos?.line, column: pos?.col } }
  }
  try {
    JSON.parse(text)
    return { doc, lines }
  } catch (error) {
    const pos = at(doc.errors[0]?.pos[0] ?? Number(/position (\d+)/.exec(String(error))?.[1] ?? NaN))
    return { doc, lines, error: { message: `Broken JSON: ${(error as Error).message.split('\n')[0]}`, line: pos?.line, column: pos?.col } }
  }
}
