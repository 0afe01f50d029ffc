// Orders and buyers per shop, kept in the transaction that writes the orders (the order writer,
// bindings, merges and their undo) instead of counted per request. Every change of an order's
// customer goes through here with the customer before and after, so the counts stay exact; a
// (shop, customer) pair that appears or disappears is announced once per call and shop
// (`commerce.buyers_added` / `commerce.buyers_removed`, payload { customerIds }), which the
// insight module's match counts follow: one event per import chunk, not one per order.
import type { Deps } from '../../deps.ts';
import { emit, type DomainEvent } from '../../core/index.ts';
import { commerceDb } from './commerce.tables.ts';
import * as repo from './shop-buyers.repo.ts';

export const BUYERS_ADDED = 'commerce.buyers_added';
export const BUYERS_REMOVED = 'commerce.buyers_removed';

/** An order that now belongs to `to` (null: to nobody) and before to `from` (null: new order, or no customer). */
export type CustomerChange = { shopId: string; from: string | null; to: string | null };

/**
 * Applies, in the caller's transaction (deps.db), orders added per shop and orders whose customer
 * changed. `newOrders` counts every new order of the shop, with or without a customer.
 */
export async function countOrderChanges(deps: Deps, tenantId: string, changes: CustomerChange[], newOrders: Map<string, number> = new Map()) {
  const deltas = new Map<string, { shopId: string; customerId: string; n: number }>();
  const bump = (shopId: string, customerId: string, n: number) => {
    const k = `${shopId}\u0000${customerId}`;
    const d = deltas.get(k) ?? { shopId, customerId, n: 0 };
    d.n += n;
    deltas.set(k, d);
  };
  for (const c of changes) {
    if (c.from === c.to) continue;
    if (c.from) bump(c.shopId, c.from, -1);
    if (c.to) bump(c.shopId, c.to, 1);
  }
  const db = commerceDb(deps.db);
  const { added, removed } = await repo.addToShopBuyers(db, tenantId, [...deltas.values()].filter((d) => d.n !== 0));
  const perShop = new Map<string, { shopId: string; orders: number; buyers: number }>();
  const shop = (id: string) => perShop.get(id) ?? perShop.set(id, { shopId: id, orders: 0, buyers: 0 }).get(id)!;
  for (const [id, n] of newOrders) shop(id).orders += n;
  for (const p of added) shop(p.shopId).buyers++;
  for (const p of removed) shop(p.shopId).buyers--;
  await repo.addToShopCounts(db, tenantId, [...perShop.values()]);
  await emit(deps.db, tenantId, [...events(BUYERS_ADDED, added), ...events(BUYERS_REMOVED, removed)]);
}

function events(type: string, pairs: repo.Pair[]): DomainEvent[] {
  const byShop = new Map<string, string[]>();
  for (const p of pairs) {
    const ids = byShop.get(p.shopId);
    if (ids) ids.push(p.customerId);
    else byShop.set(p.shopId, [p.customerId]);
  }
  return [...byShop].map(([shopId, customerIds]) => ({ type, aggregateType: 'shop', aggregateId: shopId, payload: { customerIds } }));
}

export const shopCounts = (deps: Deps, tenantId: string) => repo.shopCounts(commerceDb(deps.db), tenantId);
export const countedShopCounts = (deps: Deps, tenantId: string) => repo.countedShopCounts(commerceDb(deps.db), tenantId);
