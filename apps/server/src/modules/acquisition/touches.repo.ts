// The touch log's SQL: touches of customers, new ones, the few merged in place, and customer merges.
import { sql } from 'kysely';
import type { AcquisitionDb } from './acquisition.tables.ts';

export type TouchRow = {
  id: string | null; // null: not written yet
  customer_id: string; occurred_at: Date; kind: string; friend: boolean; channel_kind: string; channel_id: string | null;
  code_id: string | null; state: string | null; staff_id: string | null; event_ids: string[];
};

export async function touchesOf(db: AcquisitionDb, tenantId: string, customerIds: string[]): Promise<TouchRow[]> {
  if (customerIds.length === 0) return [];
  const r = await sql<TouchRow>`
    select id::text, customer_id, occurred_at, kind, friend, channel_kind, channel_id, code_id, state, staff_id, event_ids::text[] as event_ids
    from touches where tenant_id = ${tenantId} and customer_id = any(${customerIds}::text[])`.execute(db);
  return r.rows;
}

export async function insertTouches(db: AcquisitionDb, tenantId: string, rows: TouchRow[]) {
  if (rows.length === 0) return;
  const col = <K extends keyof TouchRow>(k: K) => rows.map((r) => r[k]);
  await sql`
    insert into touches (tenant_id, customer_id, occurred_at, kind, friend, channel_kind, channel_id, code_id, state, staff_id, event_ids)
    select ${tenantId}, u.c, u.at, u.k, u.f, u.ck, u.ci, u.code, u.st, u.staff, string_to_array(u.ev, ',')::bigint[]
    from unnest(${col('customer_id')}::text[], ${rows.map((r) => r.occurred_at.toISOString())}::timestamptz[], ${col('kind')}::text[], ${col('friend')}::boolean[],
      ${col('channel_kind')}::text[], ${col('channel_id')}::text[], ${col('code_id')}::text[], ${col('state')}::text[], ${col('staff_id')}::text[],
      ${rows.map((r) => r.event_ids.join(','))}::text[]) as u(c, at, k, f, ck, ci, code, st, staff, ev)`.execute(db);
}

/** A touch that took in a second event (a code's add and WeCom's friend add are one touch). */
export async function updateTouch(db: AcquisitionDb, tenantId: string, t: TouchRow) {
  await sql`update touches set occurred_at = ${t.occurred_at}, kind = ${t.kind}, channel_kind = ${t.channel_kind}, channel_id = ${t.channel_id},
      code_id = ${t.code_id}, state = ${t.state}, staff_id = ${t.staff_id}, event_ids = ${t.event_ids}::bigint[]
    where tenant_id = ${tenantId} and customer_id = ${t.customer_id} and id = ${t.id}`.execute(db);
}

/** A merge: the merged customer's touches go to the kept one, remembering where they came from. */
export async function moveTouches(db: AcquisitionDb, tenantId: string, fromId: string, toId: string) {
  await sql`update touches set customer_id = ${toId}, merged_from = ${fromId} where tenant_id = ${tenantId} and customer_id = ${fromId}`.execute(db);
}

/** Its undo: exactly the touches that came from the merged customer go back. */
export async function restoreTouches(db: AcquisitionDb, tenantId: string, keptId: string, mergedId: string) {
  await sql`update touches set customer_id = ${mergedId}, merged_from = null
    where tenant_id = ${tenantId} and customer_id = ${keptId} and merged_from = ${mergedId}`.execute(db);
}
