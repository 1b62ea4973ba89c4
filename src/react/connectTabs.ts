import type { QueryClient } from '@tanstack/react-query'
import type { Segment, Session } from '../core/types'
import type { SessionWriter } from './createSessionWriter'
import { sessionKeys } from './sessionKeys'

interface TabMessage {
  session: Session
  segment?: Segment
}

/**
 * Tells the other tabs of this origin (and Session Manager `baseUrl`) about every confirmed
 * write, and takes theirs into this cache: prices re-price there too. What arrives is only
 * cached, never written back, so there is no echo. A no-op without BroadcastChannel.
 * Returns the disconnect function.
 */
export function connectTabs(queryClient: QueryClient, writer: SessionWriter, baseUrl: string): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {}
  const channel = new BroadcastChannel(`vtex-session-react:${baseUrl}`)
  channel.onmessage = ({ data }: MessageEvent<TabMessage>) => {
    queryClient.setQueryData(sessionKeys.session, data.session)
    // A tab that does not read the segment sends none: read ours again if we have one.
    if (data.segment) queryClient.setQueryData(sessionKeys.segment, data.segment)
    else void queryClient.invalidateQueries({ queryKey: sessionKeys.segment })
  }
  const stop = writer.subscribe((session) =>
    channel.postMessage({ session, segment: queryClient.getQueryData<Segment>(sessionKeys.segment) } satisfies TabMessage),
  )
  return () => {
    stop()
    channel.close()
  }
}
