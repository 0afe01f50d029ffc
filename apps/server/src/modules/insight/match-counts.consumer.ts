// Keeps the match counts (buyers, and buyers who are WeCom friends, per shop and in all) as events
// arrive. An event only names customers whose buying or friendship may have changed; each named
// customer is then recounted from the current state (commerce's buyers per shop, channel's active
// relations) against what the counts hold for them, and the difference is added. So an event
// handled twice, late or out of order changes nothing wrong, and once the consumer has read the
// last event the counts equal a count from scratch. The events:
//   commerce.buyers_added / buyers_removed  a customer's first order in a shop, or their last one moved away
//   wecom.friend_added / friend_deleted     a relation became active or ended
//   customer.merged / merge_undone          relations (and orders) moved between two customers
import type { Consumer, StoredEvent } from '../../core/index.ts';
import { insightDb, type InsightDb } from './insight.tables.ts';
import * as repo from './match-counts.repo.ts';

const CHUNK = 5_000;

/** The customers an event names. */
function customersOf(e: StoredEvent): string[] {
  const p = e.payload as { customerIds?: unknown; mergedId?: unknown };
  switch (e.type) {
    case 'commerce.buyers_added':
    case 'commerce.buyers_removed':
      return Array.isArray(p.customerIds) ? p.customerIds.filter((c): c is string => typeof c === 'string') : [];
    case 'customer.merged':
    case 'customer.merge_undone':
      return [e.aggregateId, ...(typeof p.mergedId === 'string' ? [p.mergedId] : [])];
    default:
      return e.aggregateType === 'customer' ? [e.aggregateId] : [];
  }
}

/** Recounts these customers of one tenant; returns how many changed the counts. */
export async function recountCustomers(db: InsightDb, tenantId: string, customerIds: string[]): Promise<number> {
  let changed = 0;
  for (let i = 0; i < customerIds.length; i += CHUNK) {
    const ids = customerIds.slice(i, i + CHUNK);
    const [before, now] = await Promise.all([repo.countedStates(db, tenantId, ids), repo.currentStates(db, tenantId, ids)]);
    const deltas = new Map<string, { shopId: string; buyers: number; friends: number }>();
    const add = (s: repo.BuyerState, sign: 1 | -1) => {
      for (const shopId of [...s.shop_ids, repo.ALL_SHOPS]) {
        const d = deltas.get(shopId) ?? deltas.set(shopId, { shopId, buyers: 0, friends: 0 }).get(shopId)!;
        d.buyers += sign;
        if (s.friend) d.friends += sign;
      }
    };
    const save: repo.BuyerState[] = [];
    const gone: string[] = [];
    for (const s of now) {
      const old = before.get(s.customer_id);
      const buyer = s.shop_ids.length > 0;
      if (old && buyer && old.friend === s.friend && old.shop_ids.join() === s.shop_ids.join()) continue;
      if (!old && !buyer) continue;
      changed++;
      if (old) add(old, -1);
      if (buyer) {
        add(s, 1);
        save.push(s);
      } else gone.push(s.customer_id);
    }
    await repo.saveStates(db, tenantId, save);
    await repo.deleteStates(db, tenantId, gone);
    await repo.addToMatchCounts(db, tenantId, [...deltas.values()].sort((a, b) => (a.shopId < b.shopId ? -1 : a.shopId > b.shopId ? 1 : 0)));
  }
  return changed;
}

export const matchCountsConsumer: Consumer = {
  name: 'insight.match-counts',
  types: ['commerce.buyers_added', 'commerce.buyers_removed', 'wecom.friend_added', 'wecom.friend_deleted', 'customer.merged', 'customer.merge_undone'],
  // Read 500 outbox rows at a time (most are other types, passed over). An import chunk's event
  // names up to 5,000 customers; they are recounted 5,000 at a time in the batch's transaction.
  batchSize: 500,
  async handle(trx, events) {
    const byTenant = new Map<string, Set<string>>();
    for (const e of events) {
      const set = byTenant.get(e.tenantId) ?? byTenant.set(e.tenantId, new Set()).get(e.tenantId)!;
      for (const c of customersOf(e)) set.add(c);
    }
    const db = insightDb(trx);
    for (const [tenantId, ids] of byTenant) await recountCustomers(db, tenantId, [...ids].sort());
  },
};
