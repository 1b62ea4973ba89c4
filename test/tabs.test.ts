import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import { createSessionClient, sessionKeys, type Session } from '../src/index'
import { createSessionWriter } from '../src/react/createSessionWriter'
import { connectTabs } from '../src/react/connectTabs'
import { sessionRequests } from './harness'

const stops: Array<() => void> = []
afterEach(() => stops.splice(0).forEach((stop) => stop()))

/** One "tab": its own cache and write queue, joined to the channel of `baseUrl`. */
async function openTab(baseUrl = '') {
  const client = createSessionClient({ baseUrl })
  const queryClient = new QueryClient()
  queryClient.setQueryData(sessionKeys.session, await createSessionClient().getSession())
  const writer = createSessionWriter(client, queryClient)
  stops.push(connectTabs(queryClient, writer, baseUrl))
  return { queryClient, writer, session: () => queryClient.getQueryData<Session>(sessionKeys.session) }
}

const nextMessage = () => new Promise((resolve) => setTimeout(resolve, 30))

describe('connectTabs', () => {
  it('brings a write in one tab into every other tab of the same baseUrl, with no echo', async () => {
    const first = await openTab()
    const second = await openTab()
    const before = sessionRequests().length
    await first.writer.write({ utm_campaign: 'from-tab-1' })
    await nextMessage()
    expect(second.session()?.namespaces.public?.utm_campaign?.value).toBe('from-tab-1')
    // One write, one PATCH: the receiving tab neither requests nor writes back.
    expect(sessionRequests().slice(before).map(({ method }) => method)).toEqual(['PATCH'])
  })

  it('keeps tabs of another baseUrl apart', async () => {
    const first = await openTab()
    const other = await openTab('http://localhost:3000')
    await first.writer.write({ utm_campaign: 'only-here' })
    await nextMessage()
    expect(other.session()?.namespaces.public?.utm_campaign).toBeUndefined()
  })
})
