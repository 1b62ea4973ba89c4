import type { Meta, StoryObj } from '@storybook/react-vite'
import { UtmCampaign } from './examples/UtmCampaign'

const meta: Meta<typeof UtmCampaign> = {
  title: 'Storefront/UTM campaign',
  component: UtmCampaign,
  parameters: {
    docs: {
      description: {
        component:
          '`?utm_campaign=…&utm_source=…` in the page URL reach the public namespace with one write per page load, and the ' +
          'segment carries them on (campaign audiences and promotions key on them). Open the story’s iframe with ' +
          '`&utm_campaign=black-friday&utm_source=newsletter`, or see the *Landing from a newsletter* story.',
      },
    },
  },
}
export default meta

type Story = StoryObj<typeof UtmCampaign>

/** Reads the real page URL. */
export const FromPageUrl: Story = {}

/** As if the shopper had landed on `/?utm_campaign=black-friday&utm_source=newsletter`. */
export const LandingFromANewsletter: Story = {
  args: { search: '?utm_campaign=black-friday&utm_source=newsletter' },
}
