import type { Preview } from '@storybook/react-vite'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { useState, type ReactNode } from 'react'
import { SessionProvider, type SessionProviderProps } from '../src/index'
import { storefrontCss } from '../stories/examples/storefrontCss'
import { demoSessionManager, usesEmulator } from '../stories/support/demoSessionManager'

/**
 * Story parameters read here:
 * - `session`: props for the story's `<SessionProvider>`, or `false` when the story brings its own providers;
 * - `landingQuery`: query parameters added to the page URL before the providers mount, as if the shopper landed on it;
 * - `storefrontPage`: the story is a whole storefront page (it brings its own look and padding).
 */
export interface SessionStoryParameters {
  session?: Omit<SessionProviderProps, 'children'> | false
  landingQuery?: string
  storefrontPage?: boolean
}

/** A fresh QueryClient per story, as an app has one per page. */
function StoryProviders({ session, children }: { session: Omit<SessionProviderProps, 'children'>; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider {...session}>{children}</SessionProvider>
    </QueryClientProvider>
  )
}

/** Adds `query` to the iframe's URL once (Storybook keeps its own parameters in it). */
function landOn(query: string) {
  const url = new URL(window.location.href)
  for (const [name, value] of new URLSearchParams(query)) url.searchParams.set(name, value)
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url)
}

const preview: Preview = {
  loaders: [mswLoader()],
  beforeEach({ msw, parameters }) {
    const { landingQuery } = parameters as SessionStoryParameters
    if (landingQuery) landOn(landingQuery)
    if (!usesEmulator) return
    demoSessionManager.reset()
    msw.use(...demoSessionManager.handlers)
  },
  decorators: [
    // Every demo wears the store's look; the storefront stories bring their own page.
    (Story, context) =>
      (context.parameters as SessionStoryParameters).storefrontPage ? (
        <Story />
      ) : (
        <div className="sf sf-page">
          <style>{storefrontCss}</style>
          <Story />
        </div>
      ),
    (Story, context) => {
      const { session = {} } = context.parameters as SessionStoryParameters
      if (session === false) return <Story />
      return (
        <StoryProviders key={context.id} session={session}>
          <Story />
        </StoryProviders>
      )
    },
  ],
  parameters: {
    // The store's page (`.sf-page`) pads each demo.
    layout: 'fullscreen',
    // Storybook opens on the first story: the storefront, as a merchant would show it.
    options: { storySort: { order: ['Storefront', ['Cart and delivery promise', 'Required region', '*'], 'Tools'] } },
  },
}

export default preview
