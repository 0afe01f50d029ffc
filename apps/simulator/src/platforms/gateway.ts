// What the seven platform gateways share: a PlatformError each renders in its own format, the
// per-app QPS window, injected faults (busy / limit), triggers that change orders between two list
// calls (to reproduce "an order changed while a client was paging"), the live ordered result set
// a page is cut from, and keyset cursors. Faults, triggers and counters are a test's instruments:
// memory only, like the WeCom fault book.
import type { FastifyInstance } from 'fastify';
import type { Sim } from '../sim-context.ts';
import { INVALID_JSON } from '../body-parser.ts';
import type { Order, PlatformName, PlatformShop } from './state.ts';
import { platformsState, shopsByAppKey } from './state.ts';
import { changeOrder, type OrderChange } from './orders.ts';

export type PlatformErrorKind = 'app_key' | 'sign' | 'token' | 'limit' | 'busy' | 'param' | 'window';
export class PlatformError extends Error {
  constructor(readonly kind: PlatformErrorKind, message: string) {
    super(message);
    this.name = 'PlatformError';
  }
}
export const perr = (kind: PlatformErrorKind, message: string) => new PlatformError(kind, message);

export type FaultKind = 'busy' | 'limit';
/** skip: matching calls to let through before the fault starts (to fail a client mid-walk). */
export type PlatformFault = { platform: PlatformName; shop_id?: string; kind: FaultKind; remaining: number; skip: number };
export type Trigger = { after_list_calls: number; modify: Array<OrderChange & { order_id: string }>; fired: boolean };

export type Gate = {
  sim: Sim;
  faults: PlatformFault[];
  triggers: Map<string, Trigger[]>;
  calls: Map<string, { list: number; detail: number }>;
  qps: Map<string, { second: number; count: number }>;
};

export function createGate(sim: Sim): Gate {
  return { sim, faults: [], triggers: new Map(), calls: new Map(), qps: new Map() };
}

export const shopRef = (s: PlatformShop) => `${s.platform}:${s.shop_id}`;

/** app key → shop by token (or the only shop of that app when the platform has no token, e.g. after /auth/token). */
export function shopForApp(gate: Gate, platform: PlatformName, appKey: string, token: string | undefined): PlatformShop {
  const shops = shopsByAppKey(gate.sim, platform, appKey);
  if (shops.length === 0) throw perr('app_key', `unknown app key ${appKey}`);
  const shop = shops.find((s) => s.access_token === token);
  if (!shop) throw perr('token', 'invalid or expired access token / session');
  return shop;
}

/** Issues a token for a shop (Youzan, WeChat Shop); expired ones are dropped so the state stays small. */
export function issueToken(gate: Gate, shop: PlatformShop, token: string, ttlSeconds: number): number {
  const st = platformsState(gate.sim);
  const now = gate.sim.now();
  for (const [t, v] of Object.entries(st.tokens)) if (v.expires_at <= now) delete st.tokens[t];
  st.tokens[token] = { shop: `${shop.platform}:${shop.shop_id}`, expires_at: now + ttlSeconds };
  gate.sim.dirty();
  return now + ttlSeconds;
}

/** Tokens issued by a token endpoint (Youzan, WeChat Shop). */
export function shopForIssuedToken(gate: Gate, platform: PlatformName, token: string): PlatformShop {
  const st = platformsState(gate.sim);
  const t = st.tokens[token];
  const shop = t && t.expires_at > gate.sim.now() ? st.shops[t.shop] : undefined;
  if (!shop || shop.platform !== platform) throw perr('token', 'invalid or expired access_token');
  return shop;
}

/** Faults, then the per-app QPS window, then the call is counted. Runs after authentication. */
export function admit(gate: Gate, shop: PlatformShop, kind: 'list' | 'detail') {
  const i = gate.faults.findIndex((f) => f.platform === shop.platform && (!f.shop_id || f.shop_id === shop.shop_id) && f.remaining > 0);
  const f = i >= 0 ? gate.faults[i] : undefined;
  if (f && f.skip > 0) f.skip--;
  else if (f) {
    if (--f.remaining <= 0) gate.faults.splice(i, 1);
    throw perr(f.kind, f.kind === 'busy' ? 'service busy (injected)' : 'call limited (injected)');
  }
  const key = `${shop.platform}:${shop.app_key}`;
  const second = Math.floor(Date.now() / 1000);
  const w = gate.qps.get(key);
  if (!w || w.second !== second) gate.qps.set(key, { second, count: 1 });
  else if (++w.count > shop.qps) throw perr('limit', `over ${shop.qps} calls per second for this app`);
  const c = gate.calls.get(shopRef(shop)) ?? { list: 0, detail: 0 };
  c[kind]++;
  gate.calls.set(shopRef(shop), c);
}

