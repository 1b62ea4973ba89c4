import { QueryClient } from '@tanstack/react-query'
import { delay, http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { createSessionClient, segmentQueryOptions, sessionKeys, utmFieldsOf, type Session } from '../src/index'
import { createSessionWriter } from '../src/react/createSessionWriter'
import { connectTabs } from '../src/react/connectTabs'
import { server, sessionRequests } from './harness'

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

describe('utmFieldsOf', () => {
  it('takes the six UTM parameters of a query string and nothing else', () => {
    expect(
      utmFieldsOf('?utm_source=newsletter&utm_medium=email&utm_campaign=black-friday&utmi_campaign=x&utmi_page=p&utmi_part=q&page=2&utm_term='),
    ).toEqual({ utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'black-friday', utmi_campaign: 'x', utmi_page: 'p', utmi_part: 'q' })
    expect(utmFieldsOf('')).toEqual({})
  })

  it('with a session, leaves out what it already holds with the same value', () => {
    const session: Session = { id: 's', namespaces: { public: { utm_source: { value: 'newsletter' }, utm_campaign: { value: 'spring' } } } }
    expect(utmFieldsOf('?utm_source=newsletter&utm_campaign=black-friday', session)).toEqual({ utm_campaign: 'black-friday' })
  })
})

describe('a segment read in flight during a write', () => {
  it('does not land after the write and bring back the old segment', async () => {
    const client = createSessionClient()
    const queryClient = new QueryClient()
    queryClient.setQueryData(sessionKeys.session, await client.getSession())
    const writer = createSessionWriter(client, queryClient)
    const oldSegment = await client.getSegment()
    queryClient.setQueryData(sessionKeys.segment, oldSegment)
    // A read of the segment that the server answered before the write, delivered after it.
    server.use(
      http.get('/api/segments', async () => {
        await delay(150)
        return HttpResponse.json(oldSegment)
      }, { once: true }),
    )
    void queryClient.fetchQuery({ ...segmentQueryOptions(client), staleTime: 0 }).catch(() => {})
    await new Promise((resolve) => setTimeout(resolve, 10))
    await writer.write({ country: 'BRA', postalCode: '22250-040' })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(queryClient.getQueryData<{ regionId: string }>(sessionKeys.segment)?.regionId).toBe('v2.1BB18CE648B5111D0933734ED83EC783')
  })
})
