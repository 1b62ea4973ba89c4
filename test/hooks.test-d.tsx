import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createSessionClient,
  segmentQueryOptions,
  sessionQueryOptions,
  usePublicField,
  useRegion,
  useRegionGate,
  RegionGate,
  useSegment,
  useSegmentKey,
  useSession,
  useSessionRefresh,
  usePriceTables,
  useCampaigns,
  useUpdateSession,
  useLocale,
  useSalesChannel,
  utmCapture,
  type PublicFieldUpdate,
  type UtmCapture,
  type RegionInput,
  type Segment,
  type Session,
  type SessionClient,
  type SessionError,
  type SessionErrorKind,
  type SessionProviderProps,
} from '../src/index'

import { useDeliveryPromise, useOrderForm, type CartLine } from '../src/checkout/index'

/** The result contract, once: the read's state, and a writing hook's own write. */
type Read = { isLoading: boolean; loadError: SessionError | null }
type Write = { isPending: boolean; error: SessionError | null; reset: () => void }
type Loaded<T> = UseQueryResult<T, SessionError> & { readonly loadError: SessionError | null }

describe('hook types', () => {
  it('useSession is a query of Session, or of what select picks, failing with SessionError', () => {
    expectTypeOf(useSession()).toEqualTypeOf<Loaded<Session>>()
    expectTypeOf(useSession({ select: (session) => session.id })).toEqualTypeOf<Loaded<string>>()
  })

  it('useSegment is a query of Segment whose fields may be null', () => {
    expectTypeOf(useSegment()).toEqualTypeOf<Loaded<Segment>>()
    expectTypeOf<Segment['regionId']>().toEqualTypeOf<string | null | undefined>()
  })

  it('usePublicField is a readonly [value, setValue, state] tuple', () => {
    const [value, setValue, state] = usePublicField('utm_campaign')
    expectTypeOf(value).toEqualTypeOf<string | undefined>()
    expectTypeOf(setValue).toEqualTypeOf<(value: string) => Promise<void>>()
    expectTypeOf(state).toEqualTypeOf<{ isLoading: boolean; loadError: SessionError | null; isPending: boolean; error: SessionError | null; reset: () => void }>()
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
    expectTypeOf(region).toExtend<Read & Write>()
  })

  it('useRegionGate: failed carries the SessionError, the other states the last read error if any', () => {
    const gate = useRegionGate()
    expectTypeOf(gate.status).toEqualTypeOf<'resolving' | 'needed' | 'set' | 'failed'>()
    expectTypeOf(gate.loadError).toEqualTypeOf<SessionError | null>()
    expectTypeOf(gate.retry).toEqualTypeOf<() => Promise<void>>()
    if (gate.status === 'failed') expectTypeOf(gate.loadError).toEqualTypeOf<SessionError>()
    void RegionGate({ ask: () => null, loadError: (failed) => (expectTypeOf(failed.loadError).toEqualTypeOf<SessionError>(), failed.loadError.message) })
  })

  it('every hook that reads and writes follows the one result contract', () => {
    expectTypeOf(useLocale()).toExtend<Read & Write & { setLocale: (cultureInfo: string) => Promise<void> }>()
    expectTypeOf(useSalesChannel()).toExtend<Read & Write & { salesChannel: string | undefined; setSalesChannel: (salesChannel: string) => Promise<void> }>()
    expectTypeOf(useOrderForm()).toExtend<Read & Write & { isSyncing: boolean; syncError: SessionError | null }>()
    expectTypeOf(useDeliveryPromise()).toExtend<Read & Write & { syncError: SessionError | null }>()
  })

  it("a cart line keeps its shape; `pending` is optional, true only while the line's change is on its way", () => {
    expectTypeOf(useOrderForm().items[0]!).toEqualTypeOf<CartLine>()
    expectTypeOf<CartLine>().toExtend<{ id: string; name: string; quantity: number; price: number; imageUrl: string | undefined; available: boolean }>()
    expectTypeOf<CartLine['pending']>().toEqualTypeOf<true | undefined>()
  })

  it('useSessionRefresh has the write hooks\' isPending, error and reset', () => {
    expectTypeOf(useSessionRefresh()).toEqualTypeOf<{
      refreshSession: () => Promise<void>
      isPending: boolean
      error: SessionError | null
      reset: () => void
    }>()
  })

  it('usePriceTables and useCampaigns only read: the read state tells loading and errors apart from an empty list', () => {
    expectTypeOf(usePriceTables()).toExtend<Read & { priceTables: readonly string[] }>()
    expectTypeOf(useCampaigns()).toExtend<Read & { campaigns: readonly string[] }>()
  })

  it('SessionProvider takes the utmCapture import (never a boolean true) and syncTabs as a boolean', () => {
    expectTypeOf<SessionProviderProps['captureUtm']>().toEqualTypeOf<UtmCapture | false | undefined>()
    expectTypeOf(utmCapture).toEqualTypeOf<UtmCapture>()
    // @ts-expect-error UTM capture is an import of its own, so the app that does not use it does not ship it
    const on: SessionProviderProps['captureUtm'] = true
    void on
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
