import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useRegion, useSegment } from '../src/index'
import { createWrapper, mock } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'

describe('a message without a segment, and the receiving tab’s segment read fails once', () => {
  it('the new region is never shown beside the old segment (national prices under Rio)', async () => {
    // The sending tab reads no segment: its message carries none.
    const sender = renderHook(() => useRegion(), createWrapper())
    await waitFor(() => expect(sender.result.current.isLoading).toBe(false))
    const rendered: string[] = []
    renderHook(() => {
      const region = useRegion()
      const segment = useSegment()
      const line = `region ${region.regionId ?? 'none'} · segment ${segment.data ? (segment.data.regionId ?? 'national') : 'none'}`
      if (rendered.at(-1) !== line) rendered.push(line)
      return { region, segment }
    }, createWrapper())
    await waitFor(() => expect(rendered.at(-1)).toBe('region none · segment national'))
    // A blip at /api/segments as the receiving tab reads session and segment again.
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/segments' })
    await act(() => sender.result.current.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)))
    expect({ mixed: rendered.filter((line) => line === `region ${RIO} · segment national`), last: rendered.at(-1) }).toEqual({
      mixed: [],
      last: `region ${RIO} · segment ${RIO}`,
    })
  })
})
