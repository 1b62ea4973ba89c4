import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, regionPolicy, usePublicField, useRegionGate, type RegionPolicy } from '../src/index'
import { createWrapper, holdNextSessionRequest } from './harness'


const policies: Array<[string, RegionPolicy | undefined]> = [
  ['with a region policy', regionPolicy({})],
  ['without a region policy', undefined],
]

describe('the session as found, when this page writes a field that is not the place before its first read lands', () => {
  it.each(policies)("%s: the session's own place stays `session`", async (_name, region) => {
    await createSessionClient({ baseUrl: 'http://localhost:3000' }).editSession({ country: 'BRA', postalCode: '01310-100' })
    const read = holdNextSessionRequest('get')
    const { result } = renderHook(() => ({ gate: useRegionGate(), campaign: usePublicField('utm_campaign') }), createWrapper({ strict: true, region }))
    await waitFor(() => expect(read.arrived).toBe(true))
    let written!: Promise<void>
    act(() => {
      written = result.current.campaign[1]('spring')
    })
    await act(() => written)
    read.release()
    await waitFor(() => expect(result.current.gate.status).toBe('set'))
    expect(result.current.gate).toMatchObject({ status: 'set', source: 'session' })
  })
})
