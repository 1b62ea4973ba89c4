import type { QueryClient } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import { runtimeFor } from '../runtime/runtimeFor'
import { waitForReaders } from './waitForReaders'

/** The runtime of this QueryClient and origin; its writes settle once React components have been told. */
export const sessionRuntime = (queryClient: QueryClient, client: SessionClient) =>
  runtimeFor(queryClient, client, { afterPaint: waitForReaders })
