// All of attribution's SQL: acquisition's copy of the order facts, the set-based attribution of
// customers' orders (by id list or by customer range), settings and the summaries.
import { sql, type RawBuilder } from 'kysely';
import type { AcquisitionDb } from './acquisition.tables.ts';

/** Tmall/Taobao: an order placed there after a private-domain touch is 反哺 (fed back to the platform). */
export const FEEDBACK_PLATFORMS = ['tmall', 'taobao'];
export const DEFAULT_WINDOW_DAYS = 30;

export type OrderFactRow = { orderId: string; customerId: string | null; platform: string; paidFen: number; placedAt: Date | null };

/** Which customers a statement covers: a list, or the ids in [from, to) (null = unbounded). */
export type CustomerScope = { ids: string[] } | { from: string | null; to: string | null };

const inScope = (col: RawBuilder<unknown>, s: CustomerScope) => 'ids' in s
  ? sql`${col} = any(${s.ids}::text[])`
  : sql`${s.from === null ? sql`true` : sql`${col} >= ${s.from}`} and ${s.to === null ? sql`true` : sql`${col} < ${s.to}`}`;

/**
 * Re-attributions of one tenant exclude each other: two transactions re-attributing the same
 * customer would both insert the same keys. The consumer and the order catch-up take the lock
 * alone; the batches of a full run share it (their customer ranges are disjoint).
 */
export async function lockTenant(db: AcquisitionDb, tenantId: string, shared = false) {
  const key = sql`hashtextextended(${`acquisition.attribution:${tenantId}`}, 0)`;
  await (shared ? sql`select pg_advisory_xact_lock_shared(${key})` : sql`select pg_advisory_xact_lock(${key})`).execute(db);
}

/** Upserts order facts; returns the customers these orders had before (an order may have moved). */
export async function saveOrderFacts(db: AcquisitionDb, tenantId: string, rows: OrderFactRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const before = await sql<{ customer_id: string }>`
    select distinct customer_id from attribution_orders
    where tenant_id = ${tenantId} and order_id = any(${rows.map((r) => r.orderId)}::text[]) and customer_id is not null`.execute(db);
  await sql`
    insert into attribution_orders (tenant_id, order_id, customer_id, platform, paid_fen, placed_at)
    select ${tenantId}, u.o, u.c, u.p, u.f, u.t from unnest(${rows.map((r) => r.orderId)}::text[], ${rows.map((r) => r.customerId)}::text[],
      ${rows.map((r) => r.platform)}::text[], ${rows.map((r) => r.paidFen)}::bigint[], ${rows.map((r) => r.placedAt?.toISOString() ?? null)}::timestamptz[]) as u(o, c, p, f, t)
    on conflict (tenant_id, order_id) do update set customer_id = excluded.customer_id, platform = excluded.platform, paid_fen = excluded.paid_fen, placed_at = excluded.placed_at
    where (attribution_orders.customer_id, attribution_orders.platform, attribution_orders.paid_fen, attribution_orders.placed_at)
      is distinct from (excluded.customer_id, excluded.platform, excluded.paid_fen, excluded.placed_at)`.execute(db);
  return before.rows.map((r) => r.customer_id);
}

/** Drops the copies of these customers' orders that are not in `keep` (they moved to another customer). */
export async function forgetOrdersOf(db: AcquisitionDb, tenantId: string, customerIds: string[], keep: string[]) {
  if (customerIds.length === 0) return;
  await sql`update attribution_orders set customer_id = null
    where tenant_id = ${tenantId} and customer_id = any(${customerIds}::text[]) and not (order_id = any(${keep}::text[]))`.execute(db);
}

/**
 * Re-attributes every order of the customers in scope, from scratch: their rows are deleted and
 * written again in one INSERT … SELECT. An order is attributed when it was placed at or after the
 * customer's first friend touch and has touches in (placed_at − window, placed_at]; each of those
 * touches gets a row with its place k among them. Returns the rows written.
 */
