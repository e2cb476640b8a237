/**
 * Preloaded into a measured build (`node --import probe.mjs …`): on exit,
 * write the process's peak resident set size, worker threads included, to the
 * file named by SLUGWIKI_BENCH_PROBE.
 */
import fs from 'node:fs'

const target = process.env.SLUGWIKI_BENCH_PROBE
if (target) {
  process.on('exit', () => {
    fs.writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }))
  })
}
