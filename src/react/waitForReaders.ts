import { notifyManager } from '@tanstack/react-query'

/**
 * React Query tells components about cache changes on its next scheduler tick. Waiting
 * for a tick scheduled after ours means readers were notified before a write resolves,
 * so code after `await setValue(x)` sees `x` on screen.
 */
export const waitForReaders = (): Promise<void> => new Promise((resolve) => notifyManager.schedule(resolve))
