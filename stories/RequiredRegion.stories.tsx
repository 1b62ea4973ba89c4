import type { Meta, StoryObj } from '@storybook/react-vite'
import { regionPolicy } from 'vtex-session-react'
import type { SessionStoryParameters } from '../.storybook/preview'
import { defaultStoreSettings } from 'vtex-session-react/testing'
import { RequiredRegionStorefront } from './examples/RequiredRegion'

const meta: Meta<typeof RequiredRegionStorefront> = {
  title: 'Storefront/Required region',
  component: RequiredRegionStorefront,
  parameters: {
    storefrontPage: true,
    session: { region: regionPolicy({ required: true, default: defaultStoreSettings.defaultPlace }) },
    docs: {
      description: {
        component:
          '`<SessionProvider region={regionPolicy({ required: true, default })}>`: a store whose prices need a place. ' +
          'On a first visit `useRegionGate()` says `needed`: the search is held (no request for national prices) and ' +
          '`<RegionGate>` asks, pre-filled with the store’s default. A Google regional ad (`?region_id=`) lands already ' +
          'priced: the place is written with the first load (one `PATCH ?items=*`) and the question never shows.',
      },
    },
  } satisfies SessionStoryParameters & Record<string, unknown>,
}
export default meta

type Story = StoryObj<typeof RequiredRegionStorefront>

/** A first visit: no place, no ad. */
export const FirstVisit: Story = {}

/** As if the shopper had clicked a Google Shopping regional ad for Botafogo, Rio de Janeiro. */
export const FromAGoogleAd: Story = {
  // Google's region_id: Base64 of `vtex:{country}:{postal code, digits only}`.
  parameters: { landingQuery: `region_id=${encodeURIComponent(btoa('vtex:BRA:22250040'))}` } satisfies SessionStoryParameters,
}
