/**
 * Returns the same promise, marked as handled: `onChange={() => setValue(v)}` without
 * a catch must not raise an unhandled rejection (the hook's `error` shows the failure),
 * while `await setValue(v)` still rejects.
 */
export function quietPromise<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {})
  return promise
}
