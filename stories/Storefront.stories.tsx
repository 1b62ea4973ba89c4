import type { Meta, StoryObj } from '@storybook/react-vite'
import { Storefront } from './examples/Storefront'

const meta: Meta<typeof Storefront> = {
  title: 'Storefront/Cart and delivery promise',
  component: Storefront,
  parameters: {
    storefrontPage: true,
    docs: {
      description: {
        component:
          'A storefront page on the emulator: the header writes the region (postal code) and the delivery promise ' +
          '(`useDeliveryPromise`, in `public.facets`); the grid re-prices by `useSegmentKey()`, and `<CartSync>` writes the ' +
          'cart’s shipping data once per confirmed change, so the minicart (`useOrderForm`) re-prices in place. The Centro ' +
          'locker holds no grinder: picking up there makes it unavailable in the grid and the cart.',
      },
    },
  },
}
export default meta

export const Default: StoryObj<typeof Storefront> = {}
