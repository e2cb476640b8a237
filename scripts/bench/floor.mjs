/**
 * The I/O floor of a build, run as its own Node process like a build is:
 * read every note of the source folder and write one file per note with the
 * same bytes. Plain JavaScript so no TypeScript loader is counted.
 * Usage: node floor.mjs SRC OUT
 */
import fs from 'node:fs'
import path from 'node:path'

const [src, out] = process.argv.slice(2)
let files = 0
let bytes = 0
for (const entry of fs.readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.md')) continue
  const from = path.join(entry.parentPath, entry.name)
  const to = path.join(out, path.relative(src, from)).replace(/\.md$/, '.html')
  const data = fs.readFileSync(from)
  fs.mkdirSync(path.dirname(to), { recursive: true })
  fs.writeFileSync(to, data)
  files++
  bytes += data.length
}
process.stdout.write(JSON.stringify({ files, bytes }))
