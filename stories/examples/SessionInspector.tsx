import { useState } from 'react'
import { useSegment, useSession, useUpdateSession } from 'vtex-session-react'

/** Every namespace of the session and the decoded segment, live; edit any public field. */
export function SessionInspector() {
  const session = useSession()
  const segment = useSegment()
  const update = useUpdateSession()
  const [name, setName] = useState('favoriteStore')
  const [value, setValue] = useState('')

  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '1rem', alignItems: 'start' }}>
      <section className="sf-panel">
        <h3>Session {session.data?.id}</h3>
        {session.error && <p role="alert">{session.error.message}</p>}
        <table data-testid="namespaces">
          <tbody>
            {Object.entries(session.data?.namespaces ?? {}).flatMap(([namespace, values]) =>
              Object.entries(values).map(([key, entry]) => (
                <tr key={`${namespace}.${key}`}>
                  <td>
                    <code>{namespace}.{key}</code>
                  </td>
                  <td>{String(entry.value)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
        <form
          aria-label="Edit a public field"
          onSubmit={(event) => {
            event.preventDefault()
            update.mutate({ [name]: value })
          }}
        >
          <input aria-label="Field name" value={name} onChange={(event) => setName(event.target.value)} />{' '}
          <input aria-label="Field value" value={value} onChange={(event) => setValue(event.target.value)} />{' '}
          <button type="submit" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save'}
          </button>
          {update.error && <p role="alert">{update.error.message}</p>}
        </form>
      </section>
      <section className="sf-panel">
        <h3>Segment</h3>
        {segment.error && <p role="alert">{segment.error.message}</p>}
        <pre data-testid="segment">{JSON.stringify(segment.data, null, 2)}</pre>
      </section>
    </div>
  )
}
