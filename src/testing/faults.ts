import type { WireAnswer } from './modelProtocol'

/** A failure the emulator can answer with instead of the real response. */
export type Fault =
  | { kind: 'http'; status: number; body?: unknown }
  /** A 200 whose body is not JSON. */
  | { kind: 'invalid-json' }
  /** A 200 with JSON that breaks the Session Manager's schema. */
  | { kind: 'schema' }
  /** The connection fails: `fetch` rejects. */
  | { kind: 'network' }

export interface FaultTarget {
  /** How many matching requests fail (default 1). */
  times?: number
  /** Only this method (`GET`, `POST`, `PATCH`). */
  method?: string
  /** Only paths starting with this (`/api/segments`); default every Session Manager path. */
  path?: string
}

interface PendingFault {
  fault: Fault
  remaining: number
  method?: string
  path?: string
}

// One body that breaks each schema: session (id), segment (channel) and token answers.
const SCHEMA_BREAKING_BODY = { id: 42, namespaces: 'broken', channel: 42, sessionToken: 42, segmentToken: 42 }

export function createFaultQueue() {
  let pending: PendingFault[] = []
  return {
    add(fault: Fault, target: FaultTarget = {}): void {
      pending.push({ fault, remaining: target.times ?? 1, method: target.method?.toUpperCase(), path: target.path })
    },
    /** The answer for the first fault matching this request, using one of its `times`. */
    take(method: string, path: string): WireAnswer | undefined {
      const match = pending.find(
        (entry) => (entry.method === undefined || entry.method === method) && (entry.path === undefined || path.startsWith(entry.path)),
      )
      if (match === undefined) return undefined
      match.remaining -= 1
      pending = pending.filter((entry) => entry.remaining > 0)
      return answerFor(match.fault)
    },
    clear(): void {
      pending = []
    },
  }
}

const reply = (body: unknown, status = 200): WireAnswer => ({ kind: 'reply', status, bodyText: JSON.stringify(body), setCookie: [] })

function answerFor(fault: Fault): WireAnswer {
  switch (fault.kind) {
    case 'http':
      return reply(fault.body ?? { error: { message: `Emulated ${fault.status}` } }, fault.status)
    case 'invalid-json':
      // Still labelled JSON, as a proxy's error page often is.
      return { kind: 'reply', status: 200, bodyText: '<html>Service Unavailable</html>', setCookie: [] }
    case 'schema':
      return reply(SCHEMA_BREAKING_BODY)
    case 'network':
      return { kind: 'network' }
  }
}
