import type { Meta, StoryObj } from '@storybook/react-vite'
import type { SessionStoryParameters } from '../.storybook/preview'
import { TwoTabs } from './examples/TwoTabs'

const meta: Meta<typeof TwoTabs> = {
  title: 'Storefront/Two tabs',
  component: TwoTabs,
  parameters: {
    // Each tab brings its own QueryClient and SessionProvider.
    session: false,
    docs: {
      description: {
        component:
          'Two providers with their own caches, as two browser tabs have. A region set in *Tab 1* reaches *Tab 2* through ' +
          '`BroadcastChannel` (`<SessionProvider syncTabs>`, on by default): its region, segment and prices update in place, ' +
          'and it sends no session request of its own. Open this story in two real tabs and it works across them too.',
      },
    },
  } satisfies SessionStoryParameters & Record<string, unknown>,
}
export default meta

export const Default: StoryObj<typeof TwoTabs> = {}
