// SQL of the callback inbox: one multi-row insert per intake batch, then the processor's reads.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { CallbackRowStatus } from './channel.tables.ts';

export type InboxRow = { tenantId: string; dedupeKey: string; event: string; changeType: string | null; payload: string; receivedAt: Date };

/** Stores new callbacks; a duplicate (same tenant and plaintext) is skipped. Returns `tenant\0key` of the rows stored. */
export async function insertCallbacks(db: Db, rows: InboxRow[]): Promise<Set<string>> {
  const r = await sql<{ tenant_id: string; dedupe_key: string }>`
    insert into wecom_callbacks (tenant_id, dedupe_key, event, change_type, payload, received_at)
    select * from unnest(${rows.map((x) => x.tenantId)}::text[], ${rows.map((x) => x.dedupeKey)}::text[],
      ${rows.map((x) => x.event)}::text[], ${rows.map((x) => x.changeType)}::text[], ${rows.map((x) => x.payload)}::text[],
      ${rows.map((x) => x.receivedAt.toISOString())}::timestamptz[])
    on conflict (tenant_id, dedupe_key) do nothing
    returning tenant_id, dedupe_key`.execute(db);
  return new Set(r.rows.map((x) => `${x.tenant_id}\u0000${x.dedupe_key}`));
}

export type PendingCallback = { id: number; payload: string; attempts: number };

export async function pendingCallbacks(db: Db, tenantId: string, limit: number): Promise<PendingCallback[]> {
  return db.selectFrom('wecom_callbacks').select(['id', 'payload', 'attempts'])
    .where('tenant_id', '=', tenantId).where('status', '=', 'pending').orderBy('id').limit(limit).execute();
}

export async function markCallback(db: Db, tenantId: string, id: number, status: CallbackRowStatus, error: string | null, at: Date) {
  await db.updateTable('wecom_callbacks')
    .set((eb) => ({ status, error, processed_at: status === 'pending' ? null : at, attempts: eb('attempts', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function tenantsWithPending(db: Db): Promise<string[]> {
  const r = await sql<{ tenant_id: string }>`select distinct tenant_id from wecom_callbacks where status = 'pending'`.execute(db);
  return r.rows.map((x) => x.tenant_id);
}

export async function recentCallbacks(db: Db, tenantId: string, limit: number) {
  return db.selectFrom('wecom_callbacks').select(['id', 'received_at', 'event', 'change_type', 'payload', 'status', 'error', 'attempts'])
    .where('tenant_id', '=', tenantId).orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
