import type { Preview } from '@storybook/react-vite'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { useState, type ReactNode } from 'react'
import { SessionProvider } from '../src/index'
import { demoSessionManager, usesEmulator } from '../stories/support/demoSessionManager'

/** A fresh QueryClient per story, as an app has one per page. */
function StoryProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>{children}</SessionProvider>
    </QueryClientProvider>
  )
}

const preview: Preview = {
  loaders: [mswLoader()],
  beforeEach({ msw }) {
    if (!usesEmulator) return
    demoSessionManager.reset()
    msw.use(...demoSessionManager.handlers)
  },
  decorators: [
    (Story, context) => (
      <StoryProviders key={context.id}>
        <Story />
      </StoryProviders>
    ),
  ],
  parameters: { layout: 'padded' },
}

export default preview
