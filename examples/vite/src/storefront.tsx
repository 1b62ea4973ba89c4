import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { SessionProvider } from 'vtex-session-react'
// The same styled storefront as the Storybook story and the React Router example.
import { Storefront } from '../../../stories/examples/Storefront'

const queryClient = new QueryClient()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <Storefront />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
)
