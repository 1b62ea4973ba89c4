// Entry `vtex-session-react/testing/node`: the emulator as a real HTTP server, for SSR and
// end-to-end tests. It drives the emulator directly, so it runs without msw installed.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cookiesOf, createEmulator, type EmulatorOptions, type SessionManagerEmulator } from './emulatorCore'

export type { Latency, RecordedRequest, SessionManagerEmulator } from './emulatorCore'

export interface SessionManagerServerOptions extends EmulatorOptions {
  /** Default 127.0.0.1: tests never listen beyond this machine. */
  host?: string
  /** Default 0: a free port. */
  port?: number
}

export interface SessionManagerServer {
  /** Origin to use as `baseUrl`, e.g. `http://127.0.0.1:41234`. */
  url: string
  /** The emulator behind it: requests, faults, latency, reset. */
  mock: SessionManagerEmulator
  close(): Promise<void>
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Serves the emulator of `createSessionManagerMock` (the same model, faults and latency) over plain HTTP. */
export async function startSessionManagerServer(options: SessionManagerServerOptions = {}): Promise<SessionManagerServer> {
  const { host = '127.0.0.1', port = 0, ...emulatorOptions } = options
  let origin = ''
  const emulator = createEmulator(emulatorOptions)
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const bodyText = await readBody(incoming)
      const url = new URL(incoming.url ?? '/', origin)
      const answer = await emulator.answer({ method: incoming.method ?? 'GET', url, cookies: cookiesOf(incoming.headers.cookie), bodyText })
      if (answer === undefined) return void outgoing.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}')
      // A network fault: the client sees the connection drop.
      if (answer.kind === 'network') return void outgoing.destroy()
      const head: Record<string, string | string[]> = { ...answer.headers, 'content-type': 'application/json' }
      if (answer.setCookie.length > 0) head['set-cookie'] = answer.setCookie
      outgoing.writeHead(answer.status, head).end(answer.bodyText)
    })().catch((error: unknown) => outgoing.writeHead(500).end(String(error)))
  })
  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  origin = `http://${host}:${(server.address() as AddressInfo).port}`
  return { url: origin, mock: emulator.controls, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

export { isSessionError, SessionError } from '../core/SessionError'
