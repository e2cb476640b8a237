/** `npm run dev` as the author runs it: the URL printed, Ctrl-C stops it cleanly, a taken port is explained. */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDev } from '../../src/dev/session.ts'
import { projectRoot, runCli } from '../helpers/cli.ts'

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-dev-cli-'))
  fs.cpSync(path.join(projectRoot, 'test/sites/mdbook'), dir, { recursive: true })
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Occupy a free port on 127.0.0.1 until the returned server is closed. */
async function occupy(): Promise<net.Server> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}
const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port

function startCli(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/cli.ts'), 'dev', ...args], { cwd: projectRoot, env: { ...process.env, FORCE_COLOR: '0' } })
  let out = ''
  let err = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (err += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, stdout: () => out, stderr: () => err, exited }
}

describe('slugwiki dev', () => {
  it('prints the URL, serves the site, and on Ctrl-C exits 0 with the port released', async () => {
    const run = startCli(['--src', dir, '--port', '0'])
    const deadline = Date.now() + 120_000
    while (!/serving http:\/\/\S+/.test(run.stdout()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    const url = /serving (http:\/\/\S+)/.exec(run.stdout())?.[1]
    expect(url, run.stderr()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/book\/$/)
    expect((await fetch(url!)).status).toBe(200)
    expect(run.stderr()).toMatch(/^built \d+ pages in \d+ ms$/m)
    run.child.kill('SIGINT')
    expect(await run.exited).toBe(0)
    expect(run.stderr()).toMatch(/stopped\n$/)
    // The port is free again.
    const port = Number(new URL(url!).port)
    const again = net.createServer()
    await new Promise<void>((resolve, reject) => {
      again.once('error', reject)
      again.listen(port, '127.0.0.1', resolve)
    })
    await new Promise((r) => again.close(r))
  })

  it('keeps compiled notes in the cache folder a build uses, unless --no-cache', async () => {
    const serve = async (args: string[]) => {
      const run = startCli(['--src', dir, '--port', '0', '--threads', '1', ...args])
      const deadline = Date.now() + 120_000
      while (!/serving http:\/\/\S+/.test(run.stdout()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      expect(run.stdout(), run.stderr()).toMatch(/serving http/)
      run.child.kill('SIGINT')
      expect(await run.exited).toBe(0)
    }
    const cache = path.join(dir, '..', `${path.basename(dir)}-cache`)
    await serve(['--no-cache', '--cache-dir', cache])
    expect(fs.existsSync(cache)).toBe(false)
    await serve(['--cache-dir', cache])
    // Written before the server exits: every note has its entry, under the key a build looks for.
    const [folder] = fs.readdirSync(cache)
    const index = JSON.parse(fs.readFileSync(path.join(cache, folder!, 'index.json'), 'utf8')) as { notes: Record<string, string> }
    expect(Object.keys(index.notes)).toContain('kernel/rcu.md')
    const built = runCli(['build', '--src', dir, '--out', path.join(cache, 'out'), '--cache-dir', cache])
    expect(built.status, built.stderr).toBe(0)
    fs.rmSync(cache, { recursive: true, force: true })
  })

  it('explains an explicitly given port that is taken, and exits 1', async () => {
    const taken = await occupy()
    const port = portOf(taken)
    const run = runCli(['dev', '--src', dir, '--port', String(port)])
    taken.close()
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`Port ${port} is already in use on 127.0.0.1`)
  })

  it('takes the next free port when the default one is taken', async () => {
    const taken = await occupy()
    const dev = await startDev({ src: dir, port: portOf(taken), strictPort: false, log: () => {} })
    try {
      expect(dev.port).toBeGreaterThan(portOf(taken))
      expect((await fetch(dev.url)).status).toBe(200)
    } finally {
      await dev.close()
      taken.close()
    }
  })

  it('rejects a port that is not a number', () => {
    const run = runCli(['dev', '--src', dir, '--port', 'eighty'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('--port must be a number from 0 to 65535')
  })
})