export async function attributeCustomers(db: AcquisitionDb, tenantId: string, scope: CustomerScope, windowDays: number): Promise<number> {
  if ('ids' in scope && scope.ids.length === 0) return 0;
  await sql`delete from order_attributions where tenant_id = ${tenantId} and ${inScope(sql`customer_id`, scope)}`.execute(db);
  const r = await sql`
    with friends as (
      select customer_id, min(occurred_at) as since from touches
      where tenant_id = ${tenantId} and friend and ${inScope(sql`customer_id`, scope)} group by customer_id
    ), pairs as (
      select o.customer_id, o.order_id, o.placed_at, o.platform, o.paid_fen, t.id as touch_id,
        t.channel_kind, t.channel_id, t.code_id, t.staff_id,
        row_number() over (partition by o.order_id order by t.occurred_at, t.id) as k,
        count(*) over (partition by o.order_id) as n
      from attribution_orders o
      join friends f on f.customer_id = o.customer_id and o.placed_at >= f.since
      join touches t on t.tenant_id = o.tenant_id and t.customer_id = o.customer_id
        and t.occurred_at <= o.placed_at and t.occurred_at > o.placed_at - make_interval(days => ${windowDays})
      where o.tenant_id = ${tenantId} and ${inScope(sql`o.customer_id`, scope)}
    )
    insert into order_attributions (tenant_id, customer_id, order_id, touch_id, placed_at, platform, paid_fen, k, touches, linear_fen,
      channel_kind, channel_id, code_id, staff_id, feedback)
    select ${tenantId}, customer_id, order_id, touch_id, placed_at, platform, paid_fen, k, n,
      paid_fen / n + case when k <= paid_fen % n then 1 else 0 end,
      channel_kind, channel_id, code_id, staff_id, platform = any(${FEEDBACK_PLATFORMS}::text[])
    from pairs`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** The customer id that ends a batch of about `orders` orders after `after` (null: the rest). */
export async function nextBoundary(db: AcquisitionDb, tenantId: string, after: string | null, orders: number): Promise<string | null> {
  const r = await sql<{ c: string }>`
    select customer_id as c from attribution_orders
    where tenant_id = ${tenantId} and customer_id is not null ${after === null ? sql`` : sql`and customer_id > ${after}`}
    order by customer_id offset ${orders} limit 1`.execute(db);
  return r.rows[0]?.c ?? null;
}

export type Settings = { windowDays: number; ordersAfter: { at: string; id: string } | null };

/** The tenant's settings, the row locked (created with the defaults when missing). */
export async function settingsForUpdate(db: AcquisitionDb, tenantId: string): Promise<Settings> {
  await sql`insert into attribution_settings (tenant_id) values (${tenantId}) on conflict do nothing`.execute(db);
  const r = await sql<{ window_days: number; at: string | null; id: string | null }>`
    select window_days, orders_after_at::text as at, orders_after_id as id from attribution_settings where tenant_id = ${tenantId} for update`.execute(db);
  const s = r.rows[0];
  return { windowDays: s.window_days, ordersAfter: s.at && s.id ? { at: s.at, id: s.id } : null };
}

export async function windowDays(db: AcquisitionDb, tenantId: string): Promise<number> {
  const r = await db.selectFrom('attribution_settings').select('window_days').where('tenant_id', '=', tenantId).executeTakeFirst();
  return r?.window_days ?? DEFAULT_WINDOW_DAYS;
}

export async function saveOrdersCursor(db: AcquisitionDb, tenantId: string, at: string, id: string) {
  await sql`update attribution_settings set orders_after_at = ${at}::timestamptz, orders_after_id = ${id}, updated_at = now() where tenant_id = ${tenantId}`.execute(db);
}

export async function saveWindow(db: AcquisitionDb, tenantId: string, days: number) {
  await sql`insert into attribution_settings (tenant_id, window_days) values (${tenantId}, ${days})
    on conflict (tenant_id) do update set window_days = excluded.window_days, updated_at = now()`.execute(db);
}
