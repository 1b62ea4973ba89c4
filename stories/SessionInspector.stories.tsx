import type { Meta, StoryObj } from '@storybook/react-vite'
import { SessionInspector } from './examples/SessionInspector'

const meta: Meta<typeof SessionInspector> = {
  title: 'Tools/Session inspector',
  component: SessionInspector,
  parameters: {
    docs: {
      description: {
        component:
          'Every namespace of the session (`useSession`) and the decoded segment (`useSegment`), live. Save any public field ' +
          'with `useUpdateSession`: the table and the segment update in place. Try `utm_campaign`, or `country` + `postalCode`.',
      },
    },
  },
}
export default meta

export const Default: StoryObj<typeof SessionInspector> = {}
