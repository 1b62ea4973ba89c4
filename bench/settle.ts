import { act } from '@testing-library/react'
import type { SessionManagerMock } from 'vtex-session-react/testing'

/** Waits until the emulator has been quiet for `quietMs`: every request of the scenario is in. */
export async function settle(mock: SessionManagerMock, quietMs: number): Promise<void> {
  let count = -1
  while (count !== mock.requests.length) {
    count = mock.requests.length
    await act(() => new Promise((resolve) => setTimeout(resolve, quietMs)))
  }
}
