import { QueryClient } from '@tanstack/react-query'
import { delay, http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { createSessionClient, sessionKeys, type Session } from '../src/index'
import { runtimeFor } from '../src/runtime/index'
import { mock, server, sessionRequests } from './harness'

const stops: Array<() => void> = []
afterEach(() => stops.splice(0).forEach((stop) => stop()))

/** One "tab": its own cache and runtime, joined to the channel of `baseUrl` (and left, cache cleared, after the test). */
async function openTab(baseUrl = '') {
  const client = createSessionClient({ baseUrl })
  const queryClient = new QueryClient()
  const runtime = runtimeFor(queryClient, client)
  queryClient.setQueryData(runtime.keys.session, await createSessionClient().getSession())
  stops.push(runtime.connectTabs(), () => queryClient.clear())
  return {
    queryClient,
    runtime,
    campaign: () => queryClient.getQueryData<Session>(runtime.keys.session)?.namespaces.public?.utm_campaign?.value,
  }
}

/** A tab of another build (or a forger) posting on the library's channel. */
function rawChannel() {
  const channel = new BroadcastChannel('vtex-session-react:')
  stops.push(() => channel.close())
  return channel
}

const nextMessage = () => new Promise((resolve) => setTimeout(resolve, 30))

describe('tabs', () => {
  it('brings a write in one tab into every other tab of the same baseUrl, with no echo', async () => {
    const first = await openTab()
    const second = await openTab()
    const before = sessionRequests().length
    await first.runtime.write({ utm_campaign: 'from-tab-1' })
    await nextMessage()
    expect(second.campaign()).toBe('from-tab-1')
    // One write, one PATCH: the receiving tab neither requests nor writes back.
    expect(sessionRequests().slice(before).map(({ method }) => method)).toEqual(['PATCH'])
  })

  it('keeps tabs of another baseUrl apart', async () => {
    const first = await openTab()
    const other = await openTab('http://localhost:3000')
    await first.runtime.write({ utm_campaign: 'only-here' })
    await nextMessage()
    expect(other.campaign()).toBeUndefined()
  })

  it('takes a message’s namespaces as data: a "__proto__" namespace never becomes the prototype of the cached ones', async () => {
    const tab = await openTab()
    const session = JSON.parse('{"id":"forged","namespaces":{"public":{"utm_campaign":{"value":"from-the-message"}},"__proto__":{"checkout":{"regionId":{"value":"v2.PHANTOM"}}}}}')
    rawChannel().postMessage({ v: 2, tab: 'elsewhere', writes: 0, heard: {}, session })
    await nextMessage()
    expect(tab.campaign()).toBe('from-the-message')
    const cached = tab.queryClient.getQueryData<Session>(tab.runtime.keys.session)
    expect(cached?.namespaces.checkout).toBeUndefined()
    expect(Object.getPrototypeOf(cached?.namespaces)).toBe(Object.prototype)
  })

  it('ignores a message that breaks the schema (another build) and keeps the good session', async () => {
    const tab = await openTab()
    await tab.runtime.write({ utm_campaign: 'good' })
    rawChannel().postMessage({ v: 1, at: Date.now() + 1000, session: { id: 42, namespaces: 'broken' } })
    rawChannel().postMessage({ session: { id: 'x', namespaces: { public: { utm_campaign: { value: 'unversioned' } } } } })
    await nextMessage()
    expect(tab.campaign()).toBe('good')
    expect(tab.queryClient.getQueryData<Session>(sessionKeys.session)?.id).toEqual(expect.any(String))
  })

  it("does not apply a change made before its tab heard of this tab's latest write: it reads the server once instead", async () => {
    const tab = await openTab()
    await tab.runtime.write({ utm_campaign: 'confirmed-here' })
    const before = sessionRequests().length
    // Another tab (or a forger) says the session is 'older', knowing of none of this tab's writes.
    const stale = { id: 'other', namespaces: { public: { utm_campaign: { value: 'older' } } } }
    rawChannel().postMessage({ v: 2, tab: 'elsewhere', writes: 1, heard: {}, session: stale })
    await nextMessage()
    expect(tab.campaign()).toBe('confirmed-here')
    expect(sessionRequests().slice(before).map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /api/sessions?items=*'])
    // A message of the old format (ordered by a clock) is ignored.
    rawChannel().postMessage({ v: 1, at: Date.now() + 60_000, session: stale })
    await nextMessage()
    expect(tab.campaign()).toBe('confirmed-here')
    expect(sessionRequests()).toHaveLength(before + 1)
  })

  it('converges on what the server holds when two writes cross: A applied first and answered last, B applied second and answered first', async () => {
    const a = await openTab()
    const b = await openTab()
    let applied!: () => void
    let release!: () => void
    const appliedA = new Promise<void>((resolve) => (applied = resolve))
    const answerA = new Promise<void>((resolve) => (release = resolve))
    // A's PATCH is applied by the server at once; its answer is held until B's write is over.
    server.use(
      http.patch('/api/sessions', async ({ request, cookies }) => {
        const answer = await mock.respond(request, cookies)
        applied()
        await answerA
        return answer
      }, { once: true }),
    )
    const before = sessionRequests().length
    const writeA = a.runtime.write({ utm_campaign: 'from-A' })
    await appliedA
    await b.runtime.write({ utm_campaign: 'from-B' })
    await nextMessage() // B's confirmed change reaches A while A's PATCH is still out
    release()
    await writeA
    await nextMessage()
    await nextMessage()
    // One re-read, by the tab whose write crossed; B takes A's re-read with no request.
    expect(sessionRequests().slice(before).map(({ method }) => method)).toEqual(['PATCH', 'PATCH', 'GET'])
    expect(a.campaign()).toBe('from-B')
    expect(b.campaign()).toBe('from-B')
    expect((await createSessionClient().getSession()).namespaces.public?.utm_campaign?.value).toBe('from-B')
  })

  it("keeps another tab's write confirmed while this tab's write was failing", async () => {
    const first = await openTab()
    const second = await openTab()
    // The second tab's PATCH fails, slowly; the first tab's write is confirmed meanwhile.
    server.use(
      http.patch('/api/sessions', async () => {
        await delay(80)
        return HttpResponse.json({ error: { message: 'down' } }, { status: 500 })
      }, { once: true }),
    )
    const failing = second.runtime.write({ utm_source: 'lost' })
    expect(second.queryClient.getQueryData<Session>(sessionKeys.session)?.namespaces.public?.utm_source?.value).toBe('lost')
    await nextMessage()
    await first.runtime.write({ utm_campaign: 'from-first' })
    await expect(failing).rejects.toMatchObject({ kind: 'http', status: 500 })
    await nextMessage()
    const shown = second.queryClient.getQueryData<Session>(sessionKeys.session)?.namespaces.public
    expect(shown?.utm_campaign?.value).toBe('from-first')
    expect(shown?.utm_source).toBeUndefined()
  })
})
