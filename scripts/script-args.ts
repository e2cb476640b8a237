/**
 * The flags of a script under `scripts/`, read with node:util's parseArgs:
 * `--help` prints the usage, and a flag the script does not know is its
 * usage and exit code 1, not parseArgs's stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

export function scriptArgs<O extends NonNullable<ParseArgsConfig['options']>>(options: O, usage: string) {
  const text = usage.endsWith('\n') ? usage : `${usage}\n`
  try {
    const { values } = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } } })
    if ((values as { help?: boolean }).help) {
      process.stdout.write(text)
      process.exit(0)
    }
    return values as ReturnType<typeof parseArgs<{ options: O }>>['values']
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${text}`)
    process.exit(1)
  }
}
