import type { Meta, StoryObj } from '@storybook/react-vite'
import { PostalCodeSelector } from './examples/PostalCodeSelector'
import { PriceList } from './examples/PriceList'

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

/** With the price list beside it: a new postal code re-prices the grid in place. */
export const WithPrices: Story = {
  render: () => (
    <>
      <PostalCodeSelector />
      <PriceList />
    </>
  ),
}
