// SQL of the callback inbox: one multi-row insert per intake batch, then the processor's reads.
import { sql } from 'kysely';
import type { ChannelDb } from './channel.tables.ts';
import type { CallbackRowStatus } from './channel.tables.ts';

/**
 * A callback as the intake stores it. `status` is 'pending' (the processor's work) unless the
 * intake already knows it cannot be handled: then 'failed' with the reason in `error`.
 */
export type InboxRow = {
  tenantId: string; dedupeKey: string; event: string; changeType: string | null; payload: string; receivedAt: Date;
  status?: 'pending' | 'failed'; error?: string | null;
};

/** Stores new callbacks; a duplicate (same tenant and plaintext) is skipped. Returns `tenant\0key` of the rows stored. */
export async function insertCallbacks(db: ChannelDb, rows: InboxRow[]): Promise<Set<string>> {
  const r = await sql<{ tenant_id: string; dedupe_key: string }>`
    insert into wecom_callbacks (tenant_id, dedupe_key, event, change_type, payload, received_at, status, error, processed_at)
    select t, k, e, c, p, r, s, err, case when s = 'pending' then null else r end
    from unnest(${rows.map((x) => x.tenantId)}::text[], ${rows.map((x) => x.dedupeKey)}::text[],
      ${rows.map((x) => x.event)}::text[], ${rows.map((x) => x.changeType)}::text[], ${rows.map((x) => x.payload)}::text[],
      ${rows.map((x) => x.receivedAt.toISOString())}::timestamptz[],
      ${rows.map((x) => x.status ?? 'pending')}::text[], ${rows.map((x) => x.error ?? null)}::text[]) as u(t, k, e, c, p, r, s, err)
    on conflict (tenant_id, dedupe_key) do nothing
    returning tenant_id, dedupe_key`.execute(db);
  return new Set(r.rows.map((x) => `${x.tenant_id}\u0000${x.dedupe_key}`));
}

export type PendingCallback = { id: number; payload: string; attempts: number };

export async function pendingCallbacks(db: ChannelDb, tenantId: string, limit: number): Promise<PendingCallback[]> {
  return db.selectFrom('wecom_callbacks').select(['id', 'payload', 'attempts'])
    .where('tenant_id', '=', tenantId).where('status', '=', 'pending').orderBy('id').limit(limit).execute();
}

export async function markCallback(db: ChannelDb, tenantId: string, id: number, status: CallbackRowStatus, error: string | null, at: Date) {
  await db.updateTable('wecom_callbacks')
    .set((eb) => ({ status, error, processed_at: status === 'pending' ? null : at, attempts: eb('attempts', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function tenantsWithPending(db: ChannelDb): Promise<string[]> {
  const r = await sql<{ tenant_id: string }>`select distinct tenant_id from wecom_callbacks where status = 'pending'`.execute(db);
  return r.rows.map((x) => x.tenant_id);
}

export async function recentCallbacks(db: ChannelDb, tenantId: string, limit: number) {
  return db.selectFrom('wecom_callbacks').select(['id', 'received_at', 'event', 'change_type', 'payload', 'status', 'error', 'attempts'])
    .where('tenant_id', '=', tenantId).orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

// ── Retention (retention.service.ts): finished callbacks leave after the callback log's window ──

/** Every tenant with stored callbacks: one probe of the primary key per tenant (a loose index scan). */
export async function tenantsWithCallbacks(db: ChannelDb): Promise<string[]> {
  const r = await sql<{ tenant_id: string }>`
    with recursive t(tenant_id) as (
      (select tenant_id from wecom_callbacks order by tenant_id limit 1)
      union all
      select (select w.tenant_id from wecom_callbacks w where w.tenant_id > t.tenant_id order by w.tenant_id limit 1) from t where t.tenant_id is not null
    )
    select tenant_id from t where tenant_id is not null`.execute(db);
  return r.rows.map((x) => x.tenant_id);
}

/**
 * Deletes up to `limit` of a tenant's finished callbacks (processed, ignored, failed) received
 * before `before`, oldest first; a pending one stays whatever its age. Returns how many went.
 */
export async function deleteFinishedCallbacks(db: ChannelDb, tenantId: string, before: Date, limit: number): Promise<number> {
  const r = await sql<{ n: number }>`
    with doomed as (
      select id from wecom_callbacks
      where tenant_id = ${tenantId} and received_at < ${before} and status <> 'pending'
      order by received_at limit ${limit}
    ), gone as (
      delete from wecom_callbacks w using doomed d where w.tenant_id = ${tenantId} and w.id = d.id returning 1
    )
    select count(*)::int as n from gone`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
