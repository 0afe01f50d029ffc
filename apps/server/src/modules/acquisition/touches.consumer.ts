// The touch log, fed by outbox events, and the re-attribution of the customers each batch names.
// Runs in the consumer's transaction with its checkpoint; every touch keeps the ids of the events
// folded into it, so a replayed event changes nothing. The events:
//   wecom.friend_added    { staffId, state, … }       a friend add: a code add when it has a state
//   acquisition.code_added { codeId, staffId, state, batchId? }   (aggregateId = customer) one of our
//                         live codes (or a package-card batch's code) brought the friend. It describes
//                         the same add as WeCom's friend_added: the two become ONE touch, in either
//                         order (same customer and state, staff when both name one, within a day).
//   wecom.group_joined    { chatId, state }           a group join (a group code's when it has a state)
//   acquisition.touched   { kind, channelKind?, channelId?, codeId?, staffId? }  other touches
//                         (broadcast, moment, link_click…), for the parts that will send them
//   customer.merged / merge_undone, order.bound       touches or orders moved between customers
import type { Consumer, StoredEvent } from '../../core/index.ts';
import type { Tx } from '../../db/connect.ts';
import { customerOrdersForAttribution } from '../commerce/index.ts';
import { acquisitionDb, type AcquisitionDb } from './acquisition.tables.ts';
import * as repo from './touches.repo.ts';
import { attributeCustomers, forgetOrdersOf, lockTenant, saveOrderFacts, windowDays } from './attribution.repo.ts';

const TOUCH_TYPES = ['wecom.friend_added', 'acquisition.code_added', 'wecom.group_joined', 'acquisition.touched'];
const MOVE_TYPES = ['customer.merged', 'customer.merge_undone', 'order.bound'];
/** Touch kinds that make a customer a friend: attribution starts at the first one. */
const FRIEND_KINDS = new Set(['code_add', 'card_add', 'friend_add']);
const DAY = 86_400_000;

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The touch an event describes (event_ids = its id), or null when it describes none. */
export function touchOf(e: StoredEvent): repo.TouchRow | null {
  if (e.aggregateType !== 'customer') return null;
  const p = e.payload;
  const base = { id: null, customer_id: e.aggregateId, occurred_at: e.occurredAt, event_ids: [String(e.id)], staff_id: str(p.staffId), state: str(p.state), code_id: null };
  switch (e.type) {
    case 'wecom.friend_added': {
      const state = str(p.state);
      return { ...base, kind: state ? 'code_add' : 'friend_add', friend: true, channel_kind: state ? 'contact_state' : 'direct', channel_id: state };
    }
    case 'acquisition.code_added': {
      const codeId = str(p.codeId);
      if (!codeId) return null;
      const batchId = str(p.batchId);
      return { ...base, kind: batchId ? 'card_add' : 'code_add', friend: true, channel_kind: batchId ? 'card_batch' : 'live_code', channel_id: batchId ?? codeId, code_id: codeId };
    }
    case 'wecom.group_joined': {
      const state = str(p.state);
      return { ...base, staff_id: null, kind: 'group_join', friend: false, channel_kind: state ? 'group_code' : 'group', channel_id: state ?? str(p.chatId) };
    }
    case 'acquisition.touched': {
      const kind = str(p.kind);
      if (!kind) return null;
      return { ...base, kind, friend: FRIEND_KINDS.has(kind), channel_kind: str(p.channelKind) ?? 'other', channel_id: str(p.channelId), code_id: str(p.codeId) };
    }
    default: return null;
  }
}

/** The touch already logged that describes the same add as `t` from the other side (code ↔ WeCom). */
function partnerOf(list: repo.TouchRow[], t: repo.TouchRow): repo.TouchRow | undefined {
  if (!t.friend || !t.state) return undefined;
  const fromCode = t.code_id !== null;
  const fits = (x: repo.TouchRow) => x.friend && x.state === t.state && Math.abs(x.occurred_at.getTime() - t.occurred_at.getTime()) <= DAY
    && (!x.staff_id || !t.staff_id || x.staff_id === t.staff_id)
    && (fromCode ? x.code_id === null && x.kind !== 'card_add' : x.code_id !== null && x.event_ids.length === 1);
  return list.filter(fits).sort((a, b) => Math.abs(a.occurred_at.getTime() - t.occurred_at.getTime()) - Math.abs(b.occurred_at.getTime() - t.occurred_at.getTime()))[0];
}

