/**
 * Run one measured step of the benchmark as a child process, the way a user
 * runs it: wall-clock time from spawn to exit, and the child's peak RSS.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface Measurement {
  seconds: number
  /** Peak resident set size of the whole process (worker threads included), in bytes. */
  peakRss: number
  /** The sum of its child processes' peak RSS (Pagefind's indexer), in bytes: see probe.mjs. */
  childrenRss: number
  /** CPU seconds (user + system) of the whole process, worker threads included: less load-dependent than wall time. */
  cpuSeconds: number
  status: number | null
  stdout: string
  stderr: string
}

const PROBE = path.join(import.meta.dirname, 'probe.mjs')

/** Spawn `node [nodeArgs] script args` with the RSS probe preloaded and time it. */
export async function measure(nodeArgs: string[], args: string[], cwd: string): Promise<Measurement> {
  const probeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-probe-')), 'rss.json')
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', PROBE, ...nodeArgs, ...args], {
    cwd,
    env: { ...process.env, SLUGWIKI_BENCH_PROBE: probeFile, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const seconds = (performance.now() - started) / 1000
  let peakRss = 0
  let childrenRss = 0
  let cpuSeconds = 0
  try {
    const probe = JSON.parse(fs.readFileSync(probeFile, 'utf8')) as { maxRssKb: number; childrenRssKb: number; cpuUs: number }
    peakRss = probe.maxRssKb * 1024
    childrenRss = probe.childrenRssKb * 1024
    cpuSeconds = probe.cpuUs / 1e6
  } catch {
    // A child that died before its exit hook ran has no figure; the status says why.
  }
  fs.rmSync(path.dirname(probeFile), { recursive: true, force: true })
  return { seconds, peakRss, childrenRss, cpuSeconds, status, stdout, stderr }
}

/** Total bytes and file count under `dir`, and the largest `.html` file. */
export function folderSize(dir: string): { files: number; bytes: number; largestPage: { file: string; bytes: number } } {
  let files = 0
  let bytes = 0
  let largestPage = { file: '', bytes: 0 }
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const size = fs.statSync(file).size
    files++
    bytes += size
    if (entry.name.endsWith('.html') && entry.name !== 'print.html' && size > largestPage.bytes) largestPage = { file: path.relative(dir, file), bytes: size }
  }
  return { files, bytes, largestPage }
}

/** The median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
