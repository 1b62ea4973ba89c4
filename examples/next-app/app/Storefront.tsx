'use client'

// The same storefront as the Storybook demo and the other examples: one set of components.
export { Storefront } from '../../../stories/examples/Storefront'
