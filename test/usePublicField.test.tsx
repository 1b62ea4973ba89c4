import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { useRef } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { usePublicField, useUpdateSession, type SessionError } from '../src/index'
import { createWrapper, mock, renderWithSession, sessionRequests } from './harness'

function renderCounter(field: string, renders: Record<string, number>) {
  return function Reader() {
    const [value] = usePublicField(field)
    const count = useRef(0)
    count.current += 1
    renders[field] = count.current
    return <p>{`${field}=${value ?? ''}`}</p>
  }
}

describe('usePublicField', () => {
  afterEach(() => {
    Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true)
  })

  it('sends a PATCH whose body is exactly {"public":{"name":{"value":"v"}}} and returns the new value', async () => {
    const { result } = renderHook(() => usePublicField('utm_campaign'), createWrapper())
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    await act(() => result.current[1]('black-friday'))
    expect(result.current[0]).toBe('black-friday')
    const patch = sessionRequests().find(({ method }) => method === 'PATCH')
    expect(patch).toEqual({
      method: 'PATCH',
      path: '/api/sessions?items=*',
      body: { public: { utm_campaign: { value: 'black-friday' } } },
    })
  })

  it('has the new value on screen when the write resolves (readers notified first)', async () => {
    // No act(): prove the promise itself waits for React to be told, not the test harness.
    Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', false)
    let setCampaign: (value: string) => Promise<void> = async () => {}
    function Writer() {
      setCampaign = usePublicField('utm_campaign')[1]
      return null
    }
    const Reader = renderCounter('utm_campaign', {})
    render(
      <>
        <Writer />
        <Reader />
      </>,
      { wrapper: createWrapper().wrapper },
    )
    await screen.findByText('utm_campaign=')
    await setCampaign('summer')
    expect(screen.getByText('utm_campaign=summer')).toBeTruthy()
  })

  it('does not re-render a component that reads another field', async () => {
    const renders: Record<string, number> = {}
    const ReaderA = renderCounter('a', renders)
    const setters: Record<string, (value: string) => Promise<void>> = {}
    function Writer({ field }: { field: string }) {
      setters[field] = usePublicField(field)[1]
      return null
    }
    renderWithSession(
      <>
        <ReaderA />
        <Writer field="a" />
        <Writer field="b" />
      </>,
    )
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    const before = renders.a
    for (const value of ['1', '2', '3']) await act(() => setters.b!(value))
    expect(sessionRequests().filter(({ method }) => method === 'PATCH')).toHaveLength(3)
    expect(renders.a).toBe(before)
    // …and it does re-render for its own field.
    await act(() => setters.a!('x'))
    expect(renders.a).toBe((before ?? 0) + 1)
    expect(screen.getByText('a=x')).toBeTruthy()
  })

  it('shows the value at once while the write is pending', async () => {
    const { result } = renderHook(() => usePublicField('utm_source'), createWrapper())
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    mock.setLatency(100)
    let write: Promise<void> = Promise.resolve()
    act(() => {
      write = result.current[1]('mail')
    })
    await waitFor(() => expect(result.current[0]).toBe('mail'))
    expect(result.current[2].isPending).toBe(true)
    await act(() => write)
    expect(result.current[2]).toEqual({ isLoading: false, loadError: null, isPending: false, error: null, reset: expect.any(Function) })
  })

  it('accepts a public. prefix and reads the same field', async () => {
    const { result } = renderHook(() => usePublicField('public.utm_medium'), createWrapper())
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    await act(() => result.current[1]('cpc'))
    expect(result.current[0]).toBe('cpc')
    expect(sessionRequests().at(-1)?.body).toEqual({ public: { utm_medium: { value: 'cpc' } } })
  })

  it.each([
    ['an empty field name', '', 'x', /"" is not a valid public field name/],
    ['a name in another namespace', 'store.channel', '2', /only public fields can be written/],
    ['a non-string value', 'utm_source', 42, /must be a string, got number/],
    ['an object-prototype key', '__proto__', 'x', /"__proto__" is not a valid public field name.*Object\.prototype key/],
    ['"constructor"', 'public.constructor', 'x', /not an Object\.prototype key/],
    ['"toString"', 'toString', 'x', /not an Object\.prototype key/],
  ])('rejects %s before any request, typed invalid-input', async (_case, name, value, message) => {
    const { result } = renderHook(() => usePublicField(name), createWrapper())
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    let caught: SessionError | undefined
    await act(() => result.current[1](value as string).catch((error: SessionError) => void (caught = error)))
    expect(caught).toMatchObject({ name: 'SessionError', kind: 'invalid-input', message: expect.stringMatching(message) })
    expect(result.current[2].error).toBe(caught)
    expect(sessionRequests()).toHaveLength(1)
  })

  it.each(['__proto__', 'constructor', 'toString'])(
    'refuses %s in a multi-field update before any request, and sends none of the other fields',
    async (name) => {
      const { result } = renderHook(() => ({ update: useUpdateSession(), source: usePublicField('utm_source') }), createWrapper())
      await waitFor(() => expect(sessionRequests()).toHaveLength(1))
      // As it arrives from JSON (a CMS, a URL): an own property, unlike the `__proto__:` of an object literal.
      const fields = JSON.parse(`{"utm_source":"mail","${name}":"x"}`) as Record<string, string>
      let caught: SessionError | undefined
      await act(() => result.current.update.mutateAsync(fields).catch((error: SessionError) => void (caught = error)))
      expect(caught).toMatchObject({ name: 'SessionError', kind: 'invalid-input', message: expect.stringContaining(`"${name}"`) })
      expect(result.current.source[0]).toBeUndefined()
      expect(sessionRequests()).toHaveLength(1)
    },
  )
})
