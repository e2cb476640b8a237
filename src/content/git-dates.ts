/**
 * The date of each note's last commit, from one `git log` over the source
 * folder. Not in git, or git missing: no dates (never the build time, which
 * would make builds differ).
 */
import { execFileSync } from 'node:child_process'
import type { SourcePath } from '../paths.ts'

/** Map of source path → ISO date (YYYY-MM-DD) of its latest commit. */
export function gitDates(src: string): Map<SourcePath, string> {
  const dates = new Map<SourcePath, string>()
  let log: string
  try {
    log = execFileSync('git', ['-c', 'core.quotepath=off', 'log', '--format=%x00%cs', '--name-only', '--no-renames', '--relative', '--', '.'], {
      cwd: src,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    })
  } catch {
    return dates
  }
  let current = ''
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) current = line.slice(1)
    else if (line && current && !dates.has(line as SourcePath)) dates.set(line as SourcePath, current)
  }
  return dates
}
