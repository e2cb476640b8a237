/**
 * How far V8 lets the process's heaps grow past what survived their last
 * full collection (`--heap-growing-percent`), held down while a stage makes
 * garbage fast. V8's own sizing allows up to four times that, which is cheap
 * in collections but is what the process's peak RSS is made of:
 *
 * - while notes compile (25 %): a note thread keeps little (a note's trees
 *   live only while it compiles) but allocates fast, and V8 let each thread's
 *   heap fill with ~200 MB of garbage: the peak of a cold 2,000-note build,
 *   739–773 MB, fell to 462–465 MB, for ~20 % more CPU in such a build;
 * - while the pages are written (100 %): each page's HTML outlives a few
 *   young-generation collections while its write is in flight, so it is
 *   promoted and waits for a full collection; at 10,000 notes V8 let ~300 MB
 *   of live heap grow to ~1 GB of mostly such garbage before collecting it,
 *   the peak of every build that renders all pages (1.13 GB → 0.86 GB).
 *
 * V8 reads the setting at each full collection, for every heap of the
 * process, so it holds only while such a stage runs: the rest of the build
 * keeps V8's own sizing (with 25 % throughout, a one-edit build spent ~0.5 s
 * more in collections). Figures in the README's Speed section.
 */
import v8 from 'node:v8'

/** While notes compile. */
export const COMPILING = 25
/** While the pages are rendered and written. */
export const WRITING = 100

/** The percent each running stage asks for; the smallest holds. */
const held: number[] = []
let applied = 0

function apply(): void {
  // 0 is V8's default: its own sizing.
  const percent = held.length === 0 ? 0 : Math.min(...held)
  if (percent === applied) return
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`)
  applied = percent
}

/** Run `work` with the heaps' growth held to `percent`; calls may nest or overlap, and the smallest percent of those running holds. */
export async function withHeldHeaps<T>(percent: number, work: () => Promise<T>): Promise<T> {
  held.push(percent)
  apply()
  try {
    return await work()
  } finally {
    held.splice(held.indexOf(percent), 1)
    apply()
  }
}

/** Run `work` (which compiles notes) with the heaps' growth held down. */
export function withCompactHeaps<T>(work: () => Promise<T>): Promise<T> {
  return withHeldHeaps(COMPILING, work)
}
