import { createServer, type Server } from 'node:http'
import { connect } from 'node:net'
import { pageForRequest } from '../../../src/server/index'

/** An origin that renders pageForRequest's page as JSON (the page's segment, or the session id). */
export async function startOrigin(sessionManagerUrl: string, onRender?: (page: unknown) => void): Promise<{ server: Server; port: number; renders: number }> {
  const state = { server: undefined as unknown as Server, port: 0, renders: 0 }
  state.server = createServer(async (req, res) => {
    state.renders += 1
    try {
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
      const page = await pageForRequest(new Request(`http://${req.headers.host}${req.url}`, { headers }), { baseUrl: sessionManagerUrl })
      onRender?.(page)
      for (const [name, value] of page.headers) res.appendHeader(name, value)
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(page.kind === 'shared' ? { kind: 'shared', segment: page.segment } : { kind: 'personal', session: page.session.id, segment: page.segment }))
    } catch (error) {
      res.statusCode = 500
      res.end(String(error))
    }
  })
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve))
  state.port = (state.server.address() as { port: number }).port
  return state
}

/** A raw HTTP/1.1 GET (to send headers fetch would merge or refuse). */
export function rawGet(port: number, path: string, headerLines: string[]): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write([`GET ${path} HTTP/1.1`, 'Host: shop.example', 'Connection: close', ...headerLines, '', ''].join('\r\n'))
    })
    let data = ''
    socket.on('data', (chunk) => (data += chunk.toString('latin1')))
    socket.on('end', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n')
      resolve({ status: Number(head.split(' ')[1]), headers: head, body: rest.join('\r\n\r\n') })
    })
    socket.on('error', reject)
  })
}
