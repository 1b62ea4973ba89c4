/** One request to the emulator the test's msw server answers (cookies kept, as a browser would). */
export async function callEmulator<Body>(method: string, path: string, body?: unknown) {
  const response = await fetch(`http://localhost:3000${path}`, {
    method,
    credentials: 'include',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Body, setCookie: response.headers.get('set-cookie') }
}
