import { useSyncExternalStore } from 'react'
import { usePublicField, useSegment } from 'vtex-session-react'

const neverChanges = () => () => {}

/**
 * What `<SessionProvider captureUtm={utmCapture}>` did with the landing URL: `?utm_campaign=…&utm_source=…`
 * reach the public namespace with the first load (one PATCH, StrictMode included), and the
 * segment carries them on to the price engine.
 */
export function UtmCampaign() {
  const [campaign] = usePublicField('utm_campaign')
  const [source] = usePublicField('utm_source')
  const segment = useSegment()
  // A server render has no URL: '' there (and while hydrating), the real query in the browser.
  const landingQuery = useSyncExternalStore(neverChanges, () => window.location.search, () => '')

  return (
    <div>
      <p>
        Landing URL query: <code>{landingQuery || '(none)'}</code>
      </p>
      <p data-testid="public-utm">
        public.utm_campaign = {campaign ?? '—'}, public.utm_source = {source ?? '—'}
      </p>
      <p data-testid="segment-utm">
        segment.utm_campaign = {segment.data?.utm_campaign ?? '—'}, segment.utm_source = {segment.data?.utm_source ?? '—'}
      </p>
    </div>
  )
}
