import { QueryClient } from '@tanstack/react-query'
import { delay, http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { createSessionClient, sessionKeys, type Session } from '../src/index'
import { runtimeFor } from '../src/runtime/index'
import { server, sessionRequests } from './harness'

const stops: Array<() => void> = []
afterEach(() => stops.splice(0).forEach((stop) => stop()))

/** One "tab": its own cache and runtime, joined to the channel of `baseUrl`. */
async function openTab(baseUrl = '') {
  const client = createSessionClient({ baseUrl })
  const queryClient = new QueryClient()
  const runtime = runtimeFor(queryClient, client)
  queryClient.setQueryData(runtime.keys.session, await createSessionClient().getSession())
  stops.push(runtime.connectTabs())
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

  it('ignores a message that breaks the schema (another build) and keeps the good session', async () => {
    const tab = await openTab()
    await tab.runtime.write({ utm_campaign: 'good' })
    rawChannel().postMessage({ v: 1, at: Date.now() + 1000, session: { id: 42, namespaces: 'broken' } })
    rawChannel().postMessage({ session: { id: 'x', namespaces: { public: { utm_campaign: { value: 'unversioned' } } } } })
    await nextMessage()
    expect(tab.campaign()).toBe('good')
    expect(tab.queryClient.getQueryData<Session>(sessionKeys.session)?.id).toEqual(expect.any(String))
  })

  it('ignores a message older than what this tab confirmed', async () => {
    const tab = await openTab()
    const confirmedAt = Date.now()
    await tab.runtime.write({ utm_campaign: 'newer' })
    const stale = { id: 'old', namespaces: { public: { utm_campaign: { value: 'older' } } } }
    rawChannel().postMessage({ v: 1, at: confirmedAt - 60_000, session: stale })
    await nextMessage()
    expect(tab.campaign()).toBe('newer')
    // A newer one lands.
    rawChannel().postMessage({ v: 1, at: Date.now() + 1, session: { ...stale, id: tab.queryClient.getQueryData<Session>(sessionKeys.session)?.id } })
    await nextMessage()
    expect(tab.campaign()).toBe('older')
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
