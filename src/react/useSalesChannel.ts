import { readSessionValue } from '../core/readSessionValue'
import { toSalesChannelFields } from '../core/commerceInput'
import type { SessionError } from '../core/SessionError'
import type { Session } from '../core/types'
import { useSessionQuery } from './useSessionQuery'
import { useSessionWrite } from './useSessionWrite'

export interface UseSalesChannelResult {
  /** `store.channel`: the trade policy the session is on. */
  channel: string | undefined
  /**
   * Switches trade policy (`public.sc`) and re-prices in place. A policy the shopper may not
   * use rejects with kind `http` (401 anonymous, 403 logged in) and the old channel stays.
   */
  setChannel: (sc: string) => Promise<void>
  isPending: boolean
  error: SessionError | null
  /** Clears this hook's write error. */
  reset: () => void
}

const selectChannel = (session: Session) => readSessionValue(session, 'store', 'channel')

/** The session's trade policy (sales channel), and `setChannel` to switch it. */
export function useSalesChannel(): UseSalesChannelResult {
  const channel = useSessionQuery('useSalesChannel', selectChannel)
  const { write, isPending, error, reset } = useSessionWrite('useSalesChannel', toSalesChannelFields)
  return { channel: channel.data, setChannel: write, isPending, error: error ?? channel.error, reset }
}