/** Writes the touches of these events; returns the customers whose touches changed. */
export async function recordTouches(db: AcquisitionDb, tenantId: string, events: StoredEvent[]): Promise<string[]> {
  const incoming = events.map(touchOf).filter((t): t is repo.TouchRow => t !== null);
  const byCustomer = new Map<string, repo.TouchRow[]>();
  for (const t of await repo.touchesOf(db, tenantId, [...new Set(incoming.map((t) => t.customer_id))])) {
    (byCustomer.get(t.customer_id) ?? byCustomer.set(t.customer_id, []).get(t.customer_id)!).push(t);
  }
  const fresh: repo.TouchRow[] = [];
  const changed = new Set<repo.TouchRow>();
  const customers = new Set<string>();
  for (const t of incoming) {
    const list = byCustomer.get(t.customer_id) ?? byCustomer.set(t.customer_id, []).get(t.customer_id)!;
    if (list.some((x) => x.event_ids.includes(t.event_ids[0]))) continue; // seen: a replay
    customers.add(t.customer_id);
    const partner = partnerOf(list, t);
    if (!partner) {
      list.push(t);
      fresh.push(t);
      continue;
    }
    // One add seen from both sides: the code names the channel, WeCom's relation the time.
    const [code, wecom] = t.code_id !== null ? [t, partner] : [partner, t];
    Object.assign(partner, {
      kind: code.kind, channel_kind: code.channel_kind, channel_id: code.channel_id, code_id: code.code_id,
      occurred_at: wecom.occurred_at, staff_id: wecom.staff_id ?? code.staff_id, event_ids: [...partner.event_ids, ...t.event_ids],
    });
    if (partner.id !== null) changed.add(partner);
  }
  await repo.insertTouches(db, tenantId, fresh);
  for (const t of changed) await repo.updateTouch(db, tenantId, t);
  return [...customers];
}

/** Orders or touches moved between customers: the copies of their orders are read again. */
async function applyMove(trx: Tx, tenantId: string, e: StoredEvent): Promise<string[]> {
  const db = acquisitionDb(trx);
  const merged = str(e.payload.mergedId) ?? str(e.payload.mergedCustomerId);
  if (e.type === 'customer.merged' && merged) await repo.moveTouches(db, tenantId, merged, e.aggregateId);
  if (e.type === 'customer.merge_undone' && merged) await repo.restoreTouches(db, tenantId, e.aggregateId, merged);
  const ids = [e.aggregateId, ...(merged ? [merged] : [])];
  const orders = await customerOrdersForAttribution({ db: trx }, tenantId, ids);
  const before = await saveOrderFacts(db, tenantId, orders);
  await forgetOrdersOf(db, tenantId, ids, orders.map((o) => o.orderId));
  return [...ids, ...before];
}

export async function applyEvents(trx: Tx, tenantId: string, events: StoredEvent[]) {
  const db = acquisitionDb(trx);
  await lockTenant(db, tenantId);
  const affected = new Set<string>();
  let pending: StoredEvent[] = [];
  const flush = async () => {
    for (const c of await recordTouches(db, tenantId, pending)) affected.add(c);
    pending = [];
  };
  for (const e of events) {
    if (!MOVE_TYPES.includes(e.type)) {
      pending.push(e);
      continue;
    }
    await flush(); // in event order: touches before the merge that moves them
    for (const c of await applyMove(trx, tenantId, e)) affected.add(c);
  }
  await flush();
  await attributeCustomers(db, tenantId, { ids: [...affected].sort() }, await windowDays(db, tenantId));
}

export const touchesConsumer: Consumer = {
  name: 'acquisition.touches',
  types: [...TOUCH_TYPES, ...MOVE_TYPES],
  batchSize: 500,
  async handle(trx, events) {
    const byTenant = new Map<string, StoredEvent[]>();
    for (const e of events) (byTenant.get(e.tenantId) ?? byTenant.set(e.tenantId, []).get(e.tenantId)!).push(e);
    for (const [tenantId, list] of byTenant) await applyEvents(trx, tenantId, list);
  },
};
