// The published tarball as a user gets it: `npm i vtex-session-react` beside its two required
// peers only (no msw), then the emulator bin. Needs the build (`npm run build`) and the registry.
import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = process.cwd()
const work = mkdtempSync(join(tmpdir(), 'vtex-session-react-tarball-'))
const app = join(work, 'app')

// The parent `npm test` passes its own npm settings down (prefix, script names): only the
// registry and cache settings may reach the nested installs.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('npm_') || /^npm_config_(registry|cache|userconfig)$/.test(name)),
)

/** The version this repo installed, so that `--prefer-offline` finds it in the cache. */
const installed = (name: string) => (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version

/** Resolves with the first match of `pattern` in the child's output, or rejects after `ms`. */
function waitForLine(child: ChildProcess, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${ms} ms; output so far:\n${seen}`)), ms)
    const onData = (chunk: Buffer) => {
      seen += chunk.toString()
      const match = seen.match(pattern)
      if (match) {
        clearTimeout(timer)
        resolve(match)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`exited (${code ?? signal}) before printing ${pattern}:\n${seen}`))
    })
  })
}

/** Resolves with how the child ended, or rejects after `ms`. */
function waitForExit(child: ChildProcess, ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode })
    const timer = setTimeout(() => reject(new Error(`still running ${ms} ms after SIGTERM`)), ms)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal })
    })
  })
}

let emulator: ChildProcess | undefined

beforeAll(async () => {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, env, timeout: 60_000 })
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }]
  mkdirSync(app)
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'tarball-user', private: true, type: 'module' }, null, 2)}\n`)
  const packages = [join(work, filename), `react@${installed('react')}`, `@tanstack/react-query@${installed('@tanstack/react-query')}`]
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...packages], { cwd: app, env, timeout: 180_000 })
}, 240_000)

afterAll(async () => {
  if (emulator && emulator.exitCode === null && emulator.signalCode === null) {
    emulator.kill('SIGKILL')
    await waitForExit(emulator, 5_000).catch(() => undefined)
  }
  rmSync(work, { recursive: true, force: true })
})

describe('the packed tarball, installed without msw', () => {
  it('ships the LICENSE and leaves msw out of the install', () => {
    expect(existsSync(join(app, 'node_modules/vtex-session-react/LICENSE'))).toBe(true)
    expect(existsSync(join(app, 'node_modules/msw'))).toBe(false)
  })

  it('runs the vtex-session-emulator bin: a session with cookies, then a clean stop on SIGTERM', async () => {
    // The bin link npx would run; npx itself does not pass SIGTERM on to it.
    emulator = spawn(join(app, 'node_modules/.bin/vtex-session-emulator'), ['--port', '0'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let stdout = ''
    emulator.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    emulator.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const [, origin] = await waitForLine(emulator, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 15_000)

    const response = await fetch(`${origin}/api/sessions?items=*`, { signal: AbortSignal.timeout(10_000) })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(/^vtex_session=[^;]+;/), expect.stringMatching(/^vtex_segment=[^;]+;/)])
    const session = (await response.json()) as { id: string; namespaces: Record<string, unknown> }
    expect(session.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(session.namespaces).toHaveProperty('store')

    emulator.kill('SIGTERM')
    expect(await waitForExit(emulator, 10_000)).toEqual({ code: 0, signal: null })
    expect(stdout).toContain('Stopped (SIGTERM).')
    expect(stderr).toBe('')
  })
})
