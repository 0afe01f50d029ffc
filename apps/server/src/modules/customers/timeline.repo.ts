// All SQL of the customer timeline: the per-customer read, the consumer's insert, retention.
import { sql, type Insertable } from 'kysely';
import type { CustomersDb, TimelineEntriesTable } from './customers.tables.ts';

/** A customer's entries, newest first: the primary key's prefix finds them, a small sort orders them. */
export const timelineOf = (db: CustomersDb, tenantId: string, customerId: string, limit: number) =>
  db.selectFrom('timeline_entries').selectAll().where('tenant_id', '=', tenantId).where('customer_id', '=', customerId)
    .orderBy('occurred_at', 'desc').orderBy('event_id', 'desc').limit(limit).execute();

/** One entry per event: a replayed event meets its entry's primary key and adds nothing. */
export const insertTimeline = (db: CustomersDb, rows: Insertable<TimelineEntriesTable>[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('timeline_entries').values(rows)
    .onConflict((oc) => oc.columns(['tenant_id', 'customer_id', 'event_id']).doNothing()).execute().then(() => undefined);

/** The table's length in pages now: pruning walks it up to here. */
export async function timelinePages(db: CustomersDb): Promise<number> {
  const { rows } = await sql<{ pages: number }>`
    select pg_relation_size('timeline_entries') / current_setting('block_size')::int as pages`.execute(db);
  return Number(rows[0]?.pages ?? 0);
}

/**
 * Deletes up to `limit` entries that occurred before `before`, in pages [from, to) of the table
 * (a TID range scan: no index on the time is needed, and each call reads only its pages).
 * Returns how many went and the page of the last one, where the next call resumes.
 */
export async function deleteTimelineBefore(db: CustomersDb, before: Date, from: number, to: number, limit: number): Promise<{ deleted: number; lastPage: number | null }> {
  const { rows } = await sql<{ n: number; last_page: number | null }>`
    with gone as (
      delete from timeline_entries where ctid = any(array(
        select ctid from timeline_entries
        where ctid >= ${`(${from},0)`}::tid and ctid < ${`(${to},0)`}::tid and occurred_at < ${before}
        limit ${limit}))
      returning ctid
    )
    select count(*)::int as n, max((ctid::text::point)[0])::bigint as last_page from gone`.execute(db);
  const r = rows[0];
  return { deleted: Number(r?.n ?? 0), lastPage: r?.last_page == null ? null : Number(r.last_page) };
}
