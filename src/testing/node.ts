// Entry `vtex-session-react/testing/node`: the emulator as a real HTTP server, for SSR and end-to-end tests.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createSessionManagerMock, type SessionManagerMock, type SessionManagerMockOptions } from './createSessionManagerMock'

export interface SessionManagerServerOptions extends Omit<SessionManagerMockOptions, 'baseUrl'> {
  /** Default 127.0.0.1: tests never listen beyond this machine. */
  host?: string
  /** Default 0: a free port. */
  port?: number
}

export interface SessionManagerServer {
  /** Origin to use as `baseUrl`, e.g. `http://127.0.0.1:41234`. */
  url: string
  /** The emulator behind it: requests, faults, latency, reset. */
  mock: SessionManagerMock
  close(): Promise<void>
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Serves the emulator of `createSessionManagerMock` (the same model) over plain HTTP. */
export async function startSessionManagerServer(options: SessionManagerServerOptions = {}): Promise<SessionManagerServer> {
  const { host = '127.0.0.1', port = 0, ...mockOptions } = options
  let origin = ''
  const mock = createSessionManagerMock({ ...mockOptions, baseUrl: '' })
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const headers = new Headers()
      for (const [name, value] of Object.entries(incoming.headers)) {
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item)
      }
      const body = await readBody(incoming)
      const request = new Request(new URL(incoming.url ?? '/', origin), {
        method: incoming.method,
        headers,
        body: body === undefined ? undefined : new Uint8Array(body),
      })
      const response = await mock.respond(request)
      if (response === undefined) return void outgoing.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}')
      if (response.type === 'error') return void outgoing.destroy()
      const head: Record<string, string | string[]> = {}
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') head[name] = value
      })
      const cookies = response.headers.getSetCookie()
      if (cookies.length > 0) head['set-cookie'] = cookies
      outgoing.writeHead(response.status, head).end(Buffer.from(await response.arrayBuffer()))
    })().catch((error: unknown) => outgoing.writeHead(500).end(String(error)))
  })
  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  origin = `http://${host}:${(server.address() as AddressInfo).port}`
  return { url: origin, mock, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

export { isSessionError, SessionError } from '../core/SessionError'
