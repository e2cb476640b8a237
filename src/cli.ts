/**
 * The command line: argv → build | dev. The only module that prints
 * diagnostics and sets exit codes.
 */
import { parseArgs } from 'node:util'
import { build } from './build.ts'
import { ConfigError } from './config.ts'
import { OutputError } from './output.ts'
import { formatDiagnostic } from './report.ts'
import { ThemeError } from './theme/load.ts'

const HELP = `slugwiki: build a wiki of markdown notes (or an mdBook) into a static site.

Usage:
  npm run build -- [options]
  npm run dev -- [dev server options] [options but --out, --strict and --quiet]

Options:
  --src DIR      Source folder of notes, or an mdBook folder with book.toml (default: content)
  --out DIR      Output folder, replaced atomically (default: book.toml's [build] build-dir, else dist)
  --base PATH    Base path the site is served under, e.g. /wiki/ (default: book.toml's site-url, else /)
  --theme NAME   Theme folder under themes/ (default: config, else "default")
  --drafts       Include notes with \`draft: true\` (or \`publish: false\`) in their frontmatter
  --strict       Treat every warning as an error (exit 1, nothing written)
  --quiet        Print only diagnostics, no progress or summary
  --threads N    Worker threads compiling notes (default: one per core, fewer for few notes)
  --no-cache     Compile every note; do not read or write the persistent cache
  --cache-dir D  Folder of the persistent cache (default: node_modules/.cache/slugwiki)
  -h, --help     Show this help

Dev server options (npm run dev; the site is built in memory, only the note cache is written):
  --port N       Port to serve on (default 4000, or the next free one; an explicit port must be free; 0: any)
  --host ADDR    Address to bind (default 127.0.0.1; the server answers only localhost names, IPs and ADDR)
  --open         Open the site in the default browser

Exit status: 0 on success; 1 on errors, or on warnings under --strict.`

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

/** The options both commands take for compiling notes: `--threads`, `--no-cache`, `--cache-dir`. */
const COMPILE_OPTIONS = {
  threads: { type: 'string' },
  'no-cache': { type: 'boolean' },
  'cache-dir': { type: 'string' },
} as const

/** Parsed `values` with `COMPILE_OPTIONS`' as config options; a thread count that is not a positive whole number fails. */
function withCompileOptions<T extends { threads?: string; 'no-cache'?: boolean; 'cache-dir'?: string }>({ threads, 'no-cache': noCache, 'cache-dir': cacheDir, ...rest }: T) {
  const count = threads === undefined ? undefined : Number(threads)
  if (count !== undefined && !(Number.isInteger(count) && count > 0)) fail(`--threads must be a positive whole number, not \`${threads}\``)
  return { ...rest, threads: count, cache: !noCache, cacheDir }
}

async function runBuild(argv: string[]): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        src: { type: 'string' },
        out: { type: 'string' },
        base: { type: 'string' },
        theme: { type: 'string' },
        drafts: { type: 'boolean' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean' },
        ...COMPILE_OPTIONS,
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`)
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`)
    return 0
  }
  const quiet = values.quiet ?? false
  const progress = createProgress(quiet)
  try {
    const result = await build(withCompileOptions(values), { onProgress: progress.update })
    progress.done()
    for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`)
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length
    const warnings = result.diagnostics.length - errors
    if (!quiet) {
      const kept = result.plan.kept?.size ?? 0
      const pages = `${result.pages.length} pages${kept ? ` (${kept} unchanged since the last build)` : ''}`
      const assets = result.plan.copies.size
      const status = result.written ? `built ${result.config.out}` : 'not written'
      process.stderr.write(
        `${status}: ${pages}, ${assets} assets, ${errors} errors, ${warnings} warnings in ${result.seconds.toFixed(2)} s${
          !result.written && result.config.strict && errors === 0 ? ' (--strict: warnings are errors)' : ''
        }\n`,
      )
    }
    return result.ok ? 0 : 1
  } catch (error) {
    progress.done()
    if (error instanceof ConfigError) return fail(formatDiagnostic(error.diagnostic))
    if (error instanceof OutputError || error instanceof ThemeError) return fail(`error  ${error.message}`)
    throw error
  }
}

/** A one-line progress bar on a TTY, once a build has run for a second. */
function createProgress(quiet: boolean) {
  const tty = process.stderr.isTTY && !quiet
  const started = Date.now()
  let shown = false
  return {
    update(done: number, total: number) {
      if (!tty || Date.now() - started < 1000) return
      shown = true
      const width = 30
      const filled = Math.round((done / Math.max(total, 1)) * width)
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} notes`)
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K')
      shown = false
    },
  }
}

async function runDev(argv: string[]): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        src: { type: 'string' },
        base: { type: 'string' },
        theme: { type: 'string' },
        drafts: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        open: { type: 'boolean' },
        ...COMPILE_OPTIONS,
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`)
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`)
    return 0
  }
  const port = values.port === undefined ? undefined : Number(values.port)
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) fail(`--port must be a number from 0 to 65535, not \`${values.port}\``)
  // The dev server's modules (ws, chokidar, open) load only for `dev`, so a build does not start them up.
  const [{ startDev }, { PortInUseError }] = await Promise.all([import('./dev/session.ts'), import('./dev/server.ts')])
  let dev
  const progress = createProgress(false)
  const openBrowser = (url: string) => void import('open').then(({ default: open }) => open(url)).catch((error: Error) => process.stderr.write(`could not open a browser: ${error.message}\n`))
  try {
    dev = await startDev({
      ...withCompileOptions(values),
      port,
      log(line) {
        progress.done()
        process.stderr.write(`${line}\n`)
      },
      onProgress: progress.update,
      // The URL is said (and opened) at once; `serving` below means the site is there.
      onListening(url) {
        process.stderr.write(`building the site; ${url} shows how far it is\n`)
        if (values.open) openBrowser(url)
      },
    })
  } catch (error) {
    if (error instanceof ConfigError) return fail(formatDiagnostic(error.diagnostic))
    if (error instanceof PortInUseError || error instanceof ThemeError) return fail(`error  ${error.message}`)
    throw error
  }
  process.stdout.write(`serving ${dev.url} (Ctrl-C to stop)\n`)
  // Ctrl-C: stop watching, close every connection, release the port, then exit 0.
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      void dev.close().then(resolve)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  process.stderr.write('stopped\n')
  return 0
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2)
  switch (command) {
    case 'build':
      return runBuild(rest)
    case 'dev':
      return runDev(rest)
    case undefined:
    case '-h':
    case '--help':
      process.stdout.write(`${HELP}\n`)
      return 0
    default:
      return fail(`Unknown command \`${command}\`\n\n${HELP}`)
  }
}

process.exitCode = await main()
