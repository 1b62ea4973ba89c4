import { describe, expectTypeOf, it } from 'vitest'
import { usePublicField, useUpdateSession } from '../src/index'

// What an app writes once, e.g. in src/vtex-session.d.ts. (Consumers name the package:
// `declare module 'vtex-session-react'`; this repository augments the source it builds from.)
declare module '../src/core/types' {
  interface PublicFields {
    favoriteStore: string
    deliveryMode: 'pickup' | 'delivery'
  }
}

describe('typed custom public fields', () => {
  it('types a declared field by its declaration', () => {
    const [mode, setMode] = usePublicField('deliveryMode')
    expectTypeOf(mode).toEqualTypeOf<'pickup' | 'delivery' | undefined>()
    expectTypeOf(setMode).parameter(0).toEqualTypeOf<'pickup' | 'delivery'>()
    void setMode('pickup')
    // @ts-expect-error not one of the declared values
    void setMode('drone')
    expectTypeOf(usePublicField('favoriteStore')[0]).toEqualTypeOf<string | undefined>()
  })

  it('keeps undeclared names working as strings', () => {
    const [campaign, setCampaign] = usePublicField('utm_campaign')
    expectTypeOf(campaign).toEqualTypeOf<string | undefined>()
    expectTypeOf(setCampaign).parameter(0).toEqualTypeOf<string>()
  })

  it('types useUpdateSession by the declaration too', () => {
    const update = useUpdateSession()
    void update.mutateAsync({ deliveryMode: 'delivery', favoriteStore: 'store-42', utm_source: 'mail' })
    // @ts-expect-error not one of the declared values
    void update.mutateAsync({ deliveryMode: 'drone' })
  })
})
