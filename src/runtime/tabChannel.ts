import * as z from 'zod/mini'
import { segmentSchema, sessionSchema } from '../core/schemas'
import type { TabMessage } from './sessionState'

/** Another tab may run another build of this library: its messages are checked like responses. */
const tabMessageSchema: z.ZodMiniType<TabMessage> = z.object({
  v: z.literal(2),
  tab: z.string(),
  writes: z.int(),
  heard: z.record(z.string(), z.number()),
  session: sessionSchema,
  segment: z.optional(segmentSchema),
})

export interface TabChannel {
  post(message: TabMessage): void
  /** Listens and posts while at least one provider is connected; returns the disconnect function (call it once). */
  connect(): () => void
}

/**
 * The `BroadcastChannel` of one Session Manager origin, open while connected. A message that
 * does not validate is ignored; ordering is the receiver's (see `reduce`). A no-op without BroadcastChannel.
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
          const message = tabMessageSchema.safeParse(data)
          if (message.success) receive(message.data)
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
