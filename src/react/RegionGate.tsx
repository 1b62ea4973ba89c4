import type { ReactNode } from 'react'
import type { RegionGateState } from './regionPolicy'
import { useRegionGate } from './useRegionGate'

export interface RegionGateProps {
  /** Shown while the place is being resolved (default: nothing). */
  fallback?: ReactNode
  /** Shown in place of the children while a required place is missing: ask for it (`gate.suggestion` pre-fills). */
  ask: (gate: RegionGateState) => ReactNode
  /**
   * Shown in place of the children when the session could not be read (`failed`): say so
   * (`gate.loadError`) and offer `gate.retry()`. Without it, `fallback` stays.
   */
  loadError?: (gate: Extract<RegionGateState, { status: 'failed' }>) => ReactNode
  /** What needs the place: rendered once regional queries may run (`useRegionGate().ready`). */
  children?: ReactNode
}

/**
 * Headless: renders its children once the shopper's place allows pricing, `ask` while a required
 * one is missing, `loadError` when the session could not be read.
 */
export function RegionGate({ fallback = null, ask, loadError, children }: RegionGateProps) {
  const gate = useRegionGate()
  if (gate.ready) return children
  if (gate.status === 'needed') return ask(gate)
  return gate.status === 'failed' && loadError ? loadError(gate) : fallback
}
