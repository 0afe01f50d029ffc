// The SQL behind orders-feed.ts: orders by (updated_at, id) after a cursor, and orders of customers.
import { sql } from 'kysely';
import type { CommerceDb } from './commerce.tables.ts';

export type FeedRow = {
  id: string; customer_id: string | null; platform: string; paid_fen: string | null; placed_at: Date | null;
  /** updated_at as PostgreSQL prints it: microseconds kept (a Date would cut them, and one import chunk shares one time). */
  updated_at: string;
  settled: boolean;
};

const COLS = sql`id, customer_id, platform, paid_fen, coalesce(paid_at, created_at) as placed_at, updated_at::text as updated_at`;

/**
 * Orders changed after (at, id), oldest first. `settled`: changed before the start of the oldest
 * transaction still running on this database — no row committed later can sort before it.
 */
export async function ordersChangedAfter(db: CommerceDb, tenantId: string, after: { at: string; id: string } | null, limit: number): Promise<FeedRow[]> {
  const r = await sql<FeedRow>`
    with h as (
      select least(coalesce(min(xact_start), now()), now()) as h from pg_stat_activity
      where datname = current_database() and xact_start is not null and pid <> pg_backend_pid()
    )
    select ${COLS}, updated_at < h.h as settled from orders, h
    where tenant_id = ${tenantId} ${after ? sql`and (updated_at, id) > (${after.at}::timestamptz, ${after.id})` : sql``}
    order by orders.updated_at, id limit ${limit}`.execute(db);
  return r.rows;
}

export async function ordersOfCustomers(db: CommerceDb, tenantId: string, customerIds: string[]): Promise<FeedRow[]> {
  const r = await sql<FeedRow>`
    select ${COLS}, true as settled from orders where tenant_id = ${tenantId} and customer_id = any(${customerIds}::text[])`.execute(db);
  return r.rows;
}
