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
 * Add `documents` to `index`, a few requests in flight to keep Pagefind busy;
 * its output does not depend on the order they finish.
 * @param {import('pagefind').PagefindIndex} index
 * @param {IndexJob['documents']} documents
 * @returns {Promise<string[]>} the errors
 */
async function addAll(index, documents) {
  /** @type {string[]} */
  const errors = []
  let next = 0
  const feed = async () => {
    while (next < documents.length) {
      const { url, content } = documents[next++]
      const added = await index.addHTMLFile({ url, content })
      if (added.errors.length) errors.push(`Pagefind could not index ${url}: ${added.errors.join('; ')}`)
    }
  }
  await Promise.all(Array.from({ length: Math.min(16, documents.length) }, feed))
  return errors
}

/**
 * @param {import('pagefind').PagefindIndex} index
 * @returns {Promise<IndexedPart>}
 */
async function filesOf(index) {
  const { files, errors } = await index.getFiles()
  if (errors.length) return { errors: [`Pagefind could not write the index: ${errors.join('; ')}`], files: [] }
  return { errors: [], files: files.map((f) => ({ path: f.path, content: f.content })) }
}

/**
 * @param {IndexJob} job
 * @returns {Promise<IndexedPart>}
 */
async function indexPart({ language, documents }) {
  const created = await createIndex({ forceLanguage: language })
  if (!created.index) return { errors: [`Pagefind could not start: ${created.errors.join('; ')}`], files: [] }
  const index = created.index
  try {
    const errors = await addAll(index, documents)
    return errors.length ? { errors, files: [] } : await filesOf(index)
  } finally {
    await index.deleteIndex()
  }
}

/**
 * Parts begun ahead (see speculation.ts), by name: their first documents are
 * in Pagefind's process, the rest come with `finish` or never (`drop`).
 * @type {Map<string, { index?: import('pagefind').PagefindIndex, errors: string[] }>}
 */
const begun = new Map()

/** @param {import('./index-job.ts').SessionJob} job */
async function session(job) {
  if ('begin' in job) {
    const created = await createIndex({ forceLanguage: job.language })
    const index = created.index
    begun.set(job.begin, { index, errors: index ? await addAll(index, job.documents) : created.errors })
    return undefined
  }
  const name = 'finish' in job ? job.finish : job.drop
  const part = begun.get(name)
  begun.delete(name)
  if (!part?.index) return { errors: part?.errors.length ? part.errors : ['no such part begun'], files: [] }
  try {
    if ('drop' in job) return undefined
    const errors = [...part.errors, ...(await addAll(part.index, job.documents))]
    return errors.length ? { errors, files: [] } : await filesOf(part.index)
  } finally {
    await part.index.deleteIndex()
  }
}

/**
 * Build the part `job` names; begin, finish or drop a part begun ahead; or,
 * for `{ close: true }`, stop Pagefind's process (which stays up between the
 * parts of one build).
 * @param {IndexJob | import('./index-job.ts').SessionJob | { close: true }} job
 * @returns {Promise<IndexedPart | undefined>}
 */
export default async function indexJob(job) {
  if ('close' in job) {
    await close()
    return undefined
  }
  if ('begin' in job || 'finish' in job || 'drop' in job) return session(job)
  return indexPart(job)
}
