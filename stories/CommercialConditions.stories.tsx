import type { Meta, StoryObj } from '@storybook/react-vite'
import type { SessionStoryParameters } from '../.storybook/preview'
import { B2BBuyer } from './examples/B2BBuyer'
import { CampaignBanner } from './examples/CampaignBanner'
import { LocaleSwitcher } from './examples/LocaleSwitcher'
import { PriceList } from './examples/PriceList'
import { SalesChannelSwitcher } from './examples/SalesChannelSwitcher'
import { utmCapture } from 'vtex-session-react'
import { UtmCampaign } from './examples/UtmCampaign'
import { demoSessionManager } from './support/demoSessionManager'

const meta: Meta = {
  title: 'Storefront/Commercial conditions',
  parameters: {
    docs: {
      description: {
        component:
          'Sales channel, locale, B2B price tables and Campaign Audiences, each changed in place with the same write queue as ' +
          '`setRegion`: the segment changes and the price list (keyed by `useSegmentKey()`) re-prices once. The emulator plays ' +
          'the Session Manager’s server-side rules: policy 2 sells in USD, policy 3 is private to `buyer@b2b.example`, ' +
          '`b2b…` price tables take 20% off and the `black-friday` audience 10%.',
      },
    },
  },
}
export default meta

type Story = StoryObj

/** Switch the sales channel: currency and prices follow; the private B2B channel answers 401 to an anonymous shopper. */
export const SalesChannelSwitcherStory: Story = {
  name: 'Sales channel switcher',
  render: () => (
    <>
      <SalesChannelSwitcher />
      <PriceList />
    </>
  ),
}

/** Switch the locale: language and formats change, the currency stays the sales channel's. */
export const LocaleSwitcherStory: Story = {
  name: 'Locale switcher',
  render: () => <LocaleSwitcher />,
}

/**
 * Log in / log out without a reload: the login happens outside the Session Manager (VTEX ID;
 * here the emulator), `refreshSession()` re-reads session and segment, price tables reach the
 * segment, prices drop, policy 3 opens; logging out brings the anonymous prices back.
 */
export const LogInLogOut: Story = {
  name: 'Log in / log out without a reload',
  render: () => (
    <>
      <B2BBuyer sessionManager={demoSessionManager} />
      <SalesChannelSwitcher />
      <PriceList />
    </>
  ),
}

/** Land from `?utm_campaign=black-friday`: the session joins the audience, a banner shows, prices drop 10%. */
export const CampaignAudienceBanner: Story = {
  name: 'Campaign audience banner from a UTM link',
  parameters: {
    session: { captureUtm: utmCapture },
    landingQuery: 'utm_campaign=black-friday&utm_source=newsletter',
  } satisfies SessionStoryParameters,
  render: () => (
    <>
      <UtmCampaign />
      <CampaignBanner />
      <PriceList />
    </>
  ),
}
