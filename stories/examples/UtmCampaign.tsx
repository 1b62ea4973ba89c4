import { useEffect, useRef } from 'react'
import { usePublicField, useSegment, useUpdateSession } from 'vtex-session-react'

const UTM_FIELDS = ['utm_source', 'utm_medium', 'utm_campaign', 'utmi_campaign', 'utmi_page', 'utmi_part']

/** The UTM parameters of a URL's query string, as public fields. */
export function utmFieldsOf(search: string): Record<string, string> {
  const params = new URLSearchParams(search)
  return Object.fromEntries(UTM_FIELDS.flatMap((field) => (params.get(field) ? [[field, params.get(field) as string]] : [])))
}

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
