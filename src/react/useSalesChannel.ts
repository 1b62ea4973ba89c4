import { readSessionValue } from '../core/readSessionValue'
import { toSalesChannelFields } from '../core/commerceInput'
import type { Session } from '../core/types'
import { readStateOf, type ReadState, type WriteState } from './readState'
import { useSessionQuery } from './useSessionQuery'
import { useSessionWrite } from './useSessionWrite'

export interface UseSalesChannelResult extends ReadState, WriteState {
  /** `store.channel`: the sales channel (trade policy) the session is on. */
  salesChannel: string | undefined
  /**
   * Switches the sales channel (`public.sc`) and re-prices in place. One the shopper may not
   * use rejects with kind `http` (401 anonymous, 403 logged in) and the old one stays.
   */
  setSalesChannel: (salesChannel: string) => Promise<void>
  /** @deprecated since 0.2, removed in 0.3: use `salesChannel`. */
  channel: string | undefined
  /** @deprecated since 0.2, removed in 0.3: use `setSalesChannel`. */
  setChannel: (salesChannel: string) => Promise<void>
}

const selectChannel = (session: Session) => readSessionValue(session, 'store', 'channel')

/** The session's sales channel, and `setSalesChannel` to switch it. */
export function useSalesChannel(): UseSalesChannelResult {
  const channel = useSessionQuery('useSalesChannel', selectChannel)
  const { write, ...writeState } = useSessionWrite('useSalesChannel', toSalesChannelFields)
  return {
    salesChannel: channel.data,
    setSalesChannel: write,
    channel: channel.data,
    setChannel: write,
    ...readStateOf(channel),
    ...writeState,
  }
}
