import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort, stopProcess } from '../processes'

/** The VCL the repository ships for Varnish and Fastly (`examples/cdn/varnish.vcl`). */
export const SHIPPED_VCL = join(process.cwd(), 'examples', 'cdn', 'varnish.vcl')

export interface Varnish {
  /** `http://127.0.0.1:{port}`: the storefront through the cache. */
  url: string
  /** Requests Varnish sent to the origin so far (`MAIN.backend_req`). */
  backendRequests(): Promise<number>
  stop(): Promise<void>
}

const run = promisify(execFile)

const VARNISHD = '/usr/sbin/varnishd'

/**
 * Debian's Varnish, installed with apt when it is missing and this user may (root, as on CI and
 * this project's machines): `npm test` sets up what it needs. Elsewhere, a clear error says what to install.
 */
export function ensureVarnish(exec: (command: string, args: string[]) => void): void {
  if (existsSync(VARNISHD)) return
  const isRoot = process.getuid?.() === 0
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error('The shared-cache tests need Varnish 7 (Debian: apt-get install varnish; it provides /usr/sbin/varnishd)')
  }
  console.log('Installing Debian’s varnish for the shared-cache tests (apt-get install varnish)…')
  exec('apt-get', ['update', '-qq'])
  exec('apt-get', ['install', '-y', '-qq', 'varnish'])
}

/**
 * Debian's Varnish in the foreground on a free port of 127.0.0.1, in front of `originPort`, with
 * a VCL file whose backend port is the placeholder `ORIGIN_PORT`. No jail, no admin port, its
 * working folder in the temp folder (removed on stop).
 */
export async function startVarnish(originPort: number, vclFile = SHIPPED_VCL): Promise<Varnish> {
  const folder = mkdtempSync(join(tmpdir(), 'vtex-session-varnish-'))
  const vcl = join(folder, 'site.vcl')
  writeFileSync(vcl, readFileSync(vclFile, 'utf8').replace('"ORIGIN_PORT"', `"${originPort}"`))
  const port = await freePort()
  const name = join(folder, 'instance')
  const varnishd: ChildProcess = spawn(VARNISHD, ['-F', '-j', 'none', '-T', 'none', '-n', name, '-a', `127.0.0.1:${port}`, '-f', vcl, '-s', 'malloc,64m'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let output = ''
  varnishd.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = `http://127.0.0.1:${port}`
  for (const deadline = Date.now() + 30_000; ; ) {
    if (varnishd.exitCode !== null) throw new Error(`varnishd exited (${varnishd.exitCode}): ${output}`)
    try {
      await fetch(`${url}/api/segments`)
      break
    } catch {
      if (Date.now() > deadline) throw new Error(`varnishd did not start: ${output}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {
    url,
    async backendRequests() {
      const { stdout } = await run('varnishstat', ['-n', name, '-1', '-j', '-f', 'MAIN.backend_req'])
      const counters = JSON.parse(stdout) as { counters?: Record<string, { value: number }> } & Record<string, { value: number }>
      return (counters.counters ?? counters)['MAIN.backend_req']?.value ?? 0
    },
    async stop() {
      await stopProcess(varnishd)
      rmSync(folder, { recursive: true, force: true })
    },
  }
}
