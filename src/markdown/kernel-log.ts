/**
 * Kernel log dumps (dmesg, journal -k, serial consoles): recognise them and
 * render each line with its timestamp dimmed and WARNING/BUG/Call Trace lines
 * marked; a long call trace folds behind a `<details>` that needs no script.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'

const TIMESTAMP = /^(\s*\[\s*[+-]?\d+\.\d+\]|\s*\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}\])/
const BUG = /\b(BUG:|Oops|Kernel panic|general protection fault|Unable to handle|kernel BUG at|UBSAN:|KASAN:)/
const WARNING = /\b(WARNING:|------------\[ cut here \]------------|INFO: task .* blocked|hung_task|soft lockup|hard LOCKUP)/
const CALL_TRACE = /\bCall Trace:/
const END_TRACE = /---\[ end trace|<\/TASK>/

/** Fold a call trace only when it is longer than this. */
const FOLD_AT = 8

/** True when the text reads as a kernel log. */
export function isKernelLog(code: string): boolean {
  const lines = code.split('\n').filter((l) => l.trim() !== '')
  if (lines.length === 0) return false
  const stamped = lines.filter((l) => TIMESTAMP.test(l)).length
  if (stamped >= 2 && stamped / lines.length >= 0.5) return true
  return stamped >= 1 && lines.some((l) => CALL_TRACE.test(l))
}

function renderLine(line: string): Element {
  const stamp = TIMESTAMP.exec(line)
  const rest = stamp ? line.slice(stamp[0].length) : line
  const classes = ['line']
  if (CALL_TRACE.test(rest)) classes.push('log-trace')
  else if (BUG.test(rest)) classes.push('log-bug')
  else if (WARNING.test(rest)) classes.push('log-warn')
  const children: ElementContent[] = []
  if (stamp) children.push(h('span.log-ts', stamp[0]))
  if (rest) children.push({ type: 'text', value: rest })
  return h('span', { className: classes }, children)
}

function pre(lines: string[]): Element {
  const children: ElementContent[] = []
  lines.forEach((line, i) => {
    if (i > 0) children.push({ type: 'text', value: '\n' })
    children.push(renderLine(line))
  })
  return h('pre.log-pre', { tabIndex: 0 }, [h('code', children)])
}

/** The index range `[start, end)` of the call-trace entries after each `Call Trace:` line. */
function traceRanges(lines: string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (let i = 0; i < lines.length; i++) {
    if (!CALL_TRACE.test(lines[i]!)) continue
    let j = i + 1
    while (j < lines.length) {
      const body = lines[j]!.replace(TIMESTAMP, '')
      if (END_TRACE.test(body)) {
        if (body.includes('</TASK>')) j++
        break
      }
      // Trace entries are indented after the timestamp; anything else ends the trace.
      if (!/^\s/.test(body) || body.trim() === '') break
      j++
    }
    ranges.push([i + 1, j])
    i = j - 1
  }
  return ranges
}

/** Render a kernel log as a `div.log` with folded call traces. */
export function renderKernelLog(code: string): Element {
  const lines = code.replace(/\n$/, '').split('\n')
  const parts: Element[] = []
  let from = 0
  for (const [start, end] of traceRanges(lines)) {
    const count = end - start
    if (count <= FOLD_AT) continue
    if (start > from) parts.push(pre(lines.slice(from, start)))
    parts.push(
      h('details.log-fold', [
        h('summary', `Call Trace: show ${count} lines`),
        pre(lines.slice(start, end)),
      ]),
    )
    from = end
  }
  if (from < lines.length) parts.push(pre(lines.slice(from)))
  return h('div.log', { dataLang: 'log' }, parts)
}
