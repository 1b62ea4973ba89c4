import type { Meta, StoryObj } from '@storybook/react-vite'
import { PostalCodeSelector } from './examples/PostalCodeSelector'
import { PricedPostalCodeSelector } from './examples/PricedPostalCodeSelector'
import { demoSessionManager } from './support/demoSessionManager'

const meta: Meta<typeof PostalCodeSelector> = {
  title: 'Storefront/Postal code selector',
  component: PostalCodeSelector,
  parameters: {
    docs: {
      description: {
        component:
          'Country + postal code, checked per country as you type; Enter submits. `useRegion().setRegion` PATCHes the session; ' +
          'the Session Manager (here its emulator) answers with the new region, and prices re-price in place — no reload. ' +
          'Try `22250-040` (Rio), `01310-100` (São Paulo), `99999-999` (no region), or GBR `SE10 0GP`.',
      },
    },
  },
}
export default meta

type Story = StoryObj<typeof PostalCodeSelector>

export const Default: Story = {}

/**
 * With the price list beside it: a new postal code re-prices the grid in place. Typing a complete
 * code warms that region's prices (`useRegionPrefetch`), so Apply shows them one round trip later.
 */
export const WithPrices: Story = {
  render: () => <PricedPostalCodeSelector />,
}

/** The Session Manager answers 503 to every write: the selector says so and keeps the last region. */
export const ServerFailure: Story = {
  beforeEach() {
    demoSessionManager.fail({ kind: 'http', status: 503 }, { method: 'PATCH', times: Number.MAX_SAFE_INTEGER })
  },
}
