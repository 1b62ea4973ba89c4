'use client'

// The same copyable components as the Storybook demos.
import { PostalCodeSelector } from '../../../stories/examples/PostalCodeSelector'
import { PriceList } from '../../../stories/examples/PriceList'

export function Storefront() {
  return (
    <>
      <PostalCodeSelector />
      <PriceList />
    </>
  )
}
