import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createSessionClient,
  segmentQueryOptions,
  sessionQueryOptions,
  usePublicField,
  useRegion,
  useSegment,
  useSegmentKey,
  useSession,
  useSessionRefresh,
  usePriceTables,
  useCampaigns,
  useUpdateSession,
  type PublicFieldUpdate,
  type RegionInput,
  type Segment,
  type Session,
  type SessionClient,
  type SessionError,
  type SessionErrorKind,
  type SessionProviderProps,
} from '../src/index'

describe('hook types', () => {
  it('useSession is a query of Session, or of what select picks, failing with SessionError', () => {
    expectTypeOf(useSession()).toEqualTypeOf<UseQueryResult<Session, SessionError>>()
    expectTypeOf(useSession({ select: (session) => session.id })).toEqualTypeOf<UseQueryResult<string, SessionError>>()
  })

  it('useSegment is a query of Segment whose fields may be null', () => {
    expectTypeOf(useSegment()).toEqualTypeOf<UseQueryResult<Segment, SessionError>>()
    expectTypeOf<Segment['regionId']>().toEqualTypeOf<string | null | undefined>()
  })

  it('usePublicField is a readonly [value, setValue, state] tuple', () => {
    const [value, setValue, state] = usePublicField('utm_campaign')
    expectTypeOf(value).toEqualTypeOf<string | undefined>()
    expectTypeOf(setValue).toEqualTypeOf<(value: string) => Promise<void>>()
    expectTypeOf(state).toEqualTypeOf<{ isPending: boolean; error: SessionError | null; reset: () => void }>()
    // @ts-expect-error values are strings
    void setValue(42)
    // @ts-expect-error the tuple is readonly
    usePublicField('a')[0] = 'x'
  })

  it('useRegion takes a postal code or [longitude, latitude]', () => {
    const region = useRegion()
    expectTypeOf(region.regionId).toEqualTypeOf<string | undefined>()
    expectTypeOf(region.error).toEqualTypeOf<SessionError | null>()
    expectTypeOf(region.setRegion).parameter(0).toEqualTypeOf<RegionInput>()
    void region.setRegion({ country: 'BRA', postalCode: '22250-040' })
    void region.setRegion({ country: 'BRA', geoCoordinates: [-43.18, -22.97] })
    // @ts-expect-error coordinates are a [longitude, latitude] pair
    void region.setRegion({ country: 'BRA', geoCoordinates: [-43.18] })
    // @ts-expect-error a country is required
    void region.setRegion({ postalCode: '22250-040' })
    expectTypeOf(region.locate).toEqualTypeOf<(country?: string) => Promise<void>>()
    expectTypeOf(region.reset).toEqualTypeOf<() => void>()
  })

  it('useSessionRefresh has the write hooks\' isPending, error and reset', () => {
    expectTypeOf(useSessionRefresh()).toEqualTypeOf<{
      refreshSession: () => Promise<void>
      isPending: boolean
      error: SessionError | null
      reset: () => void
    }>()
  })

  it('usePriceTables and useCampaigns tell loading and errors apart from an empty list', () => {
    expectTypeOf(usePriceTables()).toEqualTypeOf<{ priceTables: readonly string[]; isPending: boolean; error: SessionError | null }>()
    expectTypeOf(useCampaigns()).toEqualTypeOf<{ campaigns: readonly string[]; isPending: boolean; error: SessionError | null }>()
  })

  it('SessionProvider takes captureUtm and syncTabs as booleans', () => {
    expectTypeOf<SessionProviderProps['captureUtm']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<SessionProviderProps['syncTabs']>().toEqualTypeOf<boolean | undefined>()
  })

  it('useUpdateSession is a mutation of public fields to Session', () => {
    expectTypeOf(useUpdateSession()).toEqualTypeOf<UseMutationResult<Session, SessionError, PublicFieldUpdate>>()
    // Undeclared fields are plain strings: any name, string values.
    expectTypeOf(useUpdateSession().mutateAsync).toBeCallableWith({ utm_source: 'mail', anything: 'x' })
  })

  it('useSegmentKey is an opaque string, undefined until the segment is loaded', () => {
    expectTypeOf(useSegmentKey()).toEqualTypeOf<string | undefined>()
  })

  it('the queryOptions factories work with useSuspenseQuery', () => {
    const client: SessionClient = createSessionClient()
    expectTypeOf(useSuspenseQuery(sessionQueryOptions(client)).data).toEqualTypeOf<Session>()
    expectTypeOf(useSuspenseQuery(segmentQueryOptions(client)).data).toEqualTypeOf<Segment>()
  })

  it('SessionError has a kind and an optional status', () => {
    expectTypeOf<SessionError['kind']>().toEqualTypeOf<SessionErrorKind>()
    expectTypeOf<SessionErrorKind>().toEqualTypeOf<'network' | 'http' | 'invalid-response' | 'invalid-input'>()
    expectTypeOf<SessionError['status']>().toEqualTypeOf<number | undefined>()
  })

  it('the client returns tokens from a plain edit and the session with items', () => {
    const client = createSessionClient()
    expectTypeOf(client.editSession({ a: '1' })).resolves.toEqualTypeOf<{ sessionToken: string; segmentToken: string }>()
    expectTypeOf(client.editSession({ a: '1' }, { items: '*' })).resolves.toEqualTypeOf<Session>()
  })
})
