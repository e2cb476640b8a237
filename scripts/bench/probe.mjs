/**
 * Preloaded into a measured build (`node --import probe.mjs …`): on exit,
 * write the process's peak resident set size and CPU time (user + system),
 * worker threads included, to the file named by SLUGWIKI_BENCH_PROBE, with
 * the peak of its child processes (Pagefind's indexer runs as one).
 *
 * The process's own peak is the kernel's high-water mark (getrusage). A
 * child's is its `VmHWM`, read from /proc every 100 ms while it lives (its
 * figure is gone once it is reaped, and Node reads no rusage of children):
 * a child that lives less than that may be missed. Their sum is an upper
 * bound of what the build held at once.
 */
import fs from 'node:fs'
import { isMainThread } from 'node:worker_threads'

const target = process.env.SLUGWIKI_BENCH_PROBE

/** The pids of this process's children (every thread's list: a worker thread may spawn too). */
function childPids() {
  const pids = new Set()
  let tasks = []
  try {
    tasks = fs.readdirSync('/proc/self/task')
  } catch {
    return pids
  }
  for (const task of tasks) {
    try {
      for (const pid of fs.readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(/\s+/)) if (pid) pids.add(pid)
    } catch {
      // A thread that ended between the listing and the read has no children left to count.
    }
  }
  return pids
}

// Worker threads inherit this preload; the process's figure is written once, by the main thread.
if (target && isMainThread) {
  /** Peak RSS in kB of each child seen, by pid. */
  const children = new Map()
  const sample = () => {
    for (const pid of childPids()) {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
        if (hwm) children.set(pid, Math.max(children.get(pid) ?? 0, Number(hwm[1])))
      } catch {
        // Gone since it was listed.
      }
    }
  }
  setInterval(sample, 100).unref()
  process.on('exit', () => {
    sample()
    const usage = process.resourceUsage()
    const childrenKb = [...children.values()].reduce((sum, kb) => sum + kb, 0)
    fs.writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, childrenRssKb: childrenKb, cpuUs: usage.userCPUTime + usage.systemCPUTime }))
  })
}