/** After a list call was answered: fire the shop's triggers that were waiting for this many calls. */
export function afterList(gate: Gate, shop: PlatformShop) {
  const list = gate.triggers.get(shopRef(shop));
  if (!list) return;
  const n = gate.calls.get(shopRef(shop))?.list ?? 0;
  for (const t of list) {
    if (t.fired || n < t.after_list_calls) continue;
    t.fired = true;
    for (const m of t.modify) {
      const o = shop.orders[m.order_id];
      if (o) changeOrder(o, m, gate.sim.now());
    }
    gate.sim.dirty();
  }
  gate.triggers.set(shopRef(shop), list.filter((t) => !t.fired));
}

/**
 * Orders whose modified time is in [start, end] (inclusive, Unix seconds), newest first — the live
 * set every page is cut from, recomputed per call as a platform's search is: an order changed
 * between two calls moves, and the pages after it shift.
 */
export function byModified(shop: PlatformShop, start: number, end: number, filter: (o: Order) => boolean = () => true): Order[] {
  return Object.values(shop.orders)
    .filter((o) => o.modified >= start && o.modified <= end && filter(o))
    .sort((a, b) => b.modified - a.modified || (a.order_id < b.order_id ? 1 : a.order_id > b.order_id ? -1 : 0));
}

// Keyset cursors (Kuaishou cursor, WeChat Shop next_key): the last (modified, order id) handed out.
// Unlike page numbers they do not shift when an order changes mid-walk.
export const encodeCursor = (o: Order) => Buffer.from(JSON.stringify([o.modified, o.order_id])).toString('base64url');
export function afterCursor(list: Order[], cursor: string, desc: boolean): Order[] {
  if (!cursor) return list;
  let key: [number, string];
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [number, string];
    if (!Array.isArray(key) || typeof key[0] !== 'number' || typeof key[1] !== 'string') throw new Error('shape');
  } catch {
    throw perr('param', 'invalid cursor');
  }
  const cmp = (o: Order) => o.modified - key[0] || (o.order_id < key[1] ? -1 : o.order_id > key[1] ? 1 : 0);
  return list.filter((o) => (desc ? cmp(o) < 0 : cmp(o) > 0));
}

/** Query string and body (JSON object or form) as one flat map of strings, as gateways read them. */
export function flatParams(query: unknown, body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const src of [query, body]) {
    if (!src || typeof src !== 'object' || Buffer.isBuffer(src)) continue;
    for (const [k, v] of Object.entries(src as Record<string, unknown>)) {
      if (v === undefined || v === null) continue;
      out[k] = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
  }
  return out;
}

export const requestId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

export function intParam(p: Record<string, unknown>, key: string, dflt: number): number {
  const v = p[key];
  if (v === undefined || v === null || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n)) throw perr('param', `${key} must be an integer`);
  return n;
}

export type PlatformRequest = { query: Record<string, unknown>; body: unknown; params: Record<string, string>; headers: Record<string, unknown> };

/**
 * One gateway route: the handler's answer goes out as JSON (a string is sent as is: TOP's big
 * numeric ids need raw JSON); a PlatformError in the platform's own error format, HTTP 200 as the
 * gateways do; anything else is a simulator bug, logged, answered as the platform's "busy".
 */
export function platformRoute(
  app: FastifyInstance, log: (err: unknown) => void, methods: Array<'GET' | 'POST'>, url: string,
  handle: (req: PlatformRequest) => unknown | Promise<unknown>, renderError: (err: PlatformError) => unknown,
) {
  app.route({
    method: methods, url,
    handler: async (request, reply) => {
      let out: unknown;
      try {
        if (request.body === INVALID_JSON) throw perr('param', 'the body is not valid JSON');
        out = await handle({ query: (request.query ?? {}) as Record<string, unknown>, body: request.body, params: request.params as Record<string, string>, headers: request.headers });
      } catch (err) {
        if (!(err instanceof PlatformError)) log(err);
        out = renderError(err instanceof PlatformError ? err : perr('busy', 'internal error'));
      }
      reply.header('content-type', 'application/json; charset=utf-8');
      return reply.send(typeof out === 'string' ? out : JSON.stringify(out));
    },
  });
}
