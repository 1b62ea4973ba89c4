import { waitForReaders } from './waitForReaders'

/**
 * Settles after the hook's own state (isPending, error) has reached React, and is marked
 * as handled: `onChange={() => setValue(v)}` without a catch raises no unhandled
 * rejection (the hook's `error` shows the failure), while `await setValue(v)` still rejects.
 */
export function settleForReaders<T>(promise: Promise<T>): Promise<void> {
  const settled = promise.then(() => {}).finally(waitForReaders)
  settled.catch(() => {})
  return settled
}
