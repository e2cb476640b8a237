/**
 * Preloaded into a measured build (`node --import probe.mjs …`): on exit,
 * write the process's peak resident set size and CPU time (user + system),
 * worker threads included, to the file named by SLUGWIKI_BENCH_PROBE.
 */
import fs from 'node:fs'
import { isMainThread } from 'node:worker_threads'

const target = process.env.SLUGWIKI_BENCH_PROBE
// Worker threads inherit this preload; the process's figure is written once, by the main thread.
if (target && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    fs.writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime }))
  })
}
