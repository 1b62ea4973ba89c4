import { useEffect, useRef } from 'react'
import { usePublicField, useSegment, useUpdateSession, utmFieldsOf } from 'vtex-session-react'

/**
 * Copies `?utm_campaign=…&utm_source=…` from the page URL into the session once per page
 * load (one PATCH, StrictMode included); the segment then carries them to the price engine.
 */
export function UtmCampaign({ search = window.location.search }: { search?: string }) {
  const update = useUpdateSession()
  const captured = useRef(false)
  const [campaign] = usePublicField('utm_campaign')
  const [source] = usePublicField('utm_source')
  const segment = useSegment()
  const { mutate } = update

  useEffect(() => {
    const fields = utmFieldsOf(search)
    if (captured.current || Object.keys(fields).length === 0) return
    captured.current = true
    mutate(fields)
  }, [search, mutate])

  return (
    <div>
      <p>
        Landing URL query: <code>{search || '(none)'}</code>
      </p>
      <p data-testid="public-utm">
        public.utm_campaign = {campaign ?? '—'}, public.utm_source = {source ?? '—'}
      </p>
      <p data-testid="segment-utm">
        segment.utm_campaign = {segment.data?.utm_campaign ?? '—'}, segment.utm_source = {segment.data?.utm_source ?? '—'}
      </p>
      {update.error && <p role="alert">{update.error.message}</p>}
    </div>
  )
}
