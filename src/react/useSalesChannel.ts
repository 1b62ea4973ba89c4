import { readSessionValue } from '../core/readSessionValue'
import { toSalesChannelFields } from '../core/commerceInput'
import { SessionError } from '../core/SessionError'
import type { Session } from '../core/types'
import { readStateOf, type ReadState, type WriteState } from './readState'
import { useSessionQuery } from './useSessionQuery'
import { useSessionWrite } from './useSessionWrite'

export interface UseSalesChannelResult extends ReadState, WriteState {
  /** `store.channel`: the sales channel (trade policy) the session is on. */
  salesChannel: string | undefined
  /**
   * Switches the sales channel (`public.sc`) and re-prices in place. One the shopper may not
   * use rejects with kind `http` and a message a shopper can read (401: sign in first; 403: this
   * account may not), and the old one stays, with everything else.
   */
  setSalesChannel: (salesChannel: string) => Promise<void>
  /** @deprecated since 0.2, removed in 0.3: use `salesChannel`. */
  channel: string | undefined
  /** @deprecated since 0.2, removed in 0.3: use `setSalesChannel`. */
  setChannel: (salesChannel: string) => Promise<void>
}

const selectChannel = (session: Session) => readSessionValue(session, 'store', 'channel')

/** A private sales channel's refusal (the Session Manager's 401 anonymous, 403 logged in), in the shopper's terms. */
function explainRefusal(error: SessionError, sc: string): SessionError {
  if (error.kind !== 'http' || (error.status !== 401 && error.status !== 403)) return error
  const message = error.status === 401 ? `Sign in to shop in sales channel ${sc}: it is for signed-in customers` : `Your account may not shop in sales channel ${sc}`
  return new SessionError('http', message, { status: error.status, cause: error })
}

/** The session's sales channel, and `setSalesChannel` to switch it. */
export function useSalesChannel(): UseSalesChannelResult {
  const channel = useSessionQuery('useSalesChannel', selectChannel)
  const { write, ...writeState } = useSessionWrite('useSalesChannel', toSalesChannelFields, explainRefusal)
  return {
    salesChannel: channel.data,
    setSalesChannel: write,
    channel: channel.data,
    setChannel: write,
    ...readStateOf(channel),
    ...writeState,
  }
}
