'use client'

// The same copyable components as the Storybook demos.
import { PricedPostalCodeSelector } from '../../../stories/examples/PricedPostalCodeSelector'

export function Storefront() {
  return <PricedPostalCodeSelector />
}
