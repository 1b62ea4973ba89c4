import { segmentSchema, sessionSchema } from '../core/schemas'
import type { Segment, Session } from '../core/types'

/** What a tab tells the others: confirmed server state, and when it was confirmed (see `now()`). */
export interface TabMessage {
  v: 1
  at: number
  session: Session
  segment?: Segment
}

/** Another tab may run another build of this library: its messages are checked like responses. */
function parseTabMessage(data: unknown): TabMessage | undefined {
  const message = data as Partial<TabMessage> | null
  if (message?.v !== 1 || typeof message.at !== 'number' || !sessionSchema.safeParse(message.session).success) return undefined
  if (message.segment !== undefined && !segmentSchema.safeParse(message.segment).success) return undefined
  return message as TabMessage
}

export interface TabChannel {
  post(message: TabMessage): void
  /** Listens and posts while at least one provider is connected; returns the disconnect function (call it once). */
  connect(): () => void
}

/**
 * The `BroadcastChannel` of one Session Manager origin, open while connected. A message that
 * does not validate is ignored; ordering is the receiver's (by `at`). A no-op without BroadcastChannel.
 */
export function openTabChannel(baseUrl: string, receive: (message: TabMessage) => void): TabChannel {
  let channel: BroadcastChannel | undefined
  let connections = 0
  return {
    post: (message) => channel?.postMessage(message),
    connect() {
      if (typeof BroadcastChannel === 'undefined') return () => {}
      connections += 1
      if (!channel) {
        channel = new BroadcastChannel(`vtex-session-react:${baseUrl}`)
        channel.onmessage = ({ data }: MessageEvent<unknown>) => {
          const message = parseTabMessage(data)
          if (message) receive(message)
        }
      }
      return () => {
        if (--connections === 0) {
          channel?.close()
          channel = undefined
        }
      }
    },
  }
}
