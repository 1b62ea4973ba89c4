import type { Meta, StoryObj } from '@storybook/react-vite'
import { PostalCodeSelector } from './examples/PostalCodeSelector'
import { PriceList } from './examples/PriceList'

const meta: Meta<typeof PriceList> = {
  title: 'Storefront/Region-aware price list',
  component: PriceList,
  parameters: {
    docs: {
      description: {
        component:
          'A product grid whose prices come from the emulator’s demo endpoint, which prices per segment (region and price table). ' +
          'Its query key holds `useSegmentKey()`, so a region change refetches it exactly once; `keepPreviousData` keeps the old ' +
          'prices (dimmed) until the new ones arrive — no flash of empty content.',
      },
    },
  },
  render: () => (
    <>
      <PostalCodeSelector />
      <PriceList />
    </>
  ),
}
export default meta

export const Default: StoryObj<typeof PriceList> = {}
