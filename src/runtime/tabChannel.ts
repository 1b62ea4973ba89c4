import { segmentSchema, sessionSchema } from '../core/schemas'
import type { TabMessage } from './sessionState'

/**
 * Another tab may run another build of this library (or be a forger): its messages are checked
 * like responses, and what lands is what the schemas parsed, never the message's own objects (a
 * `"__proto__"` key is data there, and would become a prototype once copied into the cache).
 */
function parseTabMessage(data: unknown): TabMessage | undefined {
  const message = data as Partial<TabMessage> | null
  if (message?.v !== 2 || typeof message.tab !== 'string' || !Number.isInteger(message.writes) || typeof message.heard !== 'object' || message.heard === null) return undefined
  const session = sessionSchema.safeParse(message.session)
  const segment = message.segment === undefined ? undefined : segmentSchema.safeParse(message.segment)
  if (!session.success || (segment && !segment.success)) return undefined
  // `heard` is only looked up by tab id, never copied: it may stay as it came.
  return { ...(message as TabMessage), session: session.data, segment: segment?.data }
}

export interface TabChannel {
  post(message: TabMessage): void
  /** Opens the channel (if closed) for a provider; returns its disconnect function (call it once). */
  connect(): () => void
  /** Closes unless a provider is connected: the cache forgot the session, or a provider does not sync tabs. */
  release(): void
}

/**
 * The `BroadcastChannel` of one Session Manager origin. Opened by the first provider that syncs
 * tabs, it stays open while a provider is connected or the cache holds the session (`holds`):
 * a route without a provider keeps the cached session in sync, and a write settling after its
 * provider unmounted is still shared; with no provider connected, a message costs no request (see
 * `reduce`). A message that does not validate is ignored; ordering is the receiver's. A no-op
 * without BroadcastChannel.
 */
export function openTabChannel(baseUrl: string, receive: (message: TabMessage, attended: boolean) => void, holds: () => boolean): TabChannel {
  let channel: BroadcastChannel | undefined
  let connections = 0
  const close = () => {
    if (connections > 0) return
    channel?.close()
    channel = undefined
  }
  return {
    post: (message) => channel?.postMessage(message),
    connect() {
      if (typeof BroadcastChannel === 'undefined') return () => {}
      connections += 1
      if (!channel) {
        channel = new BroadcastChannel(`vtex-session-react:${baseUrl}`)
        channel.onmessage = ({ data }: MessageEvent<unknown>) => {
          const message = parseTabMessage(data)
          if (message) receive(message, connections > 0)
        }
      }
      return () => {
        connections -= 1
        if (!holds()) close()
      }
    },
    release: close,
  }
}
