// SQL of the match counts: what insight last counted per buyer, what the other modules' tables
// say now (read-only: commerce's buyers per shop, channel's WeCom relations), and the sums.
import { sql } from 'kysely';
import type { InsightDb } from './insight.tables.ts';

export const ALL_SHOPS = '*';
export type BuyerState = { customer_id: string; shop_ids: string[]; friend: boolean };

/** What the counts hold for these customers (no row: not counted as a buyer). */
export async function countedStates(db: InsightDb, tenantId: string, customerIds: string[]): Promise<Map<string, BuyerState>> {
  if (customerIds.length === 0) return new Map();
  const r = await sql<BuyerState>`select customer_id, shop_ids, friend from insight_buyers
    where tenant_id = ${tenantId} and customer_id = any(${customerIds}::text[])`.execute(db);
  return new Map(r.rows.map((x) => [x.customer_id, x]));
}

/** What the customers are now: the shops they have orders in, and whether any WeCom relation is active. */
export async function currentStates(db: InsightDb, tenantId: string, customerIds: string[]): Promise<BuyerState[]> {
  if (customerIds.length === 0) return [];
  const r = await sql<BuyerState>`
    select c.id as customer_id,
      array(select b.shop_id from shop_buyers b where b.tenant_id = ${tenantId} and b.customer_id = c.id order by b.shop_id) as shop_ids,
      exists (select 1 from wecom_relations w where w.tenant_id = ${tenantId} and w.customer_id = c.id and w.status = 'active') as friend
    from unnest(${customerIds}::text[]) as c(id)`.execute(db);
  return r.rows;
}

export async function saveStates(db: InsightDb, tenantId: string, rows: BuyerState[]) {
  if (rows.length === 0) return;
  await sql`
    insert into insight_buyers (tenant_id, customer_id, shop_ids, friend)
    select ${tenantId}, u.c, string_to_array(u.s, ','), u.f
    from unnest(${rows.map((r) => r.customer_id)}::text[], ${rows.map((r) => r.shop_ids.join(','))}::text[], ${rows.map((r) => r.friend)}::boolean[]) as u(c, s, f)
    on conflict (tenant_id, customer_id) do update set shop_ids = excluded.shop_ids, friend = excluded.friend`.execute(db);
}

export async function deleteStates(db: InsightDb, tenantId: string, customerIds: string[]) {
  if (customerIds.length === 0) return;
  await sql`delete from insight_buyers where tenant_id = ${tenantId} and customer_id = any(${customerIds}::text[])`.execute(db);
}

export async function addToMatchCounts(db: InsightDb, tenantId: string, rows: Array<{ shopId: string; buyers: number; friends: number }>) {
  const changed = rows.filter((r) => r.buyers !== 0 || r.friends !== 0);
  if (changed.length === 0) return;
  await sql`
    insert into insight_match_counts (tenant_id, shop_id, buyers, friends)
    select ${tenantId}, u.s, u.b, u.f from unnest(${changed.map((r) => r.shopId)}::text[], ${changed.map((r) => r.buyers)}::int[], ${changed.map((r) => r.friends)}::int[]) as u(s, b, f)
    order by u.s
    on conflict (tenant_id, shop_id) do update set buyers = insight_match_counts.buyers + excluded.buyers, friends = insight_match_counts.friends + excluded.friends`.execute(db);
}

export type ShopMatch = { shop_id: string; shop_name: string; platform: string; buyers: number; friends: number };

/** Every shop with its counts, oldest shop first, and the tenant's totals. */
export async function matchCounts(db: InsightDb, tenantId: string): Promise<{ shops: ShopMatch[]; total: { buyers: number; friends: number } }> {
  const shops = await sql<ShopMatch>`
    select s.id as shop_id, s.name as shop_name, s.platform, coalesce(m.buyers, 0)::int as buyers, coalesce(m.friends, 0)::int as friends
    from shops s left join insight_match_counts m on m.tenant_id = s.tenant_id and m.shop_id = s.id
    where s.tenant_id = ${tenantId} order by s.created_at`.execute(db);
  const total = await sql<{ buyers: number; friends: number }>`
    select buyers, friends from insight_match_counts where tenant_id = ${tenantId} and shop_id = ${ALL_SHOPS}`.execute(db);
  return { shops: shops.rows, total: total.rows[0] ?? { buyers: 0, friends: 0 } };
}

export async function friendsByShop(db: InsightDb, tenantId: string): Promise<Map<string, number>> {
  const r = await sql<{ shop_id: string; friends: number }>`
    select shop_id, friends from insight_match_counts where tenant_id = ${tenantId} and shop_id <> ${ALL_SHOPS}`.execute(db);
  return new Map(r.rows.map((x) => [x.shop_id, x.friends]));
}

/**
 * The same numbers counted from the orders and the relations (what the match rate did per request
 * before the counts were kept): what the kept counts must equal, for tests and the benchmark.
 */
export async function countedMatch(db: InsightDb, tenantId: string): Promise<{ shops: ShopMatch[]; total: { buyers: number; friends: number } }> {
  const shops = await sql<ShopMatch>`
    with buyers as (
      select distinct o.shop_id, o.customer_id from orders o where o.tenant_id = ${tenantId} and o.customer_id is not null
    )
    select s.id as shop_id, s.name as shop_name, s.platform,
      count(b.customer_id)::int as buyers,
      count(b.customer_id) filter (where exists (
        select 1 from wecom_relations w where w.tenant_id = ${tenantId} and w.customer_id = b.customer_id and w.status = 'active'))::int as friends
    from shops s left join buyers b on b.shop_id = s.id
    where s.tenant_id = ${tenantId}
    group by s.id, s.name, s.platform, s.created_at order by s.created_at`.execute(db);
  const total = await sql<{ buyers: number; friends: number }>`
    with buyers as (select distinct customer_id from orders where tenant_id = ${tenantId} and customer_id is not null)
    select count(*)::int as buyers, count(*) filter (where exists (
      select 1 from wecom_relations w where w.tenant_id = ${tenantId} and w.customer_id = buyers.customer_id and w.status = 'active'))::int as friends
    from buyers`.execute(db);
  return { shops: shops.rows, total: total.rows[0] };
}
