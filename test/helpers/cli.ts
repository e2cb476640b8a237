/** Run the CLI as a user would, in a child process. */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

export const projectRoot = path.resolve(import.meta.dirname, '../..')

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

export function runCli(args: string[], cwd = projectRoot): CliRun {
  // tsx resolved from here, so the CLI also runs with a working directory outside the project.
  const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(projectRoot, 'src/cli.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
