// SQL of the per-shop counters: buyers (customer, shop) with their order counts, and the sums per
// shop. Deltas are upserts (`n = n + delta`), so writers that run at once add up; rows are taken
// in key order, so two writers lock shared rows in the same order.
import { sql } from 'kysely';
import type { CommerceDb } from './commerce.tables.ts';

export type Pair = { shopId: string; customerId: string };

/**
 * Adds order counts to (shop, customer) pairs; returns the pairs that appeared (their first order
 * in the shop) and those that are gone (their last order moved away), the latter deleted.
 */
export async function addToShopBuyers(db: CommerceDb, tenantId: string, deltas: Array<Pair & { n: number }>): Promise<{ added: Pair[]; removed: Pair[] }> {
  if (deltas.length === 0) return { added: [], removed: [] };
  // xmax = 0: the row was inserted by this statement, not updated.
  const r = await sql<{ shop_id: string; customer_id: string; orders: number; inserted: boolean }>`
    insert into shop_buyers (tenant_id, shop_id, customer_id, orders)
    select ${tenantId}, u.s, u.c, u.n from unnest(${deltas.map((d) => d.shopId)}::text[], ${deltas.map((d) => d.customerId)}::text[], ${deltas.map((d) => d.n)}::int[]) as u(s, c, n)
    order by u.c, u.s
    on conflict (tenant_id, customer_id, shop_id) do update set orders = shop_buyers.orders + excluded.orders
    returning shop_id, customer_id, orders, (xmax = 0) as inserted`.execute(db);
  const gone = r.rows.filter((x) => x.orders <= 0);
  if (gone.length) {
    await sql`delete from shop_buyers b using unnest(${gone.map((g) => g.shop_id)}::text[], ${gone.map((g) => g.customer_id)}::text[]) as u(s, c)
      where b.tenant_id = ${tenantId} and b.shop_id = u.s and b.customer_id = u.c and b.orders <= 0`.execute(db);
  }
  const pair = (x: { shop_id: string; customer_id: string }) => ({ shopId: x.shop_id, customerId: x.customer_id });
  return { added: r.rows.filter((x) => x.inserted && x.orders > 0).map(pair), removed: gone.filter((x) => !x.inserted).map(pair) };
}

/** Adds to the order and buyer counts of shops. */
export async function addToShopCounts(db: CommerceDb, tenantId: string, rows: Array<{ shopId: string; orders: number; buyers: number }>) {
  const changed = rows.filter((r) => r.orders !== 0 || r.buyers !== 0).sort((a, b) => (a.shopId < b.shopId ? -1 : a.shopId > b.shopId ? 1 : 0));
  if (changed.length === 0) return;
  await sql`
    insert into shop_counts (tenant_id, shop_id, orders, buyers)
    select ${tenantId}, u.s, u.o, u.b from unnest(${changed.map((r) => r.shopId)}::text[], ${changed.map((r) => r.orders)}::int[], ${changed.map((r) => r.buyers)}::int[]) as u(s, o, b)
    order by u.s
    on conflict (tenant_id, shop_id) do update set orders = shop_counts.orders + excluded.orders, buyers = shop_counts.buyers + excluded.buyers`.execute(db);
}

/** Orders and buyers per shop, as kept. */
export async function shopCounts(db: CommerceDb, tenantId: string) {
  const rows = await db.selectFrom('shop_counts').select(['shop_id', 'orders', 'buyers']).where('tenant_id', '=', tenantId).execute();
  return new Map(rows.map((x) => [x.shop_id, x]));
}

/** Orders and buyers (distinct customers) per shop counted from the orders: what the kept counts must equal. */
export async function countedShopCounts(db: CommerceDb, tenantId: string) {
  const r = await sql<{ shop_id: string; orders: number; buyers: number }>`
    select shop_id, count(*)::int as orders, count(distinct customer_id)::int as buyers from orders where tenant_id = ${tenantId} group by shop_id`.execute(db);
  return new Map(r.rows.map((x) => [x.shop_id, x]));
}
