/** The benchmark's result: a JSON-ready record and its printed table. */

export interface StepReport {
  step: string
  /** Median wall-clock seconds of the runs. */
  seconds: number
  runs: number[]
  /** Peak RSS over the runs, in bytes. */
  peakRss: number
  /** The most the runs' child processes (Pagefind's indexer) held at their peaks, summed, in bytes. */
  childrenRss: number
  /** Median CPU seconds of the runs (all threads). */
  cpuSeconds: number
}

export interface BenchReport {
  notes: number
  markdownBytes: number
  commit: string
  node: string
  cpus: number
  loadAverage: number[]
  date: string
  /** The floor first; every other step's ratio is to it. */
  steps: StepReport[]
  devReload: string | { medianMs: number; runs: number[]; startupMs: number }
  output: { files: number; bytes: number; bytesPerNote: number; printBytes: number; largestPage: { file: string; bytes: number } }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** Print the report as a table on stdout. */
export function printTable(report: BenchReport): void {
  const floor = report.steps[0]!.seconds
  const rows = [['step', 'median', '× floor', 'CPU', 'peak RSS', '+ children', 'runs']]
  for (const s of report.steps) {
    rows.push([s.step, `${s.seconds.toFixed(2)} s`, `${(s.seconds / floor).toFixed(1)}×`, `${s.cpuSeconds.toFixed(2)} s`, mb(s.peakRss), mb(s.childrenRss), s.runs.map((r) => r.toFixed(2)).join(' ')])
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()
  const o = report.output
  process.stdout.write(
    [
      `slugwiki bench: ${report.notes} notes (${mb(report.markdownBytes)} of markdown) at ${report.commit}, node ${report.node}, ${report.cpus} cores, load average ${report.loadAverage.join(' ')}`,
      '',
      line(rows[0]!),
      ...rows.slice(1).map(line),
      `dev edit → reload: ${typeof report.devReload === 'string' ? report.devReload : `${report.devReload.medianMs.toFixed(0)} ms median of ${report.devReload.runs.length} edits`}`,
      '',
      `output: ${o.files} files, ${mb(o.bytes)} (${kb(o.bytesPerNote)} per note; largest page ${kb(o.largestPage.bytes)} ${o.largestPage.file}; print.html ${mb(o.printBytes)})`,
      '',
    ].join('\n'),
  )
}
