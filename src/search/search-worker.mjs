/**
 * The search index's thread: feeds documents to Pagefind and collects the
 * index files. Pagefind runs in its own process and answers each document
 * by message; on the main thread those answers waited behind page planning
 * and rendering (seconds of synchronous work), so Pagefind sat idle. Here
 * they are taken as they come.
 *
 * Plain JavaScript (typed by JSDoc against index-job.ts): a worker started
 * from the TypeScript sources cannot count on tsx's loader being registered
 * in its thread before its entry module loads.
 */
import { close, createIndex } from 'pagefind'

/** @typedef {import('./index-job.ts').IndexJob} IndexJob */
/** @typedef {import('./index-job.ts').IndexedPart} IndexedPart */

/**
 * @param {IndexJob} job
 * @returns {Promise<IndexedPart>}
 */
async function indexPart({ language, documents }) {
  const created = await createIndex({ forceLanguage: language })
  if (!created.index) return { errors: [`Pagefind could not start: ${created.errors.join('; ')}`], files: [] }
  const index = created.index
  try {
    /** @type {string[]} */
    const errors = []
    // A few requests in flight keep Pagefind busy; its output does not depend on the order they finish.
    let next = 0
    const feed = async () => {
      while (next < documents.length) {
        const { url, content } = documents[next++]
        const added = await index.addHTMLFile({ url, content })
        if (added.errors.length) errors.push(`Pagefind could not index ${url}: ${added.errors.join('; ')}`)
      }
    }
    await Promise.all(Array.from({ length: Math.min(16, documents.length) }, feed))
    if (errors.length) return { errors, files: [] }
    const { files, errors: writeErrors } = await index.getFiles()
    if (writeErrors.length) return { errors: [`Pagefind could not write the index: ${writeErrors.join('; ')}`], files: [] }
    return { errors: [], files: files.map((f) => ({ path: f.path, content: f.content })) }
  } finally {
    await index.deleteIndex()
  }
}

/**
 * Build the part `job` names, or, for `{ close: true }`, stop Pagefind's
 * process (which stays up between the parts of one build).
 * @param {IndexJob | { close: true }} job
 * @returns {Promise<IndexedPart | undefined>}
 */
export default async function indexJob(job) {
  if ('close' in job) {
    await close()
    return undefined
  }
  return indexPart(job)
}
