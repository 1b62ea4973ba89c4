import type { Meta, StoryObj } from '@storybook/react-vite'
import type { SessionStoryParameters } from '../.storybook/preview'
import { utmCapture } from 'vtex-session-react'
import { UtmCampaign } from './examples/UtmCampaign'

const meta: Meta<typeof UtmCampaign> = {
  title: 'Storefront/UTM campaign',
  component: UtmCampaign,
  parameters: {
    session: { captureUtm: utmCapture },
    docs: {
      description: {
        component:
          '`<SessionProvider captureUtm={utmCapture}>`: `?utm_campaign=…&utm_source=…` in the page URL reach the public namespace with the ' +
          'first load — one `PATCH ?items=*` in place of the GET — and the segment carries them on (campaign audiences and ' +
          'promotions key on them). Open the story’s iframe with `&utm_campaign=black-friday&utm_source=newsletter`, or see ' +
          'the *Landing from a newsletter* story.',
      },
    },
  } satisfies SessionStoryParameters & Record<string, unknown>,
}
export default meta

type Story = StoryObj<typeof UtmCampaign>

/** Reads the real page URL. */
export const FromPageUrl: Story = {}

/** As if the shopper had landed on `/?utm_campaign=black-friday&utm_source=newsletter`. */
export const LandingFromANewsletter: Story = {
  parameters: { landingQuery: 'utm_campaign=black-friday&utm_source=newsletter' } satisfies SessionStoryParameters,
}
