/**
 * While notes compile, each heap of the process may grow to 25 % over what
 * survived its last full collection (V8's `--heap-growing-percent`), instead
 * of the up to four times V8 allows while collections are cheap. A note
 * thread keeps little (a note's trees live only while it compiles) but
 * allocates fast, so V8 let each thread's heap fill with ~200 MB of garbage
 * before collecting it: the peak RSS of a cold 2,000-note build. Held down,
 * that peak fell from 739–773 MB to 462–465 MB, at the price of more
 * collections: ~20 % more CPU in such a build.
 *
 * V8 reads the setting at each full collection, for every heap of the
 * process, so it holds only while notes compile: the main thread keeps V8's
 * own sizing for the rest of the build, when its heap holds the whole site
 * (with the setting throughout, a one-edit build spent ~0.5 s more in
 * collections). Figures in the README's Speed section.
 */
import v8 from 'node:v8'

const PERCENT = 25
let holders = 0

/** Run `work` (which compiles notes) with the heaps' growth held down; calls may nest or overlap. */
export async function withCompactHeaps<T>(work: () => Promise<T>): Promise<T> {
  if (holders++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${PERCENT}`)
  try {
    return await work()
  } finally {
    // 0 is V8's default: its own sizing.
    if (--holders === 0) v8.setFlagsFromString('--heap-growing-percent=0')
  }
}
