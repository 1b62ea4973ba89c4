import { useQuery } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, sessionQueryOptions, useCampaigns, usePriceTables, useSession, type Session } from '../src/index'
import { createSessionManagerMock } from '../src/testing/index'
import { createWrapper, mock, server } from './harness'

const idOf = (prefix: string) => (session: Session) => `${prefix}${session.id}`

describe('useSession().loadError', () => {
  it('costs no render beyond React Query’s own result, when the select changes with a prop', async () => {
    const client = createSessionClient()
    const { wrapper } = createWrapper({ client })
    let withLoadError = 0
    let plain = 0
    const ours = renderHook(({ prefix }) => {
      withLoadError += 1
      return useSession({ select: idOf(prefix) }).data
    }, { wrapper, initialProps: { prefix: 'a:' } })
    const theirs = renderHook(({ prefix }) => {
      plain += 1
      return useQuery({ ...sessionQueryOptions(client), select: idOf(prefix) }).data
    }, { wrapper, initialProps: { prefix: 'a:' } })
    await waitFor(() => expect(ours.result.current).toMatch(/^a:/))
    await waitFor(() => expect(theirs.result.current).toMatch(/^a:/))
    const [oursBefore, plainBefore] = [withLoadError, plain]
    ours.rerender({ prefix: 'b:' })
    theirs.rerender({ prefix: 'b:' })
    await waitFor(() => expect(ours.result.current).toMatch(/^b:/))
    expect(withLoadError - oursBefore).toBe(plain - plainBefore)
  })

  it('shows in a spread and in a rest, and equals error', async () => {
    mock.fail({ kind: 'http', status: 503 }, { path: '/api/sessions' })
    const { result } = renderHook(() => {
      const { data, ...rest } = useSession()
      return { data, rest, spread: { ...useSession() } }
    }, createWrapper())
    await waitFor(() => expect(result.current.rest.loadError).toMatchObject({ kind: 'http', status: 503 }))
    expect(result.current.rest.loadError).toBe(result.current.rest.error)
    expect(result.current.spread.loadError).toBe(result.current.spread.error)
    expect('loadError' in result.current.rest).toBe(true)
  })
})

describe('usePriceTables and useCampaigns when a session refetch fails', () => {
  it('keep the list they fell back to from the segment, and show the failed read as loadError', async () => {
    const store = createSessionManagerMock({ store: { priceTables: 'gold', campaigns: 'always-on' } })
    server.use(...store.handlers)
    const { result } = renderHook(() => ({ tables: usePriceTables(), campaigns: useCampaigns(), session: useSession() }), createWrapper())
    await waitFor(() => expect(result.current.tables.priceTables).toEqual(['gold']))
    store.fail({ kind: 'http', status: 500 }, { path: '/api/sessions' })
    await act(() => result.current.session.refetch())
    await waitFor(() => expect(result.current.tables.loadError).toMatchObject({ kind: 'http', status: 500 }))
    expect(result.current.tables.priceTables).toEqual(['gold'])
    expect(result.current.campaigns.campaigns).toEqual(['always-on'])
  })
})

