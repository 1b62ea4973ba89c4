import { notifyManager, type QueryClient } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import { runtimeFor } from '../runtime/runtimeFor'
import { waitForReaders } from './waitForReaders'

/** React Query's notifications: a write settles once components were told, session and segment in one render. */
const reactOptions = { afterPaint: waitForReaders, batch: (paint: () => void) => notifyManager.batch(paint) }

/** The runtime of this QueryClient and origin (its client is the first one given for that origin). */
export const sessionRuntime = (queryClient: QueryClient, client: SessionClient) => runtimeFor(queryClient, client, reactOptions)
