import { describe, expect, it } from 'vitest'
import type { Session } from '../src/index'
import { initialState, paintedSession, reduce, splitRefused, type SessionEvent, type SessionState, type TabMessage } from '../src/runtime/sessionState'

const session = (campaign: string): Session => ({ id: 's', namespaces: { public: { utm_campaign: { value: campaign } } } })
let writes = 100
/** A caller's write of `fields` (its answer is not looked at here), ordered after the reads the tests make. */
const write = (fields: Record<string, string>): SessionEvent => ({ type: 'write', load: false, request: { fields, settle: () => {} }, seq: ++writes })
const start = initialState({ data: session('hydrated'), seq: 0 }, { data: undefined, seq: 0 }, 'this-tab')
const message = (campaign: string, heard: Record<string, number>): TabMessage => ({ v: 2, tab: 'other', writes: 1, heard, session: session(campaign) })

/** Runs events in order; returns the last state and every effect, by type. */
function run(events: SessionEvent[], state: SessionState = start) {
  const effects: string[] = []
  for (const event of events) {
    const transition = reduce(state, event)
    state = transition.state
    effects.push(...transition.effects.map(({ type }) => type))
  }
  return { state, effects }
}

describe('the runtime reducer: next state and effects, nothing else', () => {
  it('a write while idle is sent at once; writes behind it merge into one queued batch, sent when the first settles', () => {
    const { state, effects } = run([
      write({ a: '1' }),
      write({ b: '2' }),
      write({ b: '3', c: '4' }),
    ])
    expect(effects).toEqual(['send'])
    expect(state.writes).toMatchObject({ phase: 'sending', inFlight: { requests: [{ fields: { a: '1' } }] }, queued: [{ requests: [{ fields: { b: '2' } }, { fields: { b: '3', c: '4' } }] }] })
    expect(paintedSession(state)?.namespaces.public).toMatchObject({ a: { value: '1' }, b: { value: '3' }, c: { value: '4' } })
    const after = run([{ type: 'settled', ok: true }], state)
    expect(after.effects).toEqual(['send'])
    expect(after.state.writes).toMatchObject({ phase: 'sending', inFlight: { requests: [{ fields: { b: '2' } }, { fields: { b: '3', c: '4' } }] }, queued: [] })
    expect(paintedSession(after.state)?.namespaces.public).toMatchObject({ b: { value: '3' }, c: { value: '4' } })
    expect(run([{ type: 'settled', ok: true }], after.state)).toMatchObject({ state: { writes: { phase: 'idle' }, tabs: { own: 2 } }, effects: ['share'] })
  })

  it('a merged PATCH the server refused is split: each write goes again on its own, before the writes queued behind it, and nothing joins them', () => {
    const sent = run([write({ a: '1' }), write({ sc: '3' }), write({ postal: '2' }), { type: 'settled', ok: true }, write({ late: '4' })])
    const refused = sent.state.writes.phase === 'sending' ? sent.state.writes.inFlight : undefined
    const { state, effects } = run([{ type: 'settled', ok: false, retry: splitRefused(refused!) }, write({ later: '5' })], sent.state)
    expect([...sent.effects, ...effects]).toEqual(['send', 'send', 'send'])
    expect(state.writes).toMatchObject({
      inFlight: { requests: [{ fields: { sc: '3' } }], alone: true },
      queued: [{ requests: [{ fields: { postal: '2' } }], alone: true }, { requests: [{ fields: { late: '4' } }, { fields: { later: '5' } }] }],
    })
    // Every write not yet answered stays painted meanwhile.
    expect(paintedSession(state)?.namespaces.public).toMatchObject({ sc: { value: '3' }, postal: { value: '2' }, late: { value: '4' }, later: { value: '5' } })
  })

  it('a split sends again only the values no later write overwrote: keystrokes are not replayed, a value clicked past is never applied', () => {
    const request = (fields: Record<string, string>) => ({ fields, settle: () => {} })
    const keystrokes = { requests: ['b', 'bl', 'bla'].map((value) => request({ utm_campaign: value })), load: false }
    expect(splitRefused(keystrokes)).toEqual([])
    const clickedPast = { requests: [request({ sc: '2' }), request({ sc: '3', postalCode: '1' }), request({ postalCode: '2' })], load: false }
    expect(splitRefused(clickedPast).map(({ requests }) => requests.map(({ fields }) => fields))).toEqual([[{ sc: '3' }], [{ postalCode: '2' }]])
  })

  it('orders by the page: anything cached before the runtime (seq 0) is older than every event; a read that started before a confirmation is dropped', () => {
    const { state } = run([
      { type: 'server', seq: 1, session: session('answered') },
      { type: 'server', seq: 0, session: session('older read') },
    ])
    expect(state.session).toEqual({ data: session('answered'), seq: 1 })
    // Forgetting keeps the order: a later read lands, an earlier one does not.
    const forgotten = run([{ type: 'forgotten', part: 'session' }, { type: 'server', seq: 1, session: session('late') }], state).state
    expect(forgotten.session.data).toBeUndefined()
    expect(run([{ type: 'server', seq: 2, session: session('next') }], forgotten).state.session.data).toEqual(session('next'))
  })

  it("another tab's change that arrives while a PATCH is out is not applied; the settled write re-reads instead of sharing", () => {
    const { state, effects } = run([
      write({ a: '1' }),
      { type: 'tab', message: message('theirs', {}), seq: 5 },
      { type: 'settled', ok: true },
    ])
    expect(effects).toEqual(['send', 'reread'])
    expect(state.session.data).toEqual(session('hydrated'))
    // Its count is not taken as followed until a read that started after it lands.
    expect(state.tabs).toMatchObject({ heard: {}, unread: { other: 1 }, crossed: false })
    expect(run([{ type: 'server', seq: 4, read: true, session: session('older read') }], state).state.tabs.heard).toEqual({})
    expect(run([{ type: 'server', seq: 6, read: true, session: session('re-read') }], state).state.tabs).toMatchObject({ heard: { other: 1 }, unread: {} })
  })

  it('shares a confirmed write even when the write queued behind it fails', () => {
    const { state, effects } = run([
      write({ a: '1' }),
      write({ b: '2' }),
      { type: 'settled', ok: true },
      { type: 'settled', ok: false },
    ])
    expect(effects).toEqual(['send', 'send', 'share'])
    expect(state.tabs).toMatchObject({ own: 1, shared: 1 })
    // Nothing new to tell after a lone failure.
    expect(run([write({ c: '3' }), { type: 'settled', ok: false }], state).effects).toEqual(['send'])
  })

  it("applies a tab's change made after it heard of this tab's writes, and re-reads one made before", () => {
    const wrote = run([write({ a: '1' }), { type: 'settled', ok: true }]).state
    expect(run([{ type: 'tab', message: message('stale', {}), seq: 9 }], wrote)).toMatchObject({ state: { session: wrote.session }, effects: ['reread'] })
    // It carries no segment: this tab's segment readers read their own.
    expect(run([{ type: 'tab', message: message('after ours', { 'this-tab': 1 }), seq: 9 }], wrote)).toMatchObject({
      state: { session: { data: session('after ours'), seq: 9 } },
      effects: ['dropSegment'],
    })
  })

  it('a write answered with no segment drops the segment that was known', () => {
    const known = run([{ type: 'server', seq: 1, segment: { channel: '1' } as never }]).state
    expect(run([{ type: 'server', seq: 2, session: session('x'), segmentUnknown: true }], known)).toMatchObject({ state: { segment: { data: undefined } }, effects: ['dropSegment'] })
  })
})
