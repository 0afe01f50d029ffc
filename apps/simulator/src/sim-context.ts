// The running simulator as handlers see it: state, limits, the clock, and the few services
// (callbacks, persistence) wired in by server.ts. Plain object, built once per startSimulator.
import type { SimLimits } from './limits.ts';
import type { CorpState, SimState } from './state.ts';
import { notFound } from './errors.ts';

// An event field: strings go out as CDATA, numbers bare, string lists as <Item> children.
export type XmlValue = string | number | string[];
export type EventFields = Array<[string, XmlValue]>;

export type Sim = {
  state: SimState;
  limits: SimLimits;
  callbackTimeoutMs: number;
  callbackRetries: number;
  now(): number;
  dirty(): void;
  /** Queues a callback for the corp: Event, ChangeType (may be ''), then fields in order. */
  emit(corp: CorpState, event: string, changeType: string, fields: EventFields): void;
};

export function requireCorp(sim: Sim, corpid: string): CorpState {
  const corp = sim.state.corps[corpid];
  if (!corp) throw notFound(`no corp ${corpid}`);
  return corp;
}
