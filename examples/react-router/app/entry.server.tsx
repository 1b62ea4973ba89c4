import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { ServerRouter, type EntryContext } from 'react-router'

const ABORT_AFTER_MS = 10_000

/** Streams the page; a crawler gets it whole (all data ready), as React Router's default entry does. */
export default function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext): Promise<Response> {
  const ready = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'
  return new Promise((resolve, reject) => {
    let failed = false
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={context} url={request.url} />, {
      [ready]() {
        const body = new PassThrough()
        headers.set('Content-Type', 'text/html; charset=utf-8')
        resolve(new Response(createReadableStreamFromReadable(body), { status: failed ? 500 : status, headers }))
        pipe(body)
      },
      onShellError: reject,
      onError(error: unknown) {
        failed = true
        console.error(error)
      },
    })
    setTimeout(abort, ABORT_AFTER_MS + 1_000)
  })
}
