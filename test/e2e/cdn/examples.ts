import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { freePort, stopProcess } from '../processes'

export type ExampleName = 'next-app' | 'react-router'

export interface RunningExample {
  port: number
  url: string
  stop(): Promise<void>
}

/**
 * One of the server-rendered examples, as built by `npm run build-example` and
 * `build-example:react-router` (part of npm test), on a free port of 127.0.0.1, talking to the
 * Session Manager at `sessionManagerUrl`.
 */
export async function startExample(name: ExampleName, sessionManagerUrl: string): Promise<RunningExample> {
  const port = await freePort()
  const env = { ...process.env, SESSION_MANAGER_URL: sessionManagerUrl, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port) }
  const args =
    name === 'next-app'
      ? [join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', 'examples/next-app', '-H', '127.0.0.1', '-p', String(port)]
      : [join('examples', 'react-router', 'start.mjs')]
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] })
  const url = `http://127.0.0.1:${port}`
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`the ${name} example exited (${child.exitCode})`)
    try {
      await (await fetch(`${url}/api/segments`)).arrayBuffer()
      break
    } catch {
      if (Date.now() > deadline) throw new Error(`the ${name} example did not start`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  return { port, url, stop: () => stopProcess(child) }
}
