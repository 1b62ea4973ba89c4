import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { usePublicField, useRegion, useSegment, useSession } from '../src/index'
import { renderWithSession, sessionRequests } from './harness'

function SessionId() {
  const { data } = useSession()
  return <p>session {data?.id ?? 'loading'}</p>
}

function Campaign() {
  const [campaign] = usePublicField('utm_campaign')
  return <p>campaign {campaign ?? 'none'}</p>
}

function RegionLabel() {
  const { regionId } = useRegion()
  return <p>region {regionId ?? 'none'}</p>
}

describe('SessionProvider', () => {
  it('loads the session with one GET ?items=* for many consumers under StrictMode', async () => {
    renderWithSession(
      <>
        <SessionId />
        <SessionId />
        <Campaign />
        <RegionLabel />
      </>,
      { strict: true },
    )
    expect(await screen.findAllByText(/^session 0000/)).toHaveLength(2)
    expect(sessionRequests().map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /api/sessions?items=*'])
  })
})
